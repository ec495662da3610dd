// A client-side request-rate limiter: at most `limit` request starts in any `windowMs` (a sliding
// log, so a burst can never put limit+1 starts inside one of the provider's fixed windows either:
// any fixed window lies inside some sliding one). Used where a provider publishes a rate limit
// (Vocobase: 60 a minute per key, 10 for /calls/*; VoIPBIN: about 16.7 a second per customer), so
// the app never triggers a 429 in normal use. One limiter is shared by every request of one key.
import { createHash } from 'node:crypto';
import { abortableSleep as sleep, cancelled } from './sleep';

/**
 * The longest any Retry-After holds work in this app: a limiter's pause, a bulk run's or a sync's
 * wait. One provider window (Vocobase counts per minute). A server asking for longer is not
 * waited for: the work stops at once and the admin is told when to try again.
 */
export const LONGEST_RETRY_PAUSE_MS = 60_000;

export interface RateRule {
  limit: number;
  windowMs: number;
}

export interface RateLimiterOptions extends RateRule {
  now?: () => number;
}

export class RateLimiter {
  /** Start times of the last `limit` requests, oldest first. */
  private readonly starts: number[] = [];
  private pausedUntil = 0;
  private chain: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  /** How long callers have waited in all (ms): the bench and tests read it. */
  waitedMs = 0;

  constructor(private readonly o: RateLimiterOptions) {
    this.now = o.now ?? Date.now;
  }

  /** Resolves when one more request may start; requests start in the order they asked. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.chain.then(() => this.waitForSlot(signal));
    // A cancelled waiter must not stall the ones behind it (its turn passes without a slot).
    this.chain = turn.catch(() => undefined);
    if (!signal) return turn;
    // …and its caller hears of the cancel at once, not when its turn comes (up to a window later).
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(cancelled());
      const onAbort = () => reject(cancelled());
      signal.addEventListener('abort', onAbort, { once: true });
      turn.then(
        () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(e);
        },
      );
    });
  }

  /** The provider said 429 anyway: hold every start for `ms` (capped by the caller). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  /** How long the next request would wait now (0: it may go). */
  nextWaitMs(): number {
    const t = this.now();
    const byWindow = this.starts.length >= this.o.limit ? this.starts[0]! + this.o.windowMs - t : 0;
    return Math.max(0, byWindow, this.pausedUntil - t);
  }

  private async waitForSlot(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw cancelled();
      const wait = this.nextWaitMs();
      if (wait <= 0) break;
      this.waitedMs += wait;
      await sleep(wait, signal);
    }
    this.starts.push(this.now());
    if (this.starts.length > this.o.limit) this.starts.shift();
  }
}

/**
 * Limiters by key, so every client built for the same API key shares one. Keys are held only as a
 * hash: a map of limiters must not become another place a secret lives.
 */
export class RateLimiters {
  private readonly byKey = new Map<string, RateLimiter>();

  get(secret: string, name: string, rule: RateLimiterOptions): RateLimiter {
    const id = `${name}:${createHash('sha256').update(secret).digest('hex')}`;
    let l = this.byKey.get(id);
    if (!l) this.byKey.set(id, (l = new RateLimiter(rule)));
    return l;
  }
}


