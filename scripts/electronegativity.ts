// Runs Doyensec's electronegativity over the built app (design.md §6) and fails on any finding
// that has not been reviewed. Reviewed findings live in electronegativity-reviewed.json with the
// reason each is safe; a new finding, or one at a new place, must be fixed or reviewed there, and
// an entry without a written reason counts as unreviewed (scripts/electronegativity-judge.ts).
// Records its figures for scripts/security-summary.ts, with the judge's negative control (planted
// unreviewed findings, judged in this same run, must fail).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { recordFigures } from '../tests/security/figures';
import { controlCaught, judgeFindings, type Finding, type Review } from './electronegativity-judge';

const ROOT = resolve(__dirname, '..');
const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version as string;
const reviewed = JSON.parse(readFileSync(join(__dirname, 'electronegativity-reviewed.json'), 'utf8')) as Review[];
const out = join(mkdtempSync(join(tmpdir(), 'eneg-')), 'report.sarif');
const caught = controlCaught(reviewed);

// -e: the installed version (its release-list lookup needs a network this machine lacks).
const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js'), '-i', join(ROOT, 'out'), '-e', electronVersion, '-o', out], {
  encoding: 'utf8',
  timeout: 180_000,
});
if (r.status !== 0) {
  console.error(r.stdout, r.stderr);
  console.error(`electronegativity did not run (exit ${r.status}${r.error ? `, ${(r.error as NodeJS.ErrnoException).code}` : ''})`);
  recordFigures('electronegativity', { check: 'Electronegativity', figures: { 'did not run': `exit ${r.status}` }, failures: 1, controlCaught: caught });
  process.exit(1);
}
type Sarif = { runs: Array<{ results: Array<{ ruleId: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
const findings: Finding[] = (JSON.parse(readFileSync(out, 'utf8')) as Sarif).runs
  .flatMap((run) => run.results)
  .map((f) => ({ check: f.ruleId, file: relative(ROOT, f.locations[0]?.physicalLocation.artifactLocation.uri ?? ''), message: f.message.text }));
const j = judgeFindings(findings, reviewed);
for (const line of j.lines) console.log(line);
console.log(`electronegativity ${electronVersion}: ${j.findings} finding(s), ${j.reviewedWithReason} reviewed with a reason, ${j.unreviewed} unreviewed`);
if (!caught) console.log('electronegativity: NEGATIVE CONTROL MISSED: planted unreviewed findings were judged passing');
recordFigures('electronegativity', {
  check: 'Electronegativity',
  figures: { findings: j.findings, 'reviewed with reason': j.reviewedWithReason, unreviewed: j.unreviewed },
  failures: j.unreviewed,
  controlCaught: caught,
});
process.exit(j.unreviewed === 0 && caught ? 0 : 1);
