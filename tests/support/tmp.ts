import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
const removeMade = () => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
// Tests read these directories until their file ends: remove them then. (Vitest only.)
afterAll(removeMade);

export function tempDir(label = 'trunkdesk-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), label));
  made.push(dir);
  return dir;
}

/** A keychain service name no other test run uses, so runs never see each other's items. */
export const uniqueService = (label: string) => `Trunkdesk Test ${label} ${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

/** Every file below dir, with its bytes, for "no secret on disk" checks. */
export function allFiles(dir: string): Array<{ path: string; bytes: Buffer }> {
  const out: Array<{ path: string; bytes: Buffer }> = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...allFiles(p));
    else out.push({ path: p, bytes: readFileSync(p) });
  }
  return out;
}
