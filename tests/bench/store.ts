// The encrypted local store: LocalStore.putCredentials (rows → JSON → AES-256-GCM → atomic write
// with fsync → view index) and a fresh LocalStore's credentials() (read → open → parse → index),
// on the data directory and keychain service the sync filled. Baseline: the same rows as plain
// JSON, written with fs.writeFile (no seal, no fsync) and read back with readFile + JSON.parse.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CredentialIndex } from '../../src-main/credentials/view-index';
import { writeFileAtomically } from '../../src-main/fs/atomic';
import type { SipCredential } from '../../src-main/providers/provider';
import { keytarStore } from '../../src-main/secrets/keychain';
import { VaultAccess } from '../../src-main/secrets/vault-access';
import { LocalStore } from '../../src-main/store/local-store';
import { figure, mb, median, ms, time } from './report';
import type { Dataset } from './sync';

export const STORE_TARGET_MS = 250;
const RUNS = 5;

const rowsOf = (items: readonly SipCredential[]) => items.map((c) => [c.id, c.username, c.realm, c.enabled, c.createdAt, c.updatedAt]);

export async function storeFigures(d: Dataset, dataDir: string, keychainService: string, profileId: string, scratch: string): Promise<void> {
  const vaults = new VaultAccess(keytarStore(), keychainService, dataDir);
  const key = () => vaults.storeKey();
  const ids = d.customers.map((c) => c.authId);
  const lists = await new LocalStore(dataDir, key).allCredentials(profileId, ids);
  if (lists.length !== ids.length) throw new Error(`store: ${lists.length} of ${ids.length} lists stored for ${d.label}`);
  const payloads = lists.map(({ list }) => ({ fetchedAt: list.fetchedAt, total: list.total, items: list.items }));
  const count = payloads.reduce((n, p) => n + p.items.length, 0);
  const many = ids.length > 1;
  const what = many ? `${ids.length} lists of ${d.each.toLocaleString('en-US')} (${count.toLocaleString('en-US')} credentials), written together as a sync does, read one after another as search does` : `${count.toLocaleString('en-US')} credentials`;

  // The store as the app uses it.
  const writer = new LocalStore(dataDir, key);
  const writeMs = await median(RUNS, () => Promise.all(ids.map((id, i) => writer.putCredentials(profileId, id, payloads[i]!))));
  const readMs = await median(RUNS, async () => {
    const fresh = new LocalStore(dataDir, key);
    const got = await fresh.allCredentials(profileId, ids);
    if (got.length !== ids.length) throw new Error('store read lost a list');
  });

  // Baseline: the same rows as plain JSON, no seal, no fsync.
  const plain = ids.map((_, i) => join(scratch, `plain-${d.key}-${i}.json`));
  const baseWriteMs = await median(RUNS, () =>
    Promise.all(payloads.map((p, i) => writeFile(plain[i]!, JSON.stringify({ fetchedAt: p.fetchedAt, total: p.total, rows: rowsOf(p.items) })))),
  );
  const baseReadMs = await median(RUNS, async () => {
    for (const f of plain) JSON.parse(await readFile(f, 'utf8'));
  });

  // Where the time goes (one list, each step alone; the biggest list).
  const biggest = payloads.reduce((a, b) => (b.items.length > a.items.length ? b : a));
  const sealedBytes = (await stat(join(dataDir, 'store', profileId, `credentials-${ids[payloads.indexOf(biggest)]}.bin`))).size;
  const k = await key();
  const steps = await breakdown(biggest.items, k, join(scratch, `steps-${d.key}.bin`));
  await Promise.all(plain.map((f) => unlink(f).catch(() => undefined)));

  const stepNote = (s: Record<string, number>) => Object.entries(s).map(([n, v]) => `${n} ${ms(v)}`).join(', ');
  figure({
    name: `Store ${d.label}: seal + write (LocalStore.putCredentials, ${what})`,
    value: ms(writeMs),
    ratio: writeMs / baseWriteMs,
    baseline: `plain JSON.stringify + fs.writeFile of the same rows, no seal, no fsync: ${ms(baseWriteMs)}`,
    target: `< ${STORE_TARGET_MS} ms`,
    ok: writeMs < STORE_TARGET_MS,
    notes: [`median of ${RUNS}; sealed file ${mb(sealedBytes)}${many ? ' (largest)' : ''}; one list step by step: ${stepNote(steps.write)}`],
  });
  figure({
    name: `Store ${d.label}: read + open (a fresh LocalStore's credentials()${many ? ' for each' : ''})`,
    value: ms(readMs),
    ratio: readMs / baseReadMs,
    baseline: `plain fs.readFile + JSON.parse of the same rows: ${ms(baseReadMs)}`,
    target: `< ${STORE_TARGET_MS} ms`,
    ok: readMs < STORE_TARGET_MS,
    notes: [`median of ${RUNS}, file in the page cache (as on an app restart); one list step by step: ${stepNote(steps.read)}`],
  });
}

/** The steps LocalStore and sealed-file.ts take, each timed alone (the same primitives, same order). */
async function breakdown(items: readonly SipCredential[], key: Buffer, path: string): Promise<{ write: Record<string, number>; read: Record<string, number> }> {
  const payload = { fetchedAt: new Date().toISOString(), total: items.length, rows: [] as unknown[] };
  const write: Record<string, number> = {};
  const read: Record<string, number> = {};
  let json = '';
  write['rows + JSON.stringify'] = (await time(async () => (json = JSON.stringify({ ...payload, rows: rowsOf(items) })))).ms;
  let file = Buffer.alloc(0);
  write['AES-GCM seal'] = (
    await time(async () => {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(Buffer.from('bench', 'utf8'));
      const ct = Buffer.concat([c.update(json, 'utf8'), c.final()]);
      file = Buffer.concat([Buffer.from('TDS1'), Buffer.from([1]), iv, c.getAuthTag(), ct]);
    })
  ).ms;
  write['atomic write + fsync'] = (await time(() => writeFileAtomically(path, file))).ms;
  write['view index'] = (await time(async () => new CredentialIndex(items))).ms;

  let buf = Buffer.alloc(0);
  read['readFile'] = (await time(async () => (buf = await readFile(path)))).ms;
  let plain = Buffer.alloc(0);
  read['AES-GCM open'] = (
    await time(async () => {
      const dc = createDecipheriv('aes-256-gcm', key, buf.subarray(5, 17));
      dc.setAAD(Buffer.from('bench', 'utf8'));
      dc.setAuthTag(buf.subarray(17, 33));
      plain = Buffer.concat([dc.update(buf.subarray(33)), dc.final()]);
    })
  ).ms;
  let parsed: { rows: Array<[string, string, string | null, boolean, string | null, string | null]> } = { rows: [] };
  read['JSON.parse'] = (await time(async () => (parsed = JSON.parse(plain.toString('utf8'))))).ms;
  let back: SipCredential[] = [];
  read['rows → items'] = (await time(async () => (back = parsed.rows.map(([id, username, realm, enabled, createdAt, updatedAt]) => ({ id, kind: 'sip' as const, username, name: null, realm, enabled, createdAt, updatedAt }))))).ms;
  read['view index'] = (await time(async () => new CredentialIndex(back))).ms;
  await unlink(path).catch(() => undefined);
  return { write, read };
}
