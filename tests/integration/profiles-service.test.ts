// Profiles end to end in main: the real store, vault, keychain and HTTP against the simulator.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keychainUnavailable, keytarStore, type SecretStore } from '../../src-main/secrets/keychain';
import { MASTER_KEY_ACCOUNT } from '../../src-main/secrets/master-key';
import { createServices } from '../../src-main/services';
import { DEMO_PARTNERS } from '../sim/data';
import { startSimulator, type Simulator } from '../sim/server';
import { TestPlatform } from '../harness/test-platform';
import { tempDir, uniqueService } from '../support/tmp';

let sim: Simulator;
const services: string[] = [];
beforeAll(async () => {
  sim = await startSimulator({ quiet: true });
});
afterAll(async () => {
  await sim.close();
  for (const s of services) await keytarStore().delete(s, MASTER_KEY_ACCOUNT).catch(() => undefined);
});
const nw = DEMO_PARTNERS[0]!;
const bf = DEMO_PARTNERS[1]!;

async function make(dataDir = tempDir(), secrets: SecretStore = keytarStore()) {
  const keychainService = uniqueService('svc');
  services.push(keychainService);
  return createServices({ dataDir, secrets, keychainService, platform: new TestPlatform(), http: { maxRetries: 0 } });
}

describe('profile service', () => {
  it('add verifies with GET /me first; a failure saves nothing at all', async () => {
    const dir = tempDir();
    const s = await make(dir);
    await expect(s.profiles.add({ displayName: 'X', authId: nw.authId, token: 'wrong-token-xyz', baseUrl: sim.partnerBaseUrl })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(readdirSync(dir)).toEqual([]);
    await s.close();
  });

  it('add, switch, rename and remove persist across a restart; remove deletes the profile’s tokens', async () => {
    const dir = tempDir();
    const s = await make(dir);
    await s.profiles.add({ displayName: 'NW', authId: nw.authId, token: nw.token, baseUrl: `${sim.partnerBaseUrl}/` });
    const list = await s.profiles.add({ displayName: 'BF', authId: bf.authId, token: bf.token, baseUrl: sim.partnerBaseUrl });
    expect(list.profiles.map((p) => [p.displayName, p.tokenState])).toEqual([
      ['NW', 'stored'],
      ['BF', 'stored'],
    ]);
    expect(list.profiles[0]!.baseUrl).toBe(sim.partnerBaseUrl); // trailing slash normalised
    const [a, b] = list.profiles as [(typeof list.profiles)[0], (typeof list.profiles)[0]];
    expect(list.activeId).toBe(b.id);
    await s.profiles.switchTo(a.id);
    await s.profiles.rename(a.id, 'Northwind prod');
    await expect(s.profiles.add({ displayName: 'dup', authId: nw.authId, token: nw.token, baseUrl: sim.partnerBaseUrl })).rejects.toMatchObject({ code: 'CONFLICT' });
    await s.close();

    const s2 = await make(dir);
    const again = await s2.profiles.list();
    expect(again.activeId).toBe(a.id);
    expect(again.profiles.map((p) => p.displayName)).toEqual(['Northwind prod', 'BF']);
    // A fresh keychain service has another master key: the old vault is unreadable, not lost.
    expect(again.problem?.message).toMatch(/no longer in this computer's keychain/);
    await s2.close();
  });

  it('remove deletes that profile’s vault entries and nothing else', async () => {
    const dir = tempDir();
    const s = await make(dir);
    await s.profiles.add({ displayName: 'NW', authId: nw.authId, token: nw.token, baseUrl: sim.partnerBaseUrl });
    const l = await s.profiles.add({ displayName: 'BF', authId: bf.authId, token: bf.token, baseUrl: sim.partnerBaseUrl });
    await s.profiles.remove(l.profiles[0]!.id);
    const vault = JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8'));
    expect(Object.keys(vault.entries)).toEqual([`profile:${l.profiles[1]!.id}:partner`]);
    expect((await s.profiles.partner()).authId).toBe(bf.authId);
    await s.close();
  });

  it('a corrupt profile file is kept aside and reported, never silently replaced', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'profiles.json'), '{"version":1,"profiles":[{"id":');
    const s = await make(dir);
    const list = await s.profiles.list();
    expect(list.profiles).toEqual([]);
    expect(list.problem?.message).toMatch(/profile list was damaged/);
    const aside = readdirSync(dir).find((f) => f.startsWith('profiles.json.corrupt-'))!;
    expect(list.problem?.hint).toContain(aside);
    expect(readFileSync(join(dir, aside), 'utf8')).toBe('{"version":1,"profiles":[{"id":');
    expect(existsSync(join(dir, 'profiles.json'))).toBe(false);
    await s.close();
  });

  it('a locked or missing keychain: profiles are still listed, marked unreadable, with what to do', async () => {
    const dir = tempDir();
    const s = await make(dir);
    await s.profiles.add({ displayName: 'NW', authId: nw.authId, token: nw.token, baseUrl: sim.partnerBaseUrl });
    await s.close();
    // What keytarStore throws when no Secret Service answers (see keychain-vault.test.ts).
    const locked: SecretStore = { get: async () => Promise.reject(keychainUnavailable()), set: async () => Promise.reject(keychainUnavailable()), delete: async () => Promise.reject(keychainUnavailable()) };
    const s2 = await make(dir, locked);
    const list = await s2.profiles.list();
    expect(list.profiles.map((p) => p.tokenState)).toEqual(['unreadable']);
    expect(list.problem).toMatchObject({ message: expect.stringMatching(/cannot reach the OS keychain/), hint: expect.stringMatching(/gnome-keyring/) });
    await expect(s2.profiles.partner()).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    await expect(s2.profiles.add({ displayName: 'BF', authId: bf.authId, token: bf.token, baseUrl: sim.partnerBaseUrl })).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    // Nothing was deleted or rewritten.
    expect(JSON.parse(readFileSync(join(dir, 'profiles.json'), 'utf8')).profiles).toHaveLength(1);
    await s2.close();
  });
});
