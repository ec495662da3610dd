// The Vobiz partner client over real loopback HTTP against the simulator: headers, lenient
// parsing, every documented error status and the transport faults.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src-main/net/http';
import { partnerTokenAuth } from '../../src-main/providers/vobiz/auth';
import { VobizPartnerClient } from '../../src-main/providers/vobiz/partner';
import { DEMO_PARTNERS } from '../sim/data';
import { startSimulator, type Simulator } from '../sim/server';

let sim: Simulator;
let http: HttpClient;
const sleeps: number[] = [];
const nw = DEMO_PARTNERS[0]!;

beforeAll(async () => {
  sim = await startSimulator({ quiet: true });
  http = new HttpClient({
    maxRetries: 2,
    baseDelayMs: 10,
    maxDelayMs: 3_000,
    headersTimeoutMs: 1_500,
    bodyTimeoutMs: 1_500,
    // Record the waits the client chose, but keep them short so the suite stays fast.
    sleep: async (ms) => {
      sleeps.push(ms);
      await new Promise((r) => setTimeout(r, Math.min(ms, 20)));
    },
  });
});
afterAll(async () => {
  await http.close();
  await sim.close();
});
beforeEach(() => {
  sim.setFaults({});
  sleeps.length = 0;
});

const client = (token = nw.token, authId = nw.authId, base = sim.partnerBaseUrl) => new VobizPartnerClient(http, base, partnerTokenAuth(authId, token));

describe('GET /me', () => {
  it('reads the partner profile and sends the documented headers', async () => {
    const me = await client().me();
    const rec = sim.state.partners.find((p) => p.authId === nw.authId)!;
    expect(me).toMatchObject({ authId: nw.authId, name: nw.name, email: nw.email, maxAccounts: rec.maxAccounts, accountCount: rec.accountCount });
    expect(me.balance).toMatch(/^\d+\.\d{5}$/);
    expect(me.capabilities.canCreateAccounts).toBe(rec.canCreateAccounts);
    const req = sim.requests.at(-1)!;
    expect(req.headers['x-auth-id']).toBe(nw.authId);
    expect(req.headers['x-auth-token']).toBe(nw.token);
    expect(req.headers['accept']).toBe('application/json');
  });

  it('401 for a wrong token, with what to do', async () => {
    await expect(client('wrong-token-123').me()).rejects.toMatchObject({ code: 'UNAUTHORIZED', status: 401, hint: expect.stringMatching(/Partner Console/) });
  });

  it('403 for customer credentials on the partner API', async () => {
    const customer = sim.state.customers.find((c) => c.partnerAuthId === nw.authId && c.isActive)!;
    await expect(client(customer.authToken, customer.authId).me()).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('403 ACCOUNT_INACTIVE for an inactive partner', async () => {
    const oq = DEMO_PARTNERS.find((p) => p.authId === 'PA_OLDQ0001')!;
    await expect(client(oq.token, oq.authId).me()).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/inactive/) });
  });

  it('404 on the outdated /partner/v1 base path names the right one', async () => {
    await expect(client(nw.token, nw.authId, `${sim.url}/partner/v1`).me()).rejects.toMatchObject({
      code: 'NOT_FOUND',
      hint: expect.stringContaining('https://api.vobiz.ai/api/v1/partner'),
    });
  });
});

describe('faults', () => {
  it('429 with Retry-After is retried after the time asked, then succeeds', async () => {
    sim.setFaults({ queue: [{ match: '/me', kind: 'status', status: 429, retryAfter: 2 }] });
    const me = await client().me();
    expect(me.authId).toBe(nw.authId);
    expect(sleeps).toEqual([2_000]);
  });

  it('429 that persists becomes RATE_LIMITED with the wait in the hint', async () => {
    sim.setFaults({ queue: [{ match: '/me', kind: 'status', status: 429, retryAfter: 1, times: 5 }] });
    await expect(client().me()).rejects.toMatchObject({ code: 'RATE_LIMITED', retryable: true, hint: expect.stringMatching(/1 s/) });
    expect(sleeps).toHaveLength(2);
  });

  it('a Retry-After longer than the client will block for is not waited out', async () => {
    sim.setFaults({ queue: [{ match: '/me', kind: 'status', status: 429, retryAfter: 600 }] });
    await expect(client().me()).rejects.toMatchObject({ code: 'RATE_LIMITED', hint: expect.stringMatching(/600 s/) });
    expect(sleeps).toEqual([]);
  });

  it('503 twice then success: GETs retry with backoff', async () => {
    sim.setFaults({ queue: [{ match: '/me', kind: 'status', status: 503, times: 2 }] });
    expect((await client().me()).authId).toBe(nw.authId);
    expect(sleeps).toHaveLength(2);
  });

  it('a 500 is not retried and says Vobiz is having trouble', async () => {
    sim.setFaults({ queue: [{ match: '/me', kind: 'status', status: 500, times: 3 }] });
    await expect(client().me()).rejects.toMatchObject({ code: 'UPSTREAM', status: 500, retryable: true });
    expect(sleeps).toEqual([]);
  });

  it('a proxy HTML 502 page is UPSTREAM, not a parse crash', async () => {
    sim.setFaults({ queue: [{ match: '/me', kind: 'html', times: 3 }] });
    await expect(client().me()).rejects.toMatchObject({ code: 'UPSTREAM', status: 502 });
  });

  it('a connection reset is retried for a GET', async () => {
    sim.setFaults({ queue: [{ match: '/me', kind: 'reset' }] });
    expect((await client().me()).authId).toBe(nw.authId);
  });

  it('truncated JSON is a clear drift error', async () => {
    sim.setFaults({ queue: [{ match: '/me', kind: 'truncate' }] });
    await expect(client().me()).rejects.toMatchObject({ code: 'UPSTREAM', message: expect.stringMatching(/form Trunkdesk does not understand/) });
  });

  it('additive drift (new fields, balance as a number, no currency) is read without loss', async () => {
    sim.setFaults({ queue: [{ match: '/me', kind: 'drift', variant: 'extras' }] });
    const me = await client().me();
    expect(me.authId).toBe(nw.authId);
    expect(me.currency).toBeNull();
    expect(me.balance).toMatch(/^\d+\.\d{5}$/);
  });

  it('booleans drifting to "true"/"false" strings are still read as booleans', async () => {
    sim.setFaults({ queue: [{ match: '/me', kind: 'drift', variant: 'types' }] });
    expect((await client().me()).isActive).toBe(true);
  });

  it('a breaking type change is reported as drift, not shown as data', async () => {
    sim.setFaults({ queue: [{ match: '/me', kind: 'status', status: 200, body: { auth_id: nw.authId, name: nw.name, can_create_accounts: 'sometimes' } }] });
    await expect(client().me()).rejects.toMatchObject({ code: 'UPSTREAM', message: expect.stringMatching(/does not understand/) });
  });

  it('a server that never answers is a TIMEOUT', async () => {
    sim.setFaults({ queue: [{ match: '/me', kind: 'hang', times: 1 }] });
    await expect(client().me()).rejects.toMatchObject({ code: 'TIMEOUT', message: expect.stringMatching(/did not answer in time/) });
  });

  it('nothing listening is OFFLINE', async () => {
    await expect(client(nw.token, nw.authId, 'http://127.0.0.1:9/api/v1/partner').me()).rejects.toMatchObject({ code: 'OFFLINE' });
  });
});
