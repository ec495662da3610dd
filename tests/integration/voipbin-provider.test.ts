// The VoIPBIN provider over real loopback HTTP against the simulator: sign-in and the JWT's
// lifetime, access keys, frozen accounts, the cursor walk, full-replace writes checked against the
// simulator's state, and the per-customer rate limit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src-main/net/http';
import type { PartnerCredentials, SessionCache } from '../../src-main/providers/provider';
import { voipbinConnection, voipbinProvider } from '../../src-main/providers/voipbin';
import { DEMO_VOIPBIN, startSimulator, type Simulator } from '../sim/server';

let sim: Simulator;
let http: HttpClient;
const aurora = DEMO_VOIPBIN.aurora;
const settings = { realmBase: null };
const memo = { get: () => undefined, set: () => undefined };

class MemorySession implements SessionCache {
  value: { token: string; expiresAt: number } | undefined;
  get() {
    return this.value;
  }
  set(token: string, expiresAt: number) {
    this.value = { token, expiresAt };
  }
  clear() {
    this.value = undefined;
  }
}

const login = (l: { username: string; password: string } = DEMO_VOIPBIN.logins.admin, session: SessionCache = new MemorySession()): PartnerCredentials => ({
  kind: 'login',
  username: l.username,
  password: l.password,
  session,
});
const key = (k: string = DEMO_VOIPBIN.accessKey): PartnerCredentials => ({ kind: 'accesskey', key: k });
const partner = (c: PartnerCredentials) => voipbinProvider.partner(http, sim.voipbinBaseUrl, c, settings);
const account = (c: PartnerCredentials = key(), id: string = aurora.customerId) => voipbinProvider.account(http, sim.voipbinBaseUrl, { id, credentials: c }, memo, settings);
const logins = () => sim.requests.filter((r) => r.path.startsWith('/voipbin/auth/login')).length;
const auroraExtensions = () => sim.state.voipbin.extensions.filter((e) => e.customerId === aurora.customerId);
const auroraTrunks = () => sim.state.voipbin.trunks.filter((t) => t.customerId === aurora.customerId);

beforeAll(async () => {
  sim = await startSimulator({ quiet: true });
  // No retries: a 429 or 5xx from the simulator must reach the provider, not be hidden by a retry.
  http = new HttpClient({ maxRetries: 0 });
});
afterAll(async () => {
  await http.close();
  await sim.close();
});
beforeEach(() => sim.reset());

describe('sign-in with a username and password', () => {
  it('signs in at /auth/login (no /v1.0) and sends the JWT as Bearer, never a cookie', async () => {
    const session = new MemorySession();
    const me = await partner(login(DEMO_VOIPBIN.logins.admin, session)).me();
    expect(me).toMatchObject({ authId: aurora.customerId, id: aurora.customerId, name: 'Aurora Dental Group', isActive: true, accountCount: null, capabilities: { canCreateAccounts: false } });
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /voipbin/auth/login', 'GET /voipbin/v1.0/customer']);
    expect(sim.requests[1]!.headers.authorization).toBe(`Bearer ${session.value!.token}`);
    for (const r of sim.requests) expect(r.headers.cookie).toBeUndefined();
    // The expire claim was read: the simulator's JWTs live 7 days by default.
    expect(session.value!.expiresAt - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
  });

  it('a wrong password gets the clear message', async () => {
    await expect(partner(login({ username: DEMO_VOIPBIN.logins.admin.username, password: 'Wrong#2026' })).me()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'VoIPBIN did not accept that username and password.',
      hint: expect.any(String),
    });
  });

  it('an agent login is told extensions need admin or manager permission', async () => {
    await expect(partner(login(DEMO_VOIPBIN.logins.agent)).me()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/frontdesk@aurora-dental\.example.*admin or manager/),
    });
    expect(sim.requests.map((r) => r.path)).toEqual(['/voipbin/auth/login', '/voipbin/v1.0/customer', '/voipbin/v1.0/me']);
  });

  it('a manager login works too', async () => {
    expect((await partner(login(DEMO_VOIPBIN.logins.manager)).me()).authId).toBe(aurora.customerId);
  });

  it('reuses a fresh JWT, and signs in again by itself when it is about to expire', async () => {
    const session = new MemorySession();
    const p = partner(login(DEMO_VOIPBIN.logins.admin, session));
    await p.me();
    await p.me();
    expect(logins()).toBe(1);
    // Short-lived JWTs (inside the 5-minute margin): every call signs in first.
    sim.setFaults({ voipbinJwtTtlSeconds: 60 });
    session.clear();
    await p.me();
    const first = session.value!.token;
    await p.me();
    expect(logins()).toBe(3);
    expect(session.value!.token).not.toBe(first);
  });

  it('a JWT the server no longer accepts: a 401, one sign-in, the call again', async () => {
    const session = new MemorySession();
    const p = partner(login(DEMO_VOIPBIN.logins.admin, session));
    sim.setFaults({ voipbinJwtTtlSeconds: 0 }); // issued already expired
    await expect(p.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/sign-in has expired/) });
    sim.setFaults({});
    // The cache still holds a dead token it thinks is good for 7 days:
    session.set(session.value?.token ?? 'dead.token.value', Date.now() + 7 * 24 * 3600 * 1000);
    const before = logins();
    expect((await p.me()).authId).toBe(aurora.customerId);
    expect(logins()).toBe(before + 1);
    expect(sim.requests.slice(-3).map((r) => r.path)).toEqual(['/voipbin/v1.0/customer', '/voipbin/auth/login', '/voipbin/v1.0/customer']);
  });

  it('the two list walks share one sign-in', async () => {
    const all = await account(login()).listAllCredentials!(undefined, () => undefined);
    expect(all).toHaveLength(aurora.extensions + aurora.trunks);
    expect(logins()).toBe(1);
  });
});

describe('access keys', () => {
  it('work, sent only as the accesskey query parameter', async () => {
    const me = await partner(key()).me();
    expect(me.authId).toBe(aurora.customerId);
    const r = sim.requests.at(-1)!;
    expect(new URL(r.path, sim.url).searchParams.get('accesskey')).toBe(DEMO_VOIPBIN.accessKey);
    expect(r.headers.authorization).toBeUndefined();
    expect(r.headers.cookie).toBeUndefined();
    expect(JSON.stringify(r.headers)).not.toContain(DEMO_VOIPBIN.accessKey);
  });

  it('an expired key gets the clear message, without the key in it', async () => {
    const err = await partner(key(DEMO_VOIPBIN.expiredAccessKey)).me().catch((e) => e);
    expect(err).toMatchObject({ code: 'UNAUTHORIZED', status: 401, message: 'VoIPBIN did not accept this access key: it was revoked or has expired.' });
    expect(`${err.message} ${err.hint}`).not.toContain(DEMO_VOIPBIN.expiredAccessKey);
  });
});

describe('a frozen account', () => {
  it('by login: the frozen message with the recovery endpoint', async () => {
    const err = await partner(login(DEMO_VOIPBIN.logins.frozen)).me().catch((e) => e);
    expect(err).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(err.message).toMatch(/^This VoIPBIN account is frozen/);
    expect(err.hint).toMatch(/DELETE \/auth\/unregister/);
  });
  it('by access key: the same', async () => {
    await expect(account(key(DEMO_VOIPBIN.frozenAccessKey), DEMO_VOIPBIN.borealis.customerId).listAllCredentials!(undefined, () => undefined)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/frozen/),
    });
  });
});

describe('the one account', () => {
  it('is the customer itself', async () => {
    const p = partner(key());
    const { rows, total } = await p.listAccounts({ page: 1, perPage: 50, search: '' });
    expect(total).toBe(1);
    expect(rows).toEqual([expect.objectContaining({ id: aurora.customerId, name: aurora.name, isActive: true, token: null })]);
    expect((await p.getAccount(aurora.customerId)).name).toBe(aurora.name);
    await expect(p.createAccount({ name: 'x', email: 'x@y.z', password: 'p', country: 'NO', phone: '1' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('listAllCredentials', () => {
  it('walks 300 extensions and the trunks by cursor, each exactly once', async () => {
    for (let i = 0; i < 260; i++) sim.addExtension(aurora.customerId, { extension: String(5000 + i) });
    const pages: number[] = [];
    const all = await account().listAllCredentials!(undefined, (n) => pages.push(n));
    const exts = all.filter((c) => c.kind === 'extension');
    const trunks = all.filter((c) => c.kind === 'trunk');
    expect(exts).toHaveLength(300);
    expect(trunks).toHaveLength(3);
    expect(new Set(all.map((c) => c.id)).size).toBe(303);
    expect(new Set(exts.map((c) => c.id))).toEqual(new Set(auroraExtensions().map((e) => `ext_${e.id}`)));
    expect(new Set(trunks.map((c) => c.id))).toEqual(new Set(auroraTrunks().map((t) => `trunk_${t.id}`)));
    expect(pages.reduce((a, b) => a + b, 0)).toBe(303);
    // 3 full pages, a 0-item end; 1 trunk page, a 0-item end.
    const lists = sim.requests.filter((r) => r.path.startsWith('/voipbin/v1.0/extensions?'));
    expect(lists).toHaveLength(4);
    expect(lists.every((r) => r.path.includes('page_size=100'))).toBe(true);
    expect(lists[1]!.path).toMatch(/page_token=\d{4}-\d{2}-\d{2}T\d{2}%3A\d{2}%3A\d{2}\.\d{6}Z/);

    const one = exts.find((c) => c.username === '1001')!;
    const rec = auroraExtensions().find((e) => e.extension === '1001')!;
    expect(one).toMatchObject({ kind: 'extension', name: rec.name, realm: `${aurora.customerId}.registrar.voipbin.net`, enabled: true, secret: rec.password });
    expect(one.extra).toEqual({ detail: rec.detail, customerId: aurora.customerId, directHash: rec.directHash });
    const bergen = trunks.find((c) => c.extra?.domainName === 'aurora-bergen')!;
    expect(bergen).toMatchObject({ realm: 'aurora-bergen.trunk.voipbin.net', extra: { authTypes: ['basic', 'ip'], allowedIps: ['198.51.100.21', '198.51.100.22'] } });
  });
});

describe('extension writes', () => {
  it('create, change the password (name kept), rename (password kept), delete', async () => {
    const a = account();
    const created = await a.createCredential({ kind: 'extension', username: '2101', password: 'Str0ng-Pass!', name: 'Lab 9', detail: 'Oslo clinic' });
    let rec = auroraExtensions().find((e) => e.extension === '2101')!;
    expect(rec).toMatchObject({ name: 'Lab 9', detail: 'Oslo clinic', password: 'Str0ng-Pass!' });
    expect(created).toMatchObject({ id: `ext_${rec.id}`, username: '2101', name: 'Lab 9', secret: 'Str0ng-Pass!' });

    const changed = await a.updateCredential(created.id, { password: 'N3w-Password!' }, '2101', created);
    rec = auroraExtensions().find((e) => e.extension === '2101')!;
    expect(rec).toMatchObject({ name: 'Lab 9', detail: 'Oslo clinic', password: 'N3w-Password!' });
    expect(changed.secret).toBe('N3w-Password!');

    // Without the stored credential the provider reads it first, so nothing is lost.
    await a.updateCredential(created.id, { name: 'Lab 10' }, '2101');
    rec = auroraExtensions().find((e) => e.extension === '2101')!;
    expect(rec).toMatchObject({ name: 'Lab 10', detail: 'Oslo clinic', password: 'N3w-Password!' });
    const put = sim.requests.filter((r) => r.method === 'PUT');
    expect(put).toHaveLength(2);

    await a.deleteCredential(created.id, '2101');
    expect(auroraExtensions().find((e) => e.extension === '2101')).toBeUndefined();
    await expect(a.deleteCredential(created.id, '2101')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'The extension “2101” no longer exists on VoIPBIN.' });
  });

  it('a taken extension number, a plan limit, and Trunkdesk’s own rules', async () => {
    const a = account();
    await expect(a.createCredential({ kind: 'extension', username: '1001', password: 'Str0ng-Pass!' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'An extension with that number already exists.',
    });
    for (let i = 0; i < aurora.maxExtensions - aurora.extensions; i++) sim.addExtension(aurora.customerId, { extension: String(7000 + i) });
    await expect(a.createCredential({ kind: 'extension', username: '2102', password: 'Str0ng-Pass!' })).rejects.toMatchObject({ code: 'FORBIDDEN', status: 402, message: expect.stringMatching(/plan/) });
    const sent = sim.requests.length;
    await expect(a.createCredential({ kind: 'extension', username: '21 02', password: 'Str0ng-Pass!' })).rejects.toMatchObject({ code: 'VALIDATION', field: 'username' });
    await expect(a.createCredential({ kind: 'extension', username: '2102', password: 'short' })).rejects.toMatchObject({ code: 'VALIDATION', field: 'password' });
    await expect(a.updateCredential(`ext_${auroraExtensions()[0]!.id}`, { enabled: false }, '1001')).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(sim.requests.length).toBe(sent);
  });
});

describe('trunk writes', () => {
  it('create, change the password (everything else kept), delete', async () => {
    const a = account(login());
    const created = await a.createCredential({
      kind: 'trunk',
      username: 'oslopbx',
      password: 'Trunk-Pass-2026',
      name: 'Oslo PBX 2',
      detail: 'second PBX',
      domainName: 'aurora-oslo2',
      allowedIps: ['203.0.113.77'],
    });
    let rec = auroraTrunks().find((t) => t.domainName === 'aurora-oslo2')!;
    expect(rec).toMatchObject({ name: 'Oslo PBX 2', detail: 'second PBX', username: 'oslopbx', password: 'Trunk-Pass-2026', authTypes: ['basic'], allowedIps: ['203.0.113.77'] });
    expect(created).toMatchObject({ id: `trunk_${rec.id}`, kind: 'trunk', realm: 'aurora-oslo2.trunk.voipbin.net' });

    await a.updateCredential(created.id, { password: 'Changed-Pass-77' }, 'Oslo PBX 2', created);
    rec = auroraTrunks().find((t) => t.domainName === 'aurora-oslo2')!;
    expect(rec).toMatchObject({ name: 'Oslo PBX 2', detail: 'second PBX', username: 'oslopbx', password: 'Changed-Pass-77', authTypes: ['basic'], allowedIps: ['203.0.113.77'] });

    await a.deleteCredential(created.id, 'Oslo PBX 2');
    expect(auroraTrunks().find((t) => t.domainName === 'aurora-oslo2')).toBeUndefined();
  });

  it('a taken domain name, and the checks made before sending', async () => {
    const a = account();
    await expect(a.createCredential({ kind: 'trunk', username: 'x1', password: 'Trunk-Pass-2026', domainName: 'aurora-hq' })).rejects.toMatchObject({ code: 'CONFLICT', field: 'domainName' });
    const sent = sim.requests.length;
    await expect(a.createCredential({ kind: 'trunk', username: 'x1', password: 'Trunk-Pass-2026', domainName: '9lives' })).rejects.toMatchObject({ code: 'VALIDATION', field: 'domainName' });
    await expect(a.createCredential({ kind: 'trunk', username: 'x1', password: 'Trunk-Pass-2026', domainName: 'okname', allowedIps: ['1.2.3'] })).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'allowedIps',
    });
    expect(sim.requests.length).toBe(sent);
  });
});

describe('the per-customer rate limit', () => {
  it('a burst of 100 reads gets no 429', async () => {
    const p = partner(key());
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 100 }, () => p.me()));
    expect(results.every((m) => m.authId === aurora.customerId)).toBe(true);
    expect(sim.voipbin.stats(aurora.customerId)).toEqual({ requests: 100, rejected429: 0 });
    // 16 a second: the client held the burst back rather than let the server refuse it.
    expect(Date.now() - started).toBeGreaterThan(5_000);
  });

  it('a 429 that still comes surfaces RATE_LIMITED and pauses the client for Retry-After', async () => {
    const customer = sim.addVoipbinCustomer({ name: 'Tight Limits AS' });
    const k = sim.addVoipbinAccessKey(customer.id);
    sim.setFaults({ voipbinRateLimit: { perSecond: 0.5, burst: 1 } });
    const p = partner(key(k));
    await p.me();
    const err = await p.me().catch((e) => e);
    expect(err).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryable: true });
    expect(err.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(voipbinConnection(http, sim.voipbinBaseUrl, key(k)).limiter.nextWaitMs()).toBeGreaterThan(500);
  });
});
