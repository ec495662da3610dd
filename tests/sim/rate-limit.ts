// The two rate limiters of the new providers, with counters tests can read.
//  - VoIPBIN: a token bucket per customer (voipbin_vocobase.md §1.6: ~16.7 rps, burst 33; agent JWT
//    and access key share it). Retry-After = whole seconds until one token is back (at least 1).
//  - Vocobase: fixed windows per API key (§2.1: 60 per minute, 10 per minute for /calls/*). A window
//    starts with the first request after the previous one ended and lasts windowMs; only accepted
//    requests count, so `maxInAnyWindow` is the most the server let through in one window.

export interface BucketStats {
  requests: number; // requests that reached the limiter (authenticated, not frozen)
  rejected429: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; atMs: number }>();
  private readonly counters = new Map<string, BucketStats>();

  /** Takes one token; `retryAfterSeconds` when there is none. */
  take(key: string, nowMs: number, perSecond: number, burst: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const stats = this.statsFor(key);
    stats.requests += 1;
    const bucket = this.buckets.get(key) ?? { tokens: burst, atMs: nowMs };
    bucket.tokens = Math.min(burst, bucket.tokens + (Math.max(0, nowMs - bucket.atMs) / 1000) * perSecond);
    bucket.atMs = nowMs;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    stats.rejected429 += 1;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)) };
  }

  /** Counts a request that no limit applies to (limiter off). */
  count(key: string): void {
    this.statsFor(key).requests += 1;
  }

  private statsFor(key: string): BucketStats {
    let s = this.counters.get(key);
    if (!s) {
      s = { requests: 0, rejected429: 0 };
      this.counters.set(key, s);
    }
    return s;
  }

  /** One key's counters, or the sum over all keys. */
  stats(key?: string): BucketStats {
    if (key !== undefined) return { ...(this.counters.get(key) ?? { requests: 0, rejected429: 0 }) };
    const sum: BucketStats = { requests: 0, rejected429: 0 };
    for (const s of this.counters.values()) {
      sum.requests += s.requests;
      sum.rejected429 += s.rejected429;
    }
    return sum;
  }

  reset(): void {
    this.buckets.clear();
    this.counters.clear();
  }
}

export interface WindowStats {
  /** Every request made with the key (accepted or not). */
  requests: number;
  rejected429: number;
  /** Most accepted requests in one general window. */
  maxInAnyWindow: number;
  /** The /calls/* share of the above. */
  callsRequests: number;
  callsRejected429: number;
  maxCallsInAnyWindow: number;
}

interface Window {
  startMs: number;
  count: number;
}

export class FixedWindows {
  private readonly general = new Map<string, Window>();
  private readonly calls = new Map<string, Window>();
  private readonly counters = new Map<string, WindowStats>();

  /**
   * Counts one request. /calls/* requests count against both the general and the calls window
   * (inferred: a general limiter on the whole API plus one on /calls). Rejected requests count in neither.
   */
  hit(key: string, nowMs: number, windowMs: number, limits: { general: number; calls: number }, isCalls: boolean): { ok: true } | { ok: false; resetInMs: number } {
    const stats = this.statsFor(key);
    stats.requests += 1;
    if (isCalls) stats.callsRequests += 1;
    const g = current(this.general, key, nowMs, windowMs);
    const c = isCalls ? current(this.calls, key, nowMs, windowMs) : undefined;
    const overGeneral = g.count >= limits.general;
    const overCalls = c !== undefined && c.count >= limits.calls;
    if (overGeneral || overCalls) {
      stats.rejected429 += 1;
      if (isCalls) stats.callsRejected429 += 1;
      const ends = [overGeneral ? g.startMs + windowMs : 0, overCalls && c ? c.startMs + windowMs : 0];
      return { ok: false, resetInMs: Math.max(0, Math.max(...ends) - nowMs) };
    }
    g.count += 1;
    stats.maxInAnyWindow = Math.max(stats.maxInAnyWindow, g.count);
    if (c) {
      c.count += 1;
      stats.maxCallsInAnyWindow = Math.max(stats.maxCallsInAnyWindow, c.count);
    }
    return { ok: true };
  }

  private statsFor(key: string): WindowStats {
    let s = this.counters.get(key);
    if (!s) {
      s = { requests: 0, rejected429: 0, maxInAnyWindow: 0, callsRequests: 0, callsRejected429: 0, maxCallsInAnyWindow: 0 };
      this.counters.set(key, s);
    }
    return s;
  }

  stats(key: string): WindowStats {
    return { ...(this.counters.get(key) ?? { requests: 0, rejected429: 0, maxInAnyWindow: 0, callsRequests: 0, callsRejected429: 0, maxCallsInAnyWindow: 0 }) };
  }

  keys(): string[] {
    return [...this.counters.keys()];
  }

  reset(): void {
    this.general.clear();
    this.calls.clear();
    this.counters.clear();
  }
}

function current(windows: Map<string, Window>, key: string, nowMs: number, windowMs: number): Window {
  let w = windows.get(key);
  if (!w || nowMs - w.startMs >= windowMs) {
    w = { startMs: nowMs, count: 0 };
    windows.set(key, w);
  }
  return w;
}
