// The VoIPBIN provider's pure parts, and its requests as sent (through a fake HttpClient that
// records them): the access key only in the query, the JWT only in Authorization, no cookies.
import { describe, expect, it } from 'vitest';
import type { HttpClient, HttpRequest, HttpResponse } from '../../src-main/net/http';
import { knownSecretCount, scrubText } from '../../src-main/net/scrub';
import type { PartnerCredentials, SessionCache, SipCredential } from '../../src-main/providers/provider';
import { voipbinConnection, voipbinProvider } from '../../src-main/providers/voipbin';
import { parseErrorBody, voipbinError } from '../../src-main/providers/voipbin/errors';
import { credentialId, parseCredentialId } from '../../src-main/providers/voipbin/ids';
import { buildRequest, callUrl } from '../../src-main/providers/voipbin/transport';
import { jwtExpiresAt, parseVoipbinTime } from '../../src-main/providers/voipbin/time';
import { normaliseBaseUrl } from '../../src-main/providers/voipbin/session';

const NOW = Date.UTC(2026, 2, 1, 12, 0, 0);
const DAY = 24 * 3600 * 1000;
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (payload: Record<string, unknown>) => `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;
const stampOf = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

describe('the JWT expire claim', () => {
  it('reads the custom expire claim (UTC, microseconds)', () => {
    expect(jwtExpiresAt(jwt({ type: 'agent', expire: '2026-03-08T12:00:00.000000Z' }), NOW)).toBe(Date.UTC(2026, 2, 8, 12));
  });
  it('assumes now + 7 days when expire is missing, garbled, or the token is not a JWT', () => {
    expect(jwtExpiresAt(jwt({ type: 'agent' }), NOW)).toBe(NOW + 7 * DAY);
    expect(jwtExpiresAt(jwt({ expire: 'next tuesday' }), NOW)).toBe(NOW + 7 * DAY);
    expect(jwtExpiresAt(jwt({ expire: 1234 }), NOW)).toBe(NOW + 7 * DAY);
    expect(jwtExpiresAt('not-a-jwt', NOW)).toBe(NOW + 7 * DAY);
    expect(jwtExpiresAt('aaa.!!!!.bbb', NOW)).toBe(NOW + 7 * DAY);
    expect(jwtExpiresAt(`x.${Buffer.from('{"expire":').toString('base64url')}.y`, NOW)).toBe(NOW + 7 * DAY);
    expect(jwtExpiresAt(`x.${b64(['expire'])}.y`, NOW)).toBe(NOW + 7 * DAY);
  });
});

describe('lenient timestamps', () => {
  it('RFC 3339 with microseconds, with or without a zone offset', () => {
    expect(parseVoipbinTime('2026-03-01T10:00:00.123456Z')).toBe('2026-03-01T10:00:00.123Z');
    expect(parseVoipbinTime('2026-03-01T10:00:00Z')).toBe('2026-03-01T10:00:00.000Z');
    expect(parseVoipbinTime('2026-03-01T12:00:00.5+02:00')).toBe('2026-03-01T10:00:00.500Z');
  });
  it('the docs form "YYYY-MM-DD HH:MM:SS.µs" is UTC', () => {
    expect(parseVoipbinTime('2022-06-17 06:06:14.948432')).toBe('2022-06-17T06:06:14.948Z');
  });
  it('empty, null, the 9999 sentinel, the zero time and garbage are null', () => {
    for (const v of ['', null, undefined, '9999-01-01 00:00:00.000000', '9999-01-01T00:00:00.000000Z', '0001-01-01T00:00:00Z', 'yesterday', '2026-13-01 00:00:00', '2026-02-30T00:00:00Z', 42]) {
      expect(parseVoipbinTime(v)).toBeNull();
    }
  });
});

describe('credential ids carry their kind', () => {
  const uuid = '0f3c2a4e-1b2c-4d5e-8f90-a1b2c3d4e5f6';
  it('prefixes and strips', () => {
    expect(credentialId('extension', uuid)).toBe(`ext_${uuid}`);
    expect(credentialId('trunk', uuid)).toBe(`trunk_${uuid}`);
    expect(parseCredentialId(`ext_${uuid}`)).toEqual({ kind: 'extension', uuid });
    expect(parseCredentialId(`trunk_${uuid}`)).toEqual({ kind: 'trunk', uuid });
  });
  it('refuses anything else with VALIDATION', () => {
    for (const bad of [uuid, `sip_${uuid}`, `ext_${uuid}/../x`, 'ext_1234', `ext_${uuid.toUpperCase()}`, `trunk_${uuid}?accesskey=x`]) {
      expect(() => parseCredentialId(bad)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    }
  });
});

const res = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  text: typeof body === 'string' ? body : JSON.stringify(body),
});
const env = (status: string, reason: string, message = 'x', details: unknown[] = []) => ({ error: { status, reason, message, request_id: 'req_abc123', details } });

describe('error envelopes become clear AppErrors', () => {
  it('parses the envelope', () => {
    expect(parseErrorBody(JSON.stringify(env('NOT_FOUND', 'EXTENSION_NOT_FOUND', 'gone', [{ a: 1 }])))).toEqual({
      status: 'NOT_FOUND',
      reason: 'EXTENSION_NOT_FOUND',
      message: 'gone',
      requestId: 'req_abc123',
      details: [{ a: 1 }],
    });
    expect(parseErrorBody('')).toEqual({ details: [] });
    expect(parseErrorBody('<html>')).toEqual({ details: [] });
  });

  it('a bare empty 400 from /auth/login: wrong username or password', () => {
    const e = voipbinError(res(400, ''), { auth: 'signin' });
    expect(e).toMatchObject({ code: 'UNAUTHORIZED', message: 'VoIPBIN did not accept that username and password.', field: 'password' });
    expect(e.hint).toBeTruthy();
  });

  it('ACCOUNT_FROZEN names the recovery endpoint', () => {
    const e = voipbinError(res(403, env('PERMISSION_DENIED', 'ACCOUNT_FROZEN', 'frozen', [{ recovery_endpoint: '/v1.0/customer/recover' }])), { auth: 'jwt' });
    expect(e).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(e.message).toMatch(/^This VoIPBIN account is frozen/);
    expect(e.hint).toMatch(/\/v1\.0\/customer\/recover/);
    expect(e.hint).toMatch(/req_abc123/);
  });

  it.each([
    ['PERMISSION_DENIED', 403, 'FORBIDDEN', /admin or manager/],
    ['AGENT_AUTH_REQUIRED', 403, 'FORBIDDEN', /agent sign-in/],
    ['DIRECT_ACCESS_NOT_SUPPORTED', 403, 'FORBIDDEN', /direct-link/],
    ['AUTHENTICATION_REQUIRED', 401, 'UNAUTHORIZED', /did not receive any credentials/],
    ['EXTENSION_NOT_FOUND', 404, 'NOT_FOUND', /no longer exists/],
    ['TRUNK_NOT_FOUND', 404, 'NOT_FOUND', /no longer exists/],
    ['ROUTE_NOT_FOUND', 404, 'NOT_FOUND', /base URL/],
    ['INVALID_ARGUMENT', 400, 'VALIDATION', /rejected the values/],
    ['INVALID_JSON_BODY', 400, 'VALIDATION', /rejected the values/],
    ['INVALID_ID', 400, 'VALIDATION', /id/],
    ['PAYMENT_REQUIRED', 402, 'FORBIDDEN', /plan/],
  ] as const)('%s → %s', (reason, status, code, words) => {
    const e = voipbinError(res(status, env('X', reason)), { auth: 'jwt' });
    expect(e.code).toBe(code);
    expect(e.status).toBe(status);
    expect(e.message).toMatch(words);
  });

  it('INVALID_CREDENTIALS: sign in again for a JWT, revoked or expired for an access key', () => {
    expect(voipbinError(res(401, env('UNAUTHENTICATED', 'INVALID_CREDENTIALS')), { auth: 'jwt' })).toMatchObject({ code: 'UNAUTHORIZED', hint: expect.stringMatching(/Sign in again/) });
    expect(voipbinError(res(401, env('UNAUTHENTICATED', 'INVALID_CREDENTIALS')), { auth: 'accesskey' })).toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringMatching(/access key: it was revoked or has expired/),
    });
  });

  it('ALREADY_EXISTS: an extension with that number already exists', () => {
    expect(voipbinError(res(409, env('ALREADY_EXISTS', 'ALREADY_EXISTS')), { auth: 'jwt', kind: 'extension' })).toMatchObject({
      code: 'CONFLICT',
      message: 'An extension with that number already exists.',
      field: 'username',
    });
    expect(voipbinError(res(409, env('ALREADY_EXISTS', 'ALREADY_EXISTS')), { auth: 'jwt', kind: 'trunk' })).toMatchObject({ code: 'CONFLICT', field: 'domainName' });
  });

  it('429 RATE_LIMIT_EXCEEDED / RESOURCE_EXHAUSTED → RATE_LIMITED with Retry-After', () => {
    const e = voipbinError(res(429, env('RESOURCE_EXHAUSTED', 'RATE_LIMIT_EXCEEDED', 'slow', [{ limited_by: 'customer' }]), { 'retry-after': '3' }), { auth: 'accesskey' });
    expect(e).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 3, retryable: true });
    expect(voipbinError(res(429, env('RESOURCE_EXHAUSTED', 'RESOURCE_EXHAUSTED')), { auth: 'jwt' })).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: undefined });
  });

  it('5xx → UPSTREAM retryable with the request id; a plan limit inside a 500 is not', () => {
    const e = voipbinError(res(503, env('UNAVAILABLE', 'UNAVAILABLE')), { auth: 'jwt' });
    expect(e).toMatchObject({ code: 'UPSTREAM', retryable: true });
    expect(e.message).toMatch(/req_abc123/);
    expect(voipbinError(res(500, env('INTERNAL', 'INTERNAL', 'resource limit exceeded')), { auth: 'jwt' })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/plan/) });
    expect(voipbinError(res(502, '<html>bad gateway</html>'), { auth: 'jwt' })).toMatchObject({ code: 'UPSTREAM', retryable: true });
  });
});

describe('settingsFor', () => {
  const ext: SipCredential = {
    id: 'ext_x',
    kind: 'extension',
    username: '1001',
    name: 'Front desk',
    realm: 'c1.registrar.voipbin.net',
    enabled: true,
    createdAt: null,
    updatedAt: null,
    secret: 'Sup3rSecret!',
    extra: { detail: '', customerId: 'c1', directHash: 'direct.abc' },
  };
  it('an extension: realm from the customer id and the configurable registrar base, never the password', () => {
    const s = voipbinProvider.settingsFor(ext, { realmBase: 'ext.example.net' });
    expect(s).toEqual([
      { label: 'Username', value: '1001' },
      { label: 'Auth ID', value: '1001' },
      { label: 'Realm / domain', value: 'c1.ext.example.net' },
      { label: 'Registrar', value: 'ext.example.net' },
      { label: 'Transport', value: 'UDP 5060' },
      { label: 'Inbound URI', value: 'sip:1001@c1.ext.example.net' },
      { label: 'Direct URI', value: 'sip:direct.abc@sip.voipbin.net' },
    ]);
    expect(JSON.stringify(s)).not.toContain('Sup3rSecret!');
    expect(voipbinProvider.settingsFor({ ...ext, extra: { customerId: 'c1' } }, { realmBase: null }).find((r) => r.label === 'Registrar')?.value).toBe('registrar.voipbin.net');
  });
  it('a trunk: its SIP domain, auth types and allowed IPs', () => {
    const trunk: SipCredential = { ...ext, id: 'trunk_x', kind: 'trunk', username: 'pbx', extra: { detail: '', domainName: 'acme-pbx', authTypes: ['basic', 'ip'], allowedIps: ['203.0.113.10'] } };
    expect(voipbinProvider.settingsFor(trunk, { realmBase: null })).toEqual([
      { label: 'Username', value: 'pbx' },
      { label: 'SIP domain', value: 'acme-pbx.trunk.voipbin.net' },
      { label: 'Auth types', value: 'basic, ip' },
      { label: 'Allowed IPs', value: '203.0.113.10' },
    ]);
  });
});

describe('the provider object', () => {
  it('caps and fetch limits', () => {
    expect(voipbinProvider).toMatchObject({ id: 'voipbin', name: 'VoIPBIN', accountAuth: 'profile', fetchLimits: { probePageSize: 100, startConcurrency: 2, maxConcurrency: 2 } });
    expect(voipbinProvider.caps).toMatchObject({ provider: 'voipbin', label: 'VoIPBIN', accounts: 'self', canCreateAccounts: false });
    expect(voipbinProvider.caps.kinds.map((k) => [k.kind, k.label, k.toggle, k.revealPassword])).toEqual([
      ['extension', 'Extension', false, true],
      ['trunk', 'Trunk', false, true],
    ]);
  });
  it('normalises the base URL to the origin', () => {
    expect(normaliseBaseUrl('https://api.voipbin.net/')).toBe('https://api.voipbin.net');
    expect(normaliseBaseUrl('https://api.voipbin.net/v1.0')).toBe('https://api.voipbin.net');
    expect(normaliseBaseUrl('http://127.0.0.1:9/voipbin')).toBe('http://127.0.0.1:9/voipbin');
  });
});

// ----- requests as sent --------------------------------------------------------------------------

type Handler = (req: HttpRequest) => HttpResponse | Promise<HttpResponse>;
function fakeHttp(handler: Handler): { http: HttpClient; sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  const http = {
    request: async (req: HttpRequest) => {
      sent.push(req);
      return handler(req);
    },
  } as unknown as HttpClient;
  return { http, sent };
}
class MemorySession implements SessionCache {
  value: { token: string; expiresAt: number } | undefined;
  sets = 0;
  get() {
    return this.value;
  }
  set(token: string, expiresAt: number) {
    this.sets++;
    this.value = { token, expiresAt };
  }
  clear() {
    this.value = undefined;
  }
}
let baseN = 0;
/** A fresh base URL per test, so each gets its own (module-level) rate limiter. */
const freshBase = () => `https://voipbin-${++baseN}.example`;
const CUSTOMER = { id: '5e4a0680-804e-11ec-8477-2fea5968d85b', name: 'Aurora Dental Group', email: 'admin@aurora-dental.example', status: 'active', webhook_secret: 'whsec-aurora-0001' };
const path = (req: HttpRequest) => new URL(req.url).pathname;

describe('request URLs and headers', () => {
  it('callUrl encodes every value and puts the access key only in the query', () => {
    expect(callUrl('https://api.voipbin.net', '/extensions', { page_size: '100', page_token: '2026-03-01T10:00:00.000000Z' }, 'vb_a+b/c=')).toBe(
      'https://api.voipbin.net/v1.0/extensions?page_size=100&page_token=2026-03-01T10%3A00%3A00.000000Z&accesskey=vb_a%2Bb%2Fc%3D',
    );
    const req = buildRequest('https://api.voipbin.net', { method: 'GET', path: '/customer' }, { kind: 'accesskey', key: 'vb_secretkey' });
    expect(req.headers).toEqual({});
    const jwtReq = buildRequest('https://api.voipbin.net', { method: 'GET', path: '/customer' }, { kind: 'jwt', token: 'eyJ.abc.def' });
    expect(jwtReq.headers).toEqual({ authorization: 'Bearer eyJ.abc.def' });
    expect(jwtReq.url).toBe('https://api.voipbin.net/v1.0/customer');
  });

  it('an access key: in the accesskey query parameter, never in a header or a cookie, and known to the scrubber', async () => {
    const key = 'vb_Zq9mX2pL7tR4sN8w';
    const { http, sent } = fakeHttp(() => res(200, CUSTOMER));
    const me = await voipbinProvider.partner(http, freshBase(), { kind: 'accesskey', key }, { realmBase: null }).me();
    expect(me).toMatchObject({ authId: CUSTOMER.id, id: CUSTOMER.id, name: 'Aurora Dental Group', isActive: true, accountCount: null, capabilities: { canCreateAccounts: false } });
    expect(sent).toHaveLength(1);
    const url = new URL(sent[0]!.url);
    expect(url.pathname).toBe('/v1.0/customer');
    expect(url.searchParams.get('accesskey')).toBe(key);
    expect(JSON.stringify(sent[0]!.headers ?? {})).not.toContain(key);
    expect(Object.keys(sent[0]!.headers ?? {}).map((h) => h.toLowerCase())).not.toContain('cookie');
    expect(scrubText(`echo ${key} and ${CUSTOMER.webhook_secret}`)).not.toMatch(/vb_Zq9|whsec/);
  });

  it('an access key never appears in an error the provider raises', async () => {
    const key = 'vb_Revoked0000Key11';
    const { http } = fakeHttp(() => res(401, env('UNAUTHENTICATED', 'INVALID_CREDENTIALS', 'bad key')));
    const err = await voipbinProvider.partner(http, freshBase(), { kind: 'accesskey', key }, { realmBase: null }).me().catch((e) => e);
    expect(err).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/revoked or has expired/) });
    expect(`${err.message} ${err.hint}`).not.toContain(key);
  });

  it('a login: POST /auth/login (no /v1.0), then the JWT as Bearer; it is reused while fresh', async () => {
    const session = new MemorySession();
    const token = jwt({ type: 'agent', expire: stampOf(Date.now() + 7 * DAY) });
    const { http, sent } = fakeHttp((req) => (path(req) === '/auth/login' ? res(200, { username: 'admin', token }) : res(200, CUSTOMER)));
    const creds: PartnerCredentials = { kind: 'login', username: 'admin@aurora-dental.example', password: 'Aurora#2026', session };
    const partner = voipbinProvider.partner(http, freshBase(), creds, { realmBase: null });
    await partner.me();
    await partner.me();
    expect(sent.map((r) => `${r.method} ${path(r)}`)).toEqual(['POST /auth/login', 'GET /v1.0/customer', 'GET /v1.0/customer']);
    expect(sent[0]!.body).toEqual({ username: 'admin@aurora-dental.example', password: 'Aurora#2026' });
    expect(sent[0]!.headers ?? {}).toEqual({});
    expect(sent[1]!.headers).toEqual({ authorization: `Bearer ${token}` });
    expect(new URL(sent[1]!.url).search).toBe('');
    expect(session.value?.token).toBe(token);
    expect(Math.abs(session.value!.expiresAt - (Date.now() + 7 * DAY))).toBeLessThan(2000);
    expect(scrubText(token)).not.toContain(token.slice(0, 20));
  });

  it('signs in again by itself within 5 minutes of expire', async () => {
    const session = new MemorySession();
    let n = 0;
    const { http, sent } = fakeHttp((req) => (path(req) === '/auth/login' ? res(200, { username: 'a', token: jwt({ n: ++n, expire: stampOf(Date.now() + 4 * 60_000) }) }) : res(200, CUSTOMER)));
    const partner = voipbinProvider.partner(http, freshBase(), { kind: 'login', username: 'a', password: 'Password#1', session }, { realmBase: null });
    await partner.me();
    await partner.me();
    expect(sent.filter((r) => path(r) === '/auth/login')).toHaveLength(2);
  });

  it('a 401 INVALID_CREDENTIALS signs in again and repeats the call once', async () => {
    const session = new MemorySession();
    session.set('stale.jwt.token-value', Date.now() + 7 * DAY);
    const fresh = jwt({ expire: stampOf(Date.now() + 7 * DAY) });
    const { http, sent } = fakeHttp((req) => {
      if (path(req) === '/auth/login') return res(200, { username: 'a', token: fresh });
      return req.headers?.authorization === `Bearer ${fresh}` ? res(200, CUSTOMER) : res(401, env('UNAUTHENTICATED', 'INVALID_CREDENTIALS'));
    });
    const me = await voipbinProvider.partner(http, freshBase(), { kind: 'login', username: 'a', password: 'Password#1', session }, { realmBase: null }).me();
    expect(me.authId).toBe(CUSTOMER.id);
    expect(sent.map((r) => path(r))).toEqual(['/v1.0/customer', '/auth/login', '/v1.0/customer']);
  });

  it('but only once: a second 401 is the error', async () => {
    const session = new MemorySession();
    const { http, sent } = fakeHttp((req) => (path(req) === '/auth/login' ? res(200, { username: 'a', token: jwt({}) }) : res(401, env('UNAUTHENTICATED', 'INVALID_CREDENTIALS'))));
    const err = await voipbinProvider.partner(http, freshBase(), { kind: 'login', username: 'a', password: 'Password#1', session }, { realmBase: null }).me().catch((e) => e);
    expect(err).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(sent.map((r) => path(r))).toEqual(['/auth/login', '/v1.0/customer', '/auth/login', '/v1.0/customer']);
  });

  it('wrong password: the bare 400 becomes the clear message', async () => {
    const { http } = fakeHttp(() => res(400, ''));
    await expect(
      voipbinProvider.partner(http, freshBase(), { kind: 'login', username: 'a', password: 'nope-nope', session: new MemorySession() }, { realmBase: null }).me(),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'VoIPBIN did not accept that username and password.' });
  });

  it('an agent login: /customer is denied, /me says who it is', async () => {
    const { http } = fakeHttp((req) => {
      if (path(req) === '/auth/login') return res(200, { username: 'fd', token: jwt({}) });
      if (path(req) === '/v1.0/customer') return res(403, env('PERMISSION_DENIED', 'PERMISSION_DENIED'));
      return res(200, { id: 'a1', customer_id: CUSTOMER.id, username: 'frontdesk@aurora-dental.example', permission: 16 });
    });
    await expect(
      voipbinProvider.partner(http, freshBase(), { kind: 'login', username: 'fd', password: 'Frontdesk#2026', session: new MemorySession() }, { realmBase: null }).me(),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/frontdesk@aurora-dental\.example.*agent.*admin or manager/) });
  });

  it('one account: the customer itself; creating one is refused', async () => {
    const { http } = fakeHttp(() => res(200, CUSTOMER));
    const p = voipbinProvider.partner(http, freshBase(), { kind: 'accesskey', key: 'vb_key_one_account' }, { realmBase: null });
    const { rows, total } = await p.listAccounts({ page: 1, perPage: 50, search: '' });
    expect(total).toBe(1);
    expect(rows).toEqual([{ id: CUSTOMER.id, name: CUSTOMER.name, email: CUSTOMER.email, phone: null, company: null, country: null, isActive: true, balance: null, createdAt: null, token: null }]);
    expect((await p.getAccount(CUSTOMER.id)).id).toBe(CUSTOMER.id);
    await expect(p.getAccount('someone-else')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(p.createAccount({ name: 'x', email: 'x@y.z', password: 'p', country: 'US', phone: '1' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'VoIPBIN profiles have one account: their own.',
    });
  });
});

// ----- credentials -------------------------------------------------------------------------------

const uuidN = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const extension = (n: number) => ({
  id: uuidN(n),
  customer_id: CUSTOMER.id,
  name: `Ext ${n}`,
  detail: '',
  extension: String(1000 + n),
  username: String(1000 + n),
  domain_name: CUSTOMER.id,
  password: `ExtPass-${n}-secret`,
  direct_hash: `direct.h${n}`,
  tm_create: '2026-03-01T10:00:00.123456Z',
  tm_update: '9999-01-01 00:00:00.000000',
  tm_delete: null,
});
const trunk = (n: number) => ({
  id: uuidN(5000 + n),
  customer_id: CUSTOMER.id,
  name: `Trunk ${n}`,
  detail: 'pbx',
  domain_name: `acme${n}`,
  auth_types: ['basic'],
  username: `pbx${n}`,
  password: `TrunkPass-${n}-secret`,
  allowed_ips: ['203.0.113.10'],
  tm_create: '2026-03-01 10:00:00.000000',
  tm_update: '',
});

function account(handler: Handler, creds: PartnerCredentials = { kind: 'accesskey', key: 'vb_credentials_key' }) {
  const { http, sent } = fakeHttp(handler);
  const client = voipbinProvider.account(http, freshBase(), { id: CUSTOMER.id, credentials: creds }, { get: () => undefined, set: () => undefined }, { realmBase: null });
  return { client, sent };
}

describe('listAllCredentials walks both lists by cursor', () => {
  it('passes page_token back opaquely until an empty result, dedupes, and calls onPage per page', async () => {
    const exts = Array.from({ length: 230 }, (_, i) => extension(i));
    const { client, sent } = account((req) => {
      const u = new URL(req.url);
      const token = u.searchParams.get('page_token');
      expect(u.searchParams.get('page_size')).toBe('100');
      if (u.pathname === '/v1.0/trunks') return res(200, token ? { result: [], next_page_token: '' } : { result: [trunk(1), trunk(2)], next_page_token: 'T 1+2' });
      const page = token === null ? 0 : Number(token.split('#')[1]);
      // Overlapping pages (item 99 again on page 2): the walk keeps each id once.
      const items = exts.slice(Math.max(0, page * 100 - 1), page * 100 + 100);
      return res(200, { result: items, next_page_token: `2026-03-01 10:00:00.0000#${page + 1}` });
    });
    const pages: number[] = [];
    const all = await client.listAllCredentials!(undefined, (n) => pages.push(n));
    expect(all.filter((c) => c.kind === 'extension')).toHaveLength(230);
    expect(all.filter((c) => c.kind === 'trunk')).toHaveLength(2);
    expect(new Set(all.map((c) => c.id)).size).toBe(232);
    const extReqs = sent.filter((r) => r.url.includes('/extensions'));
    expect(extReqs).toHaveLength(4); // 3 with items, 1 empty
    expect(extReqs[1]!.url).toContain('page_token=2026-03-01%2010%3A00%3A00.0000%231');
    expect(sent.find((r) => r.url.includes('/trunks') && r.url.includes('page_token'))!.url).toContain('page_token=T%201%2B2');
    expect(pages.reduce((a, b) => a + b, 0)).toBe(100 + 101 + 31 + 0 + 2 + 0);
    expect(pages).toHaveLength(6);
  });

  it('maps extensions and trunks, with the password as secret and the fields updates need', async () => {
    const { client } = account((req) => {
      const u = new URL(req.url);
      if (u.searchParams.get('page_token')) return res(200, { result: [], next_page_token: '' });
      return res(200, { result: u.pathname.endsWith('/extensions') ? [extension(1)] : [trunk(1)], next_page_token: 'next' });
    });
    const [e, t] = await client.listAllCredentials!(undefined, () => undefined);
    expect(e).toEqual({
      id: `ext_${uuidN(1)}`,
      kind: 'extension',
      username: '1001',
      name: 'Ext 1',
      realm: `${CUSTOMER.id}.registrar.voipbin.net`,
      enabled: true,
      createdAt: '2026-03-01T10:00:00.123Z',
      updatedAt: null,
      secret: 'ExtPass-1-secret',
      extra: { detail: '', customerId: CUSTOMER.id, directHash: 'direct.h1' },
    });
    expect(t).toEqual({
      id: `trunk_${uuidN(5001)}`,
      kind: 'trunk',
      username: 'pbx1',
      name: 'Trunk 1',
      realm: 'acme1.trunk.voipbin.net',
      enabled: true,
      createdAt: '2026-03-01T10:00:00.000Z',
      updatedAt: null,
      secret: 'TrunkPass-1-secret',
      extra: { detail: 'pbx', domainName: 'acme1', authTypes: ['basic'], allowedIps: ['203.0.113.10'] },
    });
    expect(scrubText('ExtPass-1-secret TrunkPass-1-secret')).not.toMatch(/Pass/);
    expect(knownSecretCount()).toBeGreaterThan(0);
  });

  it('a drifting list is a drift error, not a partial list', async () => {
    const { client } = account(() => res(200, { result: [{ id: 'x', name: 3 }], next_page_token: 'n' }));
    await expect(client.listAllCredentials!(undefined, () => undefined)).rejects.toMatchObject({ code: 'UPSTREAM', message: expect.stringMatching(/form Trunkdesk does not understand/) });
    const { client: c2 } = account(() => res(200, '{"result":['));
    await expect(c2.listAllCredentials!(undefined, () => undefined)).rejects.toMatchObject({ code: 'UPSTREAM' });
  });

  it('offset paging is refused with an explanation', async () => {
    const { client } = account(() => res(200, {}));
    expect(client.paging).toBe('cursor');
    await expect(client.listCredentials(100, 0)).rejects.toMatchObject({ message: expect.stringMatching(/by cursor/) });
  });
});

describe('writes', () => {
  it('creates an extension with all four fields, defaults filled in', async () => {
    const { client, sent } = account((req) => res(200, { ...extension(7), ...(req.body as object) }));
    const c = await client.createCredential({ kind: 'extension', username: '2001', password: 'Str0ng-Pass!' });
    expect(sent[0]!.method).toBe('POST');
    expect(path(sent[0]!)).toBe('/v1.0/extensions');
    expect(sent[0]!.body).toEqual({ extension: '2001', password: 'Str0ng-Pass!', name: '2001', detail: '' });
    expect(c).toMatchObject({ kind: 'extension', username: '2001', secret: 'Str0ng-Pass!' });
  });

  it('creates a trunk with every field VoIPBIN requires', async () => {
    const { client, sent } = account((req) => res(200, { ...trunk(9), ...(req.body as object) }));
    await client.createCredential({ kind: 'trunk', username: 'pbx9', password: 'Trunk-Pass-9', name: 'HQ PBX', domainName: 'acme-hq', allowedIps: ['203.0.113.7', ' 198.51.100.2 '] });
    expect(sent[0]!.body).toEqual({ name: 'HQ PBX', detail: '', domain_name: 'acme-hq', auth_types: ['basic'], username: 'pbx9', password: 'Trunk-Pass-9', allowed_ips: ['203.0.113.7', '198.51.100.2'] });
  });

  it.each([
    [{ kind: 'extension', username: 'has space', password: 'Str0ng-Pass!' }, 'username'],
    [{ kind: 'extension', username: 'x'.repeat(33), password: 'Str0ng-Pass!' }, 'username'],
    [{ kind: 'extension', username: '2001', password: 'short' }, 'password'],
    [{ kind: 'extension', username: '2001', password: 'has a space in it' }, 'password'],
    [{ kind: 'extension', username: '2001', password: 'x'.repeat(65) }, 'password'],
    [{ kind: 'trunk', username: 'pbx', password: 'Trunk-Pass-9', domainName: '1starts-with-digit' }, 'domainName'],
    [{ kind: 'trunk', username: 'pbx', password: 'Trunk-Pass-9', domainName: 'a' }, 'domainName'],
    [{ kind: 'trunk', username: 'pbx', password: 'Trunk-Pass-9', domainName: 'acme', allowedIps: ['300.1.1.1'] }, 'allowedIps'],
    [{ kind: 'trunk', username: 'pbx', password: 'Trunk-Pass-9', domainName: 'acme', allowedIps: ['10.0.0.0/8'] }, 'allowedIps'],
    [{ kind: 'sip', username: 'pbx', password: 'Trunk-Pass-9' }, 'kind'],
  ] as const)('refuses %j before sending (field %s)', async (input, field) => {
    const { client, sent } = account(() => res(200, {}));
    await expect(client.createCredential({ ...input, allowedIps: 'allowedIps' in input ? [...input.allowedIps] : undefined })).rejects.toMatchObject({ code: 'VALIDATION', field });
    expect(sent).toHaveLength(0);
  });

  it('updates are a full replace, taking what the patch leaves alone from the stored credential', async () => {
    const { client, sent } = account((req) => res(200, { ...extension(3), ...(req.body as object) }));
    const [current] = await account((req) =>
      res(200, new URL(req.url).searchParams.get('page_token') || req.url.includes('/trunks') ? { result: [], next_page_token: '' } : { result: [extension(3)], next_page_token: 'n' }),
    ).client.listAllCredentials!(undefined, () => undefined);
    const updated = await client.updateCredential(current!.id, { password: 'N3w-Password!' }, '1003', current);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe('PUT');
    expect(path(sent[0]!)).toBe(`/v1.0/extensions/${uuidN(3)}`);
    expect(sent[0]!.body).toEqual({ name: 'Ext 3', detail: '', password: 'N3w-Password!' });
    expect(updated).toMatchObject({ name: 'Ext 3', secret: 'N3w-Password!' });
    await client.updateCredential(current!.id, { name: 'Reception' }, '1003', current);
    expect(sent[1]!.body).toEqual({ name: 'Reception', detail: '', password: 'ExtPass-3-secret' });
  });

  it('without a stored password it reads the record first; a trunk PUT sends all six fields', async () => {
    const { client, sent } = account((req) => (req.method === 'GET' ? res(200, trunk(4)) : res(200, { ...trunk(4), ...(req.body as object) })));
    await client.updateCredential(`trunk_${uuidN(5004)}`, { password: 'Changed-Pass-4' }, 'Trunk 4');
    expect(sent.map((r) => `${r.method} ${path(r)}`)).toEqual([`GET /v1.0/trunks/${uuidN(5004)}`, `PUT /v1.0/trunks/${uuidN(5004)}`]);
    expect(sent[1]!.body).toEqual({ name: 'Trunk 4', detail: 'pbx', auth_types: ['basic'], username: 'pbx4', password: 'Changed-Pass-4', allowed_ips: ['203.0.113.10'] });
  });

  it('refuses to disable, and refuses ids that are not ext_/trunk_', async () => {
    const { client, sent } = account(() => res(200, {}));
    await expect(client.updateCredential(`ext_${uuidN(1)}`, { enabled: false }, '1001')).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'VoIPBIN extensions cannot be disabled; delete it or change its password.',
    });
    await expect(client.deleteCredential('1001', '1001')).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(sent).toHaveLength(0);
  });

  it('deletes by the stripped id', async () => {
    const { client, sent } = account(() => res(200, extension(5)));
    await client.deleteCredential(`ext_${uuidN(5)}`, '1005');
    expect(sent.map((r) => `${r.method} ${path(r)}`)).toEqual([`DELETE /v1.0/extensions/${uuidN(5)}`]);
  });

  it('a 404 on update names the credential', async () => {
    const { client } = account(() => res(404, env('NOT_FOUND', 'EXTENSION_NOT_FOUND')));
    await expect(client.updateCredential(`ext_${uuidN(5)}`, { password: 'N3w-Password!' }, '1005')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'The extension “1005” no longer exists on VoIPBIN.' });
  });

  it('a 429 pauses the shared limiter and surfaces RATE_LIMITED', async () => {
    const base = freshBase();
    const { http } = fakeHttp(() => res(429, env('RESOURCE_EXHAUSTED', 'RATE_LIMIT_EXCEEDED'), { 'retry-after': '2' }));
    const creds: PartnerCredentials = { kind: 'accesskey', key: 'vb_paused_limiter_key' };
    await expect(voipbinProvider.partner(http, base, creds, { realmBase: null }).me()).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 2 });
    const conn = voipbinConnection(http, base, creds);
    expect(conn.limiter.nextWaitMs()).toBeGreaterThan(1500);
  });
});

