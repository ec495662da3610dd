// `npm run bench` (issue 7): what Sync all, the encrypted store, the credential views through IPC
// and memory cost at 1,000, 20,000 and 100,000 credentials for one customer and at 200 customers
// × 500, with the simulator's page-size cap at 100 and lifted. Every figure is printed next to its
// target, as a ratio against a baseline measured in this same run, and marked OK or MISS; nothing
// is asserted. Every loop is bounded; every server listens on 127.0.0.1.
//
//   run.ts          this: data sets, order, summary
//   sim-process.ts  the simulator in its own process (a real provider is another machine)
//   app.ts          the real services behind the real router (createServices + createDispatcher)
//   sync.ts         Sync all vs the floor and vs the documented recipe
//   store.ts        LocalStore seal + write, read + open
//   views.ts        filter / sort / search per keystroke through IPC
//   memory.ts       main heap in a fresh process; renderer heap in Chromium through the harness
//   wire.ts         requests in flight on the wire (undici diagnostics channels)
//   bulk.ts         100 bulk disables, bounded-parallel vs one at a time (issue 9)
//   report.ts       printing and timing
//
// `npm run bench -- --only bulk` runs the setup and the bulk figure alone.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { keytarStore } from '../../src-main/secrets/keychain';
import { MASTER_KEY_ACCOUNT } from '../../src-main/secrets/master-key';
import { VOBIZ_FETCH_LIMITS } from '../../src-main/providers/vobiz/account';
import { openApp, valueOf } from './app';
import { measureMainHeap, printMainHeap, rendererHeap } from './memory';
import { heading, int, ms, note, summary } from './report';
import { forkSimulator, type SimProcess } from './sim-process';
import { storeFigures } from './store';
import { capName, pageRoundTrip, printFloorFigure, printRecipeFigure, recipe, ROUND_TRIP_MS, syncFigures, type Cap, type Dataset } from './sync';
import { searchFigures, viewFigures } from './views';
import { bulkFigures } from './bulk';

/** `--only bulk`: one section of the bench (the others need the whole run's data sets). */
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

const SHAPES = [
  { key: 'c200', label: '200 customers × 500', customers: 200, each: 500, repeats: 3 },
  { key: 'k1', label: '1 customer × 1,000', customers: 1, each: 1_000, repeats: 1 },
  { key: 'k20', label: '1 customer × 20,000', customers: 1, each: 20_000, repeats: 1 },
  { key: 'k100', label: '1 customer × 100,000', customers: 1, each: 100_000, repeats: 1 },
] as const;
const CAPS: Cap[] = [100, null];

async function seed(sim: SimProcess): Promise<Dataset[]> {
  const sets: Dataset[] = [];
  for (const s of SHAPES) {
    const partner = { authId: `PA_BENCH${s.key.toUpperCase()}`, token: `bench-${s.key}-partner-token`, name: `Bench ${s.label}` };
    await sim.call('partner', partner);
    const seeded = await sim.call('seed', { partnerAuthId: partner.authId, label: `Bench${s.key}`, customers: s.customers, credentialsEach: s.each });
    note(`${s.label}: ${int(seeded.credentials)} credentials added with sim.addCredential in ${ms(seeded.addCredentialMs)} (${seeded.perCredentialUs.toFixed(1)} µs each; the per-customer index is rebuilt once, on the first page request)`);
    sets.push({ key: s.key, label: s.label, partner, customers: seeded.customers, each: s.each, total: s.customers * s.each });
  }
  return sets;
}

async function main(): Promise<void> {
  const started = performance.now();
  process.env.TRUNKDESK_QUIET = '1';
  // Node's warnings are counted and listed once at the end instead of interleaving the figures.
  const warnings = new Map<string, number>();
  process.removeAllListeners('warning');
  process.on('warning', (w) => warnings.set(`${w.name}: ${w.message}`, (warnings.get(`${w.name}: ${w.message}`) ?? 0) + 1));

  const scratch = mkdtempSync(join(tmpdir(), 'trunkdesk-bench-'));
  const keychainService = `Trunkdesk Bench ${process.pid}`;
  const sim = await forkSimulator();
  try {
    heading('Setup');
    note(`${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start; simulator in its own process on ${sim.url}; scratch ${scratch}`);
    note(`engine limits (VOBIZ_FETCH_LIMITS): probe page ${VOBIZ_FETCH_LIMITS.probePageSize}, concurrency ${VOBIZ_FETCH_LIMITS.startConcurrency} → ${VOBIZ_FETCH_LIMITS.maxConcurrency}; the app's own HTTP client defaults`);
    if (ONLY !== undefined && ONLY !== 'bulk') throw new Error(`--only knows "bulk", not "${ONLY}"`);
    if (!ONLY) await allFigures(sim, scratch, keychainService);

    heading(`Bulk writes, simulator at ${ROUND_TRIP_MS} ms per request`);
    await bulkFigures(sim, keychainService);

    heading('Summary');
    const s = summary();
    note(`${s.ok} OK, ${s.miss} MISS, ${s.info} INFO in ${ms(performance.now() - started)}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`);
    for (const m of s.misses) note(`MISS: ${m.name}`);
    for (const [w, n] of warnings) note(`node warning ×${n}: ${w}`);
  } finally {
    await sim.close();
    await keytarStore().delete(keychainService, MASTER_KEY_ACCOUNT).catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Issue 7's figures: sync, store, views and memory over the four data sets. */
async function allFigures(sim: SimProcess, scratch: string, keychainService: string): Promise<void> {
  {
    const sets = await seed(sim);
    const kept = new Map<string, { dir: string; profileId: string }>();

    heading(`Sync all, simulator at ${ROUND_TRIP_MS} ms per request (first sync: fresh data directory; again: everything stored)`);
    for (const d of sets) {
      const shape = SHAPES.find((s) => s.key === d.key)!;
      let recipeResult: Awaited<ReturnType<typeof recipe>> | undefined;
      for (const cap of CAPS) {
        const dirOf = (n: number) => join(scratch, `${d.key}-${cap ?? 'nocap'}-${n}`);
        const rtt = await pageRoundTrip(sim, d, cap, VOBIZ_FETCH_LIMITS.probePageSize);
        const { cold, warm, app, dir } = await syncFigures(sim, d, cap, dirOf, keychainService, cap === 100 ? shape.repeats : 1);
        printFloorFigure(d, cap, 'first sync', cold, rtt);
        printFloorFigure(d, cap, 'sync again', warm, rtt);
        recipeResult ??= await recipe(sim, d);
        printRecipeFigure(d, cap, 'first sync', cold, recipeResult);
        printRecipeFigure(d, cap, 'sync again', warm, recipeResult);
        if (cap === 100) kept.set(d.key, { dir, profileId: app.profileId });
        await app.close();
      }
    }
    await sim.call('faults', {});

    heading('Encrypted store (LocalStore on the data directory and keychain service the sync used)');
    for (const d of sets) {
      const k = kept.get(d.key)!;
      const work = join(scratch, 'plain');
      mkdirSync(work, { recursive: true });
      await storeFigures(d, k.dir, keychainService, k.profileId, work);
    }

    heading('Search / filter / sort through the IPC router (createDispatcher, trunkdesk:listCredentials and :searchCredentials), restarted app, stored lists');
    for (const d of sets) {
      const k = kept.get(d.key)!;
      if (d.customers.length > 1) await searchFigures(d, k.dir, keychainService);
      else await viewFigures(d, k.dir, keychainService);
    }

    heading('Memory, credentials stored and shown');
    for (const d of sets) {
      const k = kept.get(d.key)!;
      const accounts = d.customers.map((c) => c.authId);
      printMainHeap(d.label, 'fresh main process opening the store', await measureMainHeap({ mode: 'restart', dataDir: k.dir, keychainService, accounts }));
      if (d.key === 'k100' || d.key === 'c200') {
        await sim.call('faults', { pageSizeCap: 100 });
        const r = await measureMainHeap({ mode: 'sync', dataDir: join(scratch, `${d.key}-heap`), keychainService, accounts, partner: { authId: d.partner.authId, token: d.partner.token, baseUrl: sim.partnerBaseUrl } });
        printMainHeap(d.label, `fresh main process that synced them (${capName(100)}, no latency)`, r);
      }
    }
    // The renderer only ever holds a page; shown at the largest single list.
    const big = sets.find((d) => d.key === 'k100')!;
    const k = kept.get(big.key)!;
    const select = await openApp({ dataDir: k.dir, keychainService });
    valueOf('selectCustomer', await select.call('selectCustomer', { profileId: select.profileId, customerAuthId: big.customers[0]!.authId }));
    await select.close();
    await rendererHeap({ dataDir: k.dir, keychainService, customerName: big.customers[0]!.name, label: big.label }).catch((e: unknown) =>
      note(`Renderer heap not measured: the harness failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`),
    );

  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
