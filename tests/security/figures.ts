// The security suite's figures (issue 10): each check records what it tried and how many of those
// tries broke a promise, and `scripts/security-summary.ts` prints them all as one summary at the
// end of `npm test` / `npm run test:security`, failing when any failure count is not 0.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIGURES_DIR = resolve(__dirname, '../../.tmp/security-figures');

export type Figures = {
  /** What was checked, e.g. "IPC fuzzing". Also the summary's row title. */
  check: string;
  /** What was tried and seen: "inputs sent": 12000, "slowest time-to-error ms": 812. */
  figures: Record<string, number | string>;
  /** Tries that broke a promise (a crash, an unclean answer, a lost state, a leak hit). Must be 0. */
  failures: number;
  /**
   * The check's negative control (a deliberately broken part) was caught, in the same run: proof
   * that the check can fail. null where the check has none.
   */
  controlCaught: boolean | null;
};

/** Record one check's figures (file name from `id`; a later record of the same id replaces it). */
export function recordFigures(id: string, f: Figures): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(join(FIGURES_DIR, `${id.replace(/[^a-z0-9-]/gi, '_')}.json`), JSON.stringify(f, null, 2));
}
