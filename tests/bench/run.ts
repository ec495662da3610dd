// `npm run bench`: what the credential views cost through the whole main stack (service, HTTP,
// simulator on loopback, real keychain), printed as ratios against a baseline measured in the
// same run: one plain 20-row page that Vobiz pages itself. Every loop is bounded.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MASTER_KEY_ACCOUNT } from '../../src-main/secrets/master-key';
import { keytarStore } from '../../src-main/secrets/keychain';
import { createServices } from '../../src-main/services';
import { TestPlatform } from '../harness/test-platform';
import { startSimulator } from '../sim/server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const CREDENTIALS = 3_000;
const scratch = mkdtempSync(join(tmpdir(), 'trunkdesk-bench-'));
const RUNS = 15;

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  await fn(); // warm-up
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function main(): Promise<void> {
  process.env.TRUNKDESK_QUIET = '1';
  const sim = await startSimulator({ quiet: true });
  sim.addPartner({ authId: 'PA_BENCH0001', token: 'bench-partner-token', name: 'Bench Partner' });
  const customer = sim.addCustomer('PA_BENCH0001', { name: 'Bench Customer', email: 'bench@bench.example' });
  for (let i = 0; i < CREDENTIALS; i++) sim.addCredential(customer.authId, { username: `bench${String(i).padStart(5, '0')}`, enabled: i % 7 !== 0 });

  const keychainService = `Trunkdesk Bench ${process.pid}`;
  const platform = new TestPlatform();
  const s = await createServices({ dataDir: join(scratch, 'data'), secrets: keytarStore(), keychainService, platform });
  const list = await s.profiles.add({ displayName: 'Bench', authId: 'PA_BENCH0001', token: 'bench-partner-token', baseUrl: sim.partnerBaseUrl });
  const profileId = list.profiles[0]!.id;
  await s.customers.select(profileId, customer.authId);
  const ref = { profileId, customerAuthId: customer.authId };
  const sort = { field: 'username' as const, dir: 'desc' as const };
  platform.nextSavePath = join(scratch, 'bench.csv');

  const baseline = await median(RUNS, () => s.credentials.list(ref, { limit: 20, offset: 0 }));
  const rows: Array<[string, number]> = [
    ['plain page, last offset (server paging)', await median(RUNS, () => s.credentials.list(ref, { limit: 20, offset: CREDENTIALS - 20 }))],
    [`sorted view, first page (fetches all ${CREDENTIALS / 100} pages)`, await median(5, () => s.credentials.list(ref, { limit: 20, offset: 0, sort }))],
    ['sorted view, a later page (cached list)', await median(RUNS, () => s.credentials.list(ref, { limit: 20, offset: 400, sort }))],
    ['filtered + sorted, a later page (cached list)', await median(RUNS, () => s.credentials.list(ref, { limit: 20, offset: 20, sort, filter: { enabled: false, username: '1' } }))],
    [`CSV export of ${CREDENTIALS} rows (fetch + write)`, await median(5, () => s.credentials.export(ref, sort))],
    ['partner profile (GET /me)', await median(RUNS, () => s.profiles.partner(profileId))],
  ];

  // With 20 ms per request, as over a real network: fetching every page 4 at a time vs one page.
  sim.setFaults({ latencyMs: 20 });
  const slowPage = await median(5, () => s.credentials.list(ref, { limit: 20, offset: 0 }));
  const slowAll = await median(3, () => s.credentials.list(ref, { limit: 20, offset: 0, sort }));
  sim.setFaults({});
  rows.push([`at 20 ms/request: sorted first page vs one plain page (${CREDENTIALS / 100} pages, 4 in flight; sequential would be ~${CREDENTIALS / 100}x)`, (slowAll / slowPage) * baseline]);

  console.log(`baseline: one plain 20-row page through main + HTTP + simulator = ${baseline.toFixed(2)} ms (median of ${RUNS})`);
  for (const [name, ms] of rows) console.log(`${(ms / baseline).toFixed(2).padStart(8)}x  ${name}`);
  await s.close();
  await sim.close();
  await keytarStore().delete(keychainService, MASTER_KEY_ACCOUNT).catch(() => undefined);
  rmSync(scratch, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
