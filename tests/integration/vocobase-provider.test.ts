// The Vocobase provider over real loopback HTTP against the simulator (tests/sim/vocobase.ts):
// identity, the documented errors, the SIP connection list and create, that the outbound password
// never comes back, and the client-side rate limits under a burst.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpClient, type HttpRequest, type HttpResponse } from '../../src-main/net/http';
import type { AccountApi, NewCredential, PartnerApi } from '../../src-main/providers/provider';
import { configureVocobaseLimits, vocobaseProvider } from '../../src-main/providers/vocobase';
import { vocobaseCall } from '../../src-main/providers/vocobase/transport';
import { DEMO_VOCOBASE, startSimulator, type Simulator } from '../sim/server';

let sim: Simulator;
let http: HttpClient;
/** No retries of its own: what is retried here is the provider's doing. */
let noRetry: HttpClient;
const cinder = DEMO_VOCOBASE.cinder;
const settings = { realmBase: null };
const memo = { get: () => undefined, set: () => undefined };

beforeAll(async () => {
  sim = await startSimulator({ quiet: true });
  http = new HttpClient();
  noRetry = new HttpClient({ maxRetries: 0 });
});
afterAll(async () => {
  configureVocobaseLimits();
  await http.close();
  await noRetry.close();
  await sim.close();
});
beforeEach(() => {
  sim.reset(); // seed, faults, request log and the simulator's rate windows
  configureVocobaseLimits(); // fresh limiters on our side, 60 a minute
});

const partner = (key: string = cinder.key, client: HttpClient = http): PartnerApi => vocobaseProvider.partner(client, sim.vocobaseBaseUrl, { kind: 'apikey', key }, settings);
const account = (key: string = cinder.key, client: HttpClient = http): AccountApi =>
  vocobaseProvider.account(client, sim.vocobaseBaseUrl, { id: 'cinder-voice-ai', credentials: { kind: 'apikey', key } }, memo, settings);

/** An HttpClient that keeps every answer's text, to look for what must never come back. */
function recording(inner: HttpClient): { client: HttpClient; texts: string[] } {
  const texts: string[] = [];
  const client = {
    async request(req: HttpRequest): Promise<HttpResponse> {
      const res = await inner.request(req);
      texts.push(res.text, JSON.stringify(res.headers));
      return res;
    },
  } as unknown as HttpClient;
  return { client, texts };
}

describe('identity', () => {
  it('GET /config is the partner profile and its one account; the key goes only in Authorization', async () => {
    const me = await partner().me();
    expect(me).toMatchObject({ name: 'Cinder Voice AI', authId: 'cinder-voice-ai', isActive: true, accountCount: null, email: null });
    expect(me.capabilities.canCreateAccounts).toBe(false);
    const req = sim.requests.at(-1)!;
    expect(req).toMatchObject({ method: 'GET', path: '/vocobase/api/v2/config' });
    expect(req.headers.authorization).toBe(`Bearer ${cinder.key}`);
    for (const [name, value] of Object.entries(req.headers)) if (name !== 'authorization') expect(value ?? '').not.toContain(cinder.key);
    expect(req.path).not.toContain(cinder.key);

    const accounts = await partner().listAccounts({ page: 1, perPage: 20, search: '' });
    expect(accounts.total).toBe(1);
    expect(accounts.rows).toEqual([expect.objectContaining({ id: 'cinder-voice-ai', name: 'Cinder Voice AI', token: null, isActive: true })]);
    expect(await partner().getAccount('cinder-voice-ai')).toMatchObject({ id: 'cinder-voice-ai' });
    await expect(partner().createAccount({ name: 'x', email: 'a@b.example', password: 'Passw0rd!', country: 'IN', phone: '+919876543210' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a well-formed key Vocobase does not know: 401 with what to do', async () => {
    const e = await partner('rg_live_NotAKeyVocobaseKnows00000000').me().catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'UNAUTHORIZED', status: 401, message: 'Vocobase did not accept this API key.' });
    expect((e as Error & { hint: string }).hint).toMatch(/Dashboard under API Keys/);
  });

  it('a key in the wrong format is refused here: the simulator sees no request at all', async () => {
    for (const bad of ['rg_test_abcdefghijklmnopqrstuv', 'sk_live_abcdefghijklmnopqrstuv', 'rg_live_tooshort', `${cinder.key} extra`]) {
      await expect(partner(bad).me()).rejects.toMatchObject({ code: 'VALIDATION', field: 'apiKey' });
      await expect(account(bad).listCredentials(1000, 0)).rejects.toMatchObject({ code: 'VALIDATION', field: 'apiKey' });
    }
    expect(sim.requests).toHaveLength(0);
  });

  it('a suspended partner: 403 that says so', async () => {
    const e = await partner(DEMO_VOCOBASE.suspended.key).me().catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'FORBIDDEN', status: 403, message: expect.stringMatching(/^This Vocobase account is suspended\./) });
    await expect(account(DEMO_VOCOBASE.suspended.key).listCredentials(1000, 0)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a web page where JSON was expected is a clear error, not a crash', async () => {
    sim.setFaults({ queue: [{ match: '/config', kind: 'html', status: 200 }] });
    await expect(partner().me()).rejects.toMatchObject({ code: 'UPSTREAM', message: expect.stringMatching(/web page/) });
  });
});

describe('SIP connections', () => {
  it('lists only the SIP connections, as kind connection, without any password', async () => {
    const page = await account().listCredentials(1000, 0);
    expect(page.total).toBe(cinder.sipConnections);
    expect(page.items).toHaveLength(4);
    expect(sim.requests.map((r) => r.path)).toEqual(['/vocobase/api/v2/telephony/connections?provider=sip']);
    expect(page.items.every((c) => c.kind === 'connection' && /^conn_[A-Za-z0-9_-]+$/.test(c.id) && c.secret === undefined)).toBe(true);
    expect(page.items.map((c) => c.name)).not.toContain('Twilio US');
    const mumbai = page.items.find((c) => c.name === 'Primary SIP trunk - Mumbai')!;
    expect(mumbai).toMatchObject({ username: 'cinder-mum', realm: 'sip.mumbai.carrier-one.example', enabled: true });
    expect(mumbai.extra).toMatchObject({ sipHost: 'sip.mumbai.carrier-one.example', sourceIps: ['203.0.113.10', '203.0.113.11'], didNumber: '+912240001100', transport: 'UDP' });
    expect(mumbai.id).toBe(`conn_${mumbai.extra!.connectionId}`);
    const ipAuth = page.items.find((c) => c.name === 'EU SIP (IP auth)')!;
    expect(ipAuth).toMatchObject({ username: '', enabled: false });
    const settingsRows = vocobaseProvider.settingsFor(mumbai, settings);
    expect(settingsRows.map((r) => r.label)).toEqual(['Name', 'SIP host', 'Outbound username', 'Transport', 'DID number', 'Inbound source IPs', 'Connection id']);
    // Pages are cut here from the one answer.
    const second = await account().listCredentials(3, 3);
    expect(second).toMatchObject({ total: 4, limit: 3 });
    expect(second.items.map((c) => c.id)).toEqual([page.items[3]!.id]);
  });

  it('create checks every field first, then the created connection is listed; the password never comes back', async () => {
    const { client, texts } = recording(http);
    const api = account(cinder.key, client);
    const password = 'Carrier#Out-Pass-7731';
    const good: NewCredential = {
      kind: 'connection',
      name: 'Chennai SIP',
      sipHost: 'sip.chennai.carrier-three.example',
      username: 'cinder-maa',
      password,
      allowedIps: ['203.0.113.40', '198.51.100.64/27'],
      didNumber: '+914440003300',
      transport: 'TLS',
    };
    const refused: Array<[Partial<NewCredential>, string]> = [
      [{ name: '' }, 'name'],
      [{ sipHost: 'not a host!' }, 'sipHost'],
      [{ allowedIps: ['300.1.1.1'] }, 'allowedIps'],
      [{ didNumber: '044-4000-3300' }, 'didNumber'],
      [{ username: '' }, 'username'],
    ];
    const errors: unknown[] = [];
    for (const [patch, field] of refused) {
      const e = await api.createCredential({ ...good, ...patch }).catch((x: unknown) => x);
      errors.push(e);
      expect(e, field).toMatchObject({ code: 'VALIDATION', field });
    }
    expect(sim.requests).toHaveLength(0); // all refused before sending

    // What only the server checks (it wants a DID): its message, on our field.
    const { didNumber: _omit, ...noDid } = good;
    const serverSaid = await api.createCredential(noDid).catch((x: unknown) => x);
    errors.push(serverSaid);
    expect(serverSaid).toMatchObject({ code: 'VALIDATION', status: 400, field: 'didNumber', message: expect.stringMatching(/did_number/) });

    const created = await api.createCredential(good);
    expect(created).toMatchObject({ kind: 'connection', name: 'Chennai SIP', username: 'cinder-maa', realm: 'sip.chennai.carrier-three.example', enabled: true });
    expect(created.extra).toMatchObject({ transport: 'TLS', didNumber: '+914440003300', sourceIps: ['203.0.113.40', '198.51.100.64/27'] });
    const post = sim.requests.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/vocobase/api/v2/telephony/connections');

    // The same DID again: 409 with the server's words.
    const dup = await api.createCredential({ ...good, name: 'Chennai SIP 2' }).catch((x: unknown) => x);
    errors.push(dup);
    expect(dup).toMatchObject({ code: 'CONFLICT', status: 409 });

    const list = await api.listCredentials(1000, 0);
    expect(list.total).toBe(5);
    expect(list.items.map((c) => c.id)).toContain(created.id);

    const everything = [...texts, JSON.stringify(created), JSON.stringify(list), ...errors.map((e) => `${(e as Error).message} ${(e as { hint?: string }).hint ?? ''}`)];
    expect(texts.length).toBeGreaterThan(0);
    for (const t of everything) expect(t).not.toContain(password);
  });

  it('change and delete are not in the API: said plainly, nothing sent', async () => {
    const [first] = (await account().listCredentials(1000, 0)).items;
    sim.requests.length = 0;
    await expect(account().updateCredential(first!.id, { enabled: false }, first!.name!)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/Vocobase Dashboard/) });
    await expect(account().deleteCredential(first!.id, first!.name!)).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(sim.requests).toHaveLength(0);
  });
});

describe('rate limits', () => {
  it('a burst of 200 requests with one key: all succeed, no 429, never more than 60 in a window', async () => {
    const windowMs = 1_000;
    sim.setFaults({ vocobaseWindowMs: windowMs });
    configureVocobaseLimits({ windowMs });
    const p = partner();
    const a = account();
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 4 === 3 ? a.listCredentials(1000, 0).then((r) => r.total) : p.me().then((m) => m.authId))));
    const tookMs = Date.now() - started;
    const stats = sim.vocobase.stats(cinder.key);
    console.log(`[vocobase burst] 200 requests in ${tookMs} ms with a ${windowMs} ms window: ${JSON.stringify(stats)}`);
    expect(results.filter((r) => r === 'cinder-voice-ai')).toHaveLength(150);
    expect(results.filter((r) => r === 4)).toHaveLength(50);
    expect(stats.requests).toBe(200);
    expect(stats.rejected429).toBe(0);
    expect(stats.maxInAnyWindow).toBeLessThanOrEqual(60);
    // 200 at 60 a window: the last ones go in the fourth window, not much later.
    expect(tookMs).toBeGreaterThanOrEqual(3 * windowMs);
    expect(tookMs).toBeLessThan(6 * windowMs);
  }, 20_000);

  it('/calls requests keep to 10 a window and also count in the general 60', async () => {
    const windowMs = 1_000;
    sim.setFaults({ vocobaseWindowMs: windowMs });
    configureVocobaseLimits({ windowMs });
    const get = (path: string) => vocobaseCall(http, { method: 'GET', baseUrl: sim.vocobaseBaseUrl, path, key: cinder.key, what: 'x', schema: z.unknown() });
    const started = Date.now();
    await Promise.all([...Array.from({ length: 25 }, (_, i) => get(i % 2 ? '/calls?limit=5' : '/calls/concurrency')), ...Array.from({ length: 60 }, () => get('/config'))]);
    const tookMs = Date.now() - started;
    const stats = sim.vocobase.stats(cinder.key);
    console.log(`[vocobase /calls] 25 /calls + 60 general in ${tookMs} ms: ${JSON.stringify(stats)}`);
    expect(stats).toMatchObject({ requests: 85, rejected429: 0, callsRequests: 25, callsRejected429: 0 });
    expect(stats.maxCallsInAnyWindow).toBeLessThanOrEqual(10);
    expect(stats.maxInAnyWindow).toBeLessThanOrEqual(60);
    expect(tookMs).toBeGreaterThanOrEqual(2 * windowMs); // 25 at 10 a window: the third window
  }, 20_000);

  it('two clients of one key share the budget; another key has its own', async () => {
    const windowMs = 1_000;
    sim.setFaults({ vocobaseWindowMs: windowMs });
    configureVocobaseLimits({ windowMs });
    const other = sim.addVocobasePartner({ name: 'Other Partner' });
    const started = Date.now();
    await Promise.all([
      ...Array.from({ length: 40 }, () => partner().me()),
      ...Array.from({ length: 40 }, () => account().listCredentials(1000, 0)),
      ...Array.from({ length: 50 }, () => partner(other).me()),
    ]);
    const tookMs = Date.now() - started;
    expect(sim.vocobase.stats(cinder.key)).toMatchObject({ requests: 80, rejected429: 0 });
    expect(sim.vocobase.stats(cinder.key).maxInAnyWindow).toBeLessThanOrEqual(60);
    expect(sim.vocobase.stats(other)).toMatchObject({ requests: 50, rejected429: 0, maxInAnyWindow: 50 });
    expect(tookMs).toBeGreaterThanOrEqual(windowMs); // the shared key had to wait for a second window
  }, 20_000);

  it('a 429 that still comes: a GET waits for the window and is retried once; a POST is not', async () => {
    // The server allows fewer than we think (3 a window), so it answers 429 with Retry-After.
    const windowMs = 1_000;
    sim.setFaults({ vocobaseWindowMs: windowMs, vocobaseLimits: { general: 3 }, vocobaseRetryAfter: true });
    configureVocobaseLimits({ windowMs });
    const p = partner(cinder.key, noRetry);
    await Promise.all([p.me(), p.me(), p.me()]);
    const t = Date.now();
    const me = await p.me(); // 429, paused about 1 s, retried once: ok
    expect(me.authId).toBe('cinder-voice-ai');
    expect(Date.now() - t).toBeGreaterThanOrEqual(500);
    expect(sim.vocobase.stats(cinder.key)).toMatchObject({ requests: 5, rejected429: 1 });

    // Fill the new window, then a POST: refused with the rate-limit words, sent once only.
    await Promise.all([p.me(), p.me()]);
    const before = sim.requests.length;
    const e = await account(cinder.key, noRetry)
      .createCredential({ kind: 'connection', name: 'Late', sipHost: 'sip.late.example', username: 'late', password: 'Late#Pass-0001', didNumber: '+914440009999' })
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryable: true });
    expect((e as Error).message).toMatch(/^Vocobase is limiting requests \(60 a minute per API key\)/);
    expect((e as { retryAfterSeconds?: number }).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(sim.requests.length - before).toBe(1);
    expect(sim.state.vocobase.connections.some((c) => c.name === 'Late')).toBe(false);
  }, 20_000);

  it('a GET refused twice tells the user, with how long to wait', async () => {
    sim.setFaults({ vocobaseWindowMs: 60_000, vocobaseLimits: { general: 1 }, vocobaseRetryAfter: 1 });
    configureVocobaseLimits({ windowMs: 60_000 });
    const p = partner(cinder.key, noRetry);
    await p.me();
    const t = Date.now();
    const e = await p.me().catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
    expect(Date.now() - t).toBeGreaterThanOrEqual(900); // it waited the Retry-After once
    expect(sim.vocobase.stats(cinder.key)).toMatchObject({ requests: 3, rejected429: 2 });
  }, 20_000);
});

describe('no request behind the limiter’s back', () => {
  it('a 503 is not retried by the HTTP client (whose GET retries are on by default): every attempt took a slot', async () => {
    const retrying = new HttpClient();
    try {
      sim.requests.length = 0;
      sim.setFaults({ queue: [{ match: '/vocobase/api/v2/config', kind: 'status', status: 503 }] });
      await expect(partner(cinder.key, retrying).me()).rejects.toMatchObject({ code: 'UPSTREAM' });
      expect(sim.requests.filter((r) => r.path.startsWith('/vocobase/api/v2/config'))).toHaveLength(1);
    } finally {
      sim.setFaults({});
      await retrying.close();
    }
  });
});
