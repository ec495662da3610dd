// The window's security properties as the renderer experiences them.
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src-preload/channels';
import { openApp } from './support';


describe('bridge and window security', () => {
  it('window.trunkdesk is frozen and has exactly one function per channel plus onEvent', async () => {
    const app = await openApp();
    const shape = await app.page.evaluate(() => {
      const api = (window as unknown as { trunkdesk: Record<string, unknown> }).trunkdesk;
      return { keys: Object.keys(api).sort(), frozen: Object.isFrozen(api), types: Object.values(api).map((v) => typeof v) };
    });
    expect(shape.keys).toEqual([...CHANNELS, 'onEvent'].sort());
    expect(shape.frozen).toBe(true);
    expect(new Set(shape.types)).toEqual(new Set(['function']));
  });

  it('malformed input from the page is a typed VALIDATION error and the app keeps working', async () => {
    const app = await openApp();
    const r = await app.page.evaluate(() =>
      (window as unknown as { trunkdesk: { addProfile(i: unknown): Promise<unknown> } }).trunkdesk.addProfile({ displayName: 42, authId: null }),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', retryable: false } });
    const list = await app.page.evaluate(() => (window as unknown as { trunkdesk: { listProfiles(i: unknown): Promise<unknown> } }).trunkdesk.listProfiles({}));
    expect(list).toMatchObject({ ok: true, value: { profiles: [] } });
  });

  it('a page from another origin gets FORBIDDEN and no handler runs', async () => {
    const app = await openApp();
    const url = await app.h.serveForeign('<!doctype html><title>foreign</title><p>not our app</p>');
    const foreign = await app.h.context.newPage();
    await foreign.goto(url);
    const r = await foreign.evaluate(() => (window as unknown as { trunkdesk: { listProfiles(i: unknown): Promise<unknown> } }).trunkdesk.listProfiles({}));
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('the CSP forbids the renderer any network access of its own', async () => {
    const app = await openApp();
    const target = `${app.sim.partnerBaseUrl}/me`;
    const r = await app.page.evaluate(async (u) => {
      try {
        await fetch(u);
        return 'fetched';
      } catch (e) {
        return `blocked: ${(e as Error).name}`;
      }
    }, target);
    expect(r).toMatch(/^blocked/);
    expect(app.sim.requests.some((q) => q.path.endsWith('/me'))).toBe(false);
  });
});
