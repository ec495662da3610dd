// Issue 9: the quick switcher (Ctrl/Cmd+K), in the built app against the simulator. It finds any
// profile (by name or partner auth id) and any stored customer of any profile (by name or auth
// ID), searched in main; it is a modal dialog whose focus stays inside, Escape closes it and gives
// focus back, the arrows move through a listbox, and Enter goes there, switching profile. At scale:
// Northwind with 400 more customers, all stored by Sync all.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERS } from '../sim/data';
import { addProfileViaUi, northwindCustomers, openApp, waitForPartner } from './support';

const northwind = DEMO_PARTNERS[0]!;
const blueFjord = DEMO_PARTNERS[1]!;
const POLL = { timeout: 10_000, interval: 50 };
const MANY = 400;

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? null, testId: el?.dataset.testid ?? null, text: el?.textContent?.trim() ?? null, id: el?.id ?? null, role: el?.getAttribute('role') ?? null };
  });

describe('quick switcher', () => {
  it(`goes to any profile or any of ${MANY}+ stored customers by name or auth ID, from the keyboard`, async () => {
    const app = await openApp();
    const { page, sim } = app;
    const added = Array.from({ length: MANY }, (_, i) =>
      sim.addCustomer(northwind.authId, { name: `Scale Customer ${String(i + 1).padStart(3, '0')}`, email: `scale${i + 1}@scale.example` }),
    );
    await northwindCustomers(app);
    // Sync all stores every customer's row (and list) on this computer: what the switcher searches.
    await page.getByTestId('sync-all').click();
    await page.getByTestId('sync-summary').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '+ Add profile' }).click();
    await addProfileViaUi(page, { name: 'Blue Fjord', authId: blueFjord.authId, token: blueFjord.token, baseUrl: sim.partnerBaseUrl });
    await waitForPartner(page, blueFjord.name);

    // Open it from the Partner tab: a modal dialog, focus in its one input.
    const partnerTab = page.getByRole('tablist', { name: 'Profile sections' }).getByRole('tab', { name: 'Partner' });
    await partnerTab.focus();
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Go to a profile or customer' });
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    const input = dialog.getByRole('combobox', { name: 'Profile or customer' });
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    // Nothing typed: the profiles to pick from.
    const options = dialog.getByRole('listbox', { name: 'Profiles and customers found' }).getByRole('option');
    expect(await options.allInnerTexts()).toEqual([expect.stringMatching(/^Northwind/), expect.stringMatching(/^Blue Fjord/)]);

    // Hundreds of matches: the first 50, and how many there are.
    const started = Date.now();
    await input.fill('scale customer');
    const summary = dialog.getByTestId('quick-switcher-summary');
    await expect.poll(() => summary.innerText(), POLL).toBe(`First 50 of ${MANY} matches`);
    const tookMs = Date.now() - started;
    expect(await options.count()).toBe(50);
    expect(tookMs).toBeLessThan(3_000);

    // Arrows move the active option (aria-activedescendant), wrapping at the ends.
    await input.press('ArrowDown');
    await input.press('ArrowDown');
    const activeId = await input.getAttribute('aria-activedescendant');
    expect(activeId).toBe(await options.nth(2).getAttribute('id'));
    expect(await options.nth(2).getAttribute('aria-selected')).toBe('true');
    await input.press('ArrowUp');
    await input.press('ArrowUp');
    await input.press('ArrowUp');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await options.nth(49).getAttribute('id'));

    // Focus stays inside: Tab goes to Close and round again.
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Close');
    await page.keyboard.press('Tab');
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).text).toBe('Close');
    await input.focus();

    // Escape closes it, and focus is back where it was.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await partnerTab.evaluate((el) => el === document.activeElement)).toBe(true);
    // So does its Close button.
    await page.keyboard.press('Control+k');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await partnerTab.evaluate((el) => el === document.activeElement)).toBe(true);

    // By a customer's auth ID, from another profile: Enter switches to Northwind and opens it.
    const target = added[376]!;
    await page.keyboard.press('Control+k');
    await dialog.waitFor();
    await input.fill(target.authId.toLowerCase());
    await expect.poll(() => summary.innerText(), POLL).toBe('1 match');
    expect(await options.first().innerText()).toContain('Scale Customer 377');
    expect(await options.first().innerText()).toContain(target.authId);
    await input.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('active-profile-name').innerText(), POLL).toBe('Northwind');
    const panel = page.getByTestId('customer-panel');
    await panel.getByRole('heading', { name: 'Scale Customer 377', exact: true }).waitFor({ timeout: 10_000 });
    expect(await page.getByRole('tab', { name: 'Customers' }).getAttribute('aria-selected')).toBe('true');
    // Focus went there too: the customer's name.
    await expect.poll(async () => (await focused(page)).id, POLL).toBe('customer-name');

    // A profile by its partner auth id.
    await page.keyboard.press('Control+k');
    await input.fill('PA_BFJD');
    await expect.poll(() => options.allInnerTexts(), POLL).toEqual([expect.stringMatching(/^Blue Fjord\s*Profile/)]);
    await input.press('Enter');
    // The profile opens on the tab last used (Customers here), its name focused in the header.
    await expect.poll(() => page.getByTestId('active-profile-name').innerText(), POLL).toBe('Blue Fjord');
    await expect.poll(async () => (await focused(page)).testId, POLL).toBe('active-profile-name');

    // A name that matches nothing says why a customer may not be found.
    await page.keyboard.press('Control+k');
    await input.fill('no such customer');
    await expect.poll(() => summary.innerText(), POLL).toMatch(/^Nothing matches “no such customer”/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('answers in main from the stored lists, with no token field and at most 50 matches', async () => {
    const app = await openApp();
    const { page, h } = app;
    await northwindCustomers(app);
    // The first customers page was stored when the Customers tab listed it.
    await page.getByRole('listbox', { name: 'Customers' }).getByRole('option').first().waitFor();
    const answer = await page.evaluate(() => window.trunkdesk.quickSwitch({ query: 'a' }));
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.value.items.length).toBeGreaterThan(0);
    expect(answer.value.items.length).toBeLessThanOrEqual(50);
    for (const m of answer.value.items) expect(Object.keys(m).sort()).toEqual(m.kind === 'customer' ? ['customerAuthId', 'kind', 'name', 'profileId', 'profileName'] : ['kind', 'name', 'profileId', 'profileName']);
    expect(h.bridgeLog.join('\n')).not.toContain(northwind.token);
    // Main refuses what the contract does not allow.
    const refused = await page.evaluate(() => window.trunkdesk.quickSwitch({ query: '' }));
    expect(refused.ok).toBe(false);
  });
});
