// The bulk runner on its own (credentials/bulk-run.ts): how many writes it has going at once, what
// a cancel leaves, and which failures it sends again (only a 429, and only so often).
import { describe, expect, it } from 'vitest';
import { BULK_CONCURRENCY, MAX_429_ATTEMPTS, runBulk } from '../../src-main/credentials/bulk-run';
import { AppError } from '../../src-main/net/errors';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runBulk', () => {
  it('keeps at most BULK_CONCURRENCY writes going, starts them in order and reports each once', async () => {
    let now = 0;
    let peak = 0;
    const started: string[] = [];
    const r = await runBulk({
      ids: ids(40),
      signal: new AbortController().signal,
      write: async (id) => {
        started.push(id);
        peak = Math.max(peak, ++now);
        await wait(5);
        now--;
        if (id === 'c7') throw new AppError('CONFLICT', 'in use');
      },
    });
    expect(peak).toBe(BULK_CONCURRENCY);
    expect(started).toEqual(ids(40));
    expect(r.outcomes.size).toBe(40);
    expect([...r.outcomes].filter(([, o]) => !o.ok).map(([id]) => id)).toEqual(['c7']);
    expect(r.notStarted).toBe(0);
  });

  it('a cancel starts nothing more; the writes on the way finish and are reported', async () => {
    const control = new AbortController();
    let sent = 0;
    const r = await runBulk({
      ids: ids(50),
      signal: control.signal,
      write: async () => {
        if (++sent === 10) control.abort();
        await wait(5);
      },
    });
    expect(r.outcomes.size).toBe(sent);
    expect(sent).toBeLessThan(10 + BULK_CONCURRENCY);
    expect(r.notStarted).toBe(50 - sent);
  });

  it('sends a refused (429) write again after its Retry-After, at most MAX_429_ATTEMPTS times; other failures once', async () => {
    const tries = new Map<string, number>();
    const t0 = Date.now();
    const r = await runBulk({
      ids: ['always429', 'once429', 'lost', 'fine'],
      signal: new AbortController().signal,
      write: async (id) => {
        const n = (tries.get(id) ?? 0) + 1;
        tries.set(id, n);
        if (id === 'always429' || (id === 'once429' && n === 1)) throw new AppError('RATE_LIMITED', 'slow down', { status: 429, retryAfterSeconds: 1 });
        if (id === 'lost') throw new AppError('UPSTREAM', 'reset', { status: 502 });
      },
    });
    expect(tries.get('always429')).toBe(MAX_429_ATTEMPTS);
    expect(tries.get('once429')).toBe(2);
    expect(tries.get('lost')).toBe(1);
    expect(r.outcomes.get('once429')).toEqual({ ok: true });
    expect(r.outcomes.get('always429')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(r.outcomes.get('lost')).toMatchObject({ ok: false, error: { code: 'UPSTREAM' } });
    // Retry-After was waited out (twice for the one that kept being refused).
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1_900);
  });

  it('a Retry-After longer than a minute fails the item instead of holding the run', async () => {
    const r = await runBulk({
      ids: ['a'],
      signal: new AbortController().signal,
      write: async () => {
        throw new AppError('RATE_LIMITED', 'come back in an hour', { status: 429, retryAfterSeconds: 3600 });
      },
    });
    expect(r.outcomes.get('a')).toMatchObject({ ok: false });
  });
});
