// scripts/audit.ts's judge: high or critical fails, lower passes with its counts, and no report
// (registry unreachable, endpoint refused, npm broken) never passes. The last block runs the real
// npm against a loopback advisory server and a closed port, so the parser is held to npm's own
// output, not to a shape we imagined.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_REPORT_ONE_HIGH, controlCaught, judge, parseAudit, runNpmAudit, type Counts } from '../../scripts/audit-judge';

const ROOT = resolve(__dirname, '../..');

function report(counts: Partial<Counts>, packages: Record<string, string> = {}): string {
  const c = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts };
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: Object.fromEntries(Object.entries(packages).map(([name, severity]) => [name, { name, severity, isDirect: true, via: [], effects: [], range: '*', nodes: [], fixAvailable: false }])),
    metadata: { vulnerabilities: { ...c, total: c.info + c.low + c.moderate + c.high + c.critical }, dependencies: { prod: 5, dev: 0, optional: 0, peer: 0, peerOptional: 0, total: 5 } },
  });
}

describe('judging a report', () => {
  it('passes a clean report and prints every count', () => {
    const v = judge(parseAudit({ stdout: report({}), status: 0 }));
    expect(v).toMatchObject({ pass: true, failures: 0 });
    expect(v.summary).toContain('critical 0, high 0, moderate 0, low 0');
  });

  it('passes moderate and low findings, counted', () => {
    const o = parseAudit({ stdout: report({ moderate: 2, low: 3 }, { a: 'moderate', b: 'moderate', c: 'low', d: 'low', e: 'low' }), status: 1 });
    expect(o).toMatchObject({ kind: 'report', counts: { critical: 0, high: 0, moderate: 2, low: 3 } });
    expect(judge(o)).toMatchObject({ pass: true, failures: 0 });
  });

  it('fails one high, and one critical, with failures = critical + high', () => {
    expect(judge(parseAudit({ stdout: report({ high: 1 }, { x: 'high' }), status: 1 }))).toMatchObject({ pass: false, failures: 1 });
    expect(judge(parseAudit({ stdout: report({ critical: 1 }, { x: 'critical' }), status: 1 }))).toMatchObject({ pass: false, failures: 1 });
    expect(judge(parseAudit({ stdout: report({ critical: 2, high: 3, low: 4 }), status: 1 }))).toMatchObject({ pass: false, failures: 5 });
  });

  it('counts from the findings when a report has no metadata', () => {
    const noMeta = JSON.stringify({ auditReportVersion: 2, vulnerabilities: { a: { name: 'a', severity: 'critical' }, b: { name: 'b', severity: 'low' } } });
    expect(parseAudit({ stdout: noMeta, status: 1 })).toMatchObject({ kind: 'report', counts: { critical: 1, low: 1, high: 0 } });
  });

  it('judges its own negative control (one planted high) failing', () => {
    expect(judge(parseAudit({ stdout: CONTROL_REPORT_ONE_HIGH, status: 1 }))).toMatchObject({ pass: false, failures: 1 });
    expect(controlCaught()).toBe(true);
  });
});

describe('no report is never a pass', () => {
  const npmError = (message: string, extra: object = {}) => JSON.stringify({ message, error: { summary: '', detail: '' }, ...extra });

  it.each([
    ['DNS', npmError('request to https://registry.example/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.example')],
    ['refused', npmError('request to http://127.0.0.1:9/-/npm/v1/security/advisories/bulk failed, reason: connect ECONNREFUSED 127.0.0.1:9')],
    ['timeout', npmError('request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed, reason: network timeout at: https://registry.npmjs.org/')],
    ['a mirror without the endpoint (405)', npmError('405 Method Not Allowed - POST https://mirror.example/-/npm/v1/security/advisories/bulk', { statusCode: 405, method: 'POST' })],
  ])('%s: unreachable, failures 1, and says why', (_name, stdout) => {
    const o = parseAudit({ stdout, status: 1 });
    expect(o.kind).toBe('unreachable');
    const v = judge(o);
    expect(v).toMatchObject({ pass: false, failures: 1 });
    expect(v.summary).toMatch(/^npm audit could not reach the registry: ./);
  });

  it('our own timeout killing npm is unreachable too', () => {
    const v = judge(parseAudit({ stdout: '', status: null, errorCode: 'ETIMEDOUT', signal: 'SIGTERM' }));
    expect(v).toMatchObject({ pass: false, failures: 1 });
    expect(v.summary).toContain('could not reach the registry');
  });

  it('npm missing, no JSON, or another npm error fails as "could not run"', () => {
    for (const run of [
      { stdout: '', status: null, errorCode: 'ENOENT' },
      { stdout: 'Segmentation fault', status: 139 },
      { stdout: JSON.stringify({ error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.', detail: '' } }), status: 1 },
    ]) {
      const v = judge(parseAudit(run));
      expect(v).toMatchObject({ pass: false, failures: 1 });
      expect(v.summary).toMatch(/^npm audit could not (run|reach the registry): ./);
    }
  });
});

describe('the real npm, over loopback', () => {
  let server: Server;
  let registry = '';
  let asked = '';
  beforeAll(async () => {
    // A registry that serves only the bulk advisory endpoint: one high advisory for zod, a
    // production dependency of this repository.
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.method === 'POST' && req.url?.endsWith('/-/npm/v1/security/advisories/bulk')) {
          const body = Buffer.concat(chunks);
          asked = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ zod: [{ id: 1, url: 'https://example.invalid/GHSA-test', title: 'Planted high', severity: 'high', vulnerable_versions: '<99.0.0', cwe: [], cvss: { score: 7.5, vectorString: null } }] }));
        } else {
          res.statusCode = 404;
          res.end('{}');
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('reads npm’s report of a high production finding and fails it', async () => {
    const o = parseAudit(await runNpmAudit([`--registry=${registry}`, '--fetch-retries=0'], ROOT, 30_000));
    expect(o).toMatchObject({ kind: 'report', counts: { high: 1, critical: 0 } });
    expect(judge(o)).toMatchObject({ pass: false, failures: 1 });
    // --omit=dev: only production packages were asked about.
    expect(asked).toContain('"zod"');
    expect(asked).not.toContain('"vitest"');
  }, 30_000);

  it('reads npm’s words for a closed port as unreachable', async () => {
    const v = judge(parseAudit(await runNpmAudit(['--registry=http://127.0.0.1:9/', '--fetch-retries=0'], ROOT, 30_000)));
    expect(v).toMatchObject({ pass: false, failures: 1 });
    expect(v.summary).toMatch(/^npm audit could not reach the registry: .*ECONNREFUSED/);
  }, 30_000);
});
