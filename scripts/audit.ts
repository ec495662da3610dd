// `npm audit` over the production dependencies (what ships in the app), a step of `npm test`
// (scripts/test-all.sh). Fails on any high or critical finding and prints the count per severity.
//
// Where the registry cannot be reached (offline, DNS, refused, timed out, a mirror without the
// audit endpoint — as on our CI machines, whose registry answers the audit call with 405), there
// is no report, and no report is not a pass: it prints "npm audit could not reach the registry:
// <why>" and exits 3, which `npm test` counts and prints as SKIPPED with that reason (never as
// passed); the figures say "not run" with the reason. An audit that ran and could not be judged
// ("could not run": no lock file, no JSON) fails. Run it again where the registry answers (or
// point npm at one that serves audits: `--registry URL` is passed on).
//
// The judging is scripts/audit-judge.ts (pure, tests/unit/audit.test.ts); its negative control, a
// fixed report with one high finding, is judged in this same run and must fail.
import { resolve } from 'node:path';
import { recordFigures } from '../tests/security/figures';
import { controlCaught, judge, parseAudit, runNpmAudit, type AuditOutcome } from './audit-judge';

const ROOT = resolve(__dirname, '..');
/** The exit status for "no report to judge": scripts/test-all.sh counts it as skipped. */
const NOT_RUN = 3;

async function main(): Promise<void> {
  const outcome: AuditOutcome = parseAudit(await runNpmAudit(process.argv.slice(2), ROOT));
  const verdict = judge(outcome);
  const caught = controlCaught();
  if (outcome.kind === 'report') {
    for (const p of outcome.packages) console.log(`  ${p.severity.padEnd(8)} ${p.name}`);
  }
  console.log(verdict.summary);
  if (!caught) console.log('npm audit: NEGATIVE CONTROL MISSED: a report with one high finding was judged passing');
  const n = (k: 'critical' | 'high' | 'moderate' | 'low') => (outcome.kind === 'report' ? outcome.counts[k] : 'unknown');
  recordFigures('npm-audit', {
    check: 'npm audit (production deps)',
    figures: {
      critical: n('critical'),
      high: n('high'),
      moderate: n('moderate'),
      low: n('low'),
      ...(outcome.kind === 'report' ? {} : { [outcome.kind === 'unreachable' ? 'NOT RUN, registry unreachable' : 'audit error']: outcome.reason.slice(0, 200) }),
    },
    // Unreachable is "not run" (skipped, with its reason printed), not a failure of the code.
    failures: outcome.kind === 'unreachable' ? 0 : verdict.failures,
    controlCaught: caught,
  });
  if (outcome.kind === 'unreachable' && caught) process.exit(NOT_RUN);
  process.exit(verdict.pass && caught ? 0 : 1);
}

void main();
