// Offline-first (issue 7) through the real router, services, keychain, encrypted store and
// loopback HTTP: sync under faults, the store's robustness rules, change reports, search across
// customers, and the offline story (stored data with its age, writes refused, back online by itself).
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CredentialPageDTO, CustomerPageDTO, ProfileListDTO, SyncReportDTO } from '../../src-preload/contract';
import { editInConsole } from '../sim/console-edits';
import { DEMO_PARTNERS } from '../sim/data';
import { startSimulator, type Simulator } from '../sim/server';
import { allFiles } from '../support/tmp';
import { mainApp, ok, type MainApp } from './support';

const [nw, , saffron] = DEMO_PARTNERS as unknown as [(typeof DEMO_PARTNERS)[0], unknown, (typeof DEMO_PARTNERS)[0]];
let sim: Simulator;
const open: MainApp[] = [];
beforeEach(async () => {
  sim = await startSimulator({ quiet: true });
});
afterEach(async () => {
  for (const a of open.splice(0)) await a.services.close();
  await sim.close();
});

async function app(o: Parameters<typeof mainApp>[0] = {}): Promise<MainApp> {
  const a = await mainApp({ http: { maxRetries: 0 }, ...o });
  open.push(a);
  return a;
}
const syncId = () => `y_${Math.random().toString(36).slice(2, 12)}`;
async function addProfile(a: MainApp, p: { authId: string; token: string } = nw): Promise<string> {
  const list = ok<ProfileListDTO>(await a.call('addProfile', { displayName: p.authId, authId: p.authId, token: p.token, baseUrl: sim.partnerBaseUrl }));
  return list.activeId!;
}
const customerOf = (name: string) => sim.state.customers.find((c) => c.name === name)!;
const simIds = (accountId: string) => sim.state.credentials.filter((c) => c.accountId === accountId).map((c) => c.id).sort();
async function storedIds(a: MainApp, profileId: string, customerAuthId: string): Promise<string[]> {
  const page = ok<CredentialPageDTO>(await a.call('listCredentials', { profileId, customerAuthId, limit: 100, offset: 0 }));
  const all = [...page.items];
  for (let offset = 100; offset < page.total; offset += 100) all.push(...ok<CredentialPageDTO>(await a.call('listCredentials', { profileId, customerAuthId, limit: 100, offset })).items);
  return all.map((c) => c.id).sort();
}
function addMany(accountId: string, n: number, prefix: string): void {
  for (let i = 0; i < n; i++) sim.addCredential(accountId, { username: `${prefix}${i}` });
}

describe('sync', () => {
  it('Sync all stores every customer’s whole list, lists a failing customer with its reason, and seals the files', async () => {
    const a = await app();
    const profileId = await addProfile(a);
    const harbor = customerOf('Harborlight Logistics');
    addMany(harbor.authId, 1_150, 'bulk');
    const report = ok<SyncReportDTO>(await a.call('syncAll', { profileId, syncId: syncId() }));
    const mine = sim.state.customers.filter((c) => c.partnerAuthId === nw.authId);
    expect(report.accountsTotal).toBe(mine.length);
    // Meridian's token is redacted by Vobiz and Lotus Bay is inactive (403): listed, the rest synced.
    expect(report.outcome).toBe('partial');
    expect(report.failures.map((f) => f.customerName).sort()).toEqual(['Lotus Bay Hospitality', 'Meridian Health Clinics']);
    expect(report.failures.every((f) => f.error.message.length > 10)).toBe(true);
    expect(report.accountsSynced).toBe(mine.length - 2);
    expect(await storedIds(a, profileId, harbor.authId)).toEqual(simIds(harbor.authId));
    // Sealed: no username, id or token in any file of the store.
    const files = allFiles(join(a.dataDir, 'store'));
    expect(files.length).toBeGreaterThanOrEqual(mine.length - 2);
    for (const f of files) for (const needle of ['dispatch01', 'bulk1000', harbor.authToken]) expect(f.bytes.includes(needle)).toBe(false);
  });

  it('is complete and correct under latency, 429 with and without Retry-After, 5xx and resets: nothing lost or duplicated', async () => {
    const a = await app();
    const profileId = await addProfile(a);
    const harbor = customerOf('Harborlight Logistics');
    addMany(harbor.authId, 2_050, 'x');
    sim.setFaults({
      latencyMs: 20,
      queue: [
        { match: '/trunks/credentials', kind: 'status', status: 429, retryAfter: 1, times: 2 },
        { match: '/trunks/credentials', kind: 'status', status: 429, times: 1 },
        { match: '/trunks/credentials', kind: 'status', status: 503, times: 1 },
        { match: '/trunks/credentials', kind: 'reset', times: 2 },
      ],
    });
    const report = ok<SyncReportDTO>(await a.call('syncAccount', { profileId, customerAuthId: harbor.authId, syncId: syncId() }));
    expect(report).toMatchObject({ outcome: 'done', accountsSynced: 1 });
    expect(report.credentialsFetched).toBeGreaterThanOrEqual(2_097);
    const ids = await storedIds(a, profileId, harbor.authId);
    expect(ids).toEqual(simIds(harbor.authId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('asks for large pages and uses the size the provider really serves', async () => {
    const a = await app();
    const profileId = await addProfile(a);
    const harbor = customerOf('Harborlight Logistics');
    addMany(harbor.authId, 2_453, 'p');
    sim.setFaults({ pageSizeCap: null });
    const lifted = ok<SyncReportDTO>(await a.call('syncAccount', { profileId, customerAuthId: harbor.authId, syncId: syncId() }));
    expect(lifted.requests).toBe(3); // 2,500 at 1,000 a page
    sim.setFaults({ pageSizeCap: 100 });
    const capped = ok<SyncReportDTO>(await a.call('syncAccount', { profileId, customerAuthId: harbor.authId, syncId: syncId() }));
    expect(capped.outcome).toBe('done');
    expect(await storedIds(a, profileId, harbor.authId)).toEqual(simIds(harbor.authId));
    // The stored total says 3 pages of 1,000; the provider now serves 100: the rest follow at 100.
    expect(capped.requests).toBe(25);
  });

  it('Sync all starts the stored customers before the customer list answers, syncs new ones, and leaves out one gone from Vobiz', async () => {
    const a = await app();
    const profileId = await addProfile(a);
    const before = ok<SyncReportDTO>(await a.call('syncAll', { profileId, syncId: syncId() }));
    const harbor = customerOf('Harborlight Logistics');
    expect(before.changes.map((c) => c.customerAuthId)).toContain(harbor.authId);

    // Vobiz side, between the syncs: Harborlight is deleted, a new customer arrives with 3 users.
    sim.state.customers.splice(sim.state.customers.indexOf(harbor), 1);
    const fresh = sim.addCustomer(nw.authId, { name: 'Zephyr Freight', email: 'ops@zephyr.example' });
    addMany(fresh.authId, 3, 'zephyr');
    sim.setFaults({ latencyMs: 150 });
    sim.requests.length = 0;

    const again = ok<SyncReportDTO>(await a.call('syncAll', { profileId, syncId: syncId() }));
    const mine = sim.state.customers.filter((c) => c.partnerAuthId === nw.authId);
    expect(again.accountsTotal).toBe(mine.length);
    // The gone customer's requests failed (its token no longer works), yet it is no failure of this sync.
    expect(again.failures.map((f) => f.customerName).sort()).toEqual(['Lotus Bay Hospitality', 'Meridian Health Clinics']);
    expect(again.changes.map((c) => c.customerAuthId)).not.toContain(harbor.authId);
    expect(again.changes.find((c) => c.customerAuthId === fresh.authId)).toMatchObject({ firstSync: true, customerName: 'Zephyr Freight' });
    expect(await storedIds(a, profileId, fresh.authId)).toEqual(simIds(fresh.authId));
    // Nothing of the gone customer stays on disk: its sealed list was removed with it.
    expect(readdirSync(join(a.dataDir, 'store'), { recursive: true }).some((f) => String(f).includes(harbor.authId))).toBe(false);

    // Stored customers did not wait for the list: their pages reached Vobiz before its answer could have.
    const list = sim.requests.find((r) => r.path.startsWith('/api/v1/partner/accounts'))!;
    const firstPage = sim.requests.find((r) => r.path.includes('/trunks/credentials'))!;
    expect(firstPage.at).toBeLessThan(list.at + 150);
    // The new customer's pages could only go once the list named it.
    const freshPage = sim.requests.find((r) => r.path.includes(`/${fresh.authId}/trunks/credentials`))!;
    expect(freshPage.at).toBeGreaterThanOrEqual(list.at + 150);
  });

  it('a failed or cancelled sync never replaces a good stored list', async () => {
    const a = await app();
    const profileId = await addProfile(a);
    const harbor = customerOf('Harborlight Logistics');
    ok(await a.call('syncAccount', { profileId, customerAuthId: harbor.authId, syncId: syncId() }));
    const good = await storedIds(a, profileId, harbor.authId);
    addMany(harbor.authId, 500, 'later');
    sim.setFaults({ queue: [{ match: `/${harbor.authId}/trunks/credentials`, kind: 'status', status: 500, times: -1 }] });
    const pages = () => sim.requests.filter((r) => r.path.includes(`/${harbor.authId}/trunks/credentials`)).length;
    sim.requests.length = 0;
    const failed = ok<SyncReportDTO>(await a.call('syncAccount', { profileId, customerAuthId: harbor.authId, syncId: syncId() }));
    expect(failed.outcome).toBe('failed');
    expect(failed.failures[0]!.error.code).toBe('UPSTREAM');
    expect(await storedIds(a, profileId, harbor.authId)).toEqual(good);
    // A 500 is a fault, not a pause: each page is asked for once, and the error shows at once.
    expect(pages()).toBe(Math.ceil(good.length / 1000));

    // A server that keeps saying 429: the engine's 8 tries are the only retries (none inside them).
    sim.setFaults({ queue: [{ match: `/${harbor.authId}/trunks/credentials`, kind: 'status', status: 429, retryAfter: 1, times: -1 }] });
    sim.requests.length = 0;
    const limited = ok<SyncReportDTO>(await a.call('syncAccount', { profileId, customerAuthId: harbor.authId, syncId: syncId() }));
    expect(limited.outcome).toBe('failed');
    expect(limited.failures[0]!.error.code).toBe('RATE_LIMITED');
    const tries = new Map<string, number>();
    for (const r of sim.requests) if (r.path.includes(`/${harbor.authId}/trunks/credentials`)) tries.set(r.path, (tries.get(r.path) ?? 0) + 1);
    expect(tries.size).toBeGreaterThan(0);
    expect(new Set(tries.values())).toEqual(new Set([8]));
    expect(await storedIds(a, profileId, harbor.authId)).toEqual(good);

    sim.setFaults({ latencyMs: 300 });
    const id = syncId();
    const running = a.call('syncAll', { profileId, syncId: id });
    await new Promise((r) => setTimeout(r, 100));
    expect(ok(await a.call('cancelSync', { syncId: id }))).toEqual({ cancelled: true });
    expect(ok<SyncReportDTO>(await running).outcome).toBe('cancelled');
    sim.setFaults({});
    expect(await storedIds(a, profileId, harbor.authId)).toEqual(good);
  });
});

describe('change reports', () => {
  it('say what changed between two syncs, per customer, and keep the last 10', async () => {
    const a = await app();
    const profileId = await addProfile(a);
    const harbor = customerOf('Harborlight Logistics');
    ok(await a.call('listCustomers', { profileId }));
    const first = ok<SyncReportDTO>(await a.call('syncAccount', { profileId, customerAuthId: harbor.authId, syncId: syncId() }));
    expect(first.changes[0]).toMatchObject({ firstSync: true, customerName: 'Harborlight Logistics' });

    const edits = editInConsole(sim, harbor.authId, 'newdesk01');

    const second = ok<SyncReportDTO>(await a.call('syncAccount', { profileId, customerAuthId: harbor.authId, syncId: syncId() }));
    expect(second.changes).toEqual([
      expect.objectContaining({
        customerAuthId: harbor.authId,
        firstSync: false,
        added: ['newdesk01'],
        removed: [edits.removed],
        disabled: [edits.disabled],
        enabled: [edits.enabled],
        passwordChanged: [edits.passwordChanged],
        counts: { added: 1, removed: 1, enabled: 1, disabled: 1, passwordChanged: 1 },
      }),
    ]);
    const third = ok<SyncReportDTO>(await a.call('syncAccount', { profileId, customerAuthId: harbor.authId, syncId: syncId() }));
    expect(third.changes).toEqual([]);

    for (let i = 0; i < 9; i++) ok(await a.call('syncAccount', { profileId, customerAuthId: harbor.authId, syncId: syncId() }));
    const { reports } = ok<{ reports: SyncReportDTO[] }>(await a.call('listSyncReports', { profileId }));
    expect(reports).toHaveLength(10);
    expect(reports.map((r) => r.id)).not.toContain(first.id);
    expect(reports.map((r) => r.id)).not.toContain(second.id);
    expect(reports[9]!.id).toBe(third.id);
    expect(reports[0]!.finishedAt >= reports[9]!.finishedAt).toBe(true);
  });
});

describe('search across every customer', () => {
  it('finds a SIP user by substring in every stored customer and names the customer', async () => {
    const a = await app();
    const profileId = await addProfile(a);
    ok(await a.call('syncAll', { profileId, syncId: syncId() }));
    const hits = ok<{ items: Array<{ customerName: string; credential: { username: string } }>; total: number; accountsSearched: number }>(
      await a.call('searchCredentials', { profileId, query: 'DESK' }),
    );
    const expected = sim.state.credentials
      .filter((c) => c.username.toLowerCase().includes('desk') && sim.state.customers.find((x) => x.authId === c.accountId)?.partnerAuthId === nw.authId)
      .filter((c) => !['Meridian Health Clinics', 'Lotus Bay Hospitality'].includes(sim.state.customers.find((x) => x.authId === c.accountId)!.name));
    expect(hits.total).toBe(expected.length);
    expect(hits.items.find((h) => h.credential.username === 'portdesk')?.customerName).toBe('Kestrel Freight Forwarding');
    expect(hits.accountsSearched).toBeGreaterThan(3);
  });
});

describe('the local store', () => {
  it('a corrupt store file is moved aside, reported, and fetched again', async () => {
    const a = await app();
    const profileId = await addProfile(a);
    const harbor = customerOf('Harborlight Logistics');
    ok(await a.call('syncAccount', { profileId, customerAuthId: harbor.authId, syncId: syncId() }));
    await a.services.close();
    const dir = join(a.dataDir, 'store', profileId);
    const file = join(dir, `credentials-${harbor.authId}.bin`);
    const bytes = readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 5) ^ 0xff, bytes.length - 5);
    writeFileSync(file, bytes);

    const again = await app({ dataDir: a.dataDir, keychainService: a.keychainService });
    const page = ok<CredentialPageDTO>(await again.call('listCredentials', { profileId, customerAuthId: harbor.authId }));
    expect(page).toMatchObject({ total: 47, source: { kind: 'live' } });
    expect(readdirSync(dir).some((n) => n.startsWith(`credentials-${harbor.authId}.bin.unreadable-`))).toBe(true);
    expect(ok<ProfileListDTO>(await again.call('listProfiles', {})).problem?.message).toMatch(/could not be opened/);
  });

  it('a file moved into another profile’s place does not open there: that profile never shows the other’s data', async () => {
    const a = await app();
    const nwId = await addProfile(a);
    const saffronId = await addProfile(a, saffron);
    const harbor = customerOf('Harborlight Logistics');
    const ownCustomer = sim.state.customers.find((c) => c.partnerAuthId === saffron.authId && sim.state.credentials.some((x) => x.accountId === c.authId))!;
    ok(await a.call('syncAccount', { profileId: nwId, customerAuthId: harbor.authId, syncId: syncId() }));
    ok(await a.call('syncAccount', { profileId: saffronId, customerAuthId: ownCustomer.authId, syncId: syncId() }));
    await a.services.close();
    // Put Northwind's Harborlight list where Saffron's customer's list lives.
    copyFileSync(join(a.dataDir, 'store', nwId, `credentials-${harbor.authId}.bin`), join(a.dataDir, 'store', saffronId, `credentials-${ownCustomer.authId}.bin`));
    const again = await app({ dataDir: a.dataDir, keychainService: a.keychainService });
    const page = ok<CredentialPageDTO>(await again.call('listCredentials', { profileId: saffronId, customerAuthId: ownCustomer.authId, limit: 100 }));
    expect(page.items.map((c) => c.id).sort()).toEqual(simIds(ownCustomer.authId));
    expect(page.source.kind).toBe('live');
  });

  it('removing a profile removes its stored data', async () => {
    const a = await app();
    const profileId = await addProfile(a);
    ok(await a.call('syncAccount', { profileId, customerAuthId: customerOf('Harborlight Logistics').authId, syncId: syncId() }));
    expect(existsSync(join(a.dataDir, 'store', profileId))).toBe(true);
    ok(await a.call('removeProfile', { id: profileId }));
    expect(existsSync(join(a.dataDir, 'store', profileId))).toBe(false);
  });

  it('switching profiles rapidly during a sync cancels it and never files one profile’s data under the other', async () => {
    const a = await app();
    const nwId = await addProfile(a);
    const saffronId = await addProfile(a, saffron);
    sim.setFaults({ latencyMs: 40 });
    const running = a.call('syncAll', { profileId: nwId, syncId: syncId() });
    for (const id of [nwId, saffronId, nwId, saffronId]) {
      ok(await a.call('switchProfile', { id }));
      await new Promise((r) => setTimeout(r, 15));
    }
    expect(ok<SyncReportDTO>(await running).outcome).toBe('cancelled');
    const saffronSync = ok<SyncReportDTO>(await a.call('syncAll', { profileId: saffronId, syncId: syncId() }));
    expect(saffronSync.outcome).toBe('done');
    const search = ok<{ total: number }>(await a.call('searchCredentials', { profileId: saffronId, query: 'dispatch01' }));
    expect(search.total).toBe(0);
    const saffronAccounts = new Set(sim.state.customers.filter((c) => c.partnerAuthId === saffron.authId).map((c) => `credentials-${c.authId}.bin`));
    for (const name of readdirSync(join(a.dataDir, 'store', saffronId)).filter((n) => n.startsWith('credentials-'))) expect(saffronAccounts.has(name)).toBe(true);
  });
});

describe('offline', () => {
  it('with no network the app opens on stored data with its age, refuses writes, and comes back online by itself', async () => {
    const port = Number(new URL(sim.url).port);
    const first = await app();
    const profileId = await addProfile(first);
    ok(await first.call('getPartner', {}));
    ok(await first.call('listCustomers', { profileId }));
    ok(await first.call('syncAll', { profileId, syncId: syncId() }));
    await first.services.close();
    await sim.close();

    // Restarted with the provider unreachable.
    const a = await app({ dataDir: first.dataDir, keychainService: first.keychainService, probeEveryMs: 100 });
    const events: Array<{ type: string; online?: boolean }> = [];
    a.services.events.on((e) => events.push(e));
    const partner = ok<{ name: string; source: { kind: string; fetchedAt: string } }>(await a.call('getPartner', {}));
    expect(partner).toMatchObject({ name: nw.name, source: { kind: 'stored' } });
    expect(ok<{ online: boolean; reason: string }>(await a.call('getConnectivity', {}))).toMatchObject({ online: false, reason: expect.stringMatching(/reach/) });
    const customers = ok<CustomerPageDTO>(await a.call('listCustomers', { profileId, search: 'harbor' }));
    expect(customers).toMatchObject({ total: 1, source: { kind: 'stored' } });
    const harbor = customers.items[0]!;
    ok(await a.call('selectCustomer', { profileId, customerAuthId: harbor.authId }));
    const sorted = ok<CredentialPageDTO>(await a.call('listCredentials', { profileId, customerAuthId: harbor.authId, sort: { field: 'username', dir: 'desc' }, filter: { enabled: true } }));
    expect(sorted).toMatchObject({ source: { kind: 'stored' }, total: 44 });
    a.platform.nextSavePath = join(a.dataDir, 'offline.csv');
    expect(ok(await a.call('exportCredentials', { profileId, customerAuthId: harbor.authId }))).toMatchObject({ saved: true, count: 47 });
    expect(ok<{ total: number }>(await a.call('searchCredentials', { profileId, query: 'dispatch' })).total).toBeGreaterThan(0);
    const write = await a.call('createCredential', { profileId, customerAuthId: harbor.authId, username: 'offline1', password: { kind: 'typed', value: 'Offline#2026' } });
    expect(write).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });

    // The provider comes back on the same address: the probe notices without any user action.
    sim = await startSimulator({ quiet: true, port });
    await expect.poll(() => events.some((e) => e.type === 'connectivity' && e.online === true), { timeout: 5_000 }).toBe(true);
    expect(ok<{ online: boolean }>(await a.call('getConnectivity', {})).online).toBe(true);
    expect(ok<{ source: { kind: string } }>(await a.call('getPartner', {})).source.kind).toBe('live');
  });
});
