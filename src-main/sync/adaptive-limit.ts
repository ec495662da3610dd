// A bounded, adaptive concurrency limit for one provider origin (design.md §5): a slow start (one
// more per healthy answer, as TCP does, until the first sign of strain), then additive increase
// while answers come back healthy, halve on 429/5xx or when round trips grow well past the best
// seen, and hold every new start until a Retry-After has passed. A queue, not a pool of sleepers:
// waiting costs nothing, and a cancelled task leaves the queue at once.
import { AppError } from '../net/errors';

export interface LimitOptions {
  start: number;
  max: number;
  min?: number;
}

export class AdaptiveLimit {
  private limit: number;
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private pausedUntil = 0;
  private pauseTimer: NodeJS.Timeout | undefined;
  private bestMs = Infinity;
  /** Until the provider first pushes back or slows down, each healthy answer adds a whole slot. */
  private slowStart = true;
  /** The highest concurrency reached, for the bench and the report. */
  peak = 0;

  constructor(private readonly o: LimitOptions) {
    this.limit = o.start;
  }

  get current(): number {
    return Math.floor(this.limit);
  }

  /**
   * Runs `fn` in a slot. The slot stands for a request on the wire: `fn` may hand it back early
   * with `release()` once the answer is in, so parsing it does not keep the next request waiting.
   */
  async run<T>(fn: (release: () => void) => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    const started = performance.now();
    let wireMs: number | undefined;
    const release = () => {
      if (wireMs !== undefined) return;
      wireMs = performance.now() - started;
      this.active--;
      this.drain();
    };
    try {
      const value = await fn(release);
      const ms = wireMs ?? performance.now() - started;
      release();
      this.healthy(ms);
      return value;
    } finally {
      release();
    }
  }

  /** The provider pushed back (429/5xx): halve, and hold new starts for `waitMs` when it said. */
  pushedBack(waitMs?: number): void {
    this.limit = Math.max(this.o.min ?? 1, this.limit / 2);
    this.slowStart = false;
    if (waitMs && waitMs > 0) {
      this.pausedUntil = Math.max(this.pausedUntil, Date.now() + waitMs);
      this.armPauseTimer();
    }
  }

  private armPauseTimer(): void {
    clearTimeout(this.pauseTimer);
    this.pauseTimer = setTimeout(() => this.drain(), Math.max(1, this.pausedUntil - Date.now()));
    this.pauseTimer.unref?.();
  }

  private healthy(ms: number): void {
    this.bestMs = Math.min(this.bestMs, ms);
    // Round trips three times the best seen mean queueing somewhere: ease off a little.
    if (ms > this.bestMs * 3 && ms > 50) {
      this.limit = Math.max(this.o.min ?? 1, this.limit - 1);
      this.slowStart = false;
    } else this.limit = Math.min(this.o.max, this.limit + (this.slowStart ? 1 : 1 / Math.max(1, this.limit)));
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(cancelled());
    if (this.canStart()) {
      this.start();
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener('abort', onAbort);
        this.start();
        resolve();
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(go);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(cancelled());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(go);
    });
  }

  private canStart(): boolean {
    return this.active < Math.max(1, Math.floor(this.limit)) && Date.now() >= this.pausedUntil;
  }

  private start(): void {
    this.active++;
    this.peak = Math.max(this.peak, this.active);
  }

  private drain(): void {
    while (this.waiting.length > 0 && this.canStart()) this.waiting.shift()!();
    // Timers run on a monotonic clock and may fire a little before Date.now() reaches the end of
    // the pause: then nothing could start, and without a new timer the queue waited forever (a
    // sync against a server answering 429 with Retry-After hung after its third try).
    if (this.waiting.length > 0 && Date.now() < this.pausedUntil) this.armPauseTimer();
  }
}

const cancelled = () => new AppError('TIMEOUT', 'The sync was cancelled.', { retryable: true });
