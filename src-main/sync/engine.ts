// The sync engine: fills the local store with whole credential lists, one account or every
// account of a profile, at close to the network's floor (requests ÷ concurrency × round trip).
//
// - One queue of page requests across all accounts, behind one adaptive limit (adaptive-limit.ts).
// - The largest page the provider serves: ask for the provider's probe size, then trust the size
//   it answered with (meta.limit, or the page's length when it gave fewer than asked and more remain).
// - No page waits for another: an account stored before is fetched at once with every offset its
//   stored total implies; the first answer adds any offsets that turn out to be missing.
// - No account waits for the account list: Sync all starts the stored accounts at once and each
//   page of the fresh list as it arrives. An account is stored and reported only once the fresh
//   list confirms it; one that has gone from it is cancelled and left out.
// - Pushback (429, 5xx, resets) halves the limit, honours Retry-After and retries that page, up
//   to a bound; reads only, writes never go through here.
// - An account is replaced in the store only when every page of it arrived; a failed or cancelled
//   one keeps its previous list, and is listed in the report with its reason.
import { setMaxListeners } from 'node:events';
import type { AccountChangesDTO, AppEvent, SyncReportDTO } from '../../src-preload/contract';
import { AppError, isAppError, toErrorDTO } from '../net/errors';
import { LONGEST_RETRY_PAUSE_MS } from '../net/rate-limiter';
import { log } from '../net/redact';
import type { CredentialPage, SipCredential, SyncJob } from '../providers/provider';
import type { CustomerService } from '../services/customers';
import type { EventBus } from '../services/events';
import type { LocalStore } from '../store/local-store';
import { AdaptiveLimit } from './adaptive-limit';
import { diffLists } from './changes';

/** Tries per page when the provider pushes back; with the HTTP client's own GET retries, a page gets several times this. */
const PAGE_ATTEMPTS = 8;
const PROGRESS_EVERY_MS = 100;

type ProgressState = Extract<AppEvent, { type: 'sync-progress' }>['state'];

export class SyncEngine {
  private readonly running = new Map<string, { profileId: string; control: AbortController }>();
  /** Page size each profile's provider was seen to serve. */
  private readonly pageSizes = new Map<string, number>();
  private readonly limits = new Map<string, AdaptiveLimit>();

  constructor(
    private readonly customers: CustomerService,
    private readonly store: LocalStore,
    private readonly events: EventBus,
    private readonly now: () => Date = () => new Date(),
  ) {}

  cancel(syncId: string): boolean {
    const r = this.running.get(syncId);
    r?.control.abort();
    return !!r;
  }

  /** Cancel every sync of other profiles (a profile switch). */
  cancelAllExcept(profileId: string | null): void {
    for (const r of this.running.values()) if (r.profileId !== profileId) r.control.abort();
  }

  syncAccount(profileId: string, accountId: string, name: string, syncId: string): Promise<SyncReportDTO> {
    return this.run(profileId, syncId, 'account', async (_signal, start) => {
      const jobs = [{ accountId, name }];
      start(jobs);
      return jobs;
    });
  }

  syncAll(profileId: string, syncId: string): Promise<SyncReportDTO> {
    return this.run(profileId, syncId, 'all', async (signal, start) => {
      // The accounts seen last time start now; the list fetched below confirms or drops them.
      start((await this.customers.storedAccounts(profileId).catch(() => [])).map((a) => ({ accountId: a.authId, name: a.name })));
      return this.customers.allAccounts(profileId, signal, start);
    });
  }

  /**
   * `discover` calls `start` with accounts as it learns of them, and returns the full account
   * list: the only accounts this sync stores or reports.
   */
  private async run(
    profileId: string,
    syncId: string,
    scope: 'account' | 'all',
    discover: (signal: AbortSignal, start: (jobs: SyncJob[]) => void) => Promise<SyncJob[]>,
  ): Promise<SyncReportDTO> {
    if (this.running.has(syncId)) throw new AppError('CONFLICT', 'That sync is already running.', { retryable: false });
    const control = new AbortController();
    // Every queued page listens for cancel: hundreds of listeners on one signal are expected here.
    setMaxListeners(0, control.signal);
    this.running.set(syncId, { profileId, control });
    log.info(`sync ${syncId} started: ${scope === 'all' ? 'every account' : 'one account'} of profile ${profileId}`);
    const startedAt = this.now();
    const t0 = performance.now();
    const progress = { accountsDone: 0, accountsTotal: 0, accountsFailed: 0, credentialsFetched: 0, requests: 0 };
    let lastEmit = 0;
    const emit = (state: ProgressState, force = false) => {
      const at = performance.now();
      if (!force && at - lastEmit < PROGRESS_EVERY_MS) return;
      lastEmit = at;
      const secs = Math.max(0.001, (at - t0) / 1000);
      const { requests: _r, ...counts } = progress;
      this.events.emit({ type: 'sync-progress', profileId, syncId, scope, state, ...counts, perSecond: Math.round(progress.credentialsFetched / secs) });
    };
    const changes: AccountChangesDTO[] = [];
    const failures: SyncReportDTO['failures'] = [];
    let outcome: SyncReportDTO['outcome'] = 'done';

    // The full account list, once known (null: it could not be had, so nothing is stored).
    let settle!: (listed: Map<string, SyncJob> | null) => void;
    const listed = new Promise<Map<string, SyncJob> | null>((r) => (settle = r));
    const started = new Map<string, AbortController>();
    const tasks: Promise<void>[] = [];
    let known = false;

    const syncJob = async (job: SyncJob, own: AbortController): Promise<void> => {
      let fetched: { total: number; items: SipCredential[] } | undefined;
      let error: unknown;
      try {
        fetched = await this.fetchAccount(profileId, job, AbortSignal.any([control.signal, own.signal]), (n) => {
          progress.credentialsFetched += n;
          progress.requests++;
          emit('running');
        });
      } catch (e) {
        error = e;
      }
      // Stored and reported only as the fresh list names it, and only while the sync runs.
      const current = (await listed)?.get(job.accountId);
      if (!current || control.signal.aborted) return;
      try {
        if (error !== undefined) throw error;
        const previous = await this.store.credentials(profileId, job.accountId).catch(() => undefined);
        await this.store.putCredentials(profileId, job.accountId, { fetchedAt: this.now().toISOString(), total: fetched!.total, items: fetched!.items });
        // Open views of this account show the fresh list.
        this.events.emit({ type: 'credentials-changed', profileId, customerAuthId: job.accountId });
        const diff = diffLists(current, previous?.items, fetched!.items);
        if (diff) changes.push(diff);
        progress.accountsDone++;
      } catch (e) {
        if (control.signal.aborted) return;
        progress.accountsFailed++;
        failures.push({ customerAuthId: job.accountId, customerName: current.name, error: toErrorDTO(e) });
      }
      emit('running');
    };
    const start = (jobs: SyncJob[]) => {
      for (const job of jobs) {
        if (started.has(job.accountId) || control.signal.aborted) continue;
        const own = new AbortController();
        started.set(job.accountId, own);
        tasks.push(syncJob(job, own));
      }
      // Until the list is in, the total is what has been started: it only grows.
      if (!known) progress.accountsTotal = started.size;
      emit('running');
    };

    try {
      emit('running', true);
      const jobs = await discover(control.signal, start);
      start(jobs);
      const byId = new Map(jobs.map((j) => [j.accountId, j]));
      for (const [id, own] of started) if (!byId.has(id)) own.abort();
      known = true;
      progress.accountsTotal = jobs.length;
      settle(byId);
      emit('running', true);
      await Promise.all(tasks);
      if (control.signal.aborted) outcome = 'cancelled';
      else if (failures.length > 0) outcome = progress.accountsDone > 0 ? 'partial' : 'failed';
    } catch (e) {
      // The account list itself could not be had: whatever was started is dropped, nothing replaced.
      for (const own of started.values()) own.abort();
      settle(null);
      await Promise.all(tasks);
      if (!control.signal.aborted) {
        outcome = 'failed';
        failures.push({ customerAuthId: '', customerName: 'the customer list', error: toErrorDTO(e) });
      } else outcome = 'cancelled';
    } finally {
      this.running.delete(syncId);
    }
    emit(outcome, true);
    const report: SyncReportDTO = {
      id: syncId,
      profileId,
      scope,
      startedAt: startedAt.toISOString(),
      finishedAt: this.now().toISOString(),
      outcome,
      accountsSynced: progress.accountsDone,
      accountsTotal: progress.accountsTotal,
      credentialsFetched: progress.credentialsFetched,
      requests: progress.requests,
      changes: changes.sort((a, b) => a.customerName.localeCompare(b.customerName)),
      failures,
    };
    await this.store.addReport(profileId, report).catch(() => undefined);
    log.info(`sync ${syncId} ${outcome}: ${report.accountsSynced}/${report.accountsTotal} accounts, ${failures.length} failed, ${report.credentialsFetched} credentials, ${report.requests} requests, ${Math.round(performance.now() - t0)} ms`);
    return report;
  }

  /** Every page of one account, through the shared limit. */
  private async fetchAccount(profileId: string, job: SyncJob, signal: AbortSignal, onPage: (items: number) => void): Promise<{ total: number; items: SipCredential[] }> {
    // A provider that pages by cursor (VoIPBIN) walks its lists itself: each page names the next,
    // so nothing can go in parallel within one list. It still goes through the profile's limit.
    if (this.customers.providerOf(profileId).accountAuth === 'profile') {
      const limit = this.limitFor(profileId);
      const walked = await limit.run(
        () =>
          this.customers.withAccountClient(profileId, job.accountId, async (c, tracked) =>
            c.paging === 'cursor' && c.listAllCredentials ? await c.listAllCredentials(AbortSignal.any([tracked, signal]), onPage) : undefined,
          ),
        signal,
      );
      if (walked) {
        const seen = new Map<string, SipCredential>();
        for (const c of walked) seen.set(c.id, c);
        return { total: seen.size, items: [...seen.values()] };
      }
    }
    const stored = await this.store.credentials(profileId, job.accountId).catch(() => undefined);
    let size = this.pageSizes.get(profileId) ?? this.customers.fetchLimits(profileId).probePageSize;
    const pages = new Map<number, CredentialPage>();
    const asked = new Set<number>();
    let total: number | undefined;

    const fetchPage = async (offset: number): Promise<void> => {
      asked.add(offset);
      const page = await this.pageWithRetries(profileId, job.accountId, size, offset, signal);
      pages.set(offset, page);
      onPage(page.items.length);
      if (total === undefined || page.total !== total) {
        total = page.total;
        // What the provider really serves: its own word, or a short page with more to come.
        const served = page.items.length < size && offset + page.items.length < page.total ? page.items.length : Math.min(page.limit, size);
        if (served > 0 && served < size) {
          size = served;
          this.pageSizes.set(profileId, served);
        }
      }
    };

    // Offsets known up front from the stored total; the first answers fill in the rest.
    const guess = stored ? Math.max(1, Math.ceil(stored.total / size)) : 1;
    await Promise.all(Array.from({ length: guess }, (_, i) => fetchPage(i * size)));
    // Fill gaps until every offset up to the total has been fetched with the final page size.
    for (let round = 0; round < 3; round++) {
      const missing: number[] = [];
      for (let offset = 0; offset < (total ?? 0); offset += size) if (!covered(pages, offset)) missing.push(offset);
      if (missing.length === 0) break;
      await Promise.all(missing.map(fetchPage));
    }
    const seen = new Map<string, SipCredential>();
    for (const offset of [...pages.keys()].sort((a, b) => a - b)) for (const c of pages.get(offset)!.items) seen.set(c.id, c);
    const items = [...seen.values()];
    if (total !== undefined && !allCovered(pages, total)) {
      throw new AppError('UPSTREAM', `Not every page of ${job.name}'s credentials could be fetched.`, { hint: 'Sync again.', retryable: true });
    }
    return { total: total ?? items.length, items };
  }

  private async pageWithRetries(profileId: string, accountId: string, size: number, offset: number, signal: AbortSignal): Promise<CredentialPage> {
    const limit = this.limitFor(profileId);
    for (let attempt = 1; ; attempt++) {
      try {
        return await limit.run(
          (release) => this.customers.withAccountClient(profileId, accountId, (c, tracked) => c.listCredentials(size, offset, { signal: AbortSignal.any([tracked, signal]), onReceived: release, callerRetries: true })),
          signal,
        );
      } catch (e) {
        if (signal.aborted || attempt >= PAGE_ATTEMPTS || !isPushback(e)) throw e;
        // A Retry-After beyond the cap (999999 s) is not waited for: the sync ends now with the
        // provider's error, which says when to try again. Before, the sync held for 11 days.
        if (((e as AppError).retryAfterSeconds ?? 0) * 1000 > LONGEST_RETRY_PAUSE_MS) throw e;
        const wait = (e as AppError).retryAfterSeconds ? (e as AppError).retryAfterSeconds! * 1000 : Math.min(4000, 100 * 2 ** attempt);
        // Each pause in the log, so a sync that seems stuck shows where it waits (and for how long).
        log.info(`sync: page at offset ${offset} of ${accountId} pushed back (${(e as AppError).code}), try ${attempt + 1} of ${PAGE_ATTEMPTS} in ${wait} ms`);
        limit.pushedBack(wait);
      }
    }
  }

  private limitFor(profileId: string): AdaptiveLimit {
    let l = this.limits.get(profileId);
    if (!l) {
      const f = this.customers.fetchLimits(profileId);
      this.limits.set(profileId, (l = new AdaptiveLimit({ start: f.startConcurrency, max: f.maxConcurrency })));
    }
    return l;
  }
}

/**
 * Worth another try after a pause: the server said "slow down" (429) or "not now" (502/503/504, a
 * reset). A 500 is a fault, not a pause: eight tries of it kept a list's error off screen for 14 s,
 * and failing at once lets the admin see what the provider said and try again.
 */
function isPushback(e: unknown): boolean {
  if (!isAppError(e)) return false;
  if (e.code === 'RATE_LIMITED') return true;
  if (e.code !== 'UPSTREAM' || !e.retryable) return false;
  // A status says which; without one, only a transport failure (a reset, carrying the socket error
  // as its cause) is pushback. An answer that did not parse (invalid JSON, a web page) is not: it
  // was tried 8 times and kept its error off screen for 14 s.
  return e.status !== undefined ? PUSHBACK_STATUSES.has(e.status) : e.cause !== undefined;
}
const PUSHBACK_STATUSES = new Set([502, 503, 504]);

/** Whether the credential at `offset` is inside some fetched page. */
function covered(pages: Map<number, CredentialPage>, offset: number): boolean {
  for (const [o, p] of pages) if (o <= offset && offset < o + p.items.length) return true;
  return false;
}

function allCovered(pages: Map<number, CredentialPage>, total: number): boolean {
  const ranges = [...pages].map(([o, p]) => [o, o + p.items.length] as const).sort((a, b) => a[0] - b[0]);
  let reach = 0;
  for (const [from, to] of ranges) {
    if (from > reach) return false;
    reach = Math.max(reach, to);
  }
  return reach >= total;
}
