// A child process for the killed-writer tests: writes one file kind again and again with the real
// code (a new generation each time) and says "begin N" before and "wrote N" after each complete
// write, until it is killed. Bounded: stops by itself after 200 writes.
//
// Arguments: dataDir, key (hex), then optionally kind, first generation, size:
//   store    (default) one account's stored list, LocalStore.putCredentials (size credentials, 100,000 by
//            default); below 100,000 also profile.bin (putProfile) and reports.bin (addReport) each generation
//   profiles the profiles file, ProfileStore.update (an existing file of size profiles)
//   vault    the vault, Vault.setMany (size entries, every secret rewritten)
//   control  tests/security/killed-processes.test.ts's negative control: the profiles file written
//            the non-atomic way (truncate, then chunks), which a kill must be able to break
// Between writes it sleeps up to as long as the write took, so a kill lands between two writes
// about as often as inside one.
import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ProfileStore } from '../../src-main/profiles/store';
import { Vault } from '../../src-main/secrets/vault';
import { LocalStore } from '../../src-main/store/local-store';
import { reportOf, storedProfileOf } from './store-writer-data';

const [dataDir, keyHex, kind = 'store', startArg = '1', sizeArg = '100000'] = process.argv.slice(2) as [string, string, string?, string?, string?];
const key = Buffer.from(keyHex, 'hex');
const start = Number(startArg);
const size = Number(sizeArg);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const KILL_PROFILE = 'p_killtest0001';
export const KILL_ACCOUNT = 'MA_KILL0001';

/** One write of generation `gen`, with the real code of each kind. */
async function writer(): Promise<(gen: number) => Promise<void>> {
  if (kind === 'store') {
    const store = new LocalStore(dataDir, async () => key);
    const items = (gen: number) =>
      Array.from({ length: size }, (_, i) => ({ id: `c${i}`, kind: 'sip' as const, username: `gen${gen}user${i}`, name: null, realm: null, enabled: true, createdAt: null, updatedAt: null }));
    if (size === 100_000) return async (gen) => void (await store.putCredentials(KILL_PROFILE, KILL_ACCOUNT, { fetchedAt: new Date().toISOString(), total: size, items: items(gen) }));
    // Every local-store file kind, one after another: the credential list, profile.bin, reports.bin.
    return async (gen) => {
      await store.putCredentials(KILL_PROFILE, KILL_ACCOUNT, { fetchedAt: new Date().toISOString(), total: size, items: items(gen) });
      await store.putProfile(KILL_PROFILE, storedProfileOf(gen));
      await store.addReport(KILL_PROFILE, reportOf(gen));
    };
  }
  if (kind === 'profiles') {
    const store = await ProfileStore.open(join(dataDir, 'profiles.json'));
    const first = store.all()[0]!.id;
    return (gen) => store.update(first, { displayName: `gen${gen}` });
  }
  if (kind === 'vault') {
    const { vault } = await Vault.open(join(dataDir, 'vault.json'), key);
    return (gen) => vault.setMany(Array.from({ length: size }, (_, i) => [`profile:p_kill${String(i).padStart(8, '0')}:partner`, `gen${gen}-secret-${i}`] as const));
  }
  if (kind === 'control') {
    // Deliberately NOT atomic: truncate the live file, then write it in small chunks with pauses.
    const file = join(dataDir, 'profiles.json');
    const base = JSON.parse(readFileSync(file, 'utf8')) as { profiles: Array<{ displayName: string }> };
    return async (gen) => {
      base.profiles[0]!.displayName = `gen${gen}`;
      const text = Buffer.from(JSON.stringify(base, null, 2));
      const fd = openSync(file, 'r+');
      ftruncateSync(fd, 0);
      for (let at = 0; at < text.length; at += 16_384) {
        writeSync(fd, text, at, Math.min(16_384, text.length - at), at);
        await sleep(1);
      }
      closeSync(fd);
    };
  }
  throw new Error(`unknown kind ${kind}`);
}

async function main(): Promise<void> {
  const write = await writer();
  process.stdout.write('ready\n');
  for (let gen = start; gen < start + 200; gen++) {
    process.stdout.write(`begin ${gen}\n`);
    const t0 = Date.now();
    await write(gen);
    process.stdout.write(`wrote ${gen}\n`);
    if (kind !== 'store' || size !== 100_000) await sleep(Math.floor(Math.random() * (Date.now() - t0)));
  }
}
void main();
