// Sync slice: per profile id, the sync this window started (one at a time per profile), the last
// one's outcome for the summary, and the profile's sync history. The renderer names each sync
// (syncId) before asking, so progress events are matched to it from the first one, and Cancel
// works before main has answered. Main cancels a profile's syncs when another becomes active; the
// answer (outcome `cancelled`) still lands in its own profile's entry, never in the one on screen.
import { create } from 'zustand';
import type { AppEvent, ErrorDTO, SyncReportDTO } from '../../../src-preload/contract';
import { call } from '../bridge';
import { newSyncId } from '../lib/syncId';
import { latestRequests, patchEntry, withoutEntry } from './entries';
import { refreshAfterSync } from './refresh';

type ProgressEvent = Extract<AppEvent, { type: 'sync-progress' }>;
export type SyncProgress = Pick<ProgressEvent, 'state' | 'accountsDone' | 'accountsTotal' | 'accountsFailed' | 'credentialsFetched' | 'perSecond'>;

/** What a sync is for: every customer of the profile, or one. */
export type SyncTarget = { scope: 'all' } | { scope: 'account'; customerAuthId: string; customerName: string };

export type SyncRun = {
  syncId: string;
  target: SyncTarget;
  /** The latest progress event for it; null until the first arrives. */
  progress: SyncProgress | null;
  cancelling: boolean;
  cancelError: ErrorDTO | null;
};

/** How the last sync this window started ended: main's report, or why there is none. */
export type SyncOutcome = {
  syncId: string;
  target: SyncTarget;
  report: SyncReportDTO | null;
  error: ErrorDTO | null;
};

export type SyncEntry = {
  running: SyncRun | null;
  last: SyncOutcome | null;
  history: SyncReportDTO[] | null;
  historyLoading: boolean;
  historyError: ErrorDTO | null;
};

type SyncState = {
  byProfile: Record<string, SyncEntry>;
  /** Start a sync unless one of this profile's is already running (then nothing happens). */
  start(profileId: string, target: SyncTarget): Promise<void>;
  /** Ask main to cancel the profile's running sync. Returns whether there was one to cancel. */
  cancel(profileId: string): boolean;
  progress(event: ProgressEvent): void;
  dismiss(profileId: string): void;
  loadHistory(profileId: string): Promise<void>;
  forget(profileId: string): void;
};

const EMPTY: SyncEntry = { running: null, last: null, history: null, historyLoading: false, historyError: null };
const historyFetches = latestRequests();

/**
 * The customer an account sync was for, by sync id: a report of an account whose list did not
 * change carries no customer name, so the history uses this for syncs started in this run.
 */
const accountNames = new Map<string, string>();

export const customerNameOfSync = (syncId: string): string | undefined => accountNames.get(syncId);

export const useSync = create<SyncState>()((set, get) => {
  const entryOf = (profileId: string): SyncEntry => get().byProfile[profileId] ?? EMPTY;
  function patch(profileId: string, change: Partial<SyncEntry> | ((e: SyncEntry) => Partial<SyncEntry>)) {
    set((s) => ({ byProfile: patchEntry(s.byProfile, profileId, EMPTY, change) }));
  }

  return {
    byProfile: {},

    async start(profileId, target) {
      if (entryOf(profileId).running) return;
      const syncId = newSyncId();
      if (target.scope === 'account') accountNames.set(syncId, target.customerName);
      patch(profileId, { running: { syncId, target, progress: null, cancelling: false, cancelError: null }, last: null });

      const result =
        target.scope === 'all'
          ? await call('syncAll', { profileId, syncId })
          : await call('syncAccount', { profileId, customerAuthId: target.customerAuthId, syncId });

      if (entryOf(profileId).running?.syncId !== syncId) return; // the profile was removed meanwhile
      const report = result.ok && result.value.profileId === profileId ? result.value : null;
      patch(profileId, {
        running: null,
        last: { syncId, target, report, error: result.ok ? (report ? null : MISMATCH) : result.error },
      });
      // Even a cancelled or failed sync may have stored some customers: show what is stored now.
      refreshAfterSync(profileId, target.scope === 'account' ? target.customerAuthId : null);
      if (entryOf(profileId).history !== null) void get().loadHistory(profileId);
    },

    cancel(profileId) {
      const run = entryOf(profileId).running;
      if (!run || run.cancelling) return !!run;
      const { syncId } = run;
      const update = (change: Partial<SyncRun>) =>
        patch(profileId, (e) => (e.running?.syncId === syncId ? { running: { ...e.running, ...change } } : {}));
      update({ cancelling: true, cancelError: null });
      void call('cancelSync', { syncId }).then((result) => {
        // cancelled: false means it had already ended: its answer is on the way.
        if (!result.ok) update({ cancelling: false, cancelError: result.error });
      });
      return true;
    },

    progress(event) {
      const run = get().byProfile[event.profileId]?.running;
      if (!run || run.syncId !== event.syncId) return; // not one this window started (e.g. a first open)
      const { state, accountsDone, accountsTotal, accountsFailed, credentialsFetched, perSecond } = event;
      patch(event.profileId, (e) =>
        e.running?.syncId === event.syncId
          ? { running: { ...e.running, progress: { state, accountsDone, accountsTotal, accountsFailed, credentialsFetched, perSecond } } }
          : {},
      );
    },

    dismiss(profileId) {
      if (get().byProfile[profileId]) patch(profileId, { last: null });
    },

    async loadHistory(profileId) {
      const isLatest = historyFetches.start(profileId);
      patch(profileId, { historyLoading: true, historyError: null });
      const result = await call('listSyncReports', { profileId });
      if (!isLatest() || !get().byProfile[profileId]) return;
      if (!result.ok) patch(profileId, { historyLoading: false, historyError: result.error });
      else {
        // Main keeps each profile's reports apart; a stray one is dropped rather than shown.
        const reports = result.value.reports.filter((r) => r.profileId === profileId);
        patch(profileId, { historyLoading: false, historyError: null, history: reports });
      }
    },

    forget(profileId) {
      historyFetches.forget((k) => k === profileId);
      set((s) => ({ byProfile: withoutEntry(s.byProfile, profileId) }));
    },
  };
});

const MISMATCH: ErrorDTO = {
  code: 'INTERNAL',
  message: 'Trunkdesk received a sync report for a different profile.',
  hint: 'Open the sync history to see what was stored.',
  retryable: true,
};

export function selectSyncEntry(profileId: string | null) {
  return (s: SyncState): SyncEntry => (profileId ? (s.byProfile[profileId] ?? EMPTY) : EMPTY);
}
