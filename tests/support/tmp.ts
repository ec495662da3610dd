import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const tempDir = (label = 'trunkdesk-test-') => mkdtempSync(join(tmpdir(), label));

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
