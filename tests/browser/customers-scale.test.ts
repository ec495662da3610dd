// Issue 9, as the reporter tried it: 300 customers in the built app. The list sorts (in main, over
// every customer), jumps to any page in a couple of actions, shows 20, 50 or 100 a page with the
// range, searches, keeps focus on the control used, and marks only the customers whose token the
// admin must enter: one the partner API hands over needs nothing and shows no "no token" badge.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { wholeScreenShot } from '../harness/whole-screen';
import { DEMO_PARTNERS } from '../sim/data';
import { addManyCustomers } from '../sim/many-customers';
import type { CustomerRecord } from '../sim/types';
import { northwindCustomers, openApp, type App } from './support';

const nw = DEMO_PARTNERS[0]!;
const TOTAL = 300;
const POLL = { timeout: 10_000, interval: 50 };

async function app300(viewport?: { width: number; height: number }): Promise<App> {
  const app = await openApp(viewport ? { viewport } : {});
  addManyCustomers(app.sim.state, nw.authId, TOTAL - northwind(app).length);
  await northwindCustomers(app);
  await options(app.page).first().waitFor();
  return app;
}

const northwind = (a: App): CustomerRecord[] => a.sim.state.customers.filter((c) => c.partnerAuthId === nw.authId);
const list = (page: Page): Locator => page.getByTestId('customer-list');
const options = (page: Page): Locator => page.getByRole('listbox', { name: 'Customers' }).getByRole('option');
const shownIds = (page: Page): Promise<string[]> =>
  options(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-customer-auth-id') ?? ''));
const range = (page: Page) => list(page).getByTestId('customer-range').innerText();
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');
const byName = (a: CustomerRecord, b: CustomerRecord) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }) || (a.authId < b.authId ? -1 : 1);

describe('the customer list at 300 customers', () => {
  it('sorts, jumps to page 15 in two actions, shows 100 a page, searches, and keeps focus on the control used', async () => {
    const app = await app300();
    const { page } = app;
    const all = northwind(app);
    expect(all).toHaveLength(TOTAL);
    expect(await range(page)).toBe('1–20 of 300 customers');
    expect(await list(page).getByTestId('customer-pages').innerText()).toBe('of 15');

    // Sort: by name both ways, and by balance, over the whole list (not just the page shown).
    const sort = list(page).getByLabel('Sort customers');
    const names = [...all].sort(byName).map((c) => c.authId);
    await sort.focus();
    await sort.selectOption({ label: 'Name, A to Z' });
    await expect.poll(() => shownIds(page), POLL).toEqual(names.slice(0, 20));
    await sort.selectOption({ label: 'Name, Z to A' });
    const zToA = [...all].sort((a, b) => -a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }) || (a.authId < b.authId ? -1 : 1));
    await expect.poll(() => shownIds(page), POLL).toEqual(zToA.slice(0, 20).map((c) => c.authId));
    await sort.selectOption({ label: 'Balance, highest first' });
    const richest = [...all].sort((a, b) => Number(b.cashCredits) - Number(a.cashCredits) || byName(a, b)).map((c) => c.authId);
    await expect.poll(() => shownIds(page), POLL).toEqual(richest.slice(0, 20));
    expect(await focused(page)).toBe(await sort.getAttribute('id'));

    // Page 15 in two actions: type it, press Enter. The field keeps the focus.
    const pageInput = list(page).getByLabel('Page', { exact: true });
    await pageInput.fill('15');
    await pageInput.press('Enter');
    await expect.poll(() => range(page), POLL).toBe('281–300 of 300 customers');
    await expect.poll(() => shownIds(page), POLL).toEqual(richest.slice(280, 300));
    expect(await focused(page)).toBe(await pageInput.getAttribute('id'));
    expect(await pageInput.inputValue()).toBe('15');

    // First and Last, one action each; the button used keeps the focus even where it now does nothing.
    const first = list(page).getByRole('button', { name: 'First page' });
    await first.click();
    await expect.poll(() => range(page), POLL).toBe('1–20 of 300 customers');
    expect(await focused(page)).toBe('First page');
    expect(await first.getAttribute('aria-disabled')).toBe('true');
    await list(page).getByRole('button', { name: 'Last page' }).click();
    await expect.poll(() => range(page), POLL).toBe('281–300 of 300 customers');
    expect(await focused(page)).toBe('Last page');
    await list(page).getByRole('button', { name: 'Previous page' }).click();
    await expect.poll(() => range(page), POLL).toBe('261–280 of 300 customers');
    expect(await focused(page)).toBe('Previous page');

    // 100 a page: 100 rows, three pages, and the first customer shown stays on the page shown.
    await list(page).getByLabel('Per page').focus();
    await list(page).getByLabel('Per page').selectOption('100');
    await expect.poll(() => range(page), POLL).toBe('201–300 of 300 customers');
    expect(await options(page).count()).toBe(100);
    expect(await list(page).getByTestId('customer-pages').innerText()).toBe('of 3');
    expect(await focused(page)).toBe(await list(page).getByLabel('Per page').getAttribute('id'));

    // Search narrows, keeping the sort; a new search starts at page 1.
    await list(page).getByLabel('Search customers').fill('Amber');
    const amber = [...all]
      .filter((c) => [c.name, c.email, c.company, c.authId].some((v) => v.toLowerCase().includes('amber')))
      .sort((a, b) => Number(b.cashCredits) - Number(a.cashCredits) || byName(a, b));
    await expect.poll(() => range(page), POLL).toBe(`1–${amber.length} of ${amber.length} customers`);
    expect(await shownIds(page)).toEqual(amber.map((c) => c.authId));

    // The sort and page size stay with the profile: back on Partner and Customers again, unchanged.
    await page.getByRole('tablist', { name: 'Profile sections' }).getByRole('tab', { name: 'Partner' }).click();
    await page.getByRole('tablist', { name: 'Profile sections' }).getByRole('tab', { name: 'Customers' }).click();
    await options(page).first().waitFor();
    expect(await list(page).getByLabel('Per page').inputValue()).toBe('100');
    expect(await list(page).getByLabel('Sort customers').inputValue()).toBe('balance:desc');
  });

  it('shows "no token" only where the admin must enter one, not for customers whose token Vobiz hands over', async () => {
    const app = await app300();
    const { page } = app;
    const all = northwind(app);
    const byId = new Map(all.map((c) => [c.authId, c]));
    const markers = () =>
      options(page).evaluateAll((els) => els.map((el) => [el.getAttribute('data-customer-auth-id')!, el.querySelector('[data-testid="token-marker"], .token-marker')?.textContent ?? null] as const));
    // The first page as it opens: no customer opened yet, so nothing is stored; only withheld tokens are flagged.
    for (const [id, marker] of await markers()) expect([byId.get(id)!.name, marker]).toEqual([byId.get(id)!.name, byId.get(id)!.tokenRedacted ? 'no token' : null]);

    await list(page).getByLabel('Per page').selectOption('100');
    const withheld = all.filter((c) => c.tokenRedacted);
    expect(withheld.length).toBeGreaterThan(1);
    expect(withheld.map((c) => c.name)).toContain('Meridian Health Clinics');

    const seen = new Map<string, string | null>();
    for (let p = 1; p <= 3; p++) {
      if (p > 1) await list(page).getByRole('button', { name: 'Next page' }).click();
      await expect.poll(() => range(page), POLL).toMatch(new RegExp(`^${(p - 1) * 100 + 1}–`));
      for (const [id, marker] of await markers()) seen.set(id, marker);
    }
    expect(seen.size).toBe(TOTAL);
    for (const c of all) expect([c.name, seen.get(c.authId)]).toEqual([c.name, c.tokenRedacted ? 'no token' : null]);

    // Opening a hand-over customer fetches its token: its row then says it is stored.
    const handed = all.find((c) => !c.tokenRedacted && c.name === 'Harborlight Logistics')!;
    await list(page).getByLabel('Search customers').fill('Harborlight');
    await options(page).filter({ hasText: 'Harborlight' }).click();
    await page.getByTestId('credentials-view').waitFor();
    await expect
      .poll(() => list(page).locator(`[data-customer-auth-id="${handed.authId}"] [data-testid="token-marker"]`).textContent(), POLL)
      .toBe('token stored');
  });

  it.each([
    [1280, 800],
    [900, 700],
  ])('at %ix%i the pager and sort are all on screen and uncovered', async (width, height) => {
    const app = await app300({ width, height });
    const { page } = app;
    await list(page).getByLabel('Per page').selectOption('50');
    await expect.poll(() => range(page), POLL).toBe('1–50 of 300 customers');
    const controls = [
      list(page).getByLabel('Sort customers'),
      list(page).getByRole('button', { name: 'First page' }),
      list(page).getByRole('button', { name: 'Previous page' }),
      list(page).getByLabel('Page', { exact: true }),
      list(page).getByRole('button', { name: 'Next page' }),
      list(page).getByRole('button', { name: 'Last page' }),
      list(page).getByLabel('Per page'),
    ];
    const dir = process.env.CUSTOMERS_SHOTS; // where to save a picture of the list, to look at
    if (dir) {
      mkdirSync(dir, { recursive: true });
      await wholeScreenShot(page, join(dir, `customers-300-${width}x${height}.png`));
    }
    const box = (await list(page).boundingBox())!;
    for (const c of controls) {
      await c.scrollIntoViewIfNeeded();
      const b = (await c.boundingBox())!;
      // Inside the list's column, and the control itself is what a click at its centre reaches.
      expect(b.x).toBeGreaterThanOrEqual(box.x - 1);
      expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width + 1);
      expect(await c.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return !!hit && (hit === el || el.contains(hit));
      })).toBe(true);
    }
  });
});
