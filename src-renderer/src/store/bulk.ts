// Bulk slice: per profile id + customer auth id, which credentials are selected (on any page, kept
// through paging, sorting and filtering), the bulk action running on them and how the last one
// ended. A selection is either ids the admin checked, or "all matching" a filter, which main
// resolves over its stored list when the action runs (the renderer never holds 100,000 ids).
// As the sync slice does, the renderer names each run (bulkId) before asking, so progress events
// are matched to it from the first one and Cancel works before main has answered.
// Opening another customer clears the other customers' selections, and says so (nothing is lost
// without a word); a customer whose bulk action is running keeps its own until the action ends.
import { create } from 'zustand';
import type { BulkAction, BulkProgressEvent, BulkResultDTO, BulkSelection, CredentialFilter, ErrorDTO } from '../../../src-preload/contract';
import { prepareFilter } from '../../../src-preload/credential-filter';
import { call } from '../bridge';
import { newBulkId } from '../lib/syncId';
import { patchEntry } from './entries';

export type Selection =
  | { kind: 'ids'; ids: ReadonlySet<string> }
  /** Every stored credential matching `filter` (`total` of them when chosen), less `except`, plus `also`. */
  | { kind: 'matching'; filter: CredentialFilter; total: number; except: ReadonlySet<string>; also: ReadonlySet<string> };

export type BulkRun = {
  bulkId: string;
  action: BulkAction;
  /** How many the confirmation named; main's progress events then say how many it resolved. */
  total: number;
  done: number;
  failed: number;
  cancelling: boolean;
};

export type BulkEntry = {
  /** Whose credentials (for the confirmation, and the notice when the selection is cleared). */
  customerName: string;
  selection: Selection;
  running: BulkRun | null;
  last: { action: BulkAction; result: BulkResultDTO } | null;
  error: ErrorDTO | null;
};

/** A selection cleared because the admin opened another customer. */
export type ClearedSelection = { profileId: string; customerName: string; count: number; forCustomerAuthId: string };

type Row = { id: string; username: string; enabled: boolean; createdAt: string | null; updatedAt: string | null };

type BulkState = {
  byKey: Record<string, BulkEntry>;
  cleared: ClearedSelection | null;
  /** Check or uncheck rows (of any page). */
  check(profileId: string, customerAuthId: string, customerName: string, rows: readonly Row[], on: boolean): void;
  /** Select every stored credential matching the filter shown (`total` of them). */
  selectMatching(profileId: string, customerAuthId: string, customerName: string, filter: CredentialFilter, total: number): void;
  clear(profileId: string, customerAuthId: string): void;
  /** A customer's credentials are on screen: other customers' selections of the profile are cleared, and that is said. */
  entered(profileId: string, customerAuthId: string): void;
  dismissCleared(): void;
  run(profileId: string, customerAuthId: string, action: BulkAction): Promise<void>;
  cancel(profileId: string, customerAuthId: string): void;
  progress(event: BulkProgressEvent): void;
  dismiss(profileId: string, customerAuthId: string): void;
  forgetProfile(profileId: string): void;
};

const NONE: Selection = { kind: 'ids', ids: new Set() };
const EMPTY: BulkEntry = { customerName: '', selection: NONE, running: null, last: null, error: null };
const keyOf = (profileId: string, customerAuthId: string): string => `${profileId}|${customerAuthId}`;

/** How many credentials a selection names. */
export function selectionCount(s: Selection): number {
  return s.kind === 'ids' ? s.ids.size : s.total - s.except.size + s.also.size;
}

/** Whether a row is in the selection (for "all matching", by the same filter rule main applies). */
export function isSelected(s: Selection, row: Row): boolean {
  if (s.kind === 'ids') return s.ids.has(row.id);
  if (s.also.has(row.id)) return true;
  return !s.except.has(row.id) && matcherOf(s.filter)(row.username.toLowerCase(), row.enabled, row.createdAt, row.updatedAt);
}

// One prepared check per filter object: a page of rows asks it once per row.
const matchers = new WeakMap<CredentialFilter, ReturnType<typeof prepareFilter>>();
function matcherOf(f: CredentialFilter): ReturnType<typeof prepareFilter> {
  let m = matchers.get(f);
  if (!m) matchers.set(f, (m = prepareFilter(f)));
  return m;
}

function toggled(s: Selection, rows: readonly Row[], on: boolean): Selection {
  if (s.kind === 'ids') {
    const ids = new Set(s.ids);
    for (const r of rows) on ? ids.add(r.id) : ids.delete(r.id);
    return { kind: 'ids', ids };
  }
  const except = new Set(s.except);
  const also = new Set(s.also);
  const matches = matcherOf(s.filter);
  for (const r of rows) {
    const member = matches(r.username.toLowerCase(), r.enabled, r.createdAt, r.updatedAt);
    if (member) on ? except.delete(r.id) : except.add(r.id);
    else on ? also.add(r.id) : also.delete(r.id);
  }
  return { ...s, except, also };
}

/** The selection as the bridge takes it. */
function wire(s: Selection): BulkSelection {
  return s.kind === 'ids' ? { ids: [...s.ids] } : { matching: s.filter, except: [...s.except], also: [...s.also] };
}

/** The most ids a selection may carry across the bridge (contract.ts BulkSelection). */
const MAX_IDS = 10_000;

/**
 * What is left selected after a run: the failed items (to try again), and those never started
 * (cancelled). An "all matching" selection stays one, less what was done, while that fits.
 */
function leftAfter(s: Selection, result: BulkResultDTO): Selection {
  const failed = result.results.filter((r) => !r.ok).map((r) => r.id);
  const doneIds = new Set(result.results.filter((r) => r.ok).map((r) => r.id));
  if (s.kind === 'ids') {
    const ids = new Set(s.ids);
    for (const id of doneIds) ids.delete(id);
    return { kind: 'ids', ids };
  }
  if (result.notStarted === 0) return { kind: 'ids', ids: new Set(failed) };
  const except = new Set([...s.except, ...doneIds]);
  if (except.size > MAX_IDS) return { kind: 'ids', ids: new Set(failed) };
  const also = new Set([...s.also].filter((id) => !doneIds.has(id)));
  return { ...s, except, also };
}

export const useBulk = create<BulkState>()((set, get) => {
  const entryOf = (key: string): BulkEntry => get().byKey[key] ?? EMPTY;
  function patch(key: string, change: Partial<BulkEntry> | ((e: BulkEntry) => Partial<BulkEntry>)) {
    set((s) => ({ byKey: patchEntry(s.byKey, key, EMPTY, change) }));
  }

  return {
    byKey: {},
    cleared: null,

    check(profileId, customerAuthId, customerName, rows, on) {
      patch(keyOf(profileId, customerAuthId), (e) => ({ customerName, selection: toggled(e.selection, rows, on) }));
    },

    selectMatching(profileId, customerAuthId, customerName, filter, total) {
      patch(keyOf(profileId, customerAuthId), { customerName, selection: { kind: 'matching', filter, total, except: new Set(), also: new Set() } });
    },

    clear(profileId, customerAuthId) {
      patch(keyOf(profileId, customerAuthId), { selection: NONE });
    },

    entered(profileId, customerAuthId) {
      const here = keyOf(profileId, customerAuthId);
      const cleared: ClearedSelection[] = [];
      const byKey = { ...get().byKey };
      for (const [key, e] of Object.entries(byKey)) {
        if (key === here || !key.startsWith(`${profileId}|`) || e.running) continue;
        const count = selectionCount(e.selection);
        if (count === 0) continue;
        cleared.push({ profileId, customerName: e.customerName, count, forCustomerAuthId: customerAuthId });
        byKey[key] = { ...e, selection: NONE };
      }
      if (cleared.length === 0) {
        // The notice is about opening this customer; opening yet another one makes it old news.
        if (get().cleared && get().cleared!.forCustomerAuthId !== customerAuthId) set({ cleared: null });
        return;
      }
      set({ byKey, cleared: cleared[0]! });
    },

    dismissCleared() {
      set({ cleared: null });
    },

    async run(profileId, customerAuthId, action) {
      const key = keyOf(profileId, customerAuthId);
      const before = entryOf(key);
      if (before.running) return;
      const total = selectionCount(before.selection);
      if (total === 0) return;
      const bulkId = newBulkId();
      const sent = before.selection;
      patch(key, { running: { bulkId, action, total, done: 0, failed: 0, cancelling: false }, last: null, error: null });
      const result = await call('bulkCredentials', { profileId, customerAuthId, bulkId, action, selection: wire(sent) });
      if (entryOf(key).running?.bulkId !== bulkId) return; // the profile was removed meanwhile
      if (!result.ok) {
        patch(key, { running: null, error: result.error });
        return;
      }
      patch(key, (e) => ({ running: null, last: { action, result: result.value }, selection: leftAfter(e.selection === sent ? sent : e.selection, result.value) }));
    },

    cancel(profileId, customerAuthId) {
      const key = keyOf(profileId, customerAuthId);
      const run = entryOf(key).running;
      if (!run || run.cancelling) return;
      const update = (change: Partial<BulkRun>) =>
        patch(key, (e) => (e.running?.bulkId === run.bulkId ? { running: { ...e.running, ...change } } : {}));
      update({ cancelling: true });
      void call('cancelBulk', { bulkId: run.bulkId }).then((r) => {
        // cancelled: false means it had already ended: its answer is on the way.
        if (!r.ok) {
          update({ cancelling: false });
          patch(key, { error: r.error });
        }
      });
    },

    progress(event) {
      const key = keyOf(event.profileId, event.customerAuthId);
      const run = get().byKey[key]?.running;
      if (!run || run.bulkId !== event.bulkId) return; // not one this window started
      patch(key, (e) =>
        e.running?.bulkId === event.bulkId ? { running: { ...e.running, done: event.done, failed: event.failed, total: event.total } } : {},
      );
    },

    dismiss(profileId, customerAuthId) {
      patch(keyOf(profileId, customerAuthId), { last: null, error: null });
    },

    forgetProfile(profileId) {
      set((s) => ({ byKey: Object.fromEntries(Object.entries(s.byKey).filter(([k]) => !k.startsWith(`${profileId}|`))) }));
    },
  };
});

export function selectBulkEntry(profileId: string, customerAuthId: string) {
  return (s: BulkState): BulkEntry => s.byKey[keyOf(profileId, customerAuthId)] ?? EMPTY;
}
