// Memory with the credentials stored and shown.
//
// Main: a fresh Node process (this file with --bench-heap-child, --expose-gc) runs the real
// services and router and nothing else; the heap is read after a full GC, before and after the
// lists are shown (first page, a sort, a filter; for many customers also a search across them).
// Mode 'restart' opens what the sync stored; mode 'sync' syncs into a fresh data directory in that
// same process first, so whatever the sync leaves behind is counted too.
//
// Renderer: the harness (tests/harness/harness.ts: built renderer and preload in Chromium, the
// real services and router behind them), heap read over CDP (HeapProfiler.collectGarbage, then
// Runtime.getHeapUsage).
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, valueOf } from './app';
import { figure, mb } from './report';

export const HEAP_TARGET_BYTES = 150 * 1024 * 1024;
const CHILD_FLAG = '--bench-heap-child';

export interface HeapJob {
  mode: 'restart' | 'sync';
  dataDir: string;
  keychainService: string;
  accounts: string[];
  /** mode 'sync' only. */
  partner?: { authId: string; token: string; baseUrl: string };
}

export interface HeapResult {
  baseline: number;
  shown: number;
  /** Highest heapUsed sampled (no GC forced) while the sync ran; mode 'sync' only. */
  syncPeak?: number;
  heapTotal: number;
  rss: number;
  external: number;
  credentials: number;
}

export function measureMainHeap(job: HeapJob): Promise<HeapResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [CHILD_FLAG], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let done = false;
    const timer = setTimeout(() => child.kill(), 120_000);
    child.once('message', (m: { ok: boolean; value?: HeapResult; error?: string }) => {
      done = true;
      clearTimeout(timer);
      if (m.ok) resolve(m.value!);
      else reject(new Error(`heap child: ${m.error}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!done) reject(new Error(`heap child exited (${code})`));
    });
    child.send(job);
  });
}

export function printMainHeap(label: string, mode: string, r: HeapResult): void {
  const perCredential = r.credentials > 0 ? (r.shown - r.baseline) / r.credentials : 0;
  figure({
    name: `Main heap, ${label} stored and shown (${mode})`,
    value: mb(r.shown),
    ratio: r.shown / r.baseline,
    baseline: `the same process before any list was opened: ${mb(r.baseline)}`,
    target: `< ${mb(HEAP_TARGET_BYTES)}`,
    ok: r.shown < HEAP_TARGET_BYTES,
    notes: [
      `after a full GC; ${Math.round(perCredential)} bytes per credential shown; heapTotal ${mb(r.heapTotal)}, rss ${mb(r.rss)}, external ${mb(r.external)}` +
        (r.syncPeak !== undefined ? `; heapUsed peaked at ${mb(r.syncPeak)} during the sync (garbage included)` : ''),
    ],
  });
}

export interface RendererOptions {
  dataDir: string;
  keychainService: string;
  customerName: string;
  label: string;
}

/** Renderer heap in Chromium through the harness; prints why not when it cannot run. */
export async function rendererHeap(o: RendererOptions): Promise<void> {
  const { CHROMIUM, ROOT, startHarness } = await import('../harness/harness');
  const why = !existsSync(CHROMIUM)
    ? `Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`
    : !existsSync(join(ROOT, 'out/renderer/index.html')) || !existsSync(join(ROOT, 'out/preload/index.cjs'))
      ? 'the app is not built (run `npm run build`; the harness loads the built renderer and preload)'
      : undefined;
  if (why) {
    figure({ name: `Renderer heap, ${o.label}`, value: 'not measured', ratio: NaN, baseline: '—', target: 'none of its own', ok: undefined, notes: [`not measured: ${why}`] });
    return;
  }
  const h = await startHarness({ dataDir: o.dataDir, keychainService: o.keychainService });
  try {
    const page = h.page;
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    await page.getByRole('tablist', { name: 'Profile sections' }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    const baseline = await heap();
    await page.getByRole('tablist', { name: 'Profile sections' }).getByRole('tab', { name: 'Customers' }).click();
    const rows = page.getByTestId('credentials-table').locator('tr[data-username]');
    await rows.first().waitFor({ timeout: 30_000 });
    const shownRows = await rows.count();
    const panel = (await page.getByTestId('customer-panel').getByRole('heading').first().innerText().catch(() => '')).trim();
    const firstPage = await heap();
    // A filter typed and a sort clicked, as someone looking for a user would.
    await page.getByLabel('Filter by username').first().fill('agent1');
    await page.waitForFunction(
      () => {
        const names = [...document.querySelectorAll('[data-testid="credentials-table"] tr[data-username]')].map((tr) => tr.getAttribute('data-username') ?? '');
        return names.length > 0 && names.every((n) => n.includes('agent1'));
      },
      undefined,
      { timeout: 15_000 },
    );
    await page.locator('[data-testid="credentials-table"] th[data-sort-field="createdAt"] button').click();
    await page.locator('[data-testid="credentials-table"] th[data-sort-field="createdAt"][aria-sort="ascending"]').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
    const afterUse = await heap();
    const perf = (await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null)) as number | null;
    const worst = Math.max(firstPage, afterUse);
    figure({
      name: `Renderer heap, ${o.label} shown in Chromium (harness)`,
      value: `${mb(firstPage)} with the first page, ${mb(afterUse)} after a filter and a sort`,
      ratio: worst / baseline,
      baseline: `the same page before the credential view opened: ${mb(baseline)}`,
      target: `no target of its own; held to the main-heap bound < ${mb(HEAP_TARGET_BYTES)}`,
      ok: worst < HEAP_TARGET_BYTES,
      notes: [
        `CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage; ${shownRows} rows on screen for “${panel || o.customerName}”` +
          (perf !== null ? `; performance.memory.usedJSHeapSize ${mb(perf)} (coarse)` : ''),
      ],
    });
  } finally {
    await h.close();
  }
}

async function runChild(job: HeapJob): Promise<HeapResult> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((r) => setImmediate(r));
    }
    return process.memoryUsage();
  };
  const app = await openApp({ dataDir: job.dataDir, keychainService: job.keychainService, ...(job.partner ? { add: job.partner } : {}) });
  await app.s.profiles.list();
  const baseline = (await settle()).heapUsed;
  let syncPeak: number | undefined;
  if (job.mode === 'sync') {
    let peak = 0;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    const report = await app.s.sync.syncAll(app.profileId, 'y_benchheap1');
    clearInterval(sample);
    if (report.outcome !== 'done') throw new Error(`sync ${report.outcome}`);
    syncPeak = peak;
  }
  let credentials = 0;
  const call = async (channel: 'listCredentials' | 'searchCredentials', input: Record<string, unknown>) => valueOf<{ total: number; storedTotal?: number }>(channel, await app.call(channel, { profileId: app.profileId, ...input }));
  for (const customerAuthId of job.accounts) {
    const first = await call('listCredentials', { customerAuthId, limit: 20, offset: 0 });
    credentials += first.storedTotal ?? first.total;
  }
  // As someone uses it: a sort and a filter on the first customer, a search across all of them.
  const one = job.accounts[0]!;
  await call('listCredentials', { customerAuthId: one, limit: 20, offset: 0, sort: { field: 'createdAt', dir: 'desc' } });
  await call('listCredentials', { customerAuthId: one, limit: 20, offset: 0, sort: { field: 'username', dir: 'asc' }, filter: { username: 'agent1' } });
  if (job.accounts.length > 1) await call('searchCredentials', { query: 'agent1', limit: 50 });
  const after = await settle();
  await app.close();
  return { baseline, shown: after.heapUsed, ...(syncPeak !== undefined ? { syncPeak } : {}), heapTotal: after.heapTotal, rss: after.rss, external: after.external, credentials };
}

if (process.argv.includes(CHILD_FLAG)) {
  process.env.TRUNKDESK_QUIET = '1';
  // The parent lists Node's warnings once at the end; this process's would only interleave the figures.
  process.removeAllListeners('warning');
  process.on('warning', () => undefined);
  process.once('message', (job: HeapJob) => {
    runChild(job).then(
      (value) => process.send!({ ok: true, value }, () => process.exit(0)),
      (e: unknown) => process.send!({ ok: false, error: e instanceof Error ? e.stack ?? e.message : String(e) }, () => process.exit(1)),
    );
  });
}


