// VoIPBIN and Vocobase in the same app (issue 8), through the real router, services, keychain,
// encrypted store and loopback HTTP against the simulator: adding each kind of profile, the one
// model (profile → its own account → credentials), writes, the settings panel, a stored password
// revealed only on request, sync, offline review, and a sweep of every answer and event for every
// secret those providers use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent, CredentialPageDTO, CredentialSettingsDTO, CredentialWriteDTO, CustomerPageDTO, ProfileListDTO, Result, SyncReportDTO } from '../../src-preload/contract';
import { forwardEvents } from '../../src-main/ipc/outgoing';
import { DEMO_VOCOBASE, DEMO_VOIPBIN } from '../sim/data';
import { startSimulator, type Simulator } from '../sim/server';
import { allFiles } from '../support/tmp';
import { mainApp, ok, type MainApp } from './support';

let sim: Simulator;
const open: MainApp[] = [];
beforeEach(async () => {
  sim = await startSimulator({ quiet: true });
});
afterEach(async () => {
  for (const a of open.splice(0)) await a.services.close();
  await sim.close();
});

/** An app whose every answer and forwarded event is kept, as the renderer would receive them. */
async function app(o: Parameters<typeof mainApp>[0] = {}) {
  const a = await mainApp({ http: { maxRetries: 0 }, ...o });
  open.push(a);
  const seen: Array<Result<unknown> | AppEvent> = [];
  forwardEvents(a.services.events, (e) => seen.push(e));
  const call = async (c: Parameters<MainApp['call']>[0], input: unknown) => {
    const r = await a.call(c, input);
    seen.push(r);
    return r;
  };
  return { ...a, call, seen };
}
const syncId = () => `y_${Math.random().toString(36).slice(2, 12)}`;
const aurora = DEMO_VOIPBIN.logins.admin;

async function addVoipbin(a: Awaited<ReturnType<typeof app>>, method: 'login' | 'accesskey' = 'login') {
  const input =
    method === 'login'
      ? { method: 'voipbin-login', displayName: 'Aurora', username: aurora.username, password: aurora.password, baseUrl: sim.voipbinBaseUrl }
      : { method: 'voipbin-accesskey', displayName: 'Aurora key', accessKey: DEMO_VOIPBIN.accessKey, baseUrl: sim.voipbinBaseUrl };
  const list = ok<ProfileListDTO>(await a.call('addProviderProfile', input));
  return list.profiles.find((p) => p.id === list.activeId)!;
}
async function theAccount(a: Awaited<ReturnType<typeof app>>, profileId: string): Promise<string> {
  const page = ok<CustomerPageDTO>(await a.call('listCustomers', { profileId }));
  expect(page.total).toBe(1);
  return page.items[0]!.authId;
}
async function allCredentials(a: Awaited<ReturnType<typeof app>>, profileId: string, customerAuthId: string) {
  const first = ok<CredentialPageDTO>(await a.call('listCredentials', { profileId, customerAuthId, limit: 100, offset: 0 }));
  const items = [...first.items];
  for (let offset = 100; offset < first.total; offset += 100) items.push(...ok<CredentialPageDTO>(await a.call('listCredentials', { profileId, customerAuthId, limit: 100, offset })).items);
  return { page: first, items };
}

describe('VoIPBIN profiles', () => {
  it('signs in with username and password: one account, its extensions and trunks, with realms and no password in any answer', async () => {
    const a = await app();
    const p = await addVoipbin(a);
    expect(p).toMatchObject({ provider: 'voipbin', authMode: 'login', authId: aurora.username, tokenState: 'stored', realmBase: 'registrar.voipbin.net' });
    expect(p.caps).toMatchObject({ accounts: 'self', canCreateAccounts: false });
    expect(p.caps.kinds.map((k) => k.kind)).toEqual(['extension', 'trunk']);
    const account = await theAccount(a, p.id);
    expect(account).toBe(DEMO_VOIPBIN.aurora.customerId);
    const { items } = await allCredentials(a, p.id, account);
    expect(items.filter((c) => c.kind === 'extension')).toHaveLength(DEMO_VOIPBIN.aurora.extensions);
    expect(items.filter((c) => c.kind === 'trunk')).toHaveLength(DEMO_VOIPBIN.aurora.trunks);
    const ext = items.find((c) => c.kind === 'extension')!;
    expect(ext).toMatchObject({ realm: `${account}.registrar.voipbin.net`, passwordStored: true });
    // The password is in main (sealed in the store), never in a DTO.
    const simPasswords = sim.state.voipbin.extensions.map((e) => e.password);
    expect(simPasswords.length).toBeGreaterThan(0);
    for (const pw of simPasswords) expect(JSON.stringify(a.seen)).not.toContain(pw);
    // …and sealed on disk: no password or username in any store file.
    for (const f of allFiles(join(a.dataDir, 'store'))) for (const pw of simPasswords.slice(0, 5)) expect(f.bytes.includes(pw)).toBe(false);
  });

  it('a wrong password is said plainly, and nothing is saved', async () => {
    const a = await app();
    const r = await a.call('addProviderProfile', { method: 'voipbin-login', displayName: 'Aurora', username: aurora.username, password: 'not-it', baseUrl: sim.voipbinBaseUrl });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/username and password/i) });
    expect(ok<ProfileListDTO>(await a.call('listProfiles', {})).profiles).toHaveLength(0);
  });

  it('signs in again by itself when the JWT’s expire claim has passed', async () => {
    const a = await app();
    sim.setFaults({ voipbinJwtTtlSeconds: 1 });
    const p = await addVoipbin(a);
    const account = await theAccount(a, p.id);
    await new Promise((r) => setTimeout(r, 1_200));
    const logins = () => sim.requests.filter((r) => r.path.startsWith('/voipbin/auth/login')).length;
    const before = logins();
    ok(await a.call('syncAccount', { profileId: p.id, customerAuthId: account, syncId: syncId() }));
    expect(logins()).toBeGreaterThan(before);
  });

  it('an access key travels only as the accesskey query parameter; an expired one is explained', async () => {
    const a = await app();
    const p = await addVoipbin(a, 'accesskey');
    expect(p).toMatchObject({ authMode: 'accesskey', authId: DEMO_VOIPBIN.aurora.customerId });
    await theAccount(a, p.id);
    const withKey = sim.requests.filter((r) => r.path.startsWith('/voipbin/v1.0'));
    expect(withKey.length).toBeGreaterThan(0);
    for (const r of withKey) {
      expect(r.path).toContain(`accesskey=${DEMO_VOIPBIN.accessKey}`);
      expect(JSON.stringify(r.headers)).not.toContain(DEMO_VOIPBIN.accessKey);
    }
    const bad = await a.call('addProviderProfile', { method: 'voipbin-accesskey', displayName: 'Old key', accessKey: DEMO_VOIPBIN.expiredAccessKey, baseUrl: sim.voipbinBaseUrl });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('UNAUTHORIZED');
      expect(JSON.stringify(bad)).not.toContain(DEMO_VOIPBIN.expiredAccessKey);
    }
  });

  it('a frozen account gets its own message', async () => {
    const a = await app();
    const r = await a.call('addProviderProfile', { method: 'voipbin-login', displayName: 'Borealis', username: DEMO_VOIPBIN.logins.frozen.username, password: DEMO_VOIPBIN.logins.frozen.password, baseUrl: sim.voipbinBaseUrl });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/frozen/i);
  });

  it('creates, edits (a full replace that keeps what was not changed) and deletes extensions and trunks; settings and a stored password on request', async () => {
    const a = await app();
    const p = await addVoipbin(a);
    const account = await theAccount(a, p.id);
    await allCredentials(a, p.id, account);
    const ref = { profileId: p.id, customerAuthId: account };

    const ext = ok<CredentialWriteDTO>(await a.call('createCredential', { ...ref, kind: 'extension', username: '2001', name: 'Lab bench', detail: 'second floor', password: { kind: 'typed', value: 'Bench#2026pw' } })).credential;
    expect(ext).toMatchObject({ kind: 'extension', username: '2001', name: 'Lab bench', passwordStored: true });
    expect(sim.state.voipbin.extensions.find((e) => e.extension === '2001')).toMatchObject({ name: 'Lab bench', detail: 'second floor', password: 'Bench#2026pw' });

    const renamed = ok<CredentialWriteDTO>(await a.call('updateCredential', { ...ref, credentialId: ext.id, name: 'Lab bench 2' })).credential;
    expect(renamed.name).toBe('Lab bench 2');
    // PUT is a full replace: the detail and the password came from the stored credential.
    expect(sim.state.voipbin.extensions.find((e) => e.extension === '2001')).toMatchObject({ name: 'Lab bench 2', detail: 'second floor', password: 'Bench#2026pw' });
    ok(await a.call('updateCredential', { ...ref, credentialId: ext.id, password: { kind: 'typed', value: 'Newer#2026pw' } }));
    expect(sim.state.voipbin.extensions.find((e) => e.extension === '2001')).toMatchObject({ name: 'Lab bench 2', password: 'Newer#2026pw' });
    const noToggle = await a.call('updateCredential', { ...ref, credentialId: ext.id, enabled: false });
    expect(noToggle.ok).toBe(false);

    const settings = ok<CredentialSettingsDTO>(await a.call('credentialSettings', { ...ref, credentialId: ext.id }));
    expect(settings.passwordStored).toBe(true);
    expect(settings.rows.map((r) => r.value)).toContain(`${account}.registrar.voipbin.net`);
    expect(JSON.stringify(settings)).not.toContain('Newer#2026pw');
    const { secretId } = ok<{ secretId: string }>(await a.call('storedPassword', { ...ref, credentialId: ext.id }));
    expect(ok<{ password: string }>(await a.call('revealPassword', { secretId })).password).toBe('Newer#2026pw');
    // Shown once: the handle is spent.
    expect((await a.call('revealPassword', { secretId })).ok).toBe(false);
    const copyId = ok<{ secretId: string }>(await a.call('storedPassword', { ...ref, credentialId: ext.id })).secretId;
    ok(await a.call('copyPassword', { secretId: copyId }));
    expect(a.platform.clipboardText).toBe('Newer#2026pw');

    const trunk = ok<CredentialWriteDTO>(
      await a.call('createCredential', { ...ref, kind: 'trunk', username: 'pbxtrunk', name: 'Office PBX', detail: '', domainName: 'auroraoffice', allowedIps: ['203.0.113.7'], password: { kind: 'typed', value: 'Trunk#2026pw' } }),
    ).credential;
    expect(trunk).toMatchObject({ kind: 'trunk', realm: 'auroraoffice.trunk.voipbin.net' });
    const badDomain = await a.call('createCredential', { ...ref, kind: 'trunk', username: 'x', name: 'x', domainName: '9bad', allowedIps: [], password: { kind: 'typed', value: 'Trunk#2026pw' } });
    expect(!badDomain.ok && badDomain.error.field).toBe('domainName');

    ok(await a.call('deleteCredential', { ...ref, credentialId: trunk.id }));
    ok(await a.call('deleteCredential', { ...ref, credentialId: ext.id }));
    expect(sim.state.voipbin.extensions.some((e) => e.extension === '2001')).toBe(false);
    const { items } = await allCredentials(a, p.id, account);
    expect(items.some((c) => c.id === ext.id || c.id === trunk.id)).toBe(false);

    // Nothing the renderer received holds any of the passwords, the JWT, or the login password,
    // except the one declared disclosure (revealPassword's answer).
    const jwts = sim.requests.flatMap((r) => (r.headers.authorization ?? '').replace(/^Bearer /, '')).filter((t) => t.length > 20);
    const undisclosed = a.seen.filter((r) => !('ok' in r && r.ok && typeof (r.value as { password?: unknown }).password === 'string'));
    const text = JSON.stringify(undisclosed);
    for (const s of [...jwts, aurora.password, 'Bench#2026pw', 'Newer#2026pw', 'Trunk#2026pw', ...sim.state.voipbin.extensions.map((e) => e.password)]) expect(text).not.toContain(s);
  });

  it('Sync all, then offline: the stored list opens with its age and writes are refused', async () => {
    const a = await app({ probeEveryMs: 200 });
    const p = await addVoipbin(a);
    const account = await theAccount(a, p.id);
    const report = ok<SyncReportDTO>(await a.call('syncAll', { profileId: p.id, syncId: syncId() }));
    expect(report).toMatchObject({ outcome: 'done', accountsSynced: 1, credentialsFetched: DEMO_VOIPBIN.aurora.extensions + DEMO_VOIPBIN.aurora.trunks });
    await sim.close();
    const offline = await allCredentials(a, p.id, account);
    expect(offline.items).toHaveLength(DEMO_VOIPBIN.aurora.extensions + DEMO_VOIPBIN.aurora.trunks);
    const search = ok<{ items: unknown[] }>(await a.call('searchCredentials', { profileId: p.id, query: '10' }));
    expect(search.items.length).toBeGreaterThan(0);
    const write = await a.call('createCredential', { profileId: p.id, customerAuthId: account, kind: 'extension', username: '2999', name: 'x', password: { kind: 'typed', value: 'Offline#2026' } });
    expect(write.ok).toBe(false);
    sim = await startSimulator({ quiet: true });
  });
});

describe('Vocobase profiles', () => {
  const cinder = DEMO_VOCOBASE.cinder;

  it('checks the rg_live_ format before anything is sent, then signs in with the key and lists only SIP connections', async () => {
    const a = await app();
    const bad = await a.call('addProviderProfile', { method: 'vocobase-key', displayName: 'Cinder', apiKey: 'sk_live_nope', baseUrl: sim.vocobaseBaseUrl });
    expect(!bad.ok && bad.error.field).toBe('apiKey');
    expect(sim.requests).toHaveLength(0);
    const list = ok<ProfileListDTO>(await a.call('addProviderProfile', { method: 'vocobase-key', displayName: 'Cinder', apiKey: cinder.key, baseUrl: sim.vocobaseBaseUrl }));
    const p = list.profiles[0]!;
    expect(p).toMatchObject({ provider: 'vocobase', authMode: 'apikey', tokenState: 'stored', caps: { accounts: 'self' } });
    const account = await theAccount(a, p.id);
    const { items } = await allCredentials(a, p.id, account);
    expect(items).toHaveLength(cinder.sipConnections);
    expect(items.every((c) => c.kind === 'connection' && !c.passwordStored)).toBe(true);
    for (const r of sim.requests) expect(r.headers.authorization).toBe(`Bearer ${cinder.key}`);
    expect(JSON.stringify(a.seen)).not.toContain(cinder.key);
  });

  it('a suspended partner is explained', async () => {
    const a = await app();
    const r = await a.call('addProviderProfile', { method: 'vocobase-key', displayName: 'Halcyon', apiKey: DEMO_VOCOBASE.suspended.key, baseUrl: sim.vocobaseBaseUrl });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
  });

  it('creates a SIP connection (its password sent once, kept nowhere), validates fields, and works offline from the store', async () => {
    const a = await app({ probeEveryMs: 200 });
    const p = ok<ProfileListDTO>(await a.call('addProviderProfile', { method: 'vocobase-key', displayName: 'Cinder', apiKey: cinder.key, baseUrl: sim.vocobaseBaseUrl })).profiles[0]!;
    const account = await theAccount(a, p.id);
    await allCredentials(a, p.id, account);
    const ref = { profileId: p.id, customerAuthId: account };
    const badDid = await a.call('createCredential', { ...ref, kind: 'connection', username: 'carrier1', name: 'Carrier', sipHost: 'sip.carrier.example', didNumber: '12345', password: { kind: 'typed', value: 'Outbound#2026' } });
    expect(!badDid.ok && badDid.error.field).toBe('didNumber');
    const made = ok<CredentialWriteDTO>(
      await a.call('createCredential', { ...ref, kind: 'connection', username: 'carrier1', name: 'Carrier One', sipHost: 'sip.carrier.example', didNumber: '+14155550100', allowedIps: ['198.51.100.0/24'], transport: 'TLS', password: { kind: 'typed', value: 'Outbound#2026' } }),
    ).credential;
    expect(made).toMatchObject({ kind: 'connection', name: 'Carrier One', passwordStored: false });
    const settings = ok<CredentialSettingsDTO>(await a.call('credentialSettings', { ...ref, credentialId: made.id }));
    expect(settings.rows.map((r) => r.value)).toContain('sip.carrier.example');
    expect((await a.call('storedPassword', { ...ref, credentialId: made.id })).ok).toBe(false);
    // The outbound password went to Vocobase once and is nowhere in the app.
    expect(JSON.stringify(a.seen)).not.toContain('Outbound#2026');
    for (const f of allFiles(a.dataDir)) expect(f.bytes.includes('Outbound#2026')).toBe(false);
    expect(readFileSync(join(a.dataDir, 'vault.json'), 'utf8')).not.toContain('Outbound#2026');

    ok(await a.call('syncAll', { profileId: p.id, syncId: syncId() }));
    await sim.close();
    const offline = await allCredentials(a, p.id, account);
    expect(offline.page.source.kind).toBe('stored');
    expect(offline.items.map((c) => c.name)).toContain('Carrier One');
    sim = await startSimulator({ quiet: true });
  });
});
