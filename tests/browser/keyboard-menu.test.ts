// Issue 9: every command of the application menu (src-preload/commands.ts), run once through its
// keyboard shortcut and once through the menu's path: main emitting the 'menu' event, as a menu
// click does (src-main/index.ts sends it through the same outgoing-events exit), to the real
// renderer. Both must do the same thing, and a command that cannot act says why.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { COMMAND_LIST, type CommandId } from '../../src-preload/commands';
import type { Handlers } from '../../src-main/ipc/router';
import { DEMO_PARTNERS } from '../sim/data';
import { addProfileViaUi, northwindCustomers, openApp, openCredentials, openCustomers, selectCustomerByName, waitForPartner, type App } from './support';

const blueFjord = DEMO_PARTNERS[1]!;
const KESTREL = 'Kestrel Freight Forwarding';
const LOTUS = 'Lotus Bay Hospitality';
const POLL = { timeout: 15_000, interval: 50 };

type Via = 'keyboard' | 'menu';

/** Linux's chord for a command's accelerator (CmdOrCtrl is Ctrl here). */
const chordOf = (id: CommandId) => COMMAND_LIST.find((c) => c.id === id)!.accelerator!.replace('CmdOrCtrl', 'Control');

async function run(a: App, via: Via, command: CommandId): Promise<void> {
  if (via === 'keyboard') await a.page.keyboard.press(chordOf(command));
  else a.h.services.events.emit({ type: 'menu', command });
}

const focusedName = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? null);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);
const focusedTestId = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? null);

/** Counts the calls of each channel that reach main's handlers. */
function counting(calls: Map<string, number>) {
  return (real: Handlers): Handlers =>
    Object.fromEntries(
      Object.entries(real).map(([name, fn]) => [
        name,
        (input: never) => {
          calls.set(name, (calls.get(name) ?? 0) + 1);
          return (fn as (i: never) => unknown)(input);
        },
      ]),
    ) as unknown as Handlers;
}

for (const via of ['keyboard', 'menu'] as const) {
  describe(`every command, via the ${via}`, () => {
    it('add profile, profile 1–9, find, find SIP user, quick switcher, new credential, sync, sync all, refresh, settings', async () => {
      const calls = new Map<string, number>();
      const app = await openApp({ wrapHandlers: counting(calls) });
      const { page, sim } = app;
      const note = page.getByTestId('command-note').locator('.notice-title');
      await northwindCustomers(app);

      // Add profile: the form, focus in it.
      await run(app, via, 'addProfile');
      await page.getByTestId('add-profile-form').waitFor();
      await expect.poll(() => focusedName(page), POLL).toBe('displayName');
      await addProfileViaUi(page, { name: 'Blue Fjord', authId: blueFjord.authId, token: blueFjord.token, baseUrl: sim.partnerBaseUrl });
      await waitForPartner(page, blueFjord.name);

      // Profile 1 and 2 switch; profile 3 does not exist and says so.
      await run(app, via, 'profile1');
      await expect.poll(() => page.getByTestId('active-profile-name').innerText(), POLL).toBe('Northwind');
      await run(app, via, 'profile2');
      await expect.poll(() => page.getByTestId('active-profile-name').innerText(), POLL).toBe('Blue Fjord');
      await run(app, via, 'profile9');
      await expect.poll(() => note.innerText(), POLL).toMatch(/^There is no profile 9: there are 2 profiles\./);
      await run(app, via, 'profile1');
      await expect.poll(() => page.getByTestId('active-profile-name').innerText(), POLL).toBe('Northwind');
      await expect.poll(() => note.count(), POLL).toBe(0);
      await openCustomers(page);

      // New credential with no customer open: why not.
      await run(app, via, 'newCredential');
      await expect.poll(() => note.innerText(), POLL).toMatch(/^Open a customer first/);
      // Find: the customer search (no credential list is open).
      await run(app, via, 'find');
      await expect.poll(() => focusedName(page), POLL).toBe('customerSearch');

      // An inactive customer: New credential says why not.
      await selectCustomerByName(page, LOTUS);
      await page.getByTestId('credentials-view').waitFor();
      await run(app, via, 'newCredential');
      await expect.poll(() => note.innerText(), POLL).toBe(`${LOTUS} is inactive (suspended): its credentials cannot be changed.`);
      expect(await page.getByTestId('create-credential-form').count()).toBe(0);

      // An active customer: New credential opens its create form, focus on the username.
      const view = await openCredentials(page, KESTREL);
      await run(app, via, 'newCredential');
      await page.getByTestId('create-credential-form').waitFor();
      await expect.poll(() => focusedName(page), POLL).toBe('username');
      await page.getByTestId('create-credential-form').getByRole('button', { name: 'Cancel' }).click();
      await page.getByTestId('create-credential-form').waitFor({ state: 'detached' });

      // Find: now the credential list's filter. Find SIP user: the search across customers.
      await run(app, via, 'find');
      await expect.poll(() => focusedName(page), POLL).toBe('usernameFilter');
      await run(app, via, 'findSipUser');
      await expect.poll(() => focusedName(page), POLL).toBe('globalSearch');

      // Quick switcher: the dialog, focus in it.
      await run(app, via, 'quickSwitcher');
      const dialog = page.getByRole('dialog', { name: 'Go to a profile or customer' });
      await dialog.waitFor();
      await expect.poll(() => focusedTestId(page), POLL).toBe('quick-switcher-input');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      // Refresh: the open customer, its credential list and the customer list are fetched again.
      const before = { list: calls.get('listCredentials') ?? 0, customers: calls.get('listCustomers') ?? 0, select: calls.get('selectCustomer') ?? 0 };
      await run(app, via, 'refresh');
      await expect.poll(() => calls.get('listCredentials') ?? 0, POLL).toBeGreaterThan(before.list);
      await expect.poll(() => calls.get('listCustomers') ?? 0, POLL).toBeGreaterThan(before.customers);
      await expect.poll(() => calls.get('selectCustomer') ?? 0, POLL).toBeGreaterThan(before.select);

      // Sync: this customer's list, its summary in its own view.
      await run(app, via, 'sync');
      await view.locator('[data-testid="sync-summary"][data-scope="account"]').waitFor({ timeout: 20_000 });
      expect(calls.get('syncAccount')).toBe(1);
      // Sync all: every customer, its summary above the customers.
      await run(app, via, 'syncAll');
      await page.locator('[data-testid="sync-summary"][data-scope="all"]').waitFor({ timeout: 30_000 });
      expect(calls.get('syncAll')).toBe(1);

      // Settings: the active profile's, focus on their heading.
      await run(app, via, 'settings');
      await page.getByTestId('profile-settings').waitFor();
      await expect.poll(() => focusedId(page), POLL).toBe('settings-title');
      expect(await page.getByTestId('profile-settings').getByText('PA_NWND2026').count()).toBe(1);

      // Each command ran once: no command ran twice (keyboard and menu do not both act here).
      expect(calls.get('syncAccount')).toBe(1);
      expect(calls.get('syncAll')).toBe(1);
    });
  });
}

describe('shortcuts leave typing alone', () => {
  it('"/" in a text field types; the menu event still works while typing', async () => {
    const app = await openApp();
    const { page } = app;
    await northwindCustomers(app);
    const search = page.getByLabel('Search customers');
    await search.focus();
    await page.keyboard.type('a/b');
    expect(await search.inputValue()).toBe('a/b');
    app.h.services.events.emit({ type: 'menu', command: 'findSipUser' });
    await expect.poll(() => focusedName(page), POLL).toBe('globalSearch');
  });
});

describe('before the first profile', () => {
  it('a command that needs a profile says so, by keyboard and by menu', async () => {
    const app = await openApp();
    const { page } = app;
    await page.getByTestId('first-run').waitFor();
    const note = page.getByTestId('command-note').locator('.notice-title');
    await page.keyboard.press(chordOf('sync'));
    await expect.poll(() => note.innerText(), POLL).toBe('Add or choose a profile first.');
    await page.getByTestId('command-note').getByRole('button', { name: 'Dismiss' }).click();
    app.h.services.events.emit({ type: 'menu', command: 'quickSwitcher' });
    await expect.poll(() => note.innerText(), POLL).toBe('Add a profile first.');
  });
});
