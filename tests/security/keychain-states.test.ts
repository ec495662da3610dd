// Keychain states (issue 10): the real keychain, master-key and vault code in the states a
// keychain can really be in, each handled clearly, with no plaintext fallback and no profile
// deleted:
//   - no Secret Service at all (a child with no D-Bus session bus);
//   - a locked keyring (a child in its own D-Bus session whose gnome-keyring collection is locked
//     over D-Bus, org.freedesktop.Secret.Service.Lock, and cannot be unlocked: no prompter);
//   - the master key deleted, or replaced by another, with keytar directly on the test keyring;
//   - a vault entry moved to another profile's id, and a store file copied to another profile.
// Negative control: an AD-less seal/open (test-only) of the moved entry does decrypt, so the
// check below would see a vault whose entries were not bound to their ids.
import { spawnSync } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../src-main/profiles/store';
import { deriveKey } from '../../src-main/secrets/crypto';
import { keytarStore } from '../../src-main/secrets/keychain';
import { loadOrCreateMasterKey, MASTER_KEY_ACCOUNT } from '../../src-main/secrets/master-key';
import { Vault } from '../../src-main/secrets/vault';
import { entryIds } from '../../src-main/secrets/vault-access';
import { LocalStore } from '../../src-main/store/local-store';
import { mainApp, ok } from '../integration/support';
import { allFiles, tempDir, uniqueService } from '../support/tmp';
import { recordFigures } from './figures';

const ROOT = resolve(__dirname, '../..');
const CHILD = join(ROOT, 'tests/support/keychain-child.ts');
const secrets = keytarStore();
const services: string[] = [];
const service = (label: string) => {
  const s = uniqueService(label);
  services.push(s);
  return s;
};

const tried: string[] = [];
const handled: string[] = [];
let plaintextFallbacks = 0;
let profilesDeleted = 0;
let controlCaught = false;

afterAll(async () => {
  for (const s of services) await secrets.delete(s, MASTER_KEY_ACCOUNT).catch(() => undefined);
  recordFigures('keychain-states', {
    check: 'Keychain states',
    figures: { 'states tried': tried.length, 'handled clearly': handled.length, 'plaintext fallbacks': plaintextFallbacks, 'profiles deleted': profilesDeleted, states: tried.join(', ') },
    failures: tried.length - handled.length + plaintextFallbacks + profilesDeleted,
    controlCaught,
  });
});

type Keytar = { setPassword(s: string, a: string, p: string): Promise<void>; deletePassword(s: string, a: string): Promise<boolean> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const keytar = require('keytar') as Keytar;

/** The child's RESULT line. */
function resultOf(stdout: string): Record<string, any> {
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`the child said no RESULT:\n${stdout.slice(-2000)}`);
  return JSON.parse(line.slice('RESULT '.length));
}

const tokenOnDisk = (dir: string, token: string) => allFiles(dir).filter((f) => f.bytes.includes(token)).map((f) => f.path);

/** A stored profile with its token, written by the real code with the real keychain (in-process). */
async function storedProfile(dir: string, svc: string, ids: string[]): Promise<void> {
  const { key } = await loadOrCreateMasterKey(secrets, svc);
  const { vault } = await Vault.open(join(dir, 'vault.json'), key);
  const store = await ProfileStore.open(join(dir, 'profiles.json'));
  for (const [i, id] of ids.entries()) {
    await vault.set(entryIds.partnerToken(id), `state-token-${id}-0123456789`);
    await store.add({ id, displayName: `Partner ${i}`, provider: 'vobiz', authId: `MA_STATE${i}0001`, baseUrl: 'https://api.vobiz.ai/api/v1/partner', createdAt: '2026-12-02T00:00:00.000Z' }, i === 0);
  }
}

describe('keychain states', () => {
  it('no Secret Service: KEYCHAIN_UNAVAILABLE naming what to install, and no plaintext fallback', () => {
    tried.push('no Secret Service');
    const dir = tempDir();
    const token = `nobus-canary-${randomBytes(8).toString('hex')}`;
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' };
    const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, 'try', dir, uniqueService('nobus'), token], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 });
    const { list, add } = resultOf(r.stdout);
    // Listing still works (no profiles here), with the keychain's problem named.
    expect(list.ok).toBe(true);
    expect(add.ok).toBe(false);
    expect(add.error).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/cannot reach the OS keychain/), hint: expect.stringMatching(/gnome-keyring.*libsecret/) });
    const leaks = tokenOnDisk(dir, token);
    plaintextFallbacks += leaks.length;
    expect(leaks).toEqual([]);
    expect(existsSync(join(dir, 'vault.json'))).toBe(false);
    handled.push('no Secret Service');
  });

  it('a locked keyring: a clear "locked" error, the profile kept, the vault untouched, no plaintext fallback', (ctx) => {
    tried.push('locked keyring');
    if (spawnSync('sh', ['-c', 'command -v dbus-run-session && command -v gnome-keyring-daemon && command -v dbus-send']).status !== 0) {
      console.log('skipped: dbus-run-session, gnome-keyring-daemon or dbus-send is not installed');
      tried.pop();
      return ctx.skip();
    }
    const dir = tempDir();
    const xdg = mkdtempSync(join(tmpdir(), 'trunkdesk-locked-xdg-'));
    const svc = uniqueService('locked');
    const token = `locked-canary-${randomBytes(8).toString('hex')}`;
    const node = `"${process.execPath}" --import tsx "${CHILD}"`;
    // Its own session bus and keyring (so locking it disturbs no other test): unlock, store a
    // profile, lock the login collection over D-Bus, then run the app against it.
    const script = [
      'echo -n throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null',
      `${node} setup "${dir}" "${svc}" stored-token-0123456789`,
      'cp "$1/profiles.json" "$1/profiles.before"; cp "$1/vault.json" "$1/vault.before"',
      'dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null',
      'echo LOCKED $(dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets/collection/login org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked | grep -o "boolean [a-z]*")',
      `${node} try "${dir}" "${svc}" "${token}"`,
    ].join('\n');
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: xdg, DISPLAY: '' };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    const r = spawnSync('dbus-run-session', ['--', 'sh', '-c', script, 'sh', dir], { cwd: ROOT, env, encoding: 'utf8', timeout: 45_000 });
    rmSync(xdg, { recursive: true, force: true });
    expect(r.stdout).toContain('LOCKED boolean true');
    const results = r.stdout.split('\n').filter((l) => l.startsWith('RESULT '));
    expect(results[0]).toContain('"ok":true');
    const { list, add } = resultOf(results[1]!);
    // The profile is listed, its token unreadable (the UI offers "Replace token"), the problem named.
    expect(list.ok).toBe(true);
    expect(list.value.profiles).toHaveLength(1);
    expect(list.value.profiles[0].tokenState).toBe('unreadable');
    expect(list.value.problem).toMatchObject({ message: expect.stringMatching(/keychain is locked/), hint: expect.stringMatching(/Unlock/) });
    expect(add.error).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/keychain is locked/) });
    // Nothing rewritten, kept aside or deleted; the new token went nowhere.
    const same = (n: string) => readFileSync(join(dir, `${n}.json`)).equals(readFileSync(join(dir, `${n}.before`)));
    if (!existsSync(join(dir, 'profiles.json')) || !same('profiles')) profilesDeleted++;
    expect(same('profiles')).toBe(true);
    expect(same('vault')).toBe(true);
    expect(readdirSync(dir).filter((f) => /unreadable|corrupt/.test(f))).toEqual([]);
    const leaks = tokenOnDisk(dir, token);
    plaintextFallbacks += leaks.length;
    expect(leaks).toEqual([]);
    handled.push('locked keyring');
  });

  for (const how of ['deleted', 'replaced'] as const) {
    it(`the master key ${how}: the vault says it cannot be opened, offers to re-enter tokens, and deletes no profile`, async () => {
      tried.push(`master key ${how}`);
      const dir = tempDir();
      const svc = service(`mk-${how}`);
      await storedProfile(dir, svc, ['p_keystate000a', 'p_keystate000b']);
      const before = readFileSync(join(dir, 'profiles.json'));
      const first = await mainApp({ dataDir: dir, keychainService: svc });
      expect(ok<{ profiles: Array<{ tokenState: string }> }>(await first.call('listProfiles', {})).profiles.map((p) => p.tokenState)).toEqual(['stored', 'stored']);
      await first.services.close();
      if (how === 'deleted') expect(await keytar.deletePassword(svc, MASTER_KEY_ACCOUNT)).toBe(true);
      else await keytar.setPassword(svc, MASTER_KEY_ACCOUNT, randomBytes(32).toString('base64'));
      const app = await mainApp({ dataDir: dir, keychainService: svc });
      const list = ok<{ profiles: Array<{ id: string; tokenState: string }>; problem?: { message: string; hint?: string } }>(await app.call('listProfiles', {}));
      // Every profile is still there, each asking for its token again (TokenProblemNotice's "Replace token").
      expect(list.profiles.map((p) => p.id)).toEqual(['p_keystate000a', 'p_keystate000b']);
      expect(list.profiles.map((p) => p.tokenState)).toEqual(['missing', 'missing']);
      expect(list.problem).toMatchObject({ message: expect.stringMatching(/no longer in this computer's keychain/), hint: expect.stringMatching(/Replace each profile's token.*profiles are unchanged/) });
      const partner = await app.call('getPartner', {});
      expect(partner.ok ? undefined : partner.error).toMatchObject({ code: 'UNAUTHORIZED', hint: expect.stringMatching(/Enter the token again/) });
      // The old vault is kept aside (the old key may come back), the profiles file is byte-for-byte the same.
      expect(readdirSync(dir).some((f) => f.startsWith('vault.json.unreadable-'))).toBe(true);
      const after = existsSync(join(dir, 'profiles.json')) ? readFileSync(join(dir, 'profiles.json')) : Buffer.alloc(0);
      if (!after.equals(before)) profilesDeleted++;
      expect(after.equals(before)).toBe(true);
      await app.services.close();
      handled.push(`master key ${how}`);
    });
  }

  it('a vault entry moved to another profile’s id is refused, reported and not decrypted (control: without AD it would be)', async () => {
    tried.push('vault entry moved');
    const dir = tempDir();
    const svc = service('moved');
    await storedProfile(dir, svc, ['p_movedentry0a', 'p_movedentry0b']);
    const file = join(dir, 'vault.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    const [a, b] = [entryIds.partnerToken('p_movedentry0a'), entryIds.partnerToken('p_movedentry0b')];
    [data.entries[a], data.entries[b]] = [data.entries[b], data.entries[a]];
    writeFileSync(file, JSON.stringify(data));
    const app = await mainApp({ dataDir: dir, keychainService: svc });
    const list = ok<{ profiles: Array<{ tokenState: string }> }>(await app.call('listProfiles', {}));
    expect(list.profiles.map((p) => p.tokenState)).toEqual(['unreadable', 'unreadable']);
    const partner = await app.call('getPartner', {});
    expect(partner.ok ? undefined : partner.error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/could not be unlocked/) });
    expect(JSON.stringify(partner)).not.toContain('state-token-');
    await app.services.close();
    const { key } = await loadOrCreateMasterKey(secrets, svc);
    const { vault } = await Vault.open(file, key);
    expect(() => vault.get(a)).toThrow(/could not be unlocked/);
    expect(() => vault.get(b)).toThrow(/could not be unlocked/);

    // Negative control: the same move with a deliberately AD-less seal/open (test-only) opens,
    // and gives profile b profile a's token: the binding is what refuses it above.
    const vaultKey = deriveKey(key, 'vault');
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', vaultKey, iv);
    const ct = Buffer.concat([c.update('state-token-p_movedentry0a-0123456789'), c.final()]);
    const moved = { iv, tag: c.getAuthTag(), ct }; // "moved" to b's id: nothing in it says whose it is
    const d = createDecipheriv('aes-256-gcm', vaultKey, moved.iv);
    d.setAuthTag(moved.tag);
    const opened = Buffer.concat([d.update(moved.ct), d.final()]).toString('utf8');
    controlCaught = opened === 'state-token-p_movedentry0a-0123456789';
    expect(controlCaught).toBe(true);
    handled.push('vault entry moved');
  });

  it('a store file copied to another profile’s place is refused, reported, kept aside, not decrypted', async () => {
    tried.push('store file moved');
    const dir = tempDir();
    const { key: master } = await loadOrCreateMasterKey(secrets, service('store-moved'));
    const key = async () => deriveKey(master, 'store');
    const items = Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, kind: 'sip' as const, username: `moveduser${i}`, name: null, realm: null, enabled: true, createdAt: null, updatedAt: null }));
    await new LocalStore(dir, key).putCredentials('p_storemoved0a', 'MA_MOVED0001', { fetchedAt: new Date().toISOString(), total: 50, items });
    const from = join(dir, 'store', 'p_storemoved0a', 'credentials-MA_MOVED0001.bin');
    const to = join(dir, 'store', 'p_storemoved0b', 'credentials-MA_MOVED0001.bin');
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
    const store = new LocalStore(dir, key);
    expect(await store.credentials('p_storemoved0b', 'MA_MOVED0001')).toBeUndefined();
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toMatchObject({ message: expect.stringMatching(/could not be opened/), hint: expect.stringMatching(/kept at .*unreadable.*fetched again/) });
    expect(readdirSync(dirname(to)).some((f) => f.includes('.unreadable-'))).toBe(true);
    // The original, in its own place, still opens.
    expect((await store.credentials('p_storemoved0a', 'MA_MOVED0001'))?.items).toHaveLength(50);
    handled.push('store file moved');
  });
});
