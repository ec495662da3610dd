// Running one bulk write (enable, disable, delete many credentials): a few writes at a time
// (async-mutex's Semaphore bounds them), each under the provider's own rate limiter, which the
// provider client applies per request. Items are started in order; a cancel stops new starts and
// lets those on the wire finish, so every item is either reported or counted as not started.
//
// A 429 means the provider refused the write before doing anything, so that item, and only that
// kind of failure, is sent again: after Retry-After (every new start waits for it too), at most
// MAX_429_ATTEMPTS times. Any other failure is final here; a lost answer (5xx, reset, timeout) has
// an unknown outcome that the caller checks by reading the list again, never by resending.
import { Semaphore } from 'async-mutex';
import { isAppError } from '../net/errors';
import { LONGEST_RETRY_PAUSE_MS } from '../net/rate-limiter';
import { abortableSleep } from '../net/sleep';

/** Writes on the wire at once for one bulk run: well under the provider limits, far faster than one by one. */
export const BULK_CONCURRENCY = 6;
export const MAX_429_ATTEMPTS = 3;

export type ItemOutcome = { ok: true } | { ok: false; error: unknown };

export interface BulkRunOptions {
  ids: readonly string[];
  signal: AbortSignal;
  /** One write; throws (an AppError) when it failed. */
  write(id: string): Promise<void>;
  /** After each item ends (ok or failed): how many have ended, and how many of those failed. */
  onSettled?(done: number, failed: number): void;
  concurrency?: number;
}

export interface BulkRunResult {
  /** Every item that was started, in start order. */
  outcomes: Map<string, ItemOutcome>;
  notStarted: number;
}

export async function runBulk(o: BulkRunOptions): Promise<BulkRunResult> {
  const slots = new Semaphore(o.concurrency ?? BULK_CONCURRENCY);
  const outcomes = new Map<string, ItemOutcome>();
  const attempts = new Map<string, number>();
  const again: string[] = [];
  const refusals = new Map<string, unknown>();
  const running = new Set<Promise<void>>();
  let next = 0;
  let pausedUntil = 0;
  let done = 0;
  let failed = 0;

  const settle = (id: string, outcome: ItemOutcome) => {
    outcomes.set(id, outcome);
    done++;
    if (!outcome.ok) failed++;
    o.onSettled?.(done, failed);
  };

  const one = async (id: string): Promise<void> => {
    const tries = (attempts.get(id) ?? 0) + 1;
    attempts.set(id, tries);
    try {
      await o.write(id);
      settle(id, { ok: true });
    } catch (e) {
      const waitMs = refusedFor(e);
      // A provider asking for a longer pause than the app ever waits gets these items failed instead.
      if (waitMs !== undefined && tries < MAX_429_ATTEMPTS && waitMs <= LONGEST_RETRY_PAUSE_MS && !o.signal.aborted) {
        pausedUntil = Math.max(pausedUntil, Date.now() + waitMs);
        refusals.set(id, e);
        again.push(id);
      } else settle(id, { ok: false, error: e });
    }
  };

  for (;;) {
    const [, release] = await slots.acquire();
    // A Retry-After holds every new start (one may arrive while this one waits).
    for (let wait = pausedUntil - Date.now(); wait > 0 && !o.signal.aborted; wait = pausedUntil - Date.now()) {
      await abortableSleep(wait, o.signal).catch(() => undefined);
    }
    if (o.signal.aborted) {
      release();
      break;
    }
    const id = again.shift() ?? (next < o.ids.length ? o.ids[next++] : undefined);
    if (id === undefined) {
      release();
      if (running.size === 0) break;
      // Nothing left to start now, but an item on the wire may yet come back refused (429).
      await Promise.race(running);
      continue;
    }
    const task: Promise<void> = one(id).finally(() => {
      running.delete(task);
      release();
    });
    running.add(task);
  }
  await Promise.all(running);
  // Refused items waiting to be sent again when the run was cancelled: reported as refused.
  for (const id of again) if (!outcomes.has(id)) settle(id, { ok: false, error: refusals.get(id) });
  return { outcomes, notStarted: o.ids.length - outcomes.size };
}

/** How long to wait before sending a refused (429) write again; undefined for any other failure. */
function refusedFor(e: unknown): number | undefined {
  if (!isAppError(e) || e.code !== 'RATE_LIMITED') return undefined;
  return Math.max(1_000, (e.retryAfterSeconds ?? 1) * 1000);
}
