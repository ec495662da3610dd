// Every file the app owns is written whole or not at all (temp file, fsync, rename, by
// write-file-atomic), readable only by this user, so a crash mid-write never leaves a torn file.
import { mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export async function writeFileAtomically(path: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, data, { mode: 0o600, fsync: true });
}

/** Move an unreadable file out of the way (never delete it) and return where it went. */
export async function keepAside(path: string, reason: 'corrupt' | 'unreadable', now = new Date()): Promise<string> {
  const aside = `${path}.${reason}-${now.toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, aside);
  return aside;
}
