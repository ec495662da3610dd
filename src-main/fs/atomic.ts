// Every file the app owns is written whole or not at all, readable only by this user, so a crash
// or a full disk mid-write never leaves a torn file: temp file beside it, write every byte, fsync,
// rename over the old one, fsync the folder.
//
// Why not write-file-atomic (used before): it writes a Buffer with one fs.write and ignores a short
// write, so on a full disk it renamed a truncated file over the good one (tests/integration/
// store-durability.test.ts shows it). FileHandle.writeFile loops until every byte is written and
// raises ENOSPC.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function writeFileAtomically(path: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
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
