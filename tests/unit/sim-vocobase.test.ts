// The Vocobase part of the simulator (tests/sim/vocobase.ts), over real loopback HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_VOCOBASE, startSimulator, type Simulator } from '../sim/server';

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

const KEY = DEMO_VOCOBASE.cinder.key;

async function call(path: string, init: RequestInit & { key?: string | null } = {}): Promise<Answer> {
  const { key = KEY, ...rest } = init;
  const headers: Record<string, string> = { ...(rest.headers as Record<string, string> | undefined) };
  if (key !== null) headers.Authorization = `Bearer ${key}`;
  if (rest.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(sim.vocobaseBaseUrl + path, { ...rest, headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : undefined };
}

const post = (path: string, body: unknown, key: string = KEY) => call(path, { method: 'POST', body: JSON.stringify(body), key });

const sipBody = {
  provider: 'sip',
  name: 'Carrier Three - Pune',
  sip_host: 'sip.pune.carrier-three.example',
  outbound_username: 'cinder-pune',
  outbound_password: 'Pune#Trunk-Secret-42',
  source_ips: ['203.0.113.60', '203.0.113.64/30'],
  did_number: '+912066001234',
  transport: 'TLS',
};

describe('auth and /config', () => {
  it('GET /config with the partner key: success envelope, config fields', async () => {
    const a = await call('/config');
    expect(a.status).toBe(200);
    expect(a.body.success).toBe(true);
    expect(a.body.data).toMatchObject({
      display_name: 'Cinder Voice AI',
      agent_limit: expect.any(Number),
      current_agent_count: expect.any(Number),
      allowed_voices: expect.any(Array),
      allowed_languages: expect.any(Array),
      status: 'ACTIVE',
      webhook: { configured: false },
      webhooks: [],
      allowed_telephony_providers: expect.arrayContaining(['sip', 'twilio']),
    });
    expect(a.body.data.telephony.sip).toEqual({ configured: true, from_number: '+912240001100' });
  });

  it('a missing, unknown or query-string key is 401 UNAUTHORIZED; a suspended partner is 403 FORBIDDEN', async () => {
    for (const a of [await call('/config', { key: null }), await call('/config', { key: 'rg_live_notarealkey000000000000000000' }), await call(`/config?api_key=${KEY}`, { key: null })]) {
      expect(a.status).toBe(401);
      expect(a.body).toEqual({ success: false, error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
    }
    const suspended = await call('/config', { key: DEMO_VOCOBASE.suspended.key });
    expect(suspended.status).toBe(403);
    expect(suspended.body.error.code).toBe('FORBIDDEN');
    expect((await call('/nope')).body.error.code).toBe('NOT_FOUND');
  });
});

describe('telephony connections', () => {
  it('lists the demo connections under data.connections, filtered by ?provider=', async () => {
    const all = await call('/telephony/connections');
    expect(all.status).toBe(200);
    expect(all.body.data.connections).toHaveLength(5);
    const sip = await call('/telephony/connections?provider=sip');
    expect(sip.body.data.connections).toHaveLength(4);
    expect(sip.body.data.connections.every((c: { provider: string }) => c.provider === 'sip')).toBe(true);
    expect((await call('/telephony/connections?provider=fax')).status).toBe(400);
  });

  it('validates a SIP connection: E.164 DID, name length, provider, transport → 400 VALIDATION_ERROR without the password', async () => {
    const cases = [
      { ...sipBody, did_number: '912066001234' },
      { ...sipBody, did_number: '+0123' },
      { ...sipBody, name: '' },
      { ...sipBody, name: 'x'.repeat(101) },
      { ...sipBody, provider: 'SIPX' },
      { ...sipBody, transport: 'SCTP' },
      { ...sipBody, sip_host: undefined },
      { ...sipBody, source_ips: ['not-an-ip'] },
      { ...sipBody, outbound_username: undefined },
    ];
    for (const body of cases) {
      const a = await post('/telephony/connections', body);
      expect(a.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(a.body).toEqual({ success: false, error: { code: 'VALIDATION_ERROR', message: expect.any(String) } });
      expect(a.text).not.toContain(sipBody.outbound_password);
    }
    expect((await call('/telephony/connections', { method: 'POST', body: '{"provider":', key: KEY })).body.error.code).toBe('VALIDATION_ERROR');
  });

  it('creates a SIP connection; no answer ever carries the outbound password', async () => {
    const created = await post('/telephony/connections', sipBody);
    expect(created.status).toBe(201);
    const c = created.body.data.connection;
    expect(c).toMatchObject({
      provider: 'sip',
      provider_key: 'SIP',
      name: sipBody.name,
      status: 'ACTIVE',
      is_default: false, // Cinder already has a default SIP connection
      sip_host: sipBody.sip_host,
      outbound_username: sipBody.outbound_username,
      source_ips: sipBody.source_ips,
      transport: 'TLS',
      phone_numbers: [expect.objectContaining({ phone_number: sipBody.did_number, status: 'ACTIVE' })],
      created_at: expect.any(String),
    });
    expect(c.connection_id).toBe(c.id);
    expect(created.text).not.toContain(sipBody.outbound_password);
    expect(c).not.toHaveProperty('outbound_password');

    const list = await call('/telephony/connections?provider=sip');
    expect(list.body.data.connections.map((x: { id: string }) => x.id)).toContain(c.id);
    expect(list.text).not.toContain(sipBody.outbound_password);
    expect(list.text).not.toMatch(/password/i);

    const dup = await post('/telephony/connections', { ...sipBody, name: 'Same DID' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('CONFLICT');
  });

  it('addVocobasePartner / addVocobaseConnection seed a new partner', async () => {
    const key = sim.addVocobasePartner({ name: 'Test Partner' });
    expect(key).toMatch(/^rg_live_[A-Za-z0-9]{32}$/);
    sim.addVocobaseConnection(key, { name: 'Seeded SIP', sipHost: 'sip.example', outboundUsername: 'u', outboundPassword: 'Seeded#Secret', didNumber: '+15555550123' });
    const a = await call('/telephony/connections', { key });
    expect(a.body.data.connections).toHaveLength(1);
    expect(a.body.data.connections[0]).toMatchObject({ name: 'Seeded SIP', is_default: true, transport: 'UDP' });
    expect(a.text).not.toContain('Seeded#Secret');
  });
});

describe('calls', () => {
  it('GET /calls pages with limit/offset and validates them; GET /calls/concurrency', async () => {
    const page = await call('/calls?limit=5&offset=2');
    expect(page.status).toBe(200);
    expect(page.body.data).toMatchObject({ total: 12, limit: 5, offset: 2 });
    expect(page.body.data.calls).toHaveLength(5);
    for (const bad of ['limit=0', 'limit=101', 'offset=-1', 'status=lost']) expect((await call(`/calls?${bad}`)).status, bad).toBe(400);
    const cc = await call('/calls/concurrency');
    expect(cc.body.data).toEqual({ limit: 5, limit_source: 'partner', active: 2, remaining: 3, statuses_counted: ['PENDING', 'RINGING', 'IN_PROGRESS'] });
  });
});

describe('rate limits per key', () => {
  it('60 per window: the 61st quick request is 429 without Retry-After; stats say maxInAnyWindow 60; the next window is open', async () => {
    // A window long enough that 61 requests fit in it on a slow, busy CI machine too.
    sim.setFaults({ vocobaseWindowMs: 3_000 });
    const first = await Promise.all(Array.from({ length: 60 }, () => call('/config')));
    expect(first.every((a) => a.status === 200)).toBe(true);
    const over = await call('/config');
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ success: false, error: { code: 'LIMIT_REACHED', message: expect.any(String) } });
    expect(over.headers.get('retry-after')).toBeNull();
    expect(sim.vocobase.stats(KEY)).toMatchObject({ requests: 61, rejected429: 1, maxInAnyWindow: 60 });
    await new Promise((r) => setTimeout(r, 3_020));
    expect((await call('/config')).status).toBe(200);
    expect(sim.vocobase.stats(KEY).maxInAnyWindow).toBe(60);
  });

  it('/calls/* has its own 10 per window (and counts in the general one too)', async () => {
    sim.setFaults({ vocobaseWindowMs: 1000, vocobaseRetryAfter: true });
    const ten = await Promise.all(Array.from({ length: 10 }, (_, i) => call(i % 2 ? '/calls' : '/calls/concurrency')));
    expect(ten.every((a) => a.status === 200)).toBe(true);
    const over = await call('/calls');
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await call('/config')).status).toBe(200); // the general window still has room
    expect(sim.vocobase.stats(KEY)).toMatchObject({ callsRequests: 11, callsRejected429: 1, maxCallsInAnyWindow: 10, maxInAnyWindow: 11 });
  });

  it('keys count separately; vocobaseRateLimitCode changes the 429 code', async () => {
    sim.setFaults({ vocobaseWindowMs: 1000, vocobaseLimits: { general: 3 }, vocobaseRateLimitCode: 'RATE_LIMITED', vocobaseRetryAfter: 7 });
    const other = sim.addVocobasePartner({ name: 'Other' });
    for (let i = 0; i < 3; i++) expect((await call('/config')).status).toBe(200);
    const over = await call('/config');
    expect(over.body.error.code).toBe('RATE_LIMITED');
    expect(over.headers.get('retry-after')).toBe('7');
    expect((await call('/config', { key: other })).status).toBe(200);
  });
});

describe('faults on Vocobase routes', () => {
  it('status faults use the Vocobase shape; echo repeats the key and the outbound password', async () => {
    sim.setFaults({ queue: [{ match: 'GET /vocobase/api/v2/config', kind: 'status', status: 502 }] });
    const a = await call('/config');
    expect(a.status).toBe(502);
    expect(a.body).toEqual({ success: false, error: { code: 'INTERNAL_ERROR', message: expect.any(String) } });
    sim.setFaults({ queue: [{ match: '/vocobase/', kind: 'echo', status: 400 }] });
    const e = await post('/telephony/connections', sipBody);
    expect(e.status).toBe(400);
    expect(e.text).toContain(sipBody.outbound_password);
    expect(sim.echoed).toEqual(expect.arrayContaining([KEY, sipBody.outbound_password]));
  });
});
