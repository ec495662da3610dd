// The whole offline story (issue 7), as an admin lives it, in the built app through the harness:
// load data, lose the network, restart the app, review everything on stored data with its age,
// then get the network back and see the app come online by itself.
import { describe, expect, it } from 'vitest';
import { startHarness } from '../harness/harness';
import { DEMO_PARTNERS } from '../sim/data';
import { startSimulator } from '../sim/server';
import { tempDir } from '../support/tmp';
import { addProfileViaUi, openApp, openCustomers, selectCustomerByName, shownUsernames, waitForPartner } from './support';

const nw = DEMO_PARTNERS[0]!;

describe('offline', () => {
  it('reviews stored data with its age after a restart with no network, and comes back online by itself', async () => {
    const dataDir = tempDir();
    const app = await openApp({ dataDir, probeEveryMs: 300 });
    const { page, sim, h } = app;
    const port = Number(new URL(sim.url).port);
    await addProfileViaUi(page, { name: 'Northwind', authId: nw.authId, token: nw.token, baseUrl: sim.partnerBaseUrl });
    await waitForPartner(page, nw.name);
    await openCustomers(page);
    await page.getByTestId('sync-all').click();
    await expect.poll(async () => (await h.services.store.reports((await h.services.profiles.list()).activeId!)).length, { timeout: 20_000 }).toBeGreaterThan(0);

    // The network goes; the app is restarted on the same data.
    await h.close();
    await sim.close();
    const again = await startHarness({ dataDir, keychainService: h.keychainService, probeEveryMs: 300 });
    try {
      const p = again.page;
      await waitForPartner(p, nw.name);
      await p.getByTestId('offline-banner').waitFor({ timeout: 15_000 });
      expect(await p.getByTestId('offline-banner').innerText()).toMatch(/Offline — showing data from .*(ago|just now|seconds|minute)/i);
      expect(await p.getByTestId('partner-view').getByTestId('data-source').getAttribute('data-source-kind')).toBe('stored');

      // Customers, search, a customer's credentials sorted and filtered, all from the store.
      await openCustomers(p);
      await p.getByRole('searchbox', { name: /search customers/i }).or(p.getByLabel(/search customers/i)).first().fill('harbor');
      await selectCustomerByName(p, 'Harborlight Logistics');
      const view = p.getByTestId('credentials-view');
      await view.locator('tr[data-username]').first().waitFor();
      expect(await view.getByTestId('data-source').getAttribute('data-source-kind')).toBe('stored');
      await view.getByRole('button', { name: /Username/ }).first().click();
      const names = await shownUsernames(p);
      expect(names.length).toBeGreaterThan(5);
      expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
      // Writes wait for the network, and say why.
      const create = view.getByRole('button', { name: '+ New credential' });
      expect(await create.isDisabled()).toBe(true);
      expect((await create.getAttribute('title')) ?? '').toMatch(/offline/i);
      // Find SIP user across every customer, offline.
      await p.getByTestId('global-search').locator('input').or(p.getByLabel('Find SIP user')).first().fill('portdesk');
      await p.getByTestId('global-search-results').getByText(/Kestrel Freight/).waitFor();

      // The network comes back on the same address: the app notices by itself.
      const back = await startSimulator({ quiet: true, port });
      try {
        await p.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 15_000 });
        await expect.poll(() => create.isDisabled(), { timeout: 10_000 }).toBe(false);
      } finally {
        await back.close();
      }
    } finally {
      await again.close();
    }
  });
});
