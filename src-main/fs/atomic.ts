// Every file the app owns is written whole or not at all, readable only by this user, so a crash
// or a full disk mid-write never leaves a torn file: temp file beside it, write every byte, fsync,
// rename over the old one, fsync the folder.
//
// Why not write-file-atomic (used before): it writes a Buffer with one fs.write and ignores a short
// write, so on a full disk it renamed a truncated file over the good one (tests/integration/
// store-durability.test.ts shows it). FileHandle.writeFile loops until every byte is written and
// raises ENOSPC.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const TEMP_SUFFIX = '.tmp';
/** Only the temp files writeFileAtomically makes: `<file>.<12 hex>.tmp`. */
const OUR_TEMP = /\.[0-9a-f]{12}\.tmp$/;

export async function writeFileAtomically(path: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
  try {
    const fh = await open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await syncDir(dirname(path));
}

/** Make the rename itself durable; some platforms cannot open a folder, which is fine. */
async function syncDir(dir: string): Promise<void> {
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    /* Windows and some file systems: the rename is as durable as it gets */
  }
}

/** Move an unreadable file out of the way (never delete it) and return where it went. */
export async function keepAside(path: string, reason: 'corrupt' | 'unreadable', now = new Date()): Promise<string> {
  const aside = `${path}.${reason}-${now.toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, aside);
  return aside;
}

/**
 * Remove the temp files a killed or crashed write left behind (the state itself is safe: the
 * rename never happened). Only safe while no other process writes here: main calls it once at
 * start-up, after taking the single-instance lock. Returns how many were removed.
 */
export async function removeStaleTempFiles(dir: string, depth = 3): Promise<number> {
  let removed = 0;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0; // not created yet
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory() && depth > 0) removed += await removeStaleTempFiles(p, depth - 1);
    else if (e.isFile() && OUR_TEMP.test(e.name)) removed += await unlink(p).then(() => 1, () => 0);
  }
  return removed;
}
