// The VoIPBIN part of the simulator (tests/sim/voipbin.ts), over real loopback HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_VOIPBIN, startSimulator, type Simulator } from '../sim/server';
import { redactQuery } from '../sim/server';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.reset());

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function call(path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(sim.voipbinBaseUrl + path, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

const jsonInit = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

async function login(l: { username: string; password: string } = DEMO_VOIPBIN.logins.admin): Promise<string> {
  const a = await call('/auth/login', jsonInit('POST', { username: l.username, password: l.password }));
  expect(a.status).toBe(200);
  return a.body.token as string;
}

const bearer = (token: string): RequestInit => ({ headers: { Authorization: `Bearer ${token}` } });
const ak = (path: string, key: string = DEMO_VOIPBIN.accessKey): string => `${path}${path.includes('?') ? '&' : '?'}accesskey=${encodeURIComponent(key)}`;
const claims = (jwt: string): Record<string, any> => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')); // eslint-disable-line @typescript-eslint/no-explicit-any

describe('POST /voipbin/auth/login', () => {
  it('answers {username, token} and the HttpOnly token cookie; the JWT carries type, agent and a µs expire, no exp', async () => {
    const l = DEMO_VOIPBIN.logins.admin;
    const a = await call('/auth/login', jsonInit('POST', { username: l.username, password: l.password }));
    expect(a.status).toBe(200);
    expect(a.body).toEqual({ username: l.username, token: expect.stringMatching(/^eyJ/) });
    const cookie = a.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^token=eyJ[^;]+;/);
    for (const attr of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Max-Age=604800']) expect(cookie).toContain(attr);
    const c = claims(a.body.token);
    expect(c.type).toBe('agent');
    expect(c.agent).toMatchObject({ customer_id: l.customerId, username: l.username, permission: 32 });
    expect(c.expire).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(Date.parse(c.expire) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect(c).not.toHaveProperty('exp');
  });

  it('fails with a bare 400 and an empty body: wrong password, missing field, bad JSON', async () => {
    const l = DEMO_VOIPBIN.logins.admin;
    for (const body of [{ username: l.username, password: 'nope' }, { username: l.username }, '{"username":', { username: 'nobody@x', password: l.password }]) {
      const a = await call('/auth/login', jsonInit('POST', body));
      expect(a.status).toBe(400);
      expect(a.text).toBe('');
    }
  });

  it('is not under /v1.0: /v1.0/auth/login is 404 ROUTE_NOT_FOUND', async () => {
    const a = await call('/v1.0/auth/login', jsonInit('POST', { username: 'x', password: 'y' }));
    expect(a.status).toBe(404);
    expect(a.body.error).toMatchObject({ status: 'NOT_FOUND', reason: 'ROUTE_NOT_FOUND', request_id: expect.stringMatching(/^req_/) });
  });

  it('a token issued with voipbinJwtTtlSeconds 0 is already expired → 401 INVALID_CREDENTIALS', async () => {
    sim.setFaults({ voipbinJwtTtlSeconds: 0 });
    const token = await login();
    expect(Date.parse(claims(token).expire)).toBeLessThan(Date.now());
    const a = await call('/v1.0/me', bearer(token));
    expect(a.status).toBe(401);
    expect(a.body.error).toMatchObject({ status: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
    sim.setFaults({});
    expect((await call('/v1.0/me', bearer(await login()))).status).toBe(200);
  });
});

describe('credentials on /v1.0', () => {
  it('no credentials → 401 AUTHENTICATION_REQUIRED; a tampered JWT → 401 INVALID_CREDENTIALS', async () => {
    const none = await call('/v1.0/customer');
    expect(none.status).toBe(401);
    expect(none.body.error.reason).toBe('AUTHENTICATION_REQUIRED');
    const token = await login();
    const bad = await call('/v1.0/customer', bearer(`${token.slice(0, -2)}xx`));
    expect(bad.body.error.reason).toBe('INVALID_CREDENTIALS');
  });

  it('JWT as Bearer, ?token= and the token cookie all work', async () => {
    const token = await login();
    expect((await call('/v1.0/customer', bearer(token))).status).toBe(200);
    expect((await call(`/v1.0/customer?token=${token}`)).status).toBe(200);
    expect((await call('/v1.0/customer', { headers: { Cookie: `token=${token}` } })).status).toBe(200);
  });

  it('an access key works as ?accesskey= and as a cookie, but as Bearer it is parsed as a JWT → 401 INVALID_CREDENTIALS', async () => {
    const viaQuery = await call(ak('/v1.0/customer'));
    expect(viaQuery.status).toBe(200);
    expect(viaQuery.body).toMatchObject({ id: DEMO_VOIPBIN.aurora.customerId, name: 'Aurora Dental Group', status: 'active' });
    expect((await call('/v1.0/customer', { headers: { Cookie: `accesskey=${DEMO_VOIPBIN.accessKey}` } })).status).toBe(200);
    const viaBearer = await call('/v1.0/customer', bearer(DEMO_VOIPBIN.accessKey));
    expect(viaBearer.status).toBe(401);
    expect(viaBearer.body.error).toMatchObject({ status: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
    // ?token= does not take an access key either.
    expect((await call(`/v1.0/customer?token=${DEMO_VOIPBIN.accessKey}`)).status).toBe(401);
  });

  it('a stale token cookie wins over a valid access key; an expired key is 401', async () => {
    const stale = await call(ak('/v1.0/customer'), { headers: { Cookie: 'token=eyJstale.eyJstale.sig' } });
    expect(stale.status).toBe(401);
    expect(stale.body.error.reason).toBe('INVALID_CREDENTIALS');
    const expired = await call(ak('/v1.0/customer', DEMO_VOIPBIN.expiredAccessKey));
    expect(expired.status).toBe(401);
    expect(expired.body.error.reason).toBe('INVALID_CREDENTIALS');
    const short = sim.addVoipbinAccessKey(DEMO_VOIPBIN.aurora.customerId, { ttlSeconds: -1 });
    expect((await call(ak('/v1.0/customer', short))).status).toBe(401);
    const fresh = sim.addVoipbinAccessKey(DEMO_VOIPBIN.aurora.customerId);
    expect(fresh).toMatch(/^vb_[A-Za-z0-9]{32}$/);
    expect((await call(ak('/v1.0/customer', fresh))).status).toBe(200);
  });

  it('GET /me needs an agent JWT: an access key gets 403 AGENT_AUTH_REQUIRED', async () => {
    const a = await call(ak('/v1.0/me'));
    expect(a.status).toBe(403);
    expect(a.body.error).toMatchObject({ status: 'PERMISSION_DENIED', reason: 'AGENT_AUTH_REQUIRED' });
    const me = await call('/v1.0/me', bearer(await login(DEMO_VOIPBIN.logins.agent)));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: DEMO_VOIPBIN.logins.agent.username, customer_id: DEMO_VOIPBIN.aurora.customerId, permission: 16 });
    expect(me.body).not.toHaveProperty('password');
  });

  it('permissions: a plain agent is 403 PERMISSION_DENIED on /extensions, a manager passes but not on /accesskeys', async () => {
    const agent = await login(DEMO_VOIPBIN.logins.agent);
    for (const path of ['/v1.0/extensions', '/v1.0/trunks', '/v1.0/customer']) {
      const a = await call(path, bearer(agent));
      expect(a.status).toBe(403);
      expect(a.body.error).toMatchObject({ status: 'PERMISSION_DENIED', reason: 'PERMISSION_DENIED' });
    }
    const manager = await login(DEMO_VOIPBIN.logins.manager);
    expect((await call('/v1.0/extensions', bearer(manager))).status).toBe(200);
    expect((await call('/v1.0/accesskeys', bearer(manager))).status).toBe(403);
  });

  it('GET /accesskeys lists token_prefix only, never a token', async () => {
    const a = await call(ak('/v1.0/accesskeys'));
    expect(a.status).toBe(200);
    expect(a.body.result).toHaveLength(2);
    for (const k of a.body.result) {
      expect(k).not.toHaveProperty('token');
      expect(k.token_prefix).toMatch(/^vb_.{8}$/);
    }
    expect(a.text).not.toContain(DEMO_VOIPBIN.accessKey);
    expect(a.text).not.toContain(DEMO_VOIPBIN.expiredAccessKey);
  });

  it('a frozen customer: login works, every request (JWT or key) is 403 ACCOUNT_FROZEN with a recovery endpoint', async () => {
    const token = await login(DEMO_VOIPBIN.logins.frozen);
    for (const init of [bearer(token)]) {
      for (const path of ['/v1.0/extensions', '/v1.0/me', '/v1.0/customer']) {
        const a = await call(path, init);
        expect(a.status).toBe(403);
        expect(a.body.error).toMatchObject({ status: 'PERMISSION_DENIED', reason: 'ACCOUNT_FROZEN' });
        expect(a.body.error.details[0].recovery_endpoint).toEqual(expect.any(String));
      }
    }
    const viaKey = await call(ak('/v1.0/extensions', DEMO_VOIPBIN.frozenAccessKey));
    expect(viaKey.body.error.reason).toBe('ACCOUNT_FROZEN');
  });
});

describe('paging /extensions', () => {
  it('250 extensions, page_size 100: three non-empty pages, then an empty one; ids unique and complete', async () => {
    const c = sim.addVoipbinCustomer({ name: 'Paging Co' });
    sim.addVoipbinAgent(c.id, { username: 'pager@paging.example', password: 'Pager#2026' });
    const ids = new Set<string>();
    for (let i = 0; i < 250; i++) ids.add(sim.addExtension(c.id, { extension: String(5000 + i) }).id);
    const token = await login({ username: 'pager@paging.example', password: 'Pager#2026' });
    const seen: string[] = [];
    const sizes: number[] = [];
    let pageToken = '';
    for (;;) {
      const a = await call(`/v1.0/extensions?page_size=100${pageToken ? `&page_token=${encodeURIComponent(pageToken)}` : ''}`, bearer(token));
      expect(a.status).toBe(200);
      expect(Array.isArray(a.body.result)).toBe(true);
      sizes.push(a.body.result.length);
      if (a.body.result.length === 0) {
        expect(a.body.next_page_token).toBe('');
        break;
      }
      expect(a.body.next_page_token).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      const created = a.body.result.map((e: { tm_create: string }) => e.tm_create);
      expect([...created].sort().reverse()).toEqual(created); // newest first
      expect(a.body.next_page_token).toBe(created[created.length - 1]);
      seen.push(...a.body.result.map((e: { id: string }) => e.id));
      pageToken = a.body.next_page_token;
    }
    expect(sizes).toEqual([100, 100, 50, 0]);
    expect(new Set(seen).size).toBe(250);
    expect(new Set(seen)).toEqual(ids);
  });

  it('page_size above 100 (or 0) is clamped to 100; a non-number is 400', async () => {
    const c = sim.addVoipbinCustomer({ name: 'Clamp Co' });
    for (let i = 0; i < 150; i++) sim.addExtension(c.id, { extension: String(100 + i) });
    const key = sim.addVoipbinAccessKey(c.id);
    expect((await call(ak('/v1.0/extensions?page_size=500', key))).body.result).toHaveLength(100);
    expect((await call(ak('/v1.0/extensions?page_size=0', key))).body.result).toHaveLength(100);
    expect((await call(ak('/v1.0/extensions?page_size=7', key))).body.result).toHaveLength(7);
    expect((await call(ak('/v1.0/extensions?page_size=ten', key))).status).toBe(400);
  });

  it('100,000 extensions: a page from the middle costs O(page)', async () => {
    const c = sim.addVoipbinCustomer({ name: 'Big Co' });
    let middle = '';
    for (let i = 0; i < 100_000; i++) {
      const e = sim.addExtension(c.id, { extension: `x${i}`, password: 'p' }); // tm_create: now, strictly increasing
      if (i === 50_000) middle = e.tmCreate;
    }
    const key = sim.addVoipbinAccessKey(c.id);
    await call(ak('/v1.0/extensions?page_size=1', key)); // builds the index once
    const started = performance.now();
    const a = await call(ak(`/v1.0/extensions?page_size=100&page_token=${encodeURIComponent(middle)}`, key));
    const ms = performance.now() - started;
    expect(a.body.result).toHaveLength(100);
    expect(a.body.result[0].extension).toBe('x49999');
    expect(ms).toBeLessThan(50);
  });
});

describe('extension CRUD', () => {
  it('create, get, full-replace update, delete; the password is in clear; domain_name is the customer id', async () => {
    const created = await call(ak('/v1.0/extensions'), jsonInit('POST', { extension: '2001', password: 'Sip#Secret1', name: 'New desk', detail: 'Oslo' }));
    expect(created.status).toBe(200);
    const cid = DEMO_VOIPBIN.aurora.customerId;
    expect(created.body).toMatchObject({ extension: '2001', username: '2001', password: 'Sip#Secret1', name: 'New desk', detail: 'Oslo', customer_id: cid, domain_name: cid, tm_update: null, tm_delete: null });
    expect(created.body.direct_hash).toMatch(/^direct\./);
    const id = created.body.id as string;
    expect((await call(ak(`/v1.0/extensions/${id}`))).body).toEqual(created.body);

    const noPassword = await call(ak(`/v1.0/extensions/${id}`), jsonInit('PUT', { name: 'x', detail: 'y' }));
    expect(noPassword.status).toBe(400);
    expect(noPassword.body.error).toMatchObject({ status: 'INVALID_ARGUMENT', reason: 'INVALID_ARGUMENT' });

    const updated = await call(ak(`/v1.0/extensions/${id}`), jsonInit('PUT', { name: 'Renamed', detail: '', password: 'Sip#Secret2', extension: '9999' }));
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Renamed', detail: '', password: 'Sip#Secret2', extension: '2001', tm_update: expect.any(String) });

    const deleted = await call(ak(`/v1.0/extensions/${id}`), { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(deleted.body.tm_delete).toEqual(expect.any(String));
    const gone = await call(ak(`/v1.0/extensions/${id}`));
    expect(gone.status).toBe(404);
    expect(gone.body.error.reason).toBe('EXTENSION_NOT_FOUND');
  });

  it('validation: all four fields on POST, UUID ids, duplicates 409, bad JSON 400 INVALID_JSON_BODY', async () => {
    for (const missing of ['extension', 'password', 'name', 'detail']) {
      const body: Record<string, string> = { extension: '3001', password: 'pw', name: 'n', detail: 'd' };
      delete body[missing];
      const a = await call(ak('/v1.0/extensions'), jsonInit('POST', body));
      expect(a.status, missing).toBe(400);
      expect(a.body.error.reason).toBe('INVALID_ARGUMENT');
      expect(a.text).not.toContain('"pw"');
    }
    const dup = await call(ak('/v1.0/extensions'), jsonInit('POST', { extension: '1001', password: 'pw', name: 'n', detail: 'd' }));
    expect(dup.status).toBe(409);
    expect(dup.body.error.status).toBe('ALREADY_EXISTS');
    const badId = await call(ak('/v1.0/extensions/not-a-uuid'));
    expect(badId.status).toBe(400);
    expect(badId.body.error.reason).toBe('INVALID_ID');
    const unknown = await call(ak('/v1.0/extensions/6f1c1b2e-0000-4000-8000-000000000001'));
    expect(unknown.status).toBe(404);
    const badJson = await call(ak('/v1.0/extensions'), jsonInit('POST', '{"extension":'));
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.reason).toBe('INVALID_JSON_BODY');
  });

  it('the plan limit: Aurora has 40 of 50; the 11th create is 402 RESOURCE_LIMIT_EXCEEDED', async () => {
    for (let i = 0; i < 10; i++) {
      const a = await call(ak('/v1.0/extensions'), jsonInit('POST', { extension: String(3000 + i), password: 'pw', name: 'n', detail: '' }));
      expect(a.status).toBe(200);
    }
    const over = await call(ak('/v1.0/extensions'), jsonInit('POST', { extension: '3999', password: 'pw', name: 'n', detail: '' }));
    expect(over.status).toBe(402);
    expect(over.body.error).toMatchObject({ status: 'PAYMENT_REQUIRED', reason: 'RESOURCE_LIMIT_EXCEEDED' });
  });
});

describe('trunk CRUD', () => {
  const trunk = { name: 'Branch PBX', detail: 'Tromsø', domain_name: 'aurora-tromso', auth_types: ['basic'], username: 'tromso', password: 'Trunk#1', allowed_ips: ['203.0.113.77'] };

  it('create, get, update, delete; domain_name regex and uniqueness', async () => {
    const list = await call(ak('/v1.0/trunks'));
    expect(list.body.result).toHaveLength(3);
    expect(list.body.result[0]).toMatchObject({ auth_types: expect.arrayContaining(['basic']), password: expect.any(String) });

    for (const domain of ['9starts-with-digit', 'a', 'has space', `a${'b'.repeat(31)}`]) {
      const a = await call(ak('/v1.0/trunks'), jsonInit('POST', { ...trunk, domain_name: domain }));
      expect(a.status, domain).toBe(400);
    }
    expect((await call(ak('/v1.0/trunks'), jsonInit('POST', { ...trunk, allowed_ips: ['300.1.1.1'] }))).status).toBe(400);
    const taken = await call(ak('/v1.0/trunks'), jsonInit('POST', { ...trunk, domain_name: 'aurora-hq' }));
    expect(taken.status).toBe(409);
    expect(taken.body.error.status).toBe('ALREADY_EXISTS');

    const created = await call(ak('/v1.0/trunks'), jsonInit('POST', trunk));
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ ...trunk, customer_id: DEMO_VOIPBIN.aurora.customerId, tm_delete: null });
    const id = created.body.id as string;
    expect((await call(ak(`/v1.0/trunks/${id}`))).body).toEqual(created.body);

    const { allowed_ips: _ips, domain_name: _d, ...partial } = trunk;
    expect((await call(ak(`/v1.0/trunks/${id}`), jsonInit('PUT', partial))).status).toBe(400);
    const updated = await call(ak(`/v1.0/trunks/${id}`), jsonInit('PUT', { ...partial, allowed_ips: [], password: 'Trunk#2', domain_name: 'ignored-x' }));
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ password: 'Trunk#2', allowed_ips: [], domain_name: 'aurora-tromso' });

    expect((await call(ak(`/v1.0/trunks/${id}`), { method: 'DELETE' })).status).toBe(200);
    const gone = await call(ak(`/v1.0/trunks/${id}`));
    expect(gone.status).toBe(404);
    expect(gone.body.error.reason).toBe('TRUNK_NOT_FOUND');
  });
});

describe('rate limit and faults', () => {
  it('a burst over 33 gets 429 RESOURCE_EXHAUSTED / RATE_LIMIT_EXCEEDED with Retry-After; the counters say how many', async () => {
    const answers = await Promise.all(Array.from({ length: 45 }, () => call(ak('/v1.0/customer'))));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(10);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(33);
    const first = limited[0]!;
    expect(Number(first.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(first.body.error).toMatchObject({ status: 'RESOURCE_EXHAUSTED', reason: 'RATE_LIMIT_EXCEEDED', details: [{ limited_by: 'customer' }] });
    const stats = sim.voipbin.stats(DEMO_VOIPBIN.aurora.customerId);
    expect(stats).toEqual({ requests: 45, rejected429: limited.length });
  });

  it('voipbinRateLimit: null turns it off', async () => {
    sim.setFaults({ voipbinRateLimit: null });
    const answers = await Promise.all(Array.from({ length: 45 }, () => call(ak('/v1.0/customer'))));
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });

  it('status and echo faults answer in the VoIPBIN envelope; echo carries the ?accesskey= value', async () => {
    sim.setFaults({ queue: [{ match: 'GET /voipbin/v1.0/trunks', kind: 'status', status: 503 }] });
    const a = await call(ak('/v1.0/trunks'));
    expect(a.status).toBe(503);
    expect(a.body.error).toMatchObject({ status: 'UNAVAILABLE', request_id: expect.stringMatching(/^req_/) });
    sim.setFaults({ queue: [{ match: '/voipbin/', kind: 'echo', status: 401 }] });
    const e = await call(ak('/v1.0/customer'));
    expect(e.status).toBe(401);
    expect(e.text).toContain(DEMO_VOIPBIN.accessKey);
    expect(sim.echoed).toContain(DEMO_VOIPBIN.accessKey);
  });

  it('log lines hide credential query values', () => {
    expect(redactQuery('/voipbin/v1.0/extensions?page_size=5&accesskey=vb_secret&token=eyJx')).toBe('/voipbin/v1.0/extensions?page_size=5&accesskey=***&token=***');
  });
});
