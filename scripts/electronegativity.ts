// Runs Doyensec's electronegativity over the built app (design.md §6) and fails on any finding
// that has not been reviewed. Reviewed findings live in electronegativity-reviewed.json with the
// reason each is safe; a new finding, or one at a new place, must be fixed or reviewed there.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version as string;
const reviewed = JSON.parse(readFileSync(join(__dirname, 'electronegativity-reviewed.json'), 'utf8')) as Array<{ check: string; file: string; why: string }>;
const out = join(mkdtempSync(join(tmpdir(), 'eneg-')), 'report.sarif');

// -e: the installed version (its release-list lookup needs a network this machine lacks).
const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js'), '-i', join(ROOT, 'out'), '-e', electronVersion, '-o', out], {
  encoding: 'utf8',
  timeout: 180_000,
});
if (r.status !== 0) {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
type Sarif = { runs: Array<{ results: Array<{ ruleId: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
const results = (JSON.parse(readFileSync(out, 'utf8')) as Sarif).runs.flatMap((run) => run.results);
let unreviewed = 0;
for (const f of results) {
  const file = relative(ROOT, f.locations[0]?.physicalLocation.artifactLocation.uri ?? '');
  const ok = reviewed.find((x) => x.check === f.ruleId && x.file === file);
  console.log(`${ok ? 'reviewed  ' : 'UNREVIEWED'} ${f.ruleId} in ${file}${ok ? ` — ${ok.why}` : `: ${f.message.text}`}`);
  if (!ok) unreviewed++;
}
console.log(`electronegativity ${electronVersion}: ${results.length} finding(s), ${unreviewed} unreviewed`);
process.exit(unreviewed === 0 ? 0 : 1);
