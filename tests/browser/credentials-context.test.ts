// Issue 9 (part 1): what the credential view tells an admin with many customers, in the built app.
// A generated password is never lost without a word (it follows the admin across customers, tabs
// and profiles, and Done before copying asks first); an export says where the file went and shows
// it in the file manager; an inactive customer's writes are off with the reason; and old notices
// give way to what happened since.
import { dirname, join } from 'node:path';
import type { Locator, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERS } from '../sim/data';
import { startSimulator } from '../sim/server';
import { tempDir } from '../support/tmp';
import { addProfileViaUi, openApp, selectCustomerByName, shownUsernames, waitForPartner, type App, northwindCustomers, openCredentials } from './support';

const blueFjord = DEMO_PARTNERS[1]!;
const HARBORLIGHT = 'Harborlight Logistics';
const KESTREL = 'Kestrel Freight Forwarding';
const LOTUS = 'Lotus Bay Hospitality';
const POLL = { timeout: 10_000, interval: 100 };
const PASSWORD = /^[A-Za-z0-9~!@#$%^&*()_+]{16}$/;



async function createGenerated(page: Page, view: Locator, username: string): Promise<Locator> {
  await view.getByRole('button', { name: '+ New credential' }).click();
  const f = page.getByTestId('create-credential-form');
  await f.getByLabel('Username').fill(username);
  await f.getByRole('button', { name: 'Create credential' }).click();
  await view.locator(`tr[data-username="${username}"]`).waitFor();
  return page.getByTestId('new-password');
}

const customerId = (a: App, name: string) => a.sim.state.customers.find((c) => c.name === name)!.authId;

describe('credential view context', () => {
  it('a generated password follows the admin across customers, tabs and profiles, and Copy stays after Show', async () => {
    const app = await openApp();
    const { page, h, sim } = app;
    await northwindCustomers(app);
    const view = await openCredentials(page, KESTREL);
    const once = await createGenerated(page, view, 'berth01');

    // It names what the phone needs with it.
    const realm = `${customerId(app, KESTREL)}.sip.vobiz.ai`;
    const settings = once.getByTestId('new-password-settings');
    await expect.poll(() => settings.locator('[data-setting="Registrar"]').count(), POLL).toBe(1);
    expect(await settings.locator('[data-setting="Username"] dd').innerText()).toBe('berth01');
    expect(await settings.locator('[data-setting="Realm / SIP domain"] dd').innerText()).toBe(realm);
    expect(await settings.locator('[data-setting="Registrar"] dd').innerText()).toBe(realm);

    // Show, then Copy is still there and copies the same password.
    await once.getByRole('button', { name: 'Show password' }).click();
    const shown = (await page.getByTestId('revealed-password').innerText()).trim();
    expect(shown).toMatch(PASSWORD);
    expect(await once.getByRole('button', { name: 'Show password' }).count()).toBe(0);
    expect(sim.state.credentials.find((c) => c.username === 'berth01')!.password).toBe(shown);

    // Another customer: the panel follows, naming whose password it is.
    await openCredentials(page, HARBORLIGHT);
    const away = page.getByTestId('pending-passwords').getByTestId('new-password');
    await away.waitFor();
    expect(await away.innerText()).toMatch(new RegExp(`${KESTREL}: the generated password for berth01 is not copied yet`));
    // The Partner tab, then another profile: still there.
    await page.getByRole('tablist', { name: 'Profile sections' }).getByRole('tab', { name: 'Partner' }).click();
    await away.waitFor();
    await page.getByRole('button', { name: '+ Add profile' }).click();
    await addProfileViaUi(page, { name: 'Blue Fjord', authId: blueFjord.authId, token: blueFjord.token, baseUrl: sim.partnerBaseUrl });
    await waitForPartner(page, blueFjord.name);
    await away.waitFor();

    await away.getByRole('button', { name: 'Copy to clipboard' }).click();
    await away.getByTestId('copy-result').waitFor();
    expect(h.platform.clipboardText).toBe(shown);
    // Copied: Done closes it without asking.
    await away.getByRole('button', { name: 'Done' }).click();
    await page.getByTestId('new-password').waitFor({ state: 'detached' });
  });

  it('Done before copying asks first, and closes only when the admin confirms', async () => {
    const app = await openApp();
    const { page, h } = app;
    await northwindCustomers(app);
    const view = await openCredentials(page, KESTREL);
    const once = await createGenerated(page, view, 'berth02');
    await once.getByRole('button', { name: 'Done' }).click();
    const confirm = once.getByTestId('lose-password-confirm');
    expect(await confirm.innerText()).toMatch(/You have not copied it/);
    await confirm.getByRole('button', { name: 'Keep it open' }).click();
    expect(await once.getByRole('button', { name: 'Copy to clipboard' }).count()).toBe(1);

    await once.getByRole('button', { name: 'Done' }).click();
    await once.getByTestId('lose-password-confirm').getByRole('button', { name: 'Close without copying' }).click();
    await page.getByTestId('new-password').waitFor({ state: 'detached' });
    expect(h.platform.clipboardText).toBe('');
  });

  it('an export says which folder and file it went to, and shows it in the folder', async () => {
    const app = await openApp();
    const { page, h } = app;
    await northwindCustomers(app);
    const view = await openCredentials(page, KESTREL);
    const file = join(tempDir(), 'kestrel.csv');
    h.platform.nextSavePath = file;
    let release!: () => void;
    h.platform.saveGate = new Promise<void>((r) => (release = r));
    await view.getByRole('button', { name: 'Export CSV' }).click();
    // Busy while it runs.
    await view.getByTestId('export-progress').waitFor();
    expect(await view.getByRole('button', { name: 'Exporting…' }).getAttribute('aria-busy')).toBe('true');
    release();
    const result = view.getByTestId('export-result');
    await result.waitFor();
    expect(await result.getByTestId('export-file').innerText()).toBe('kestrel.csv');
    expect(await result.getByTestId('export-folder').innerText()).toBe(dirname(file));
    expect(await result.innerText()).toMatch(/Exported 6 credentials to kestrel\.csv/);
    expect(await view.getByTestId('export-progress').count()).toBe(0);
    await result.getByRole('button', { name: 'Show in folder' }).click();
    await expect.poll(() => h.platform.shownInFolder, POLL).toEqual([file]);
  });

  it('an inactive customer: writes are off with the reason, and export of the stored list still works', async () => {
    const app = await openApp();
    const { page, sim, h } = app;
    await northwindCustomers(app);
    // Kestrel's list is stored, then Vobiz suspends it.
    await openCredentials(page, KESTREL);
    await openCredentials(page, HARBORLIGHT);
    sim.state.customers.find((c) => c.name === KESTREL)!.isActive = false;
    const view = await openCredentials(page, KESTREL);
    await page.getByTestId('customer-panel').locator('[data-field="status"]').getByText('Inactive').waitFor(POLL);

    const create = view.getByRole('button', { name: '+ New credential' });
    expect(await create.isDisabled()).toBe(true);
    expect(await create.getAttribute('title')).toMatch(/inactive \(suspended\)/);
    const reason = view.getByTestId('blocked-reason');
    expect(await reason.innerText()).toMatch(/Kestrel Freight Forwarding is inactive \(suspended\).*Export CSV still works/);
    const row = view.locator('tr[data-username="jafza01"]');
    expect(await row.getByRole('button', { name: 'Disable', exact: true }).isDisabled()).toBe(true);
    expect(await row.getByRole('button', { name: 'Delete', exact: true }).isDisabled()).toBe(true);

    h.platform.nextSavePath = join(tempDir(), 'k.csv');
    await view.getByRole('button', { name: 'Export CSV' }).click();
    await view.getByTestId('export-result').waitFor();

    // Lotus Bay, inactive from the start (nothing stored): + New credential is off with the reason.
    const lotus = page.getByTestId('credentials-view');
    await selectCustomerByName(page, LOTUS);
    await lotus.waitFor();
    const lotusCreate = lotus.getByRole('button', { name: '+ New credential' });
    expect(await lotusCreate.isDisabled()).toBe(true);
    expect(await lotus.getByTestId('blocked-reason').innerText()).toMatch(/Lotus Bay Hospitality is inactive/);
  });

  it('old notices give way: a later failure replaces "Deleted …", fresh data replaces a failure, one failure shows once', async () => {
    const app = await openApp({ probeEveryMs: 300 });
    const { page, sim } = app;
    const port = Number(new URL(sim.url).port);
    await northwindCustomers(app);
    const view = await openCredentials(page, KESTREL);
    await view.locator('tr[data-username="jafza02"]').getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByTestId('delete-confirm').getByRole('button', { name: 'Delete', exact: true }).click();
    await view.getByTestId('credentials-status').getByText('Deleted jafza02.').waitFor();

    // The network goes; Sync cannot reach Vobiz: the "Deleted" line gives way to the failure.
    await sim.close();
    const back = { sim: null as Awaited<ReturnType<typeof startSimulator>> | null };
    try {
      await view.getByTestId('sync-account').click();
      await view.getByText(/Could not reach/).first().waitFor(POLL);
      expect(await view.getByTestId('credentials-status').count()).toBe(0);

      back.sim = await startSimulator({ quiet: true, port });
      await page.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 15_000 });

      // The network goes again before the app has noticed: a Disable cannot reach Vobiz.
      await back.sim.close();
      await view.locator('tr[data-username="jafza01"]').getByRole('button', { name: 'Disable', exact: true }).click();
      const failure = view.getByTestId('credential-action-error');
      await failure.waitFor(POLL);
      expect(await failure.innerText()).toMatch(/Could not reach/);

      // It comes back: the app notices by itself, and the failure does not stay above the list.
      back.sim = await startSimulator({ quiet: true, port });
      await page.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 15_000 });
      await expect.poll(() => failure.count(), POLL).toBe(0);

      // A customer whose token is stored but whose list is not (its first sync failed), then Vobiz
      // answers 500 to everything: its details and its list fail the same way, shown once.
      const cobalt = customerId(app, 'Cobalt Ridge Software');
      back.sim.setFaults({ queue: [{ match: `/Account/${cobalt}/`, kind: 'status', status: 500, times: -1 }] });
      await selectCustomerByName(page, 'Cobalt Ridge Software');
      await page.getByTestId('credentials-error').waitFor(POLL);
      await selectCustomerByName(page, KESTREL);
      back.sim.setFaults({ queue: [{ kind: 'status', status: 500, times: -1 }] });
      await selectCustomerByName(page, 'Cobalt Ridge Software');
      await page.getByTestId('customer-error').waitFor(POLL);
      await page.getByTestId('credentials-view').waitFor();
      await page.waitForTimeout(1500);
      const alerts = await page.getByTestId('customer-panel').getByRole('alert').allInnerTexts();
      expect(alerts).toHaveLength(1);

      // Vobiz answers again; Try again fetches the customer and its list, and the one notice goes.
      back.sim.setFaults({});
      await page.getByTestId('customer-error').getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => shownUsernames(page), { timeout: 15_000 }).toContain('supportline');
      await expect.poll(() => page.getByTestId('customer-panel').getByRole('alert').count(), POLL).toBe(0);
    } finally {
      await back.sim?.close().catch(() => undefined);
    }
  });
});
