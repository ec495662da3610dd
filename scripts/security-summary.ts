// One summary of the security suite's figures (tests/security/figures.ts), printed at the end of
// `npm test` and `npm run test:security`. Exits 1 when any failure count is not 0, when a negative
// control was not caught, or when no check recorded anything (a suite that ran nothing proves
// nothing).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIGURES_DIR, type Figures } from '../tests/security/figures';

const files = existsSync(FIGURES_DIR) ? readdirSync(FIGURES_DIR).filter((f) => f.endsWith('.json')).sort() : [];
const all: Figures[] = files.map((f) => JSON.parse(readFileSync(join(FIGURES_DIR, f), 'utf8')) as Figures);

console.log('\n==> security figures');
let bad = 0;
for (const f of all) {
  const control = f.controlCaught === null ? '' : f.controlCaught ? ' · negative control caught' : ' · NEGATIVE CONTROL MISSED';
  const figures = Object.entries(f.figures)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  console.log(`  ${f.check}: ${figures} · failures: ${f.failures}${control}`);
  if (f.failures !== 0 || f.controlCaught === false) bad++;
}
if (all.length === 0) {
  console.log('  no security check recorded figures');
  bad++;
}
console.log(bad === 0 ? `security: ${all.length} checks, every failure count 0` : `security: ${bad} check(s) failed`);
process.exit(bad === 0 ? 0 : 1);
