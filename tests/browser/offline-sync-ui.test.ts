// The offline-first UI in the built app through the harness: Sync all with its progress bar and
// its cancel (button and Escape), the sync history naming known edits across two syncs, the search
// across every customer naming the customer (and opening the hit), and the writes that are
// disabled offline with the reason until the app comes back online by itself.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { editInConsole } from '../sim/console-edits';
import { DEMO_PARTNERS } from '../sim/data';
import { startSimulator, type Simulator } from '../sim/server';
import { addProfileViaUi, openApp, openCustomers, selectCustomerByName, shownUsernames, waitForPartner, type App } from './support';

const nw = DEMO_PARTNERS[0]!;
const HARBORLIGHT = 'Harborlight Logistics';
const KESTREL = 'Kestrel Freight Forwarding';
const POLL = { timeout: 15_000, interval: 100 };
const OFFLINE = 'You are offline: changes need Vobiz.';

const customerOf = (sim: Simulator, name: string) => sim.state.customers.find((c) => c.name === name)!;
const northwindCustomers = (sim: Simulator) => sim.state.customers.filter((c) => c.partnerAuthId === nw.authId);

async function northwind(a: App): Promise<void> {
  await addProfileViaUi(a.page, { name: 'Northwind', authId: nw.authId, token: nw.token, baseUrl: a.sim.partnerBaseUrl });
  await waitForPartner(a.page, nw.name);
  await openCustomers(a.page);
}

async function openCredentials(page: Page, name: string) {
  await selectCustomerByName(page, name);
  const view = page.getByTestId('credentials-view');
  await view.locator('tr[data-username]').first().waitFor({ timeout: 15_000 });
  return view;
}

async function activeId(a: App): Promise<string> {
  return (await a.h.services.profiles.list()).activeId!;
}

describe('sync', () => {
  it('Sync all shows its progress (customers done of total, credentials, rate) and can be cancelled by button and by Escape', async () => {
    const app = await openApp();
    const { page, sim, h } = app;
    await northwind(app);
    const total = northwindCustomers(sim).length;

    sim.setFaults({ latencyMs: 600 });
    const syncAll = page.getByTestId('sync-all');
    await syncAll.click();
    const bar = page.getByTestId('sync-progress');
    await bar.waitFor();
    expect(await bar.getAttribute('role')).toBe('progressbar');
    await expect.poll(() => bar.getAttribute('aria-valuemax'), POLL).toBe(String(total));
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(total);
    const said = await bar.innerText();
    expect(said).toMatch(new RegExp(`\\d+ of ${total} customers`));
    expect(said).toMatch(/\d+ credentials?/);
    expect(said).toMatch(/\d+\/s/);
    // One sync at a time: Sync all says why it does nothing now, and keeps focus (for Escape).
    expect(await syncAll.getAttribute('aria-disabled')).toBe('true');

    await page.getByTestId('sync-cancel').click();
    const summary = page.getByTestId('sync-summary');
    await summary.waitFor({ timeout: 15_000 });
    expect(await summary.getAttribute('data-outcome')).toBe('cancelled');
    expect(await summary.innerText()).toMatch(/Sync cancelled after \d+ of \d+ customers/);
    expect(await bar.count()).toBe(0);
    const reports = await h.services.store.reports(await activeId(app));
    expect(reports[0]).toMatchObject({ scope: 'all', outcome: 'cancelled' });

    // Again, and Escape cancels it (focus is still in the app, no dialog is open).
    await syncAll.click();
    await bar.waitFor();
    expect(await syncAll.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => summary.getAttribute('data-outcome'), POLL).toBe('cancelled');
    await expect.poll(async () => (await h.services.store.reports(await activeId(app))).length, POLL).toBe(2);

    // And once through: the summary lists the customers that could not be synced, with why.
    sim.setFaults({});
    await syncAll.click();
    await expect.poll(() => summary.getAttribute('data-outcome'), POLL).toBe('partial');
    const failures = page.getByTestId('sync-failures');
    expect(await failures.innerText()).toMatch(/Meridian Health Clinics[\s\S]*API token/);
    expect(await failures.innerText()).toMatch(/Lotus Bay Hospitality[\s\S]*inactive/);
    expect(await summary.innerText()).toMatch(new RegExp(`Synced ${total - 2} of ${total} customers`));
  });

  it('the sync history names the edits made at Vobiz between two syncs, per customer and username', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await northwind(app);
    const view = await openCredentials(page, HARBORLIGHT);
    const count = sim.state.credentials.filter((c) => c.accountId === customerOf(sim, HARBORLIGHT).authId).length;

    // Edits made elsewhere (the Vobiz Console): one added, one removed, one enabled, one disabled, one new password.
    const harbor = customerOf(sim, HARBORLIGHT);
    const edits = editInConsole(sim, harbor.authId, 'newdesk01');
    // The list on screen is the stored one: it does not change until a sync.
    await view.getByLabel('Filter by username').fill('newdesk01');
    await view.getByTestId('credentials-no-match').waitFor();
    await view.getByLabel('Filter by username').fill('');
    await view.locator('tr[data-username]').first().waitFor();

    await view.getByTestId('sync-account').click();
    const summary = view.getByTestId('sync-summary');
    await summary.waitFor({ timeout: 15_000 });
    expect(await summary.getAttribute('data-outcome')).toBe('done');
    expect(await summary.innerText()).toMatch(/Synced Harborlight Logistics[\s\S]*Changes in 1 customer/);
    // The open list is read again after the sync: the new credential is in it.
    await view.getByLabel('Filter by username').fill('newdesk01');
    await expect.poll(() => shownUsernames(page), POLL).toEqual(['newdesk01']);

    await page.getByTestId('open-sync-history').click();
    const reports = page.getByTestId('sync-report');
    await expect.poll(() => reports.count(), POLL).toBe(2);
    const latest = reports.nth(0);
    expect(await latest.innerText()).toMatch(/Done[\s\S]*Harborlight Logistics/);
    const change = latest.locator(`.sync-change[data-customer-auth-id="${harbor.authId}"]`);
    const kind = (k: string) => change.locator(`[data-kind="${k}"] dd`).innerText();
    expect(await kind('added')).toBe('newdesk01');
    expect(await kind('removed')).toBe(edits.removed);
    expect(await kind('enabled')).toBe(edits.enabled);
    expect(await kind('disabled')).toBe(edits.disabled);
    expect(await kind('passwordChanged')).toBe(edits.passwordChanged);
    expect(await change.innerText()).toMatch(/1 added · 1 removed · 1 enabled · 1 disabled · 1 password changed/);
    // The older one is the first sync (opening the customer): it says so, not "added".
    const first = reports.nth(1).locator('.sync-change[data-first-sync="true"]');
    expect(await first.innerText()).toMatch(new RegExp(`Harborlight Logistics\\s*first sync: ${count} credentials`));
    expect(await reports.nth(1).innerText()).not.toMatch(/added/);
  });
});

describe('search across every customer', () => {
  it('finds a SIP user, names its customer, and opens that customer filtered to it; Ctrl+Shift+F and / focus it, Escape closes', async () => {
    const app = await openApp();
    const { page } = app;
    await northwind(app);
    await page.getByTestId('sync-all').click();
    await page.getByTestId('sync-summary').waitFor({ timeout: 30_000 });

    const search = page.getByLabel('Find SIP user');
    await page.keyboard.press('Control+Shift+F');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.pressSequentially('portd');
    const results = page.getByTestId('global-search-results');
    const hit = results.getByRole('option', { name: /portdesk/ });
    await hit.waitFor();
    expect((await hit.innerText()).replace(/\s+/g, ' ').trim()).toBe('portdesk — Kestrel Freight Forwarding');
    // It says how much it searched and how old that may be.
    expect(await page.getByTestId('global-search-summary').innerText()).toMatch(/1 match · \d+ customers searched · oldest list fetched (just now|\d+ min\.? ago)/);

    await search.press('Escape');
    await results.waitFor({ state: 'detached' });
    expect(await search.inputValue()).toBe('portd');

    // "/" from outside a field focuses it too; Enter opens the highlighted hit.
    await page.getByRole('tab', { name: 'Partner' }).focus();
    await page.keyboard.press('/');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.press('ArrowDown');
    await hit.waitFor();
    await search.press('Enter');
    const panel = page.getByTestId('customer-panel');
    await panel.getByRole('heading', { name: KESTREL, exact: true }).waitFor();
    const view = page.getByTestId('credentials-view');
    await expect.poll(() => shownUsernames(page), POLL).toEqual(['portdesk']);
    expect(await view.getByLabel('Filter by username').inputValue()).toBe('portdesk');
    expect(await page.getByRole('tab', { name: 'Customers' }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('offline', () => {
  it('disables every write with the reason, keeps reading, searching and exporting, and comes back online by itself', async () => {
    const app = await openApp({ probeEveryMs: 300 });
    const { page, sim, h } = app;
    const port = Number(new URL(sim.url).port);
    await northwind(app);
    const view = await openCredentials(page, HARBORLIGHT);
    const create = view.getByRole('button', { name: '+ New credential' });
    expect(await create.isDisabled()).toBe(false);

    // The network goes; the next call that needs Vobiz finds out.
    await sim.close();
    await page.getByRole('tab', { name: 'Partner' }).click();
    await page.getByRole('button', { name: 'Refresh' }).click();
    const banner = page.getByTestId('offline-banner');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.getAttribute('role')).toBe('status');
    expect(await banner.innerText()).toMatch(/^Offline — showing data from (less than a minute|\d+ minutes?) ago/);
    expect(await page.getByTestId('partner-view').getByTestId('data-source').getAttribute('data-source-kind')).toBe('stored');

    await openCustomers(page);
    await view.locator('tr[data-username]').first().waitFor();
    expect(await view.getByTestId('data-source').getAttribute('data-source-kind')).toBe('stored');
    const reasons = async (loc: ReturnType<Page['locator']>) => {
      expect(await loc.isDisabled()).toBe(true);
      expect(await loc.getAttribute('title')).toMatch(/You are offline: changes need Vobiz\./);
      const id = await loc.getAttribute('aria-describedby');
      expect(id).toBeTruthy();
      expect(await page.locator(`[id="${id}"]`).innerText()).toBe(OFFLINE);
    };
    await reasons(create);
    const row = view.locator('tbody tr[data-username]').first();
    await reasons(row.getByRole('button', { name: /^(Enable|Disable)$/ }));
    await reasons(row.getByRole('button', { name: 'Change password' }));
    await reasons(row.getByRole('button', { name: 'Delete' }));
    await row.getByRole('checkbox').check();
    const bulk = page.getByTestId('bulk-bar');
    for (const name of ['Disable selected', 'Enable selected', 'Delete selected']) await reasons(bulk.getByRole('button', { name }));
    expect(await bulk.getByRole('button', { name: 'Clear selection' }).isDisabled()).toBe(false);
    await reasons(page.getByTestId('new-customer'));
    expect(await page.getByTestId('new-customer-blocked').innerText()).toBe(OFFLINE);
    expect(await page.getByTestId('replace-customer-token').isDisabled()).toBe(true);

    // Reading still works: sort, filter, paging, export, and the search across customers.
    await view.getByRole('button', { name: 'Username', exact: true }).click();
    const names = await shownUsernames(page);
    await expect.poll(() => shownUsernames(page), POLL).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(await view.getByRole('button', { name: 'Next', exact: true }).isDisabled()).toBe(false);
    h.platform.nextSavePath = `${h.dataDir}/offline.csv`;
    await view.getByRole('button', { name: 'Export CSV' }).click();
    await page.getByTestId('export-result').waitFor();
    await page.getByLabel('Find SIP user').fill('dispatch01');
    await page.getByTestId('global-search-results').getByText(/dispatch01\s*—\s*Harborlight Logistics/).waitFor();
    await page.getByLabel('Find SIP user').press('Escape');

    // The network comes back on the same address: the banner goes and the writes return by themselves.
    const back = await startSimulator({ quiet: true, port });
    try {
      await banner.waitFor({ state: 'detached', timeout: 15_000 });
      await expect.poll(() => create.isDisabled(), POLL).toBe(false);
      expect(await page.getByTestId('new-customer').isDisabled()).toBe(false);
      // The customer list came back live on its own.
      await expect.poll(() => page.getByTestId('customer-list').getByTestId('data-source').getAttribute('data-source-kind'), POLL).toBe('live');
    } finally {
      await back.close();
    }
  });
});
