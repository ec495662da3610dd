// trunkdesk:// links in the built app against the simulator (issue 11 §6). An `open` event from
// main's event bus, or a raw link handed to main's inbox as the OS would (second launch, macOS
// open-url), switches profile and opens the customer the way the quick switcher does; the link the
// app was launched with waits in main until the renderer takes it. A profile or customer this
// computer does not know is said in a notice; a refused link changes nothing and sends nothing;
// and an event that reaches the renderer without main's checks is checked again there.
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../src-main/ipc/router';
import { AppError } from '../../src-main/net/errors';
import { EVENT_CHANNEL } from '../../src-preload/channels';
import { LINK_NOTES } from '../../src-renderer/src/lib/open-link';
import { DEMO_PARTNERS } from '../sim/data';
import { addProfileViaUi, HARBORLIGHT, northwindCustomers, openApp, waitForPartner, type App } from './support';

const blueFjord = DEMO_PARTNERS[1]!;
const POLL = { timeout: 10_000, interval: 50 };

/** Northwind (its customers listed) and Blue Fjord, which is active: the link has somewhere to go. */
async function twoProfiles(app: App) {
  await northwindCustomers(app);
  await app.page.getByRole('button', { name: '+ Add profile' }).click();
  await addProfileViaUi(app.page, { name: 'Blue Fjord', authId: blueFjord.authId, token: blueFjord.token, baseUrl: app.sim.partnerBaseUrl });
  await waitForPartner(app.page, blueFjord.name);
  const { profiles } = await app.h.services.profiles.list();
  const id = (name: string) => profiles.find((p) => p.displayName === name)!.id;
  const harborlight = app.sim.state.customers.find((c) => c.name === HARBORLIGHT)!.authId;
  return { northwind: id('Northwind'), blueFjord: id('Blue Fjord'), harborlight };
}

const activeName = (app: App) => app.page.getByTestId('active-profile-name').innerText();
const note = (app: App) => app.page.getByTestId('command-note').locator('.notice-title');
const openEvents = (app: App) => app.h.bridgeLog.filter((l) => l.includes('"type":"open"'));

async function onCustomer(app: App, name: string) {
  const panel = app.page.getByTestId('customer-panel');
  await panel.getByRole('heading', { name, exact: true }).waitFor({ timeout: 10_000 });
  expect(await app.page.getByRole('tab', { name: 'Customers' }).getAttribute('aria-selected')).toBe('true');
}

describe('trunkdesk:// links', () => {
  it('an open event from main switches profile and opens the customer; a link handed to main does the same', async () => {
    const app = await openApp();
    const ids = await twoProfiles(app);
    expect(await activeName(app)).toBe('Blue Fjord');

    // The event itself, from main's bus (as services/deep-links.ts emits it).
    app.h.services.events.emit({ type: 'open', profileId: ids.northwind, accountId: ids.harborlight });
    await expect.poll(() => activeName(app), POLL).toBe('Northwind');
    await onCustomer(app, HARBORLIGHT);
    // Focus went there, as from the quick switcher.
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.id), POLL).toBe('customer-name');

    // A raw link, as a second launch or macOS open-url hands it over: parsed in main, then the event.
    expect(app.h.services.links.receive(`trunkdesk://open/?profile=${ids.blueFjord}`)).toBe(true);
    await expect.poll(() => activeName(app), POLL).toBe('Blue Fjord');
    expect(JSON.parse(openEvents(app).at(-1)!)).toEqual({ type: 'open', profileId: ids.blueFjord });

    // Back to Northwind's customer by link.
    expect(app.h.services.links.receive(`trunkdesk://open?profile=${ids.northwind}&customer=${ids.harborlight}`)).toBe(true);
    await expect.poll(() => activeName(app), POLL).toBe('Northwind');
    await onCustomer(app, HARBORLIGHT);
  });

  it('refused links change nothing and send nothing to the window', async () => {
    const app = await openApp();
    const ids = await twoProfiles(app);
    const before = openEvents(app).length;
    for (const raw of [
      `trunkdesk://open?profile=${ids.northwind}&token=${blueFjord.token}`,
      `trunkdesk://open?profile=${ids.northwind}&customer=${ids.harborlight}&password=hunter2`,
      `javascript:alert(1)//trunkdesk://open?profile=${ids.northwind}`,
      `trunkdesk://open/../../etc/passwd?profile=${ids.northwind}`,
      `trunkdesk://open?profile=${ids.northwind}&customer=${'A'.repeat(1_000_000)}`,
      `trunkdesk://open?profile=${ids.northwind}&customer=MA_\u202Eevil`,
      `trunkdesk://open?profile=${ids.northwind}&next=https://evil.example`,
    ]) {
      expect(app.h.services.links.receive(raw)).toBe(false);
    }
    await app.page.waitForTimeout(300);
    expect(await activeName(app)).toBe('Blue Fjord');
    expect(openEvents(app).length).toBe(before);
    // No token anywhere the renderer could see.
    expect(app.h.bridgeLog.join('\n')).not.toContain(blueFjord.token);
  });

  it('a profile or customer this computer does not have: a notice that says so, and nothing else changes', async () => {
    const app = await openApp();
    const ids = await twoProfiles(app);
    app.h.services.events.emit({ type: 'open', profileId: 'p_0000000000nothere' });
    await expect.poll(() => note(app).innerText(), POLL).toBe(LINK_NOTES.unknownProfile);
    expect(await activeName(app)).toBe('Blue Fjord');

    app.h.services.events.emit({ type: 'open', profileId: ids.northwind, accountId: 'MA_NOSUCH0001' });
    await expect.poll(() => activeName(app), POLL).toBe('Northwind');
    await expect.poll(() => note(app).innerText(), POLL).toBe(LINK_NOTES.unknownCustomer('MA_NOSUCH0001', 'Northwind'));
    // A good link afterwards clears the notice.
    app.h.services.events.emit({ type: 'open', profileId: ids.northwind, accountId: ids.harborlight });
    await onCustomer(app, HARBORLIGHT);
    await expect.poll(() => app.page.getByTestId('command-note').count(), POLL).toBe(0);
  });

  it('an open event that reaches the renderer without main (hostile or malformed) is checked there and ignored', async () => {
    const app = await openApp();
    const ids = await twoProfiles(app);
    // Parsed in the page, so an own "__proto__" key arrives as a hostile sender would make it.
    const deliver = (json: string) =>
      app.page.evaluate(([ch, j]) => (window as unknown as { __trunkdeskDeliver(c: string, p: unknown): void }).__trunkdeskDeliver(ch, JSON.parse(j)), [EVENT_CHANNEL, json] as const);
    const hostile = [
      { type: 'open', profileId: `../${ids.northwind}` },
      { type: 'open', profileId: ids.northwind, accountId: '<img src=x onerror=alert(1)>' },
      { type: 'open', profileId: ids.northwind, accountId: ids.harborlight, token: blueFjord.token },
      { type: 'open', profileId: ids.northwind, accountId: 'MA_\u202Eevil' },
      { type: 'open', profileId: 42 },
      { type: 'open' },
      [{ type: 'open', profileId: ids.northwind }],
    ].map((p) => JSON.stringify(p));
    hostile.push(`{"type":"open","profileId":"${ids.northwind}","__proto__":{"accountId":"${ids.harborlight}"}}`);
    for (const json of hostile) await deliver(json);
    await app.page.waitForTimeout(300);
    expect(await activeName(app)).toBe('Blue Fjord');
    expect(app.h.consoleLog.filter((l) => l.includes('ignored a link')).length).toBe(hostile.length - 1);
    expect(app.h.consoleLog.filter((l) => l.startsWith('pageerror'))).toEqual([]);
  });

  it('the link the app was launched with waits in main until the window takes it', async () => {
    const app = await openApp();
    const ids = await twoProfiles(app);
    // As at a launch: no window listening yet when the link comes.
    app.h.services.links.windowClosed();
    expect(app.h.services.links.receive(`trunkdesk://open?profile=${ids.northwind}&customer=${ids.harborlight}`)).toBe(true);
    expect(openEvents(app)).toEqual([]);
    await app.page.reload();
    await expect.poll(() => activeName(app), POLL).toBe('Northwind');
    await onCustomer(app, HARBORLIGHT);
    // Taken once: another reload does not go there again.
    await app.h.services.profiles.switchTo(ids.blueFjord);
    await app.page.reload();
    await expect.poll(() => activeName(app), POLL).toBe('Blue Fjord');
    await app.page.waitForTimeout(300);
    expect(await activeName(app)).toBe('Blue Fjord');
  });

  it('a launch link while the profile list cannot be read waits for it, rather than calling the profile unknown', async () => {
    const broken = { on: false };
    const app = await openApp({
      wrapHandlers: (real: Handlers): Handlers => ({
        ...real,
        listProfiles: async (i) => {
          if (broken.on) throw new AppError('KEYCHAIN_UNAVAILABLE', 'The keychain is locked.', { retryable: true });
          return real.listProfiles(i);
        },
      }),
    });
    const ids = await twoProfiles(app);
    broken.on = true;
    app.h.services.links.windowClosed();
    expect(app.h.services.links.receive(`trunkdesk://open?profile=${ids.northwind}&customer=${ids.harborlight}`)).toBe(true);
    await app.page.reload();
    const failed = app.page.getByTestId('profiles-error');
    await failed.waitFor({ timeout: 10_000 });
    broken.on = false;
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => activeName(app), POLL).toBe('Northwind');
    await onCustomer(app, HARBORLIGHT);
    expect(await app.page.getByTestId('command-note').count()).toBe(0);
  });
});
