// Sync all against the simulator at 30 ms per request: the engine's wall time against the floor
// (requests the sync made ÷ the concurrency it used × the round trip of one page alone, measured in the same run), and the documented recipe
// (each customer's pages of 20, one after another) against the engine.
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { SyncReportDTO } from '../../src-preload/contract';
import { HttpClient } from '../../src-main/net/http';
import { openApp, type BenchApp } from './app';
import { figure, int, median, ms, note } from './report';
import type { SeededCustomer, SimProcess } from './sim-process';
import { WireWatch, type WireStats } from './wire';

export const ROUND_TRIP_MS = 30;
export const FLOOR_TARGET = 1.3;
export const RECIPE_TARGET = 15;

export interface Dataset {
  key: string;
  label: string;
  partner: { authId: string; token: string; name: string };
  customers: SeededCustomer[];
  each: number;
  total: number;
}

export type Cap = 100 | null;
export const capName = (cap: Cap) => (cap === null ? 'cap lifted' : `cap ${cap}`);

export interface SyncRun {
  ms: number;
  report: SyncReportDTO;
  /** The engine's concurrency: the most requests its limit let run at once (AdaptiveLimit.peak). */
  concurrency: number;
  /** Where that came from: the engine's limit, or (if it cannot be read) the wire. */
  concurrencyFrom: 'limit' | 'wire';
  wire: WireStats;
  /** Before the first request went out / before the first credential page request / after the last answer came back. */
  beforeMs: number;
  beforePagesMs: number;
  afterMs: number;
  /** CPU used during the sync (all threads): by the app's process and by the simulator's. */
  cpu: { mainMs: number; simMs: number };
}

let syncs = 0;
const syncId = () => `y_bench${(syncs++).toString(36).padStart(4, '0')}`;

/** One Sync all, timed from the call to its report, with what went over the wire. */
export async function timedSyncAll(app: BenchApp, sim: SimProcess): Promise<SyncRun> {
  const before = app.limit();
  if (before) before.peak = 0;
  const simBefore = (await sim.call('cpu')).ms;
  const watch = new WireWatch().start();
  const cpu0 = process.cpuUsage();
  const t = performance.now();
  const report = await app.s.sync.syncAll(app.profileId, syncId());
  const end = performance.now();
  const cpu1 = process.cpuUsage(cpu0);
  const wire = watch.stop();
  const simMs = (await sim.call('cpu')).ms - simBefore;
  const peak = app.limit()?.peak;
  return {
    ms: end - t,
    report,
    concurrency: peak ?? wire.peak,
    concurrencyFrom: peak === undefined ? 'wire' : 'limit',
    wire,
    beforeMs: wire.firstAt - t,
    beforePagesMs: wire.firstPageAt - t,
    afterMs: end - wire.lastAt,
    cpu: { mainMs: (cpu1.user + cpu1.system) / 1000, simMs },
  };
}

function checkRun(d: Dataset, cap: Cap, when: string, run: SyncRun): void {
  const r = run.report;
  if (r.outcome !== 'done' || r.credentialsFetched !== d.total) {
    note(`!! ${d.label}, ${capName(cap)}, ${when}: outcome ${r.outcome}, ${int(r.credentialsFetched)} of ${int(d.total)} credentials; ${r.failures.map((f) => `${f.customerName}: ${f.error.message}`).slice(0, 3).join('; ')}`);
  }
}

/**
 * `repeats` first syncs (each on a fresh data directory: nothing stored, no customer tokens yet)
 * and as many syncs again on the last of them (everything stored). Returns the median run of each
 * and the app of the last data directory, left open for the recipe.
 */
export async function syncFigures(
  sim: SimProcess,
  d: Dataset,
  cap: Cap,
  dataDir: (n: number) => string,
  keychainService: string,
  repeats: number,
): Promise<{ cold: SyncRun[]; warm: SyncRun[]; app: BenchApp; dir: string }> {
  await sim.call('faults', { latencyMs: ROUND_TRIP_MS, pageSizeCap: cap });
  const cold: SyncRun[] = [];
  const warm: SyncRun[] = [];
  let app: BenchApp | undefined;
  let dir = '';
  for (let i = 0; i < repeats; i++) {
    if (app) await app.close();
    dir = dataDir(i);
    app = await openApp({ dataDir: join(dir), keychainService, add: { authId: d.partner.authId, token: d.partner.token, baseUrl: sim.partnerBaseUrl } });
    const run = await timedSyncAll(app, sim);
    checkRun(d, cap, 'first sync', run);
    cold.push(run);
  }
  for (let i = 0; i < repeats; i++) {
    const run = await timedSyncAll(app!, sim);
    checkRun(d, cap, 'sync again', run);
    warm.push(run);
  }
  return { cold, warm, app: app!, dir };
}

export const medianRun = (runs: SyncRun[]): SyncRun => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor((runs.length - 1) / 2)]!;

/**
 * One page of the size the engine ends up asking for, alone, one after another (median of 10):
 * what a round trip really costs here, simulator and parsing included, with nothing in parallel.
 */
export async function pageRoundTrip(sim: SimProcess, d: Dataset, cap: Cap, probePageSize: number): Promise<{ ms: number; rows: number }> {
  await sim.call('faults', { latencyMs: ROUND_TRIP_MS, pageSizeCap: cap });
  const http = new HttpClient();
  const c = d.customers[0]!;
  const rows = Math.min(d.each, cap ?? probePageSize, probePageSize);
  const base = sim.partnerBaseUrl.replace(/\/partner$/, '');
  const one = async () => {
    const res = await http.request({ method: 'GET', url: `${base}/Account/${c.authId}/trunks/credentials?limit=${rows}&offset=0`, headers: { 'x-auth-id': c.authId, 'x-auth-token': c.token } });
    if (res.status !== 200) throw new Error(`round trip: GET answered ${res.status}`);
    JSON.parse(res.text);
  };
  const t = await median(10, one, 2);
  await http.close();
  return { ms: t, rows };
}

export function printFloorFigure(d: Dataset, cap: Cap, when: 'first sync' | 'sync again', runs: SyncRun[], rtt: { ms: number; rows: number }): void {
  const run = medianRun(runs);
  const { report, concurrency, wire } = run;
  // The floor's round trip is measured in this run: one page of the size the sync asks for, alone,
  // sequential, parsed (simulator latency + its work + loopback + JSON.parse). The simulator's
  // nominal latency is no round trip: nothing answers in exactly 30 ms. Both are printed.
  const floor = (report.requests / concurrency) * rtt.ms;
  const ratio = run.ms / floor;
  const nominal = (report.requests / concurrency) * ROUND_TRIP_MS;
  // Round trips that must follow one another and that the floor leaves out. A first sync knows
  // no account yet: it waits for page 1 of the customer list (the other pages overlap the sync),
  // and a single account's first page says how many there are before the rest can go. Synced
  // again, the stored accounts and their stored totals start everything at once: none.
  const first = when === 'first sync';
  const dependent = first ? 1 + (d.customers.length === 1 && report.requests > 1 ? 1 : 0) : 0;
  const withDependent = floor + dependent * rtt.ms;
  const cores = cpus().length;
  const busy = (run.cpu.mainMs + run.cpu.simMs) / (cores * run.ms);
  const spread = runs.length > 1 ? ` (median of ${runs.length}: ${runs.map((r) => ms(r.ms)).join(', ')})` : '';
  figure({
    name: `Sync all ${d.label}, ${capName(cap)}, ${when}`,
    value: `${ms(run.ms)}${spread}`,
    ratio,
    baseline: `floor ${ms(floor)} = ${int(report.requests)} requests ÷ ${concurrency} concurrent${run.concurrencyFrom === 'wire' ? ' (seen on the wire; the engine limit could not be read)' : ''} × ${ms(rtt.ms)} round trip (one ${rtt.rows}-row page alone, measured here)`,
    target: `≤ ${FLOOR_TARGET}x the floor`,
    ok: ratio <= FLOOR_TARGET,
    notes: [
      `wire: ${int(wire.requests)} requests (${int(wire.requests - report.requests)} for the customer list), at most ${wire.peak} and on average ${wire.mean.toFixed(1)} in flight, ${int(wire.connections)} new connection(s), median ${ms(wire.medianMs)} each`,
      `timeline: ${ms(run.beforePagesMs)} before the first credential page (${first ? 'page 1 of the customer list, its tokens to the vault' : 'stored accounts and lists read'}), ${ms(wire.lastAt - wire.firstPageAt)} first page to last answer, ${ms(run.afterMs)} after it (last lists stored, report)`,
      dependent > 0
        ? `with the ${dependent} dependent round trip(s) the floor leaves out (page 1 of the customer list${dependent > 1 ? ', the first page before the rest' : ''}): ${ms(withDependent)} → ${(run.ms / withDependent).toFixed(2)}x`
        : 'no dependent round trip: stored accounts and totals let every page go at once',
      `CPU during the sync: app ${ms(run.cpu.mainMs)}, simulator ${ms(run.cpu.simMs)}: ${(busy * 100).toFixed(0)}% of this machine's ${cores} cores for ${ms(run.ms)}${busy > 0.7 ? ' (CPU-bound here: parsing, checking and sealing every row, and the simulator writing them, share these cores; the floor counts only the network)' : ''}`,
      `with the simulator's nominal ${ROUND_TRIP_MS} ms as the round trip instead: floor ${ms(nominal)} → ${(run.ms / nominal).toFixed(2)}x`,
    ],
  });
}

export interface RecipeResult {
  estimateMs: number;
  measuredMs: number;
  pages: number;
  totalPages: number;
  how: string;
}

/**
 * The documented recipe: for each customer, its pages of 20, one GET after another, with the
 * app's own HttpClient (net/http.ts, its defaults) and the customer's token, each page parsed.
 * Measured on a subset (10 customers, or a single customer's first 100 pages) and scaled
 * linearly by pages: every page costs one round trip, so the recipe is linear in pages.
 */
export async function recipe(sim: SimProcess, d: Dataset): Promise<RecipeResult> {
  await sim.call('faults', { latencyMs: ROUND_TRIP_MS });
  const http = new HttpClient();
  const pagesEach = Math.ceil(d.each / 20);
  const totalPages = pagesEach * d.customers.length;
  const subset = d.customers.length > 1 ? d.customers.slice(0, 10) : d.customers;
  const pageBudget = d.customers.length > 1 ? pagesEach : Math.min(pagesEach, 100);
  const base = sim.partnerBaseUrl.replace(/\/partner$/, '');
  let pages = 0;
  let rows = 0;
  const t = performance.now();
  for (const c of subset) {
    for (let p = 0; p < pageBudget; p++) {
      const res = await http.request({
        method: 'GET',
        url: `${base}/Account/${c.authId}/trunks/credentials?limit=20&offset=${p * 20}`,
        headers: { 'x-auth-id': c.authId, 'x-auth-token': c.token },
      });
      if (res.status !== 200) throw new Error(`recipe: GET answered ${res.status}`);
      const n = ((JSON.parse(res.text) as { objects: unknown[] | null }).objects ?? []).length;
      pages++;
      rows += n;
      if (n < 20) break;
    }
  }
  const measuredMs = performance.now() - t;
  await http.close();
  const expectRows = Math.min(d.each, pageBudget * 20) * subset.length;
  if (rows !== expectRows) note(`!! recipe read ${int(rows)} rows in ${int(pages)} pages, expected ${int(expectRows)}`);
  const estimateMs = (measuredMs / pages) * totalPages;
  const how =
    d.customers.length > 1
      ? `measured on ${subset.length} of ${d.customers.length} customers (${int(pages)} sequential GETs in ${ms(measuredMs)}), scaled ×${(totalPages / pages).toFixed(0)} to ${int(totalPages)} pages`
      : pages === totalPages
        ? `measured in full: ${int(pages)} sequential GETs`
        : `measured on the first ${int(pages)} of ${int(totalPages)} pages (${ms(measuredMs)}), scaled ×${(totalPages / pages).toFixed(0)}`;
  return { estimateMs, measuredMs, pages, totalPages, how };
}

export function printRecipeFigure(d: Dataset, cap: Cap, when: string, runs: SyncRun[], r: RecipeResult): void {
  const run = medianRun(runs);
  const ratio = r.estimateMs / run.ms;
  figure({
    name: `Sync all ${d.label}, ${capName(cap)}, ${when}, vs the documented recipe`,
    value: `${ms(run.ms)}, ${ratio.toFixed(1)}x faster`,
    ratio,
    baseline: `recipe ≈ ${ms(r.estimateMs)} (${ms(r.measuredMs / r.pages)} per page; ${r.how})`,
    target: `≥ ${RECIPE_TARGET}x faster`,
    ok: ratio >= RECIPE_TARGET,
  });
}

