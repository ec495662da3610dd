// Search, filter and sort through the real IPC router (createDispatcher: sender check, zod in,
// handler, zod out, scrub) on a restarted app: the stored list, no network. Baseline: the plain
// first page (no sort, no filter) through the same router, measured in the same app.
import type { CredentialSort } from '../../src-preload/contract';
import { openApp, valueOf, type BenchApp } from './app';
import { figure, median, ms, quantile, time } from './report';
import type { Dataset } from './sync';

export const KEYSTROKE_P95_MS = 50;
export const FIRST_SORT_MS = 100;
const FIELDS: Array<CredentialSort['field']> = ['username', 'createdAt', 'updatedAt', 'enabled'];
/** Typing "agent1234" and deleting it again, one call per keystroke. */
const TYPED = 'agent1234';
const KEYS = [...Array.from({ length: TYPED.length }, (_, i) => TYPED.slice(0, i + 1)), ...Array.from({ length: TYPED.length - 1 }, (_, i) => TYPED.slice(0, TYPED.length - 1 - i))];
const PASSES = 3;
const FRESH_OPENS = 3;

interface Page {
  total: number;
  items: unknown[];
}

export async function viewFigures(d: Dataset, dataDir: string, keychainService: string): Promise<void> {
  const account = d.customers[0]!.authId;
  const list = (app: BenchApp, q: Record<string, unknown>) => app.call('listCredentials', { profileId: app.profileId, customerAuthId: account, limit: 20, offset: 0, ...q }).then((r) => valueOf<Page>('listCredentials', r));

  // First sorts need a list whose sort orders were never built: a restarted app each time.
  const firstSort = new Map<string, number[]>(FIELDS.map((f) => [f, []]));
  const opens: number[] = [];
  for (let i = 0; i < FRESH_OPENS; i++) {
    const app = await openApp({ dataDir, keychainService });
    opens.push((await time(() => list(app, {}))).ms);
    for (const field of FIELDS) firstSort.get(field)!.push((await time(() => list(app, { sort: { field, dir: 'asc' } }))).ms);
    await app.close();
  }

  const app = await openApp({ dataDir, keychainService });
  await list(app, {});
  const base = await median(21, () => list(app, {}));
  const cached = new Map<string, number>();
  for (const field of FIELDS) {
    await list(app, { sort: { field, dir: 'asc' } });
    let dir: 'asc' | 'desc' = 'desc';
    cached.set(field, await median(10, () => list(app, { sort: { field, dir: (dir = dir === 'asc' ? 'desc' : 'asc') } })));
  }
  const keystrokes = async (sort?: CredentialSort) => {
    const times: number[] = [];
    const totals: number[] = [];
    for (let pass = 0; pass < PASSES; pass++) {
      for (const username of KEYS) {
        const r = await time(() => list(app, { filter: { username }, ...(sort ? { sort } : {}) }));
        times.push(r.ms);
        if (pass === 0) totals.push(r.value.total);
      }
    }
    return { times, totals: totals.slice(0, TYPED.length) };
  };
  const plainKeys = await keystrokes();
  const sortedKeys = await keystrokes({ field: 'createdAt', dir: 'desc' });
  const enabledKeys = await (async () => {
    const times: number[] = [];
    for (let pass = 0; pass < PASSES; pass++) for (const username of KEYS) times.push((await time(() => list(app, { filter: { username, enabled: false }, sort: { field: 'username', dir: 'desc' } }))).ms);
    return times;
  })();

  const baseText = `plain first page through IPC ${ms(base)} (median of 21)`;
  const n = d.each.toLocaleString('en-US');
  const keyFigure = (label: string, times: number[], extra?: string) => {
    const p95 = quantile(times, 0.95);
    figure({
      name: `Filter per keystroke, ${n} credentials, ${label}`,
      value: `p50 ${ms(quantile(times, 0.5))}, p95 ${ms(p95)} over ${times.length} keystrokes`,
      ratio: p95 / base,
      baseline: baseText,
      target: `p95 < ${KEYSTROKE_P95_MS} ms`,
      ok: p95 < KEYSTROKE_P95_MS,
      ...(extra ? { notes: [extra] } : {}),
    });
  };
  keyFigure('unsorted', plainKeys.times, `typing ${KEYS.slice(0, TYPED.length).map((k) => `'${k}'`).join(' ')} and back; matches ${plainKeys.totals.map((t) => t.toLocaleString('en-US')).join(' → ')}`);
  keyFigure('sorted by createdAt desc (cached order)', sortedKeys.times);
  keyFigure('disabled only, sorted by username desc', enabledKeys);

  const firsts = FIELDS.map((f) => ({ field: f, ms: quantile(firstSort.get(f)!, 0.5) }));
  const worst = firsts.reduce((a, b) => (b.ms > a.ms ? b : a));
  figure({
    name: `First page of a sort, ${n} credentials, first time (order built), worst field`,
    value: `${ms(worst.ms)} (${worst.field})`,
    ratio: worst.ms / base,
    baseline: baseText,
    target: `< ${FIRST_SORT_MS} ms`,
    ok: worst.ms < FIRST_SORT_MS,
    notes: [`each field, median of ${FRESH_OPENS} restarted apps: ${firsts.map((f) => `${f.field} ${ms(f.ms)}`).join(', ')}`],
  });
  const cachedWorst = Math.max(...cached.values());
  figure({
    name: `First page of a sort, ${n} credentials, cached order (asc/desc toggled), worst field`,
    value: ms(cachedWorst),
    ratio: cachedWorst / base,
    baseline: baseText,
    target: `< ${FIRST_SORT_MS} ms`,
    ok: cachedWorst < FIRST_SORT_MS,
    notes: [`median of 10 each: ${[...cached].map(([f, v]) => `${f} ${ms(v)}`).join(', ')}`],
  });
  figure({
    name: `Open the view after a restart, ${n} credentials (store read + index + first page)`,
    value: ms(quantile(opens, 0.5)),
    ratio: quantile(opens, 0.5) / base,
    baseline: baseText,
    target: 'none of its own (info)',
    ok: undefined,
    notes: [`median of ${FRESH_OPENS}`],
  });
  await app.close();
}

/** "Which customer owns SIP user X?" across every stored customer, per keystroke, through IPC. */
export async function searchFigures(d: Dataset, dataDir: string, keychainService: string): Promise<void> {
  const app = await openApp({ dataDir, keychainService });
  const search = (query: string) => app.call('searchCredentials', { profileId: app.profileId, query, limit: 50 }).then((r) => valueOf<{ total: number; accountsSearched: number }>('searchCredentials', r));
  const list = () => app.call('listCredentials', { profileId: app.profileId, customerAuthId: d.customers[0]!.authId, limit: 20, offset: 0 }).then((r) => valueOf<Page>('listCredentials', r));
  const first = await time(() => search('a'));
  await list();
  const base = await median(21, list);
  const times: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) for (const q of KEYS) times.push((await time(() => search(q))).ms);
  const p95 = quantile(times, 0.95);
  const baseText = `plain first page of one customer through IPC ${ms(base)} (median of 21)`;
  figure({
    name: `Search across ${d.customers.length} customers (${d.total.toLocaleString('en-US')} credentials) per keystroke`,
    value: `p50 ${ms(quantile(times, 0.5))}, p95 ${ms(p95)} over ${times.length} keystrokes`,
    ratio: p95 / base,
    baseline: baseText,
    target: `p95 < ${KEYSTROKE_P95_MS} ms`,
    ok: p95 < KEYSTROKE_P95_MS,
  });
  figure({
    name: `First search after a restart, ${d.customers.length} customers (reads and indexes every stored list)`,
    value: `${ms(first.ms)} (${first.value.accountsSearched} lists, ${first.value.total.toLocaleString('en-US')} hits for 'a')`,
    ratio: first.ms / base,
    baseline: baseText,
    target: 'none of its own (info)',
    ok: undefined,
  });
  await app.close();
}
