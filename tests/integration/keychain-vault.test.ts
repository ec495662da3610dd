// The vault against the real OS keychain (gnome-keyring's Secret Service under `npm test`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keytarStore } from '../../src-main/secrets/keychain';
import { loadOrCreateMasterKey, MASTER_KEY_ACCOUNT } from '../../src-main/secrets/master-key';
import { Vault } from '../../src-main/secrets/vault';
import { tempDir, uniqueService } from '../support/tmp';

const store = keytarStore();
const services: string[] = [];
const service = (label: string) => {
  const s = uniqueService(label);
  services.push(s);
  return s;
};
afterAll(async () => {
  for (const s of services) await store.delete(s, MASTER_KEY_ACCOUNT).catch(() => undefined);
});

describe('master key in the OS keychain', () => {
  it('is created once, 256 bits, and then reused', async () => {
    const s = service('mk');
    const a = await loadOrCreateMasterKey(store, s);
    const b = await loadOrCreateMasterKey(store, s);
    expect(a.created).toBe(true);
    expect(b.created).toBe(false);
    expect(a.key.length).toBe(32);
    expect(b.key.equals(a.key)).toBe(true);
    expect(await store.get(s, MASTER_KEY_ACCOUNT)).toBe(a.key.toString('base64'));
  });

  it('a keychain item that is not ours is reported, never overwritten', async () => {
    const s = service('foreign');
    await store.set(s, MASTER_KEY_ACCOUNT, 'hunter2');
    await expect(loadOrCreateMasterKey(store, s)).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    expect(await store.get(s, MASTER_KEY_ACCOUNT)).toBe('hunter2');
  });
});

describe('vault', () => {
  it('seals tokens so the file never holds them, and reopens them after a restart', async () => {
    const dir = tempDir();
    const { key } = await loadOrCreateMasterKey(store, service('vault'));
    const { vault } = await Vault.open(join(dir, 'vault.json'), key);
    await vault.set('profile:p_a:partner', 'canary-token-AAAA1111');
    const onDisk = readFileSync(join(dir, 'vault.json'), 'utf8');
    expect(onDisk).not.toContain('canary-token-AAAA1111');
    const { vault: again, problem } = await Vault.open(join(dir, 'vault.json'), key);
    expect(problem).toBeUndefined();
    expect(again.get('profile:p_a:partner')).toBe('canary-token-AAAA1111');
    expect(again.state('profile:p_b:partner')).toBe('missing');
  });

  it('a blob copied onto another entry does not open', async () => {
    const dir = tempDir();
    const { key } = await loadOrCreateMasterKey(store, service('swap'));
    const file = join(dir, 'vault.json');
    const { vault } = await Vault.open(file, key);
    await vault.set('profile:p_a:partner', 'token-a-123456');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.entries['profile:p_b:partner'] = data.entries['profile:p_a:partner'];
    writeFileSync(file, JSON.stringify(data));
    const { vault: v2 } = await Vault.open(file, key);
    expect(v2.state('profile:p_b:partner')).toBe('unreadable');
    expect(() => v2.get('profile:p_b:partner')).toThrow(/could not be unlocked/);
    expect(v2.get('profile:p_a:partner')).toBe('token-a-123456');
  });

  it('a corrupt vault file is kept aside and reported, not replaced', async () => {
    const dir = tempDir();
    const { key } = await loadOrCreateMasterKey(store, service('corrupt'));
    const file = join(dir, 'vault.json');
    writeFileSync(file, '{"version":1,"keyId":"x","entr');
    const { vault, problem } = await Vault.open(file, key);
    expect(problem?.message).toMatch(/damaged/);
    const aside = readdirSync(dir).find((f) => f.startsWith('vault.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe('{"version":1,"keyId":"x","entr');
    expect(vault.ids()).toEqual([]);
  });

  it('losing the keychain item: the old vault is kept aside and the admin is told to re-enter tokens', async () => {
    const dir = tempDir();
    const s = service('lost');
    const { key } = await loadOrCreateMasterKey(store, s);
    const file = join(dir, 'vault.json');
    const { vault } = await Vault.open(file, key);
    await vault.set('profile:p_a:partner', 'token-a-123456');
    await store.delete(s, MASTER_KEY_ACCOUNT);
    const fresh = await loadOrCreateMasterKey(store, s);
    expect(fresh.created).toBe(true);
    const { vault: v2, problem } = await Vault.open(file, fresh.key);
    expect(problem?.message).toMatch(/no longer in this computer's keychain/);
    expect(v2.state('profile:p_a:partner')).toBe('missing');
    expect(readdirSync(dir).some((f) => f.startsWith('vault.json.unreadable-'))).toBe(true);
    expect(existsSync(file)).toBe(false);
  });

  it('deleteWhere removes only one profile’s entries', async () => {
    const dir = tempDir();
    const { key } = await loadOrCreateMasterKey(store, service('del'));
    const { vault } = await Vault.open(join(dir, 'vault.json'), key);
    await vault.set('profile:p_a:partner', 'aaaaaaaa');
    await vault.set('profile:p_a:customer:MA_1', 'bbbbbbbb');
    await vault.set('profile:p_b:partner', 'cccccccc');
    await vault.deleteWhere('profile:p_a:');
    expect(vault.ids()).toEqual(['profile:p_b:partner']);
  });
});

describe('no Secret Service', () => {
  it('is a clear KEYCHAIN_UNAVAILABLE naming what to install, with no plaintext fallback', () => {
    // A child process with no D-Bus session: libsecret cannot reach any keyring.
    const script = `
      const { keytarStore } = require('./src-main/secrets/keychain.ts');
      keytarStore().get('Trunkdesk Test nobus', 'vault-master-key')
        .then(() => console.log(JSON.stringify({ ok: true })))
        .catch((e) => console.log(JSON.stringify({ code: e.code, message: e.message, hint: e.hint })));`;
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' };
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: join(__dirname, '../..'), env, encoding: 'utf8', timeout: 20_000 });
    const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
    expect(out.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(out.message).toMatch(/cannot reach the OS keychain/);
    expect(out.hint).toMatch(/gnome-keyring/);
  });
});
