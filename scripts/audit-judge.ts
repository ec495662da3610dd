// The judging half of scripts/audit.ts, pure (all but runNpmAudit, at the end) so
// tests/unit/audit.test.ts can hold it to its word:
// what `npm audit --omit=dev --json` printed (and how it exited) becomes either a report with a
// count per severity, or the reason there is no report. A high or critical finding fails; so does
// having no report at all (registry unreachable, audit endpoint refused, npm itself failed): an
// audit that could not run proves nothing, so it must never read as a pass.
import { execFile } from 'node:child_process';
import { z } from 'zod';

export const SEVERITIES = ['critical', 'high', 'moderate', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Counts = Record<Severity, number>;

export type AuditOutcome =
  | { kind: 'report'; counts: Counts; packages: Array<{ name: string; severity: Severity }> }
  /** The registry (or its audit endpoint) could not be reached or refused the request. */
  | { kind: 'unreachable'; reason: string }
  /** npm ran but produced no report for another reason (no lock file, unreadable output, …). */
  | { kind: 'error'; reason: string };

export interface Verdict {
  pass: boolean;
  /** critical + high; 1 when there was no report. */
  failures: number;
  /** One line for the log. */
  summary: string;
}

/** How the npm process ended, as node's spawnSync reports it. */
export interface NpmRun {
  stdout: string;
  status: number | null;
  /** spawnSync's error: ETIMEDOUT when our timeout killed it, ENOENT when npm is missing. */
  errorCode?: string | undefined;
  signal?: string | null | undefined;
}

const SeverityZ = z.enum(SEVERITIES);
const Report = z.object({
  auditReportVersion: z.number().optional(),
  vulnerabilities: z.record(z.string(), z.object({ name: z.string().optional(), severity: SeverityZ }).passthrough()),
  metadata: z
    .object({ vulnerabilities: z.object({ critical: z.number(), high: z.number(), moderate: z.number(), low: z.number(), info: z.number().optional() }).passthrough() })
    .passthrough()
    .optional(),
});
const ErrorBody = z
  .object({
    message: z.string().optional(),
    statusCode: z.number().optional(),
    code: z.string().optional(),
    error: z.object({ code: z.string().optional(), summary: z.string().optional(), detail: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();

/** Network failures npm (and node) name in its words, and HTTP statuses from the audit endpoint. */
const NETWORK_CODES = ['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'UND_ERR_CONNECT_TIMEOUT', 'CERT_', 'SELF_SIGNED_CERT', 'UNABLE_TO_'];

export function parseAudit(run: NpmRun): AuditOutcome {
  if (run.errorCode === 'ETIMEDOUT' || (run.status === null && run.signal)) {
    return { kind: 'unreachable', reason: `npm audit did not finish in time (${run.signal ?? run.errorCode}); the registry may be unreachable or too slow` };
  }
  if (run.errorCode) return { kind: 'error', reason: `npm could not be started (${run.errorCode})` };
  let json: unknown;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    const first = run.stdout.trim().split('\n')[0]?.slice(0, 200) ?? '';
    return { kind: 'error', reason: `npm audit printed no JSON report (exit ${run.status})${first ? `: ${first}` : ''}` };
  }
  const report = Report.safeParse(json);
  if (report.success) {
    const packages = Object.entries(report.data.vulnerabilities).map(([name, v]) => ({ name: v.name ?? name, severity: v.severity }));
    const m = report.data.metadata?.vulnerabilities;
    const counts: Counts = m
      ? { critical: m.critical, high: m.high, moderate: m.moderate, low: m.low, info: m.info ?? 0 }
      : countBySeverity(packages.map((p) => p.severity));
    return { kind: 'report', counts, packages };
  }
  const err = ErrorBody.safeParse(json);
  const text = err.success ? [err.data.message, err.data.error?.summary, err.data.error?.detail].filter((s) => s && s.trim()).join(' — ') : '';
  const code = err.success ? (err.data.error?.code ?? err.data.code) : undefined;
  const status = err.success ? err.data.statusCode : undefined;
  const reason = (text || `npm audit exited ${run.status} without a report`) + (code && !text.includes(code) ? ` (${code})` : '');
  const network = NETWORK_CODES.some((c) => reason.includes(c) || code?.startsWith(c)) || /\btimed? ?out\b/i.test(reason);
  // An HTTP status means a server answered, but it was not an audit (a mirror without the audit
  // endpoint answers 404 or 405, a proxy 407/502): for us that is the registry being unreachable.
  if (network || status !== undefined || /audit endpoint returned an error/i.test(reason)) return { kind: 'unreachable', reason };
  return { kind: 'error', reason };
}

export function judge(outcome: AuditOutcome): Verdict {
  if (outcome.kind === 'unreachable') {
    return { pass: false, failures: 1, summary: `npm audit could not reach the registry: ${outcome.reason}` };
  }
  if (outcome.kind === 'error') return { pass: false, failures: 1, summary: `npm audit could not run: ${outcome.reason}` };
  const c = outcome.counts;
  const failures = c.critical + c.high;
  const counts = `critical ${c.critical}, high ${c.high}, moderate ${c.moderate}, low ${c.low}`;
  return { pass: failures === 0, failures, summary: failures === 0 ? `npm audit (production deps): ${counts}; none high or critical` : `npm audit (production deps): ${counts}; ${failures} high or critical` };
}

function countBySeverity(list: Severity[]): Counts {
  const c: Counts = { critical: 0, high: 0, moderate: 0, low: 0, info: 0 };
  for (const s of list) c[s]++;
  return c;
}

/**
 * The negative control: a fixed report, in npm's own v2 shape, with one high finding in a
 * production dependency. The judge must call it failing, or it could not fail anything.
 */
export const CONTROL_REPORT_ONE_HIGH = JSON.stringify({
  auditReportVersion: 2,
  vulnerabilities: {
    zod: {
      name: 'zod',
      severity: 'high',
      isDirect: true,
      via: [{ source: 1, name: 'zod', dependency: 'zod', title: 'Control: a deliberately planted high finding', url: 'https://example.invalid/control', severity: 'high', range: '<99.0.0' }],
      effects: [],
      range: '<99.0.0',
      nodes: ['node_modules/zod'],
      fixAvailable: false,
    },
  },
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 1, critical: 0, total: 1 }, dependencies: { prod: 1, dev: 0, optional: 0, peer: 0, peerOptional: 0, total: 1 } },
});

/** True when the judge fails the planted high finding (run in the same process as the real audit). */
export function controlCaught(): boolean {
  const v = judge(parseAudit({ stdout: CONTROL_REPORT_ONE_HIGH, status: 1 }));
  return !v.pass && v.failures === 1;
}

/**
 * The one impure part: run npm audit in a folder and report how it ended (never rejects). Async,
 * so a registry served by the same process (the unit test's loopback one) can answer.
 */
export function runNpmAudit(extraArgs: readonly string[], cwd: string, timeoutMs = 120_000): Promise<NpmRun> {
  return new Promise((resolve) => {
    execFile('npm', ['audit', '--omit=dev', '--json', ...extraArgs], { cwd, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      const e = error as (Error & { code?: number | string; killed?: boolean; signal?: string | null }) | null;
      if (!e) return resolve({ stdout, status: 0 });
      // execFile: a number code is npm's exit status; a string one (ENOENT) means it never ran;
      // killed means our timeout stopped it.
      if (e.killed) return resolve({ stdout, status: null, errorCode: 'ETIMEDOUT', signal: e.signal ?? 'SIGTERM' });
      if (typeof e.code === 'string') return resolve({ stdout, status: null, errorCode: e.code });
      resolve({ stdout, status: typeof e.code === 'number' ? e.code : null, signal: e.signal ?? null });
    });
  });
}
