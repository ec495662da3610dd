// The Vocobase provider's pure parts, with a fake HttpClient (no sockets): the key check that
// sends nothing, error mapping, the lenient list shapes, mapping to SipCredential, validation of
// a new connection, settingsFor, and the 429 handling of the one call function.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProviderCapsDTO } from '../../src-preload/contract';
import { AppError } from '../../src-main/net/errors';
import type { HttpClient, HttpRequest, HttpResponse } from '../../src-main/net/http';
import { scrubText, SCRUBBED } from '../../src-main/net/scrub';
import type { NewCredential, PartnerCredentials, SipCredential } from '../../src-main/providers/provider';
import { configureVocobaseLimits, vocobaseLimits, vocobaseProvider } from '../../src-main/providers/vocobase';
import { vocobaseError, parseErrorBody } from '../../src-main/providers/vocobase/errors';
import { accountSlug, credentialId, isActiveStatus, sipConnections, toProfile } from '../../src-main/providers/vocobase/mapping';
import { ConnectionBody } from '../../src-main/providers/vocobase/schemas';
import { isCallsPath } from '../../src-main/providers/vocobase/limits';
import { readData, vocobaseCall } from '../../src-main/providers/vocobase/transport';
import { connectionRequest, isIPv4OrCidr, isSipHost } from '../../src-main/providers/vocobase/validation';

const KEY = 'rg_live_UnitTestKey0123456789abcd';
const BASE = 'https://api.vocobase.com/api/v2';
const creds = (key = KEY): PartnerCredentials => ({ kind: 'apikey', key });
const settings = { realmBase: null };

type Answer = Partial<HttpResponse> | ((req: HttpRequest) => Partial<HttpResponse>);

/** A fake HttpClient answering from a queue (the last answer repeats); every request is kept. */
function fakeHttp(...answers: Answer[]) {
  const requests: Array<HttpRequest & { at: number }> = [];
  const http = {
    async request(req: HttpRequest): Promise<HttpResponse> {
      requests.push({ ...req, at: Date.now() });
      const a = answers.length > 1 ? answers.shift()! : answers[0]!;
      const r = typeof a === 'function' ? a(req) : a;
      return { status: r.status ?? 200, headers: r.headers ?? {}, text: r.text ?? '' };
    },
  };
  return { http: http as unknown as HttpClient, requests };
}

const ok = (data: unknown): Partial<HttpResponse> => ({ status: 200, text: JSON.stringify({ success: true, data }) });
const fail = (status: number, code: string, message: string, headers: Record<string, string> = {}): Partial<HttpResponse> => ({
  status,
  headers,
  text: JSON.stringify({ success: false, error: { code, message } }),
});
const res = (r: Partial<HttpResponse>): HttpResponse => ({ status: r.status ?? 200, headers: r.headers ?? {}, text: r.text ?? '' });

const CONFIG = { name: 'cinder-voice', display_name: 'Cinder Voice AI', status: 'active', agent_limit: 10, allowed_telephony_providers: ['SIP', 'TWILIO'] };
const sipConn = (id: number | string, extra: Record<string, unknown> = {}) => ({
  id,
  connection_id: `vc_${id}`,
  provider: 'sip',
  name: `Trunk ${id}`,
  status: 'ACTIVE',
  sip_host: 'sip.carrier.example',
  outbound_username: `user${id}`,
  source_ips: ['203.0.113.10', '198.51.100.0/24'],
  did_number: '+919876543210',
  transport: 'udp',
  created_at: '2026-01-02T03:04:05Z',
  updated_at: '2026-01-03T03:04:05Z',
  ...extra,
});

beforeEach(() => configureVocobaseLimits({ windowMs: 60_000 }));
afterEach(() => configureVocobaseLimits());

describe('the API key', () => {
  it('a key not in the rg_live_ format is refused with nothing sent', async () => {
    const { http, requests } = fakeHttp(ok(CONFIG));
    for (const bad of ['', 'rg_test_abcdefghijklmnopqrst', 'rg_live_short', 'Bearer rg_live_abcdefghijklmnop', 'rg_live_abc def ghi jkl mnop']) {
      const partner = vocobaseProvider.partner(http, BASE, creds(bad), settings);
      await expect(partner.me()).rejects.toMatchObject({ code: 'VALIDATION', field: 'apiKey', retryable: false });
      const account = vocobaseProvider.account(http, BASE, { id: 'x', credentials: creds(bad) }, { get: () => undefined, set: () => undefined }, settings);
      await expect(account.listCredentials(10, 0)).rejects.toMatchObject({ code: 'VALIDATION', field: 'apiKey' });
    }
    expect(requests).toHaveLength(0);
  });

  it('a good key goes only in Authorization: Bearer, trimmed, and is known to the scrubber', async () => {
    const { http, requests } = fakeHttp(ok(CONFIG));
    await vocobaseProvider.partner(http, BASE, creds(`  ${KEY}\n`), settings).me();
    expect(requests).toHaveLength(1);
    const r = requests[0]!;
    expect(r.headers).toEqual({ authorization: `Bearer ${KEY}` });
    expect(r.url).toBe(`${BASE}/config`);
    expect(r.url).not.toContain(KEY);
    expect(r.body).toBeUndefined();
    expect(scrubText(`echo ${KEY}`)).toBe(`echo ${SCRUBBED}`);
  });

  it('other kinds of credentials are a programming error, not a request', () => {
    const { http } = fakeHttp(ok(CONFIG));
    expect(() => vocobaseProvider.partner(http, BASE, { kind: 'token', authId: 'PA_X', token: 'abcdefgh' }, settings)).toThrow(AppError);
  });
});

describe('error mapping', () => {
  const map = (r: Partial<HttpResponse>, ctx = {}) => vocobaseError(res(r), ctx);

  it('401: the key was not accepted, and where to make a new one', () => {
    const e = map(fail(401, 'UNAUTHORIZED', 'Invalid API key'));
    expect(e).toMatchObject({ code: 'UNAUTHORIZED', status: 401, message: 'Vocobase did not accept this API key.' });
    expect(e.hint).toMatch(/Dashboard under API Keys/);
  });

  it('403 says which of the documented causes when the message does', () => {
    expect(map(fail(403, 'FORBIDDEN', 'Insufficient balance'))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/balance is too low/), hint: expect.stringMatching(/credits/) });
    expect(map(fail(403, 'FORBIDDEN', 'Partner account suspended'))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/suspended/) });
    expect(map(fail(403, 'FORBIDDEN', 'Partner not yet approved'))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/not been approved/) });
    const other = map(fail(403, 'FORBIDDEN', 'Nope'));
    expect(other).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('“Nope”') });
    expect(other.hint).toMatch(/credits, be suspended or not yet approved/);
  });

  it('400 VALIDATION_ERROR keeps the server message and names the field it mentions', () => {
    const e = map(fail(400, 'VALIDATION_ERROR', 'did_number must be E.164'), { fields: { did_number: 'didNumber', name: 'name' } });
    expect(e).toMatchObject({ code: 'VALIDATION', status: 400, message: 'did_number must be E.164', field: 'didNumber' });
    expect(map(fail(400, 'VALIDATION_ERROR', 'Bad request'))).toMatchObject({ code: 'VALIDATION', message: 'Bad request', field: undefined });
  });

  it('404, 409, LIMIT_REACHED, 5xx and the unexpected', () => {
    expect(map(fail(404, 'NOT_FOUND', 'No such route'))).toMatchObject({ code: 'NOT_FOUND', hint: expect.stringContaining('https://api.vocobase.com/api/v2') });
    expect(map(fail(404, 'NOT_FOUND', 'gone'), { subject: 'the SIP connection “A”' })).toMatchObject({ message: 'The SIP connection “A” was not found on Vocobase.' });
    expect(map(fail(409, 'CONFLICT', 'Connection name already exists'), { subject: 'the SIP connection “A”' })).toMatchObject({
      code: 'CONFLICT',
      message: 'The SIP connection “A”: Connection name already exists',
    });
    expect(map(fail(403, 'LIMIT_REACHED', 'Connection limit reached'))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/limit/) });
    expect(map(fail(500, 'INTERNAL_ERROR', 'boom'))).toMatchObject({ code: 'UPSTREAM', retryable: true, status: 500 });
    expect(map(fail(502, 'INTERNAL_ERROR', 'twilio down'))).toMatchObject({ code: 'UPSTREAM', retryable: true, message: expect.stringMatching(/telephony provider/) });
    expect(map({ status: 503, text: '<html>busy</html>' })).toMatchObject({ code: 'UPSTREAM', retryable: true });
    expect(map({ status: 418, text: 'teapot' })).toMatchObject({ code: 'UPSTREAM', message: expect.stringMatching(/HTTP 418/) });
  });

  it('429: the rate-limit message, with how long to wait', () => {
    const e = map(fail(429, 'LIMIT_REACHED', 'Too many requests', { 'retry-after': '12' }));
    expect(e).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterSeconds: 12 });
    expect(e.message).toMatch(/^Vocobase is limiting requests \(60 a minute per API key\)/);
  });

  it('reads the envelope leniently', () => {
    expect(parseErrorBody('{"success":false,"error":{"code":"CONFLICT","message":"dup"}}')).toEqual({ code: 'CONFLICT', message: 'dup' });
    expect(parseErrorBody('{"error":"NOT_FOUND","message":"no"}')).toEqual({ code: 'NOT_FOUND', message: 'no' });
    expect(parseErrorBody('{"code":"FORBIDDEN","message":"x"}')).toEqual({ code: 'FORBIDDEN', message: 'x' });
    expect(parseErrorBody('<html>')).toEqual({});
    expect(parseErrorBody('[1]')).toEqual({});
  });

  it('an HTML page, invalid JSON or a missing envelope on a 2xx is drift, and success:false is an error', () => {
    const S = ConnectionBody;
    expect(() => readData(res({ text: '<!DOCTYPE html><html>login</html>' }), 'x', S)).toThrow(/web page/);
    expect(() => readData(res({ text: '{"success":true,"da' }), 'the thing', S)).toThrow('Vocobase sent the thing in a form Trunkdesk does not understand.');
    expect(() => readData(res({ text: '[]' }), 'x', S)).toThrow(/does not understand/);
    expect(() => readData(res({ text: '{"success":true,"data":{"name":1}}' }), 'x', S)).toThrow(/does not understand/);
    try {
      readData(res({ status: 200, text: JSON.stringify({ success: false, error: { code: 'UNAUTHORIZED', message: 'bad key' } }) }), 'x', S);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'UNAUTHORIZED' });
    }
    expect(() => readData(res({ status: 200, text: '{"success":false,"error":{"code":"WEIRD"}}' }), 'x', S)).toThrow(/did not name/);
  });
});

describe('the connection list', () => {
  const twilio = { id: 99, provider: 'twilio', name: 'Twilio main', account_sid: 'AC…', status: 'ACTIVE' };

  it('accepts data.connections, data.items and data as an array', () => {
    for (const data of [{ connections: [sipConn(1), twilio] }, { items: [sipConn(1), twilio] }, [sipConn(1), twilio]]) {
      const list = sipConnections(data);
      expect(list.map((c) => c.id)).toEqual(['conn_1']);
    }
    expect(sipConnections({ connections: [] })).toEqual([]);
  });

  it('keeps only provider "sip", whatever its case, and ignores the rest however odd', () => {
    const list = sipConnections([sipConn(1, { provider: 'SIP' }), sipConn(2, { provider: 'Sip ' }), twilio, { provider: 'plivo' }, 'junk', null, sipConn(3)]);
    expect(list.map((c) => c.id)).toEqual(['conn_1', 'conn_2', 'conn_3']);
  });

  it('no list where one is expected, or a SIP item without an id, is drift', () => {
    expect(() => sipConnections({ total: 3 })).toThrow(/does not understand/);
    expect(() => sipConnections(null)).toThrow(/does not understand/);
    expect(() => sipConnections([{ provider: 'sip', name: 'no id' }])).toThrow(/does not understand/);
  });

  it('maps a connection to a SipCredential of kind connection, with no secret', () => {
    const [c] = sipConnections([sipConn(7, { outbound_password: 'Leaked#Pass9' })]);
    expect(c).toEqual<SipCredential>({
      id: 'conn_7',
      kind: 'connection',
      username: 'user7',
      name: 'Trunk 7',
      realm: 'sip.carrier.example',
      enabled: true,
      createdAt: '2026-01-02T03:04:05Z',
      updatedAt: '2026-01-03T03:04:05Z',
      extra: { sipHost: 'sip.carrier.example', sourceIps: ['203.0.113.10', '198.51.100.0/24'], didNumber: '+919876543210', transport: 'UDP', connectionId: 'vc_7' },
    });
    expect(JSON.stringify(c)).not.toContain('Leaked#Pass9');
  });

  it('is lenient about the fields it can live without', () => {
    const [c] = sipConnections([
      { id: 'a/b c', provider: 'sip', status: 'inactive', sip_host: null, source_ips: '10.0.0.1, 10.0.0.2', sip_transport: 'tls', phone_numbers: [{ phone_number: '+14155550100' }] },
    ]);
    expect(c).toMatchObject({ id: 'conn_a_b_c', username: '', name: null, realm: null, enabled: false });
    expect(c!.extra).toEqual({ sipHost: null, sourceIps: ['10.0.0.1', '10.0.0.2'], didNumber: '+14155550100', transport: 'TLS', connectionId: 'a/b c' });
    expect(credentialId('x'.repeat(300))).toHaveLength(100);
  });

  it('listCredentials fetches once with provider=sip and pages locally', async () => {
    const conns = [sipConn(1), twilio, sipConn(2), sipConn(3), sipConn(4), sipConn(5)];
    const { http, requests } = fakeHttp(ok({ connections: conns }));
    const api = vocobaseProvider.account(http, BASE, { id: 'cinder-voice', credentials: creds() }, { get: () => undefined, set: () => undefined }, settings);
    expect(api.paging).toBe('offset');
    let received = 0;
    const page = await api.listCredentials(2, 2, { onReceived: () => received++ });
    expect(page).toMatchObject({ total: 5, limit: 2 });
    expect(page.items.map((c) => c.id)).toEqual(['conn_3', 'conn_4']);
    expect(received).toBe(1);
    expect(requests.map((r) => [r.method, r.url])).toEqual([['GET', `${BASE}/telephony/connections?provider=sip`]]);
    const all = await api.listCredentials(1000, 0);
    expect(all.items).toHaveLength(5);
    expect((await api.listCredentials(10, 5)).items).toEqual([]);
  });
});

describe('identity and the one account', () => {
  it('me() from GET /config', async () => {
    const { http } = fakeHttp(ok(CONFIG));
    const me = await vocobaseProvider.partner(http, BASE, creds(), settings).me();
    expect(me).toMatchObject({ name: 'Cinder Voice AI', authId: 'cinder-voice', isActive: true, accountCount: null, maxAccounts: null, balance: null, email: null });
    expect(me.capabilities).toEqual({ canCreateAccounts: false, canCreatePricingTiers: false, canViewCdrs: false, canTransferBalance: false });
    expect(toProfile({ name: 'n', display_name: null, status: 'SUSPENDED', created_at: null, updated_at: null })).toMatchObject({ name: 'n', isActive: false });
    expect(isActiveStatus('Active')).toBe(true);
    expect(isActiveStatus('pending_approval')).toBe(false);
  });

  it('listAccounts is the partner itself; getAccount returns it; createAccount is refused', async () => {
    const { http, requests } = fakeHttp(ok(CONFIG));
    const p = vocobaseProvider.partner(http, BASE, creds(), settings);
    const list = await p.listAccounts({ page: 1, perPage: 20, search: '' });
    expect(list).toEqual({
      total: 1,
      rows: [{ id: 'cinder-voice', name: 'Cinder Voice AI', email: null, phone: null, company: null, country: null, isActive: true, balance: null, createdAt: null, token: null }],
    });
    expect((await p.listAccounts({ page: 1, perPage: 20, search: 'cinder' })).rows).toHaveLength(1);
    expect(await p.listAccounts({ page: 1, perPage: 20, search: 'zzz' })).toEqual({ rows: [], total: 0 });
    expect(await p.getAccount('cinder-voice')).toMatchObject({ id: 'cinder-voice' });
    await expect(p.getAccount('someone-else')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const before = requests.length;
    await expect(p.createAccount({ name: 'x', email: 'a@b.c', password: 'x', country: 'IN', phone: '+1' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(requests).toHaveLength(before);
  });

  it('the account id is a safe slug of the config name', () => {
    expect(accountSlug('cinder-voice')).toBe('cinder-voice');
    expect(accountSlug('Cinder Voice AI')).toBe('Cinder-Voice-AI');
    expect(accountSlug('  ünïcode/partner!! ')).toBe('unicode-partner');
    expect(accountSlug('___x')).toBe('x');
    expect(accountSlug('日本')).toBe('vocobase-account');
    const long = accountSlug('a'.repeat(200));
    expect(long).toHaveLength(80);
    for (const s of ['Cinder Voice AI', '  ünïcode/partner!! ', '-a-', 'a'.repeat(200)]) expect(accountSlug(s)).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/);
  });
});

describe('a new SIP connection', () => {
  const good: NewCredential = {
    kind: 'connection',
    name: 'Main trunk',
    sipHost: 'sip.carrier.example',
    username: 'acme-out',
    password: 'Out#Pass-2026!',
    allowedIps: ['203.0.113.10', ' 198.51.100.0/24 '],
    didNumber: '+91 98765 43210',
    transport: 'TLS',
  };

  it('is sent in Vocobase field names, the password known to the scrubber', () => {
    expect(connectionRequest(good)).toEqual({
      provider: 'sip',
      name: 'Main trunk',
      sip_host: 'sip.carrier.example',
      outbound_username: 'acme-out',
      outbound_password: 'Out#Pass-2026!',
      source_ips: ['203.0.113.10', '198.51.100.0/24'],
      did_number: '+919876543210',
      transport: 'TLS',
    });
    expect(scrubText('x Out#Pass-2026! y')).toBe(`x ${SCRUBBED} y`);
    const minimal = connectionRequest({ kind: 'connection', name: 'n', sipHost: '203.0.113.5:5061', username: 'u', password: 'p' });
    expect(minimal).toEqual({ provider: 'sip', name: 'n', sip_host: '203.0.113.5:5061', outbound_username: 'u', outbound_password: 'p' });
    // A carrier that authenticates by source IP: neither username nor password.
    const ipAuth = connectionRequest({ kind: 'connection', name: 'n', sipHost: '192.0.2.50', username: '', password: '', allowedIps: ['192.0.2.50'] });
    expect(ipAuth).toEqual({ provider: 'sip', name: 'n', sip_host: '192.0.2.50', source_ips: ['192.0.2.50'] });
  });

  it('each wrong field is refused on its field, before anything is sent', () => {
    const cases: Array<[Partial<NewCredential>, string]> = [
      [{ kind: 'sip' }, 'kind'],
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: 'evil\u202Ename' }, 'name'],
      [{ sipHost: undefined }, 'sipHost'],
      [{ sipHost: 'not a host' }, 'sipHost'],
      [{ sipHost: '999.1.1.1' }, 'sipHost'],
      [{ sipHost: 'sip.carrier.example:70000' }, 'sipHost'],
      [{ sipHost: 'http://sip.carrier.example' }, 'sipHost'],
      [{ username: '' }, 'username'],
      [{ username: 'has space' }, 'username'],
      [{ password: '' }, 'password'],
      [{ password: 'with space' }, 'password'],
      [{ allowedIps: ['203.0.113.10', '10.0.0.0/33'] }, 'allowedIps'],
      [{ allowedIps: ['2001:db8::1'] }, 'allowedIps'],
      [{ allowedIps: ['example.com'] }, 'allowedIps'],
      [{ didNumber: '9876543210' }, 'didNumber'],
      [{ didNumber: '+0123456789' }, 'didNumber'],
      [{ didNumber: '+12345' }, 'didNumber'],
      [{ transport: 'SCTP' as never }, 'transport'],
    ];
    for (const [patch, field] of cases) {
      let err: unknown;
      try {
        connectionRequest({ ...good, ...patch });
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(patch)).toMatchObject({ code: 'VALIDATION', field, retryable: false });
    }
  });

  it('host and IP rules', () => {
    for (const h of ['sip.carrier.example', 'a-b.c.io', '203.0.113.5', '203.0.113.5:5060', 'sip.x.com:5061', '2001:db8::1', '[2001:db8::1]:5060']) expect(isSipHost(h), h).toBe(true);
    for (const h of ['localhost', 'a..b', '-a.com', 'a.com:0', '1.2.3', 'sip.carrier.example/path', '']) expect(isSipHost(h), h).toBe(false);
    for (const ip of ['0.0.0.0/0', '10.0.0.1', '10.0.0.0/8', '192.168.1.0/32']) expect(isIPv4OrCidr(ip), ip).toBe(true);
    for (const ip of ['10.0.0.0/', '10.0.0/8', '256.0.0.1', '10.0.0.1/8/8']) expect(isIPv4OrCidr(ip), ip).toBe(false);
  });

  it('createCredential posts once and returns the created connection, filled from what was sent', async () => {
    const { http, requests } = fakeHttp(ok({ connection: { id: 41, connection_id: 'vc_41', provider: 'sip', provider_key: 'sip', name: 'Main trunk', status: 'ACTIVE', is_default: false, phone_numbers: [] } }));
    const api = vocobaseProvider.account(http, BASE, { id: 'x', credentials: creds() }, { get: () => undefined, set: () => undefined }, settings);
    const c = await api.createCredential(good);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', url: `${BASE}/telephony/connections`, headers: { authorization: `Bearer ${KEY}` } });
    expect(requests[0]!.body).toMatchObject({ provider: 'sip', outbound_password: good.password, transport: 'TLS' });
    expect(c).toMatchObject({ id: 'conn_41', kind: 'connection', username: 'acme-out', name: 'Main trunk', realm: 'sip.carrier.example', enabled: true });
    expect(c.secret).toBeUndefined();
    expect(c.extra).toEqual({ sipHost: 'sip.carrier.example', sourceIps: ['203.0.113.10', '198.51.100.0/24'], didNumber: '+919876543210', transport: 'TLS', connectionId: 'vc_41' });
    expect(JSON.stringify(c)).not.toContain(good.password);
  });

  it('an invalid one sends nothing; update and delete are not in the API', async () => {
    const { http, requests } = fakeHttp(ok({}));
    const api = vocobaseProvider.account(http, BASE, { id: 'x', credentials: creds() }, { get: () => undefined, set: () => undefined }, settings);
    await expect(api.createCredential({ ...good, didNumber: 'nope' })).rejects.toMatchObject({ code: 'VALIDATION', field: 'didNumber' });
    const msg = "Vocobase's API has no way to change or delete a SIP connection; do it in the Vocobase Dashboard.";
    await expect(api.updateCredential('conn_1', { name: 'x' }, 'x')).rejects.toMatchObject({ code: 'VALIDATION', message: msg });
    await expect(api.deleteCredential('conn_1', 'x')).rejects.toMatchObject({ code: 'VALIDATION', message: msg });
    expect(requests).toHaveLength(0);
  });

  it('a server error naming a field is put on that field', async () => {
    const { http } = fakeHttp(fail(400, 'VALIDATION_ERROR', 'sip_host is not reachable'));
    const api = vocobaseProvider.account(http, BASE, { id: 'x', credentials: creds() }, { get: () => undefined, set: () => undefined }, settings);
    await expect(api.createCredential(good)).rejects.toMatchObject({ code: 'VALIDATION', field: 'sipHost', message: 'sip_host is not reachable' });
  });
});

describe('caps and settingsFor', () => {
  it('caps are a valid ProviderCapsDTO with one kind, create only', () => {
    expect(ProviderCapsDTO.parse(vocobaseProvider.caps)).toEqual(vocobaseProvider.caps);
    expect(vocobaseProvider.caps).toMatchObject({ provider: 'vocobase', label: 'Vocobase', accounts: 'self', canCreateAccounts: false });
    expect(vocobaseProvider.caps.kinds).toEqual([
      { kind: 'connection', label: 'SIP connection', create: true, toggle: false, changePassword: false, rename: false, delete: false, revealPassword: false },
    ]);
    expect(vocobaseProvider.fetchLimits).toEqual({ probePageSize: 1000, startConcurrency: 1, maxConcurrency: 1 });
    expect(vocobaseProvider).toMatchObject({ id: 'vocobase', name: 'Vocobase', accountAuth: 'profile' });
  });

  it('lists what a PBX needs, never a password', () => {
    const [c] = sipConnections([sipConn(7)]);
    expect(vocobaseProvider.settingsFor(c!, settings)).toEqual([
      { label: 'Name', value: 'Trunk 7' },
      { label: 'SIP host', value: 'sip.carrier.example' },
      { label: 'Outbound username', value: 'user7' },
      { label: 'Transport', value: 'UDP' },
      { label: 'DID number', value: '+919876543210' },
      { label: 'Inbound source IPs', value: '203.0.113.10, 198.51.100.0/24' },
      { label: 'Connection id', value: 'vc_7' },
    ]);
    const withSecret: SipCredential = { ...c!, secret: 'Sup3r#Secret' };
    expect(JSON.stringify(vocobaseProvider.settingsFor(withSecret, settings))).not.toContain('Sup3r#Secret');
    const bare: SipCredential = { id: 'conn_1', kind: 'connection', username: '', name: null, realm: null, enabled: true, createdAt: null, updatedAt: null };
    expect(vocobaseProvider.settingsFor(bare, settings)).toEqual([]);
  });
});

describe('rate limits in the call function', () => {
  it('the window is configurable; /calls paths are told apart', () => {
    configureVocobaseLimits({ windowMs: 1_000 });
    expect(vocobaseLimits()).toMatchObject({ windowMs: 1_000, generalLimit: 60, callsLimit: 10 });
    configureVocobaseLimits();
    expect(vocobaseLimits().windowMs).toBe(60_000);
    expect(['/calls', '/calls/start', '/calls?limit=5', '/calls/concurrency'].every(isCallsPath)).toBe(true);
    expect(['/config', '/callsign', '/telephony/connections'].some(isCallsPath)).toBe(false);
  });

  it('a 429 on a GET pauses the key and retries once when the window resets', async () => {
    configureVocobaseLimits({ windowMs: 80, marginMs: 0 });
    const { http, requests } = fakeHttp(fail(429, 'LIMIT_REACHED', 'Rate limit exceeded'), ok(CONFIG));
    const me = await vocobaseProvider.partner(http, BASE, creds(), settings).me();
    expect(me.authId).toBe('cinder-voice');
    expect(requests).toHaveLength(2);
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(75);
  });

  it('a GET that meets 429 twice tells the user; Retry-After is honoured', async () => {
    configureVocobaseLimits({ windowMs: 60_000 });
    const { http, requests } = fakeHttp(fail(429, 'LIMIT_REACHED', 'slow down', { 'retry-after': '0.1' }));
    const e = await vocobaseProvider.partner(http, BASE, creds('rg_live_TwiceLimitedKey000000'), settings).me().catch((x: unknown) => x);
    expect(requests).toHaveLength(2);
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(95);
    expect(requests[1]!.at - requests[0]!.at).toBeLessThan(1_000); // Retry-After, not the 60 s window
    expect(e).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryable: true, retryAfterSeconds: 1 });
    expect((e as AppError).message).toMatch(/^Vocobase is limiting requests \(60 a minute per API key\)/);
  });

  it('a POST is never retried after 429', async () => {
    configureVocobaseLimits({ windowMs: 50 });
    const { http, requests } = fakeHttp(fail(429, 'LIMIT_REACHED', 'Rate limit exceeded'), ok({ connection: sipConn(1) }));
    const api = vocobaseProvider.account(http, BASE, { id: 'x', credentials: creds('rg_live_PostLimitedKey0000000') }, { get: () => undefined, set: () => undefined }, settings);
    await expect(
      api.createCredential({ kind: 'connection', name: 'n', sipHost: 'sip.x.com', username: 'u', password: 'pw-Secret-1' }),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
    expect(requests).toHaveLength(1);
  });

  it('one key shares one window across clients; another key has its own', async () => {
    configureVocobaseLimits({ windowMs: 150, generalLimit: 3, marginMs: 0 });
    const { http, requests } = fakeHttp(ok(CONFIG));
    const a1 = vocobaseProvider.partner(http, BASE, creds('rg_live_SharedKeyAAAAAAAAAAAA'), settings);
    const a2 = vocobaseProvider.partner(http, BASE, creds('rg_live_SharedKeyAAAAAAAAAAAA'), settings);
    const b = vocobaseProvider.partner(http, BASE, creds('rg_live_OtherKeyBBBBBBBBBBBBB'), settings);
    const t0 = Date.now();
    await Promise.all([a1.me(), a2.me(), a1.me(), a2.me(), b.me(), b.me(), b.me()]);
    const rel = (k: string) => requests.filter((r) => r.headers!.authorization!.endsWith(k)).map((r) => r.at - t0);
    const a = rel('AAAAAAAAAAAA');
    expect(a).toHaveLength(4);
    expect(a.filter((t) => t < 100)).toHaveLength(3);
    expect(a[3]).toBeGreaterThanOrEqual(145);
    expect(rel('BBBBBBBBBBBBB').every((t) => t < 100)).toBe(true);
  });

  const callsKey = 'rg_live_CallsKeyCCCCCCCCCCCCC';
  const timed = (http: HttpClient, path: string) => vocobaseCall(http, { method: 'GET', baseUrl: BASE, path, key: callsKey, what: 'x', schema: z.unknown() });

  it('a /calls request takes a slot in both limits', async () => {
    configureVocobaseLimits({ windowMs: 200, generalLimit: 4, callsLimit: 2, marginMs: 0 });
    const { http, requests } = fakeHttp(ok({ calls: [] }));
    const t0 = Date.now();
    await Promise.all([timed(http, '/calls'), timed(http, '/calls?limit=5'), timed(http, '/config'), timed(http, '/config')]);
    expect(requests.every((r) => r.at - t0 < 150)).toBe(true);
    await timed(http, '/config'); // the general limit is full: the two /calls requests counted in it
    expect(requests.at(-1)!.at - t0).toBeGreaterThanOrEqual(195);
  });

  it('a /calls request waiting for its own window holds no other request back', async () => {
    configureVocobaseLimits({ windowMs: 200, generalLimit: 10, callsLimit: 2, marginMs: 0 });
    const { http, requests } = fakeHttp(ok({ calls: [] }));
    const t0 = Date.now();
    await Promise.all([timed(http, '/calls'), timed(http, '/calls/start'), timed(http, '/calls'), timed(http, '/config'), timed(http, '/config')]);
    const at = (p: string) => requests.filter((r) => new URL(r.url).pathname.endsWith(p)).map((r) => r.at - t0);
    const calls = [...at('/calls'), ...at('/calls/start')].sort((x, y) => x - y);
    expect(calls.filter((t) => t < 150)).toHaveLength(2);
    expect(calls[2]).toBeGreaterThanOrEqual(195);
    expect(at('/config').every((t) => t < 150)).toBe(true);
  });

  it('a cancelled request waiting for its slot sends nothing', async () => {
    configureVocobaseLimits({ windowMs: 10_000, generalLimit: 1 });
    const { http, requests } = fakeHttp(ok(CONFIG));
    const p = vocobaseProvider.partner(http, BASE, creds('rg_live_CancelKeyDDDDDDDDDDDD'), settings);
    await p.me();
    const ctl = new AbortController();
    const waiting = p.me(ctl.signal);
    setTimeout(() => ctl.abort(), 20);
    await expect(waiting).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(requests).toHaveLength(1);
  });
});
