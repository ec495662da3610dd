// The sliding-log rate limiter (src-main/net/rate-limiter.ts) under a fake clock: the limiter is
// given `now` reading vitest's fake Date, and its waits are the fake setTimeout, so windows of a
// few hundred "milliseconds" run instantly and exactly.
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter, RateLimiters } from '../../src-main/net/rate-limiter';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

const now = () => Date.now();
const T0 = 1_000_000;

/** No `limit + 1` starts inside any window: each start is at least a window after the one `limit` before it. */
function expectWithinLimit(starts: number[], limit: number, windowMs: number): void {
  const sorted = [...starts].sort((a, b) => a - b);
  for (let i = 0; i + limit < sorted.length; i++) {
    expect(sorted[i + limit]! - sorted[i]!, `starts ${i} and ${i + limit}`).toBeGreaterThanOrEqual(windowMs);
  }
  // And directly: every window [s, s + windowMs) that begins at a start holds at most `limit`.
  for (const s of sorted) expect(sorted.filter((t) => t >= s && t < s + windowMs).length).toBeLessThanOrEqual(limit);
}

describe('RateLimiter', () => {
  it('never lets more than `limit` requests start in any window, and does not wait needlessly', async () => {
    const l = new RateLimiter({ limit: 5, windowMs: 100, now });
    const starts: number[] = [];
    const all = Promise.all(Array.from({ length: 23 }, () => l.acquire().then(() => starts.push(now()))));
    await vi.runAllTimersAsync();
    await all;
    expect(starts).toHaveLength(23);
    expectWithinLimit(starts, 5, 100);
    // A burst goes out in whole windows: 5 at once, 5 a window later, …
    const rel = starts.map((t) => t - T0);
    expect(rel.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(rel.slice(5, 10)).toEqual([100, 100, 100, 100, 100]);
    expect(rel.at(-1)).toBe(400);
  });

  it('holds the limit for requests arriving at random times, in every sliding window', async () => {
    const l = new RateLimiter({ limit: 7, windowMs: 250, now });
    const starts: number[] = [];
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const done: Promise<unknown>[] = [];
    for (let i = 0; i < 120; i++) {
      const at = Math.floor(rand() * 3_000);
      done.push(new Promise<void>((r) => setTimeout(r, at)).then(() => l.acquire()).then(() => starts.push(now())));
    }
    await vi.runAllTimersAsync();
    await Promise.all(done);
    expect(starts).toHaveLength(120);
    expectWithinLimit(starts, 7, 250);
  });

  it('lets requests start in the order they asked (FIFO)', async () => {
    const l = new RateLimiter({ limit: 2, windowMs: 50, now });
    const order: number[] = [];
    const all = Promise.all(Array.from({ length: 9 }, (_, i) => l.acquire().then(() => order.push(i))));
    await vi.runAllTimersAsync();
    await all;
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('a cancelled waiter leaves with a TIMEOUT and does not hold back the ones behind it', async () => {
    const l = new RateLimiter({ limit: 1, windowMs: 100, now });
    const starts: Record<string, number> = {};
    const mark = (name: string) => () => void (starts[name] = now() - T0);
    const a = l.acquire().then(mark('a'));
    const b = l.acquire().then(mark('b'));
    const ctl = new AbortController();
    const c = l.acquire(ctl.signal).then(mark('c'), (e: unknown) => e);
    const d = l.acquire().then(mark('d'));
    await vi.advanceTimersByTimeAsync(10);
    ctl.abort(); // c is queued behind b
    await vi.runAllTimersAsync();
    await Promise.all([a, b, d]);
    expect(await c).toMatchObject({ code: 'TIMEOUT' });
    expect(starts).toEqual({ a: 0, b: 100, d: 200 }); // d takes c's place, not the window after it
  });

  it('the waiter at the head, cancelled while it sleeps for the window, leaves at once and frees its turn', async () => {
    const l = new RateLimiter({ limit: 1, windowMs: 100, now });
    await l.acquire();
    const ctl = new AbortController();
    let leftAt: number | undefined;
    const e = l.acquire(ctl.signal).catch((err: unknown) => {
      leftAt = now() - T0;
      return err;
    });
    await vi.advanceTimersByTimeAsync(5);
    ctl.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(leftAt).toBe(5);
    expect(await e).toMatchObject({ code: 'TIMEOUT' });
    const f = l.acquire().then(() => now() - T0);
    await vi.runAllTimersAsync();
    expect(await f).toBe(100);
  });

  // A waiter cancelled while still queued behind others is told at once, not when its turn comes
  // (up to a whole window, 60 s for Vocobase, later).
  it('a waiter cancelled while queued behind others is told at once', async () => {
    const l = new RateLimiter({ limit: 1, windowMs: 1_000, now });
    await l.acquire();
    void l.acquire();
    const ctl = new AbortController();
    let leftAt: number | undefined;
    void l.acquire(ctl.signal).catch(() => (leftAt = now() - T0));
    await vi.advanceTimersByTimeAsync(10);
    ctl.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(leftAt).toBe(10);
  });

  it('an already-cancelled signal is refused without taking a slot', async () => {
    const l = new RateLimiter({ limit: 1, windowMs: 100, now });
    const ctl = new AbortController();
    ctl.abort();
    await expect(l.acquire(ctl.signal)).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(l.nextWaitMs()).toBe(0);
    const p = l.acquire().then(() => now() - T0);
    await vi.runAllTimersAsync();
    expect(await p).toBe(0);
  });

  it('pause() holds every start until it ends, also for a waiter already sleeping', async () => {
    const l = new RateLimiter({ limit: 1, windowMs: 100, now });
    const t: number[] = [];
    await l.acquire();
    t.push(now() - T0);
    const waiting = l.acquire().then(() => t.push(now() - T0)); // would start at 100
    await vi.advanceTimersByTimeAsync(50);
    l.pause(300); // until 350
    expect(l.nextWaitMs()).toBe(300);
    await vi.runAllTimersAsync();
    await waiting;
    expect(t).toEqual([0, 350]);
    // A pause never shortens: a shorter one later does not cut the longer one.
    l.pause(1_000);
    l.pause(10);
    expect(l.nextWaitMs()).toBe(1_000);
    const after = l.acquire().then(() => now() - T0);
    await vi.runAllTimersAsync();
    expect(await after).toBe(1_350);
  });

  it('nextWaitMs says when the next request may go', async () => {
    const l = new RateLimiter({ limit: 2, windowMs: 100, now });
    expect(l.nextWaitMs()).toBe(0);
    await l.acquire();
    await vi.advanceTimersByTimeAsync(30);
    await l.acquire();
    expect(l.nextWaitMs()).toBe(70);
    await vi.advanceTimersByTimeAsync(70);
    expect(l.nextWaitMs()).toBe(0);
  });
});

describe('RateLimiters', () => {
  const rule = { limit: 3, windowMs: 100 };

  it('one limiter per secret and name: the same secret shares it, another secret or name does not', () => {
    const m = new RateLimiters();
    const a = m.get('rg_live_AAAAAAAAAAAAAAAAAAAA', 'vocobase', rule);
    expect(m.get('rg_live_AAAAAAAAAAAAAAAAAAAA', 'vocobase', rule)).toBe(a);
    expect(m.get('rg_live_BBBBBBBBBBBBBBBBBBBB', 'vocobase', rule)).not.toBe(a);
    expect(m.get('rg_live_AAAAAAAAAAAAAAAAAAAA', 'voipbin', rule)).not.toBe(a);
  });

  it('requests of one key through two get() calls share one window', async () => {
    const m = new RateLimiters();
    const starts: number[] = [];
    const p = Promise.all(
      Array.from({ length: 6 }, () =>
        m
          .get('rg_live_SHAREDSHAREDSHARED', 'vocobase', { ...rule, now })
          .acquire()
          .then(() => starts.push(now() - T0)),
      ),
    );
    await vi.runAllTimersAsync();
    await p;
    expect(starts).toEqual([0, 0, 0, 100, 100, 100]);
  });

  it('does not hold the secret in clear anywhere in the map', () => {
    const m = new RateLimiters();
    const secret = 'rg_live_TopSecretValue1234567890';
    m.get(secret, 'vocobase', rule);
    m.get(secret, 'vocobase /calls', rule);
    const dump = inspect(m, { depth: 10, showHidden: true, maxArrayLength: null, maxStringLength: null });
    expect(dump).toContain('vocobase'); // the dump really shows the map's keys
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain('TopSecretValue');
  });
});
