// Issue 9: bulk writes at scale, through the real router and services over loopback HTTP to the
// simulator. A bulk run writes a few credentials at a time (the simulator counts how many it is
// answering at once), reports progress as done of total, stops starting items when cancelled, never
// resends a write whose answer was lost (it checks the list instead), waits out a 429's
// Retry-After before sending the refused item again, and resolves "all matching" over the stored
// list in main.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent, BulkResultDTO } from '../../src-preload/contract';
import { BULK_CONCURRENCY } from '../../src-main/credentials/bulk-run';
import { DEMO_PARTNERS } from '../sim/data';
import { startSimulator, type Simulator } from '../sim/server';
import { mainApp, ok, type MainApp } from './support';

const nw = DEMO_PARTNERS[0]!;
let sim: Simulator;
let app: MainApp;
let profileId: string;
let events: Extract<AppEvent, { type: 'bulk-progress' }>[];

beforeAll(async () => {
  sim = await startSimulator({ quiet: true });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  sim.reset();
  app = await mainApp();
  events = [];
  app.services.events.on((e) => {
    if (e.type === 'bulk-progress') events.push({ ...e });
  });
  const list = ok<{ profiles: { id: string }[] }>(await app.call('addProfile', { displayName: 'NW', authId: nw.authId, token: nw.token, baseUrl: sim.partnerBaseUrl }));
  profileId = list.profiles[0]!.id;
});
afterEach(async () => {
  await app.services.close();
});

/** Quillon Analytics starts with no credentials: `n` of ours, stored by a first list. */
async function quillonWith(n: number, name = (i: number) => `bulk${String(i).padStart(4, '0')}`): Promise<{ customerAuthId: string; ids: string[] }> {
  const customerAuthId = sim.state.customers.find((c) => c.name === 'Quillon Analytics')!.authId;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(sim.addCredential(customerAuthId, { username: name(i), enabled: true }).id);
  ok(await app.call('listCredentials', { profileId, customerAuthId, limit: 20, offset: 0 }));
  return { customerAuthId, ids };
}

const simCred = (id: string) => sim.state.credentials.find((c) => c.id === id);
const putsTo = (id: string) => sim.requests.filter((r) => r.method === 'PUT' && r.path.includes(`/credentials/${id}`)).length;

describe('bulk writes at scale', () => {
  it('100 disables run a few at a time (never more), all are applied, with progress as done of total', async () => {
    const { customerAuthId, ids } = await quillonWith(100);
    sim.setFaults({ latencyMs: 40 });
    sim.inFlight.reset();
    const r = ok<BulkResultDTO>(await app.call('bulkCredentials', { profileId, customerAuthId, bulkId: 'b_scale100', action: 'disable', selection: { ids } }));

    expect(r.total).toBe(100);
    expect(r.results.filter((x) => x.ok)).toHaveLength(100);
    expect(r.notStarted).toBe(0);
    expect(r.cancelled).toBe(false);
    expect(ids.every((id) => simCred(id)!.enabled === false)).toBe(true);
    // Parallel, and bounded: the simulator never answered more writes at once than the limit.
    expect(sim.inFlight.peakWrites).toBeLessThanOrEqual(BULK_CONCURRENCY);
    expect(sim.inFlight.peakWrites).toBeGreaterThanOrEqual(Math.min(4, BULK_CONCURRENCY));
    // Each sent once.
    expect(ids.every((id) => putsTo(id) === 1)).toBe(true);

    // Progress: this run's, from 0 to 100 of 100, never going back, and throttled (not one per item).
    expect(events.every((e) => e.bulkId === 'b_scale100' && e.total === 100 && e.customerAuthId === customerAuthId)).toBe(true);
    expect(events[0]!.done).toBe(0);
    expect(events.at(-1)).toMatchObject({ done: 100, failed: 0 });
    expect(events.map((e) => e.done)).toEqual([...events.map((e) => e.done)].sort((a, b) => a - b));
    expect(events.length).toBeLessThan(50);

    // The stored list took every change: a filtered view shows them without a refetch.
    const page = ok<{ total: number }>(await app.call('listCredentials', { profileId, customerAuthId, limit: 10, offset: 0, filter: { enabled: false } }));
    expect(page.total).toBe(100);
  });

  it('cancel midway stops new starts; those on the wire finish and are reported; the rest are counted as not started', async () => {
    const { customerAuthId, ids } = await quillonWith(100);
    sim.setFaults({ latencyMs: 60 });
    const run = app.call('bulkCredentials', { profileId, customerAuthId, bulkId: 'b_cancel100', action: 'disable', selection: { ids } });
    await expect.poll(() => events.at(-1)?.done ?? 0, { timeout: 10_000, interval: 10 }).toBeGreaterThanOrEqual(12);
    expect(ok<{ cancelled: boolean }>(await app.call('cancelBulk', { bulkId: 'b_cancel100' })).cancelled).toBe(true);
    const r = ok<BulkResultDTO>(await run);
    const putsWhenDone = sim.requests.filter((x) => x.method === 'PUT').length;

    expect(r.cancelled).toBe(true);
    expect(r.notStarted).toBeGreaterThan(50);
    expect(r.results.length + r.notStarted).toBe(100);
    // What was reported done is what the provider did, and nothing else was sent.
    const disabled = ids.filter((id) => simCred(id)!.enabled === false);
    expect(disabled.sort()).toEqual(r.results.filter((x) => x.ok).map((x) => x.id).sort());
    expect(putsWhenDone).toBe(r.results.length);
    await new Promise((res) => setTimeout(res, 300));
    expect(sim.requests.filter((x) => x.method === 'PUT').length).toBe(putsWhenDone);
    // A finished run cannot be cancelled again.
    expect(ok<{ cancelled: boolean }>(await app.call('cancelBulk', { bulkId: 'b_cancel100' })).cancelled).toBe(false);
  });

  it('a 5xx item is reported and never resent; a 429 item waits for Retry-After, then goes through', async () => {
    const { customerAuthId, ids } = await quillonWith(12);
    const broken = ids[3]!;
    const refused = ids[7]!;
    sim.setFaults({
      queue: [
        { match: `PUT /api/v1/Account/${customerAuthId}/credentials/${broken}`, kind: 'status', status: 500 },
        { match: `PUT /api/v1/Account/${customerAuthId}/credentials/${refused}`, kind: 'status', status: 429, retryAfter: 1 },
      ],
    });
    const t0 = Date.now();
    const r = ok<BulkResultDTO>(await app.call('bulkCredentials', { profileId, customerAuthId, bulkId: 'b_faults12', action: 'disable', selection: { ids } }));

    const line = r.results.find((x) => x.id === broken)!;
    expect(line.ok).toBe(false);
    expect(line.error).toMatchObject({ status: 500 });
    // Its answer was lost: main looked at the list (a sync) instead of sending it again.
    expect(line.note).toMatch(/checked the list/);
    expect(putsTo(broken)).toBe(1);
    expect(simCred(broken)!.enabled).toBe(true);

    // The refused one was sent again after the server's Retry-After, and made it.
    expect(r.results.find((x) => x.id === refused)).toMatchObject({ ok: true });
    expect(putsTo(refused)).toBe(2);
    const [first, second] = sim.requests.filter((x) => x.method === 'PUT' && x.path.includes(refused)).map((x) => x.at);
    expect(second! - first!).toBeGreaterThanOrEqual(950);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);

    expect(r.results.filter((x) => x.ok)).toHaveLength(11);
    expect(events.at(-1)).toMatchObject({ done: 12, total: 12, failed: 1 });
  });

  it('"all matching" resolves the filter over 1,000 stored credentials in main, less the ones unchecked', async () => {
    const stems = ['agent', 'desk', 'trunk', 'pbx'];
    const { customerAuthId } = await quillonWith(1_000, (i) => `${stems[i % 4]}${i}`);
    const matching = { username: 'AGENT1' };
    // What the view shows for this filter is what the action must touch (less the unchecked one).
    const view = ok<{ total: number; items: { id: string; username: string }[] }>(
      await app.call('listCredentials', { profileId, customerAuthId, limit: 100, offset: 0, filter: matching }),
    );
    const expected = sim.state.credentials.filter((c) => c.accountId === customerAuthId && c.username.startsWith('agent1'));
    expect(view.total).toBe(expected.length);
    const except = view.items[0]!.id;
    const r = ok<BulkResultDTO>(await app.call('bulkCredentials', { profileId, customerAuthId, bulkId: 'b_matching1k', action: 'disable', selection: { matching, except: [except] } }));

    expect(r.total).toBe(expected.length - 1);
    expect(r.results.every((x) => x.ok)).toBe(true);
    const disabled = sim.state.credentials.filter((c) => c.accountId === customerAuthId && !c.enabled).map((c) => c.id);
    expect(disabled.sort()).toEqual(expected.map((c) => c.id).filter((id) => id !== except).sort());
    // Nothing outside the filter was sent.
    expect(sim.requests.filter((x) => x.method === 'PUT')).toHaveLength(expected.length - 1);
  });
});
