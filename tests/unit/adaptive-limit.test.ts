import { describe, expect, it, vi } from 'vitest';
import { AdaptiveLimit } from '../../src-main/sync/adaptive-limit';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the sync engine’s adaptive limit', () => {
  it('never runs more than its limit at once, and grows toward its maximum while answers are healthy', async () => {
    const limit = new AdaptiveLimit({ start: 2, max: 5 });
    let active = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 60 }, () =>
        limit.run(async () => {
          most = Math.max(most, ++active);
          await sleep(2);
          active--;
        }),
      ),
    );
    expect(most).toBeLessThanOrEqual(5);
    expect(limit.current).toBe(5);
    expect(limit.peak).toBe(most);
  });

  it('starts slowly but not timidly: each healthy answer adds a slot until the first sign of strain', async () => {
    const limit = new AdaptiveLimit({ start: 8, max: 12 });
    for (let i = 0; i < 4; i++) await limit.run(async () => undefined);
    expect(limit.current).toBe(12);
  });

  it('grows by one slot per full window of healthy answers once the provider has pushed back', async () => {
    const limit = new AdaptiveLimit({ start: 8, max: 12 });
    limit.pushedBack();
    expect(limit.current).toBe(4);
    for (let i = 0; i < 6; i++) await limit.run(async () => undefined);
    // +1/limit each: six answers at a limit of about 4 add one slot, where slow start would add six.
    expect(limit.current).toBe(5);
  });

  it('frees the slot when the answer is in, not when the caller has finished with it', async () => {
    const limit = new AdaptiveLimit({ start: 1, max: 1 });
    const order: string[] = [];
    const a = limit.run(async (release) => {
      release(); // the body arrived; what follows is parsing
      await sleep(50);
      order.push('a parsed');
    });
    const b = limit.run(async () => {
      order.push('b sent');
    });
    await Promise.all([a, b]);
    expect(order).toEqual(['b sent', 'a parsed']);
    // Released twice (early, then by run itself): one slot, not two.
    await Promise.all([limit.run(() => sleep(5)), limit.run(() => sleep(5))]);
    expect(limit.peak).toBe(1);
  });

  it('halves on pushback and holds new starts until Retry-After has passed', async () => {
    const limit = new AdaptiveLimit({ start: 4, max: 8 });
    limit.pushedBack(150);
    expect(limit.current).toBe(2);
    const t = Date.now();
    await limit.run(async () => undefined);
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
  });

  it('lets a cancelled waiter leave the queue at once', async () => {
    const limit = new AdaptiveLimit({ start: 1, max: 1 });
    const blocker = limit.run(() => sleep(100));
    const c = new AbortController();
    const waiting = limit.run(async () => 'ran', c.signal);
    c.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'TIMEOUT' });
    await blocker;
    expect(await limit.run(async () => 'next')).toBe('next');
  });

  it('still starts the queue when the pause timer fires before the wall clock says the pause is over', async () => {
    const limit = new AdaptiveLimit({ start: 1, max: 1 });
    limit.pushedBack(60);
    // From here on the wall clock lags the timers by 40 ms, as Date.now() and Node's monotonic
    // timer clock can: the timer fires when Date.now() still says 40 ms of pause are left.
    const realNow = Date.now.bind(Date);
    const lag = vi.spyOn(Date, 'now').mockImplementation(() => realNow() - 40);
    try {
      const ran = limit.run(async () => 'ran');
      const outcome = await Promise.race([ran, sleep(1_000).then(() => 'stuck')]);
      expect(outcome).toBe('ran');
    } finally {
      lag.mockRestore();
    }
  });
});
