// One sealed file of the local store: a format number, then AES-256-GCM over the JSON payload,
// with associated data naming what the file is (profile, account, kind, format). A file copied or
// moved to another profile's or account's place does not open; neither does a damaged one.
//
// Layout (binary, so 100,000 credentials are not base64-inflated):
//   "TDS1" | u8 format | 12-byte IV | 16-byte tag | ciphertext
// Written atomically (temp file, fsync, rename): a writer killed mid-write leaves the old file.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { keepAside, writeFileAtomically } from '../fs/atomic';

const MAGIC = Buffer.from('TDS1', 'latin1');
export const STORE_FORMAT = 1;

export type ReadResult<T> = { kind: 'ok'; value: T } | { kind: 'missing' } | { kind: 'unreadable'; keptAt: string };

/** The associated data binding a file to its place; the format is part of it. */
export const bindingOf = (parts: readonly string[], format = STORE_FORMAT): string => ['trunkdesk-store', `f${format}`, ...parts].join('|');

export async function writeSealed(path: string, key: Buffer, binding: string, value: unknown): Promise<number> {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(binding, 'utf8'));
  const ct = Buffer.concat([c.update(JSON.stringify(value), 'utf8'), c.final()]);
  const file = Buffer.concat([MAGIC, Buffer.from([STORE_FORMAT]), iv, c.getAuthTag(), ct]);
  await writeFileAtomically(path, file);
  return file.length;
}

/**
 * Read and open a sealed file. A file that does not open (damaged, swapped, another key, or a
 * format this build cannot read) is moved aside, never deleted, and reported as unreadable; the
 * caller refetches. `migrate` turns an older format's payload into today's.
 */
export async function readSealed<T>(
  path: string,
  key: Buffer,
  bindingFor: (format: number) => string,
  parse: (json: unknown, format: number) => T | undefined,
): Promise<ReadResult<T>> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw e;
  }
  const value = openBuffer(buf, key, bindingFor, parse);
  if (value !== undefined) return { kind: 'ok', value };
  return { kind: 'unreadable', keptAt: await keepAside(path, 'unreadable') };
}

function openBuffer<T>(buf: Buffer, key: Buffer, bindingFor: (format: number) => string, parse: (json: unknown, format: number) => T | undefined): T | undefined {
  if (buf.length < 4 + 1 + 12 + 16 || !buf.subarray(0, 4).equals(MAGIC)) return undefined;
  const format = buf[4]!;
  if (format > STORE_FORMAT) return undefined;
  try {
    const d = createDecipheriv('aes-256-gcm', key, buf.subarray(5, 17));
    d.setAAD(Buffer.from(bindingFor(format), 'utf8'));
    d.setAuthTag(buf.subarray(17, 33));
    const plain = Buffer.concat([d.update(buf.subarray(33)), d.final()]);
    return parse(JSON.parse(plain.toString('utf8')), format);
  } catch {
    return undefined;
  }
}
