// Customers and their SIP credentials through the real main services (store, vault, real
// keychain, HTTP) against the simulator: every flow of issue 3 and its documented failures.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CUSTOMER_SORT } from '../../src-preload/contract';
import { MASTER_KEY_ACCOUNT } from '../../src-main/secrets/master-key';
import { keytarStore } from '../../src-main/secrets/keychain';
import { createServices, type AppServices } from '../../src-main/services';
import { TestPlatform } from '../harness/test-platform';
import { DEMO_PARTNERS } from '../sim/data';
import { startSimulator, type Simulator } from '../sim/server';
import { tempDir, uniqueService } from '../support/tmp';

let sim: Simulator;
let s: AppServices;
let platform: TestPlatform;
let dataDir: string;
let profileId: string;
const keychainServices: string[] = [];
const [nw, bf, saffron] = DEMO_PARTNERS as unknown as [(typeof DEMO_PARTNERS)[0], (typeof DEMO_PARTNERS)[0], (typeof DEMO_PARTNERS)[0]];

beforeAll(async () => {
  sim = await startSimulator({ quiet: true });
});
afterAll(async () => {
  await sim.close();
  for (const k of keychainServices) await keytarStore().delete(k, MASTER_KEY_ACCOUNT).catch(() => undefined);
});
beforeEach(async () => {
  sim.reset();
  dataDir = tempDir();
  platform = new TestPlatform();
  const keychainService = uniqueService('cc');
  keychainServices.push(keychainService);
  s = await createServices({ dataDir, secrets: keytarStore(), keychainService, platform, http: { maxRetries: 1, baseDelayMs: 5, maxDelayMs: 50 } });
  const list = await s.profiles.add({ displayName: 'NW', authId: nw.authId, token: nw.token, baseUrl: sim.partnerBaseUrl });
  profileId = list.profiles[0]!.id;
});
afterEach(async () => {
  await s.close();
});

const q = (page: number, perPage: number, search = '') => ({ page, perPage, search, sort: DEFAULT_CUSTOMER_SORT });
const customer = (name: string) => sim.state.customers.find((c) => c.name === name)!;
const vaultIds = () => Object.keys(JSON.parse(readFileSync(join(dataDir, 'vault.json'), 'utf8')).entries as object);

describe('customers', () => {
  it('lists with paging, search and total, and never carries a token', async () => {
    const page1 = await s.customers.list(profileId, q(1, 5));
    const mine = sim.state.customers.filter((c) => c.partnerAuthId === nw.authId);
    expect(page1.total).toBe(mine.length);
    expect(page1.items).toHaveLength(5);
    const page2 = await s.customers.list(profileId, q(2, 5));
    expect(page2.items.length).toBe(mine.length - 5);
    expect(new Set([...page1.items, ...page2.items].map((c) => c.authId)).size).toBe(mine.length);
    const found = await s.customers.list(profileId, q(1, 20, 'harborlight'));
    expect(found.items.map((c) => c.name)).toEqual(['Harborlight Logistics']);
    const json = JSON.stringify([page1, page2]);
    for (const c of mine) expect(json).not.toContain(c.authToken);
    // None is stored yet; each whose token the list hands over is 'available', Meridian's (redacted) is 'missing'.
    const states = new Map([...page1.items, ...page2.items].map((c) => [c.name, c.tokenState]));
    for (const c of mine) expect(states.get(c.name)).toBe(c.tokenRedacted ? 'missing' : 'available');
  });

  it('selecting a customer stores the real token from GET /accounts/{id} and remembers the choice', async () => {
    const hb = customer('Harborlight Logistics');
    const dto = await s.customers.select(profileId, hb.authId);
    expect(dto).toMatchObject({ authId: hb.authId, tokenState: 'stored' });
    expect(JSON.stringify(dto)).not.toContain(hb.authToken);
    expect(vaultIds()).toContain(`profile:${profileId}:customer:${hb.authId}`);
    expect(readFileSync(join(dataDir, 'vault.json'), 'utf8')).not.toContain(hb.authToken);
    expect((await s.profiles.list()).profiles[0]!.lastCustomerAuthId).toBe(hb.authId);
  });

  it('a redacted token is not stored; the admin enters it once, and a wrong one is refused', async () => {
    const mh = customer('Meridian Health Clinics');
    expect((await s.customers.select(profileId, mh.authId)).tokenState).toBe('missing');
    await expect(s.credentials.list({ profileId, customerAuthId: mh.authId }, { limit: 20, offset: 0 })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      hint: expect.stringMatching(/Enter the customer's API token/),
    });
    await expect(s.customers.setToken(profileId, mh.authId, 'not-the-right-token')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(vaultIds()).not.toContain(`profile:${profileId}:customer:${mh.authId}`);
    // The partner's own token is no customer token: Vobiz refuses it on /Account/*.
    await expect(s.customers.setToken(profileId, mh.authId, nw.token)).rejects.toMatchObject({ code: expect.stringMatching(/UNAUTHORIZED|FORBIDDEN/) });
    expect((await s.customers.setToken(profileId, mh.authId, mh.authToken)).tokenState).toBe('stored');
    const page = await s.credentials.list({ profileId, customerAuthId: mh.authId }, { limit: 20, offset: 0 });
    expect(page.total).toBe(4);
  });

  it('a stored customer token that was rotated in the Console is replaced from the partner API', async () => {
    const hb = customer('Harborlight Logistics');
    await s.customers.select(profileId, hb.authId);
    hb.authToken = 'rotated-in-console-token-123';
    const page = await s.credentials.list({ profileId, customerAuthId: hb.authId }, { limit: 5, offset: 0 });
    expect(page.total).toBe(47);
  });

  it('removing the profile removes its customer tokens', async () => {
    await s.customers.select(profileId, customer('Harborlight Logistics').authId);
    await s.profiles.remove(profileId);
    expect(vaultIds()).toEqual([]);
  });
});

describe('create customer', () => {
  const fields = (email: string) => ({ name: 'Orchid Labs', email, password: 'Orchid2026x', country: 'IN', phone: '+919812345678' });

  it('creates, stores the returned token straight into the vault, and selects it', async () => {
    const dto = await s.customers.create(profileId, fields('voice@orchidlabs.example'));
    expect(dto.tokenState).toBe('stored');
    const created = sim.state.customers.find((c) => c.email === 'voice@orchidlabs.example')!;
    expect(vaultIds()).toContain(`profile:${profileId}:customer:${created.authId}`);
    expect((await s.credentials.list({ profileId, customerAuthId: created.authId }, { limit: 20, offset: 0 })).total).toBe(0);
  });

  it('a duplicate email is a CONFLICT on the email field, and nothing is saved', async () => {
    const before = vaultIds();
    await expect(s.customers.create(profileId, fields(customer('Harborlight Logistics').email))).rejects.toMatchObject({ code: 'CONFLICT', field: 'email' });
    expect(vaultIds()).toEqual(before);
  });

  it('a weak password is refused by Vobiz with a field error', async () => {
    await expect(s.customers.create(profileId, { ...fields('weak@orchidlabs.example'), password: 'abcdefgh' })).rejects.toMatchObject({ code: 'VALIDATION', field: 'password' });
  });

  it('is refused up front when can_create_accounts is false, and at max_accounts', async () => {
    const bfList = await s.profiles.add({ displayName: 'BF', authId: bf.authId, token: bf.token, baseUrl: sim.partnerBaseUrl });
    const bfId = bfList.profiles.find((p) => p.authId === bf.authId)!.id;
    await expect(s.customers.create(bfId, fields('x@bluefjord-new.example'))).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/not allowed to create customers/) });
    const sfList = await s.profiles.add({ displayName: 'SF', authId: saffron.authId, token: saffron.token, baseUrl: sim.partnerBaseUrl });
    const sfId = sfList.profiles.find((p) => p.authId === saffron.authId)!.id;
    await s.customers.create(sfId, fields('one@saffron-new.example'));
    await expect(s.customers.create(sfId, fields('two@saffron-new.example'))).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/limit of 4/) });
  });

  it('a 5xx after Vobiz created it says so; a 5xx before says it was not created', async () => {
    sim.setFaults({ queue: [{ match: 'POST /api/v1/partner/accounts', kind: 'status', status: 502, afterHandler: true }] });
    await expect(s.customers.create(profileId, fields('ghost@orchidlabs.example'))).rejects.toMatchObject({ code: 'UPSTREAM', message: expect.stringMatching(/was created anyway/) });
    sim.setFaults({ queue: [{ match: 'POST /api/v1/partner/accounts', kind: 'status', status: 503 }] });
    await expect(s.customers.create(profileId, fields('nobody@orchidlabs.example'))).rejects.toMatchObject({ code: 'UPSTREAM', message: expect.stringMatching(/was not created/) });
    expect(sim.state.customers.some((c) => c.email === 'nobody@orchidlabs.example')).toBe(false);
  });
});

describe('SIP credentials', () => {
  const hbRef = () => ({ profileId, customerAuthId: customer('Harborlight Logistics').authId });

  it('pages the stored list with limit/offset and reports the total; the first open is live, the next stored', async () => {
    const last = await s.credentials.list(hbRef(), { limit: 20, offset: 40 });
    expect(last).toMatchObject({ mode: 'local', total: 47, storedTotal: 47, limit: 20, offset: 40, source: { kind: 'live' } });
    expect((await s.credentials.list(hbRef(), { limit: 20, offset: 0 })).source.kind).toBe('stored');
    expect(last.items).toHaveLength(7);
    expect(last.items[0]).toEqual({ id: expect.any(String), kind: 'sip', username: expect.any(String), name: null, realm: `${hbRef().customerAuthId}.sip.vobiz.ai`, enabled: expect.any(Boolean), createdAt: expect.any(String), updatedAt: expect.any(String), passwordStored: false });
  });

  it('objects:null is an empty list; meta.total_count is read as the total', async () => {
    const q = { profileId, customerAuthId: customer('Quillon Analytics').authId };
    expect(await s.credentials.list(q, { limit: 20, offset: 0 })).toMatchObject({ items: [], total: 0 });
    sim.setFaults({ metaTotalCount: true });
    expect((await s.credentials.list(hbRef(), { limit: 10, offset: 0 })).total).toBe(47);
  });

  it('falls back to the lowercase /account/ path on 404 and remembers it for the profile', async () => {
    sim.setFaults({ pathCasing: 'lower-only' });
    expect((await s.credentials.list(hbRef(), { limit: 10, offset: 0 })).total).toBe(47);
    expect(sim.requests.some((r) => r.path.includes('/api/v1/account/'))).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    const stored = JSON.parse(readFileSync(join(dataDir, 'profiles.json'), 'utf8'));
    expect(stored.profiles[0].accountPathCasing).toBe('account');
    sim.requests.length = 0;
    await s.credentials.list(hbRef(), { limit: 10, offset: 0 });
    expect(sim.requests.filter((r) => r.path.includes('/Account/'))).toHaveLength(0);
  });

  it('a customer with more than 20,000 credentials is fetched whole, sorted, filtered and paged (the old limit is gone)', async () => {
    const big = sim.addCustomer(nw.authId, { name: 'Huge Call Centre', email: 'noc@huge.example' });
    for (let i = 0; i <= 20_000; i++) sim.addCredential(big.authId, { username: `agent${i}` });
    const ref = { profileId, customerAuthId: big.authId };
    await s.customers.select(profileId, big.authId);
    const sorted = await s.credentials.list(ref, { limit: 20, offset: 0, sort: { field: 'username', dir: 'desc' } });
    expect(sorted.total).toBe(20_001);
    expect(sorted.items[0]!.username).toBe('agent9999');
    expect((await s.credentials.list(ref, { limit: 20, offset: 0, filter: { username: 'agent1999' } })).total).toBe(11);
    expect((await s.credentials.list(ref, { limit: 20, offset: 19_990 })).items).toHaveLength(11);
  });

  it('sorts and filters over every page, in main', async () => {
    const sorted = await s.credentials.list(hbRef(), { limit: 10, offset: 0, sort: { field: 'username', dir: 'asc' } });
    expect(sorted.mode).toBe('local');
    expect(sorted.total).toBe(47);
    const names = sorted.items.map((c) => c.username);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const disabled = await s.credentials.list(hbRef(), { limit: 20, offset: 0, filter: { enabled: false } });
    expect(disabled.items.map((c) => c.username).sort()).toEqual(['gate07', 'office05', 'yard02']);
    const gate = await s.credentials.list(hbRef(), { limit: 20, offset: 0, filter: { username: 'GATE' } });
    expect(gate.items.every((c) => c.username.includes('gate'))).toBe(true);
    expect(gate.total).toBeGreaterThan(1);
  });

  it('create with a generated password: the handle reveals it once; copy clears the clipboard', async () => {
    const { generatePassword, revealPassword, copyPassword, createCredential } = s.handlers;
    const { secretId } = await generatePassword({});
    const ref = hbRef();
    const written = await createCredential({ ...ref, kind: 'sip', username: 'newdesk01', password: { kind: 'generated', secretId } });
    expect(written.credential.username).toBe('newdesk01');
    expect(written.secretId).toBe(secretId);
    expect(JSON.stringify(written)).not.toMatch(/"password"/);
    await copyPassword({ secretId });
    const copied = platform.clipboardText;
    expect(copied).toMatch(/^[A-Za-z0-9~!@#$%^&*()_+]{16}$/);
    const { password } = await revealPassword({ secretId });
    expect(password).toBe(copied);
    await expect(revealPassword({ secretId })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('a duplicate username is a CONFLICT on the username field; a space is refused on the field before anything is sent', async () => {
    await expect(s.credentials.create(hbRef(), { kind: 'sip', username: 'dock01', password: { kind: 'typed', value: 'Secret#123' } })).rejects.toMatchObject({ code: 'CONFLICT', field: 'username', message: expect.stringMatching(/already taken/) });
    const posts = () => sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/credentials')).length;
    const before = posts();
    await expect(s.credentials.create(hbRef(), { kind: 'sip', username: 'bad.name', password: { kind: 'typed', value: 'Secret#123' } })).rejects.toMatchObject({ code: 'VALIDATION', field: 'username', message: expect.stringMatching(/underscores/) });
    expect(posts()).toBe(before);
  });

  it('_ and - are sent to Vobiz, which decides: refused → its 400 on the username field; accepted → created', async () => {
    await expect(s.credentials.create(hbRef(), { kind: 'sip', username: 'acc_test_01', password: { kind: 'typed', value: 'Secret#123' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'username',
      status: 400,
      message: expect.stringMatching(/Vobiz rejected the username “acc_test_01”: .*only letters and digits/),
    });
    sim.setFaults({ allowPunctuationInUsernames: true });
    try {
      const made = await s.credentials.create(hbRef(), { kind: 'sip', username: 'acc_test-01', password: { kind: 'typed', value: 'Secret#123' } });
      expect(made.credential.username).toBe('acc_test-01');
    } finally {
      sim.setFaults({});
    }
  });

  it('a 5xx on create is checked by listing, never retried', async () => {
    sim.setFaults({ queue: [{ match: 'POST /api/v1/Account/', kind: 'status', status: 502, afterHandler: true }] });
    const w = await s.credentials.create(hbRef(), { kind: 'sip', username: 'lostanswer1', password: { kind: 'typed', value: 'Secret#123' } });
    expect(w.note).toMatch(/was created: Trunkdesk checked the list/);
    expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    sim.setFaults({ queue: [{ match: 'POST /api/v1/Account/', kind: 'status', status: 503 }] });
    await expect(s.credentials.create(hbRef(), { kind: 'sip', username: 'lostanswer2', password: { kind: 'typed', value: 'Secret#123' } })).rejects.toMatchObject({ code: 'UPSTREAM', message: expect.stringMatching(/was not created/) });
  });

  it('enable/disable, change password, and a PUT that needs the password explained', async () => {
    const page = await s.credentials.list(hbRef(), { limit: 1, offset: 0 });
    const cred = page.items[0]!;
    const off = await s.credentials.update(hbRef(), cred.id, { enabled: false });
    expect(off.credential.enabled).toBe(false);
    expect(sim.state.credentials.find((c) => c.id === cred.id)!.enabled).toBe(false);
    const pw = await s.credentials.update(hbRef(), cred.id, { password: { kind: 'typed', value: 'NewPass#2026' } });
    expect(pw.credential.updatedAt).not.toBe(cred.updatedAt);
    sim.setFaults({ putRequiresPassword: true });
    await expect(s.credentials.update(hbRef(), cred.id, { enabled: true })).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'password',
      message: expect.stringMatching(/requires a new password/),
    });
    const both = await s.credentials.update(hbRef(), cred.id, { enabled: true, password: { kind: 'typed', value: 'NewPass#2027' } });
    expect(both.credential.enabled).toBe(true);
  });

  it('delete: 204, then 404 explained; a credential in use is a 409 explained', async () => {
    await s.credentials.list(hbRef(), { limit: 100, offset: 0, sort: { field: 'username', dir: 'asc' } });
    const dock = sim.state.credentials.find((c) => c.username === 'dock01')!;
    expect(await s.credentials.remove(hbRef(), dock.id)).toEqual({ deletedId: dock.id });
    await expect(s.credentials.remove(hbRef(), dock.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const busy = sim.state.credentials.find((c) => c.username === 'dispatch01')!;
    await expect(s.credentials.remove(hbRef(), busy.id)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/“dispatch01” is in use by active calls/) });
  });

  it('bulk: per-item results named by username, partial failure reported per item', async () => {
    // The stored list is enough for results and messages to name the credentials.
    await s.credentials.list(hbRef(), { limit: 100, offset: 0 });
    const ids = ['dock02', 'dispatch01', 'gate03'].map((u) => sim.state.credentials.find((c) => c.username === u)!.id);
    const r = await s.credentials.bulk(hbRef(), 'delete', { ids }, 'b_itdelete1');
    expect(r.results.map((x) => [x.username, x.ok])).toEqual([
      ['dock02', true],
      ['dispatch01', false],
      ['gate03', true],
    ]);
    expect(r.results[1]!.error).toMatchObject({ code: 'CONFLICT' });
    const d = await s.credentials.bulk(hbRef(), 'disable', { ids: [ids[1]!] }, 'b_itdisable1');
    expect(d.results[0]!.ok).toBe(true);
    // The stored list took every confirmed change, with no refetch: two gone, one disabled.
    const stored = await s.credentials.list(hbRef(), { limit: 100, offset: 0 });
    expect(stored.source.kind).toBe('stored');
    expect(stored.total).toBe(45);
    expect(stored.items.map((c) => c.id)).not.toContain(ids[0]);
    expect(stored.items.map((c) => c.id)).not.toContain(ids[2]);
    expect(stored.items.find((c) => c.id === ids[1])?.enabled).toBe(false);
  });

  it('export writes every matching credential to the chosen CSV file, with no passwords; cancel saves nothing', async () => {
    const file = join(tempDir(), 'out.csv');
    platform.nextSavePath = file;
    const r = await s.credentials.export(hbRef(), { field: 'username', dir: 'asc' }, { enabled: true });
    expect(r).toMatchObject({ saved: true, fileName: 'out.csv', folder: dirname(file), count: 44 });
    // Shown in the file manager by its handle, never by a path the renderer names.
    await s.credentials.showExport(r.fileId!);
    expect(platform.shownInFolder).toEqual([file]);
    await expect(s.credentials.showExport('f_000000000000000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const lines = readFileSync(file, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('id,kind,username,name,realm,enabled,created_at,updated_at');
    expect(lines).toHaveLength(45);
    expect(lines.slice(1).every((l) => l.split(',')[5] === 'true')).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toMatch(/redacted|password/i);
    platform.nextSavePath = null;
    writeFileSync(file, 'untouched');
    expect(await s.credentials.export(hbRef())).toMatchObject({ saved: false, fileName: null });
    expect(readFileSync(file, 'utf8')).toBe('untouched');
  });
});

describe('session sign-in', () => {
  it('signs in with email and password, keeps only the email, and the session ends at expires_in', async () => {
    const events: string[] = [];
    s.events.on((e) => events.push(e.type));
    sim.setFaults({ jwtTtlSeconds: 6 });
    const list = await s.profiles.addSession({ displayName: 'BF session', email: bf.email, password: bf.password, baseUrl: sim.partnerBaseUrl });
    const p = list.profiles.find((x) => x.authMode === 'session')!;
    expect(p).toMatchObject({ authId: bf.authId, session: { email: bf.email, signedInUntil: expect.any(String) } });
    expect((await s.profiles.partner(p.id)).authId).toBe(bf.authId);
    expect(sim.requests.at(-1)!.headers['authorization']).toMatch(/^Bearer /);
    const disk = readFileSync(join(dataDir, 'profiles.json'), 'utf8');
    expect(disk).not.toContain(bf.password);
    expect(disk).toContain(bf.email);
    await new Promise((r) => setTimeout(r, 1_300));
    expect(events).toContain('session-expired');
    expect((await s.profiles.list()).profiles.find((x) => x.id === p.id)!.session!.signedInUntil).toBeNull();
    await expect(s.profiles.partner(p.id)).rejects.toMatchObject({ code: 'UNAUTHORIZED', hint: expect.stringMatching(/Sign in again/) });
    sim.setFaults({});
    await s.profiles.signIn(p.id, bf.password);
    expect((await s.profiles.partner(p.id)).authId).toBe(bf.authId);
  });

  it('a wrong password is a clear error and adds nothing', async () => {
    await expect(s.profiles.addSession({ displayName: 'x', email: bf.email, password: 'wrong', baseUrl: sim.partnerBaseUrl })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'The email or password is incorrect.',
    });
    expect((await s.profiles.list()).profiles).toHaveLength(1);
  });

  it('an endpoint refusing the JWT ends the session with a clear message', async () => {
    const list = await s.profiles.addSession({ displayName: 'BF session', email: bf.email, password: bf.password, baseUrl: sim.partnerBaseUrl });
    const id = list.profiles.find((x) => x.authMode === 'session')!.id;
    sim.setFaults({ queue: [{ match: '/me', kind: 'status', status: 401, body: { error: 'invalid_token', message: 'JWT not accepted here' } }] });
    await expect(s.profiles.partner(id)).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'Your Vobiz sign-in session has ended.' });
    expect((await s.profiles.list()).profiles.find((x) => x.id === id)!.session!.signedInUntil).toBeNull();
  });
});
