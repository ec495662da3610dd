// Issue 9, the layout: nothing covers a control at any window size from 800×600 to 2560×1440, a
// dense credential table (15+ rows at 1280×800, sticky header, only visible rows rendered), the
// delete confirmation beside its row, and zero axe violations in light and dark.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERS } from '../sim/data';
import { DEMO_VOIPBIN } from '../sim/server';
import { anythingScrolled, atEveryScroll, coveredControls, dateCellProblems } from './layout-support';
import {
  addProfileViaUi,
  addVoipbinViaUi,
  HARBORLIGHT,
  manyCredentials,
  openApp,
  openCustomers,
  perPage,
  selectCustomerByName,
  waitForAccountCredentials,
  waitForPartner,
  type App,
} from './support';

const northwind = DEMO_PARTNERS[0]!;
const ADMIN = DEMO_VOIPBIN.logins.admin;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function northwindPartner(app: App) {
  await addProfileViaUi(app.page, { name: 'Northwind', authId: northwind.authId, token: northwind.token, baseUrl: app.sim.partnerBaseUrl });
  await waitForPartner(app.page, northwind.name);
}

async function harborlightCredentials(page: Page): Promise<Locator> {
  await openCustomers(page);
  await selectCustomerByName(page, HARBORLIGHT);
  const view = page.getByTestId('credentials-view');
  await view.locator('tr[data-username]').first().waitFor({ timeout: 15_000 });
  return view;
}

async function auroraCredentials(app: App): Promise<Locator> {
  await app.page.getByRole('button', { name: /Add profile/ }).click();
  await addVoipbinViaUi(app.page, { name: 'Aurora', username: ADMIN.username, password: ADMIN.password, baseUrl: app.sim.voipbinBaseUrl });
  return waitForAccountCredentials(app.page, DEMO_VOIPBIN.aurora.name);
}

const settle = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Rows whose whole height is inside both the window and the table's scroll box. */
async function rowsInView(page: Page): Promise<number> {
  return page.getByTestId('credentials-scroll').evaluate((box) => {
    const b = box.getBoundingClientRect();
    const head = box.querySelector('thead')!.getBoundingClientRect();
    return [...box.querySelectorAll('tr[data-username]')].filter((tr) => {
      const r = tr.getBoundingClientRect();
      return r.top >= head.bottom - 1 && r.bottom <= Math.min(b.bottom, innerHeight) + 1 && r.top >= 0;
    }).length;
  });
}

describe('layout: nothing covers a control, at every window size', () => {
  for (const viewport of [
    { width: 800, height: 600 },
    { width: 1280, height: 800 },
    { width: 2560, height: 1440 },
  ]) {
    it(`${viewport.width}×${viewport.height}: partner view, customers + credentials (and a delete confirmation), VoIPBIN credentials`, async () => {
      const app = await openApp({ viewport });
      const { page } = app;
      manyCredentials(app, 20);
      await northwindPartner(app);
      expect(await atEveryScroll(page, () => coveredControls(page)), 'partner view').toEqual([]);

      const view = await harborlightCredentials(page);
      expect(await atEveryScroll(page, () => coveredControls(page)), 'customers + credentials').toEqual([]);
      // Scrolled inside the table too: its rows pass under the sticky header, never over it.
      await view.getByTestId('credentials-scroll').evaluate((el) => (el.scrollTop = 200));
      await view.locator('tr[data-username]').nth(8).getByRole('button', { name: 'Delete' }).click();
      await view.getByTestId('delete-confirm').waitFor();
      expect(await atEveryScroll(page, () => coveredControls(page)), 'delete confirmation').toEqual([]);
      await view.getByTestId('delete-confirm').getByRole('button', { name: 'Cancel' }).click();

      await auroraCredentials(app);
      expect(await atEveryScroll(page, () => coveredControls(page)), 'VoIPBIN credentials').toEqual([]);
    });
  }
});

describe('the credential table', () => {
  it('at 1280×800 shows 15 rows or more at once, its header stays in view while the rows scroll, and dates sit on one line', async () => {
    const app = await openApp({ viewport: { width: 1280, height: 800 } });
    await northwindPartner(app);
    const view = await harborlightCredentials(app.page);
    await perPage(view, '50');
    const box = view.getByTestId('credentials-scroll');
    await box.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await settle(app.page);
    expect(await rowsInView(app.page)).toBeGreaterThanOrEqual(15);

    // One line per date: a cell as tall as a single line of its text.
    const date = view.locator('tr[data-username] td.col-date time').first();
    const { height, lineHeight } = await date.evaluate((t) => ({ height: t.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(t).lineHeight) || 20 }));
    expect(height).toBeLessThanOrEqual(lineHeight + 1);

    await box.evaluate((el) => (el.scrollTop = 600));
    await settle(app.page);
    const header = view.locator('thead th[data-sort-field="username"]');
    const { headTop, boxTop, hitIsHeader } = await header.evaluate((th) => {
      const r = th.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { headTop: r.top, boxTop: th.closest('[data-testid="credentials-scroll"]')!.getBoundingClientRect().top, hitIsHeader: !!hit && th.contains(hit) };
    });
    expect(Math.abs(headTop - boxTop)).toBeLessThanOrEqual(2);
    expect(hitIsHeader).toBe(true);
  });

  it('at 1280×800 the first view of a customer with 20 credentials shows 15 rows or more, nothing scrolled', async () => {
    const app = await openApp({ viewport: { width: 1280, height: 800 } });
    await northwindPartner(app);
    const view = await harborlightCredentials(app.page);
    expect(await view.locator('tr[data-username]').count()).toBeGreaterThanOrEqual(20);
    await settle(app.page);
    expect(await anythingScrolled(app.page)).toEqual([]);
    expect(await rowsInView(app.page)).toBeGreaterThanOrEqual(15);
    // The realm, the same on every row, is said once, not in a column.
    expect(await view.getByTestId('shared-realm').count()).toBe(1);
    expect(await view.getByRole('columnheader', { name: 'Realm' }).count()).toBe(0);
    // The customer is one line; Details unfolds the rest.
    const card = app.page.getByTestId('customer-panel').locator('.customer-card');
    expect((await card.boundingBox())!.height).toBeLessThan(60);
    await card.getByRole('button', { name: 'Details' }).click();
    expect(await card.locator('[data-field="phone"]').isVisible()).toBe(true);
    await card.getByRole('button', { name: 'Hide details' }).click();
    expect(await card.locator('[data-field="phone"]').isVisible()).toBe(false);
  });

  for (const viewport of [
    { width: 900, height: 700 },
    { width: 1024, height: 768 },
    { width: 1100, height: 800 },
  ]) {
    it(`at ${viewport.width}×${viewport.height} the date cells are whole, on one line and not under the sticky actions`, async () => {
      const app = await openApp({ viewport });
      // A very long username too: the row is wider than any trimming of it.
      const id = app.sim.state.customers.find((c) => c.name === HARBORLIGHT)!.authId;
      if (viewport.width === 1024) app.sim.addCredential(id, { username: 'frontdesk-reception-overflow-line-2025' });
      await northwindPartner(app);
      const view = await harborlightCredentials(app.page);
      await view.getByTestId('credentials-scroll').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await settle(app.page);
      expect(await dateCellProblems(app.page)).toEqual([]);
      // The Updated date is always one of them; a Created date the table had no room for is in its tooltip.
      const row = view.locator('tr[data-username]').first();
      expect(await row.locator('td[data-field="updatedAt"] time').count()).toBe(1);
      if ((await row.locator('td[data-field="createdAt"]').count()) === 0)
        expect(await row.locator('td[data-field="updatedAt"] time').getAttribute('title')).toMatch(/^Created /);
      expect(await coveredControls(app.page)).toEqual([]);
    });
  }

  it('a 100-row page renders only the rows in view, and says how many rows there are', async () => {
    const app = await openApp({ viewport: { width: 1280, height: 800 } });
    manyCredentials(app, 60);
    await northwindPartner(app);
    const view = await harborlightCredentials(app.page);
    await perPage(view, '100');
    const table = view.getByTestId('credentials-table');
    expect(await table.getAttribute('aria-rowcount')).toBe('108'); // 107 credentials + the header row
    expect(await view.locator('tr[data-username]').count()).toBeLessThan(60);
    // The last row, once scrolled to, carries its place among all rows.
    await view.getByTestId('credentials-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => view.locator('tr[aria-rowindex="101"]').count()).toBe(1);
    // Keyboard: Down from a row's last action reaches the next row's (the grid: table-keyboard.test.ts).
    const last = view.locator('tr[aria-rowindex="90"]');
    await last.getByRole('button', { name: 'Delete' }).focus();
    await app.page.keyboard.press('ArrowDown');
    expect(await app.page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('aria-rowindex'))).toBe('91');
  });

  it('the delete confirmation opens under its row on a 100-row page, with focus in it; Cancel gives focus back to the row', async () => {
    const app = await openApp({ viewport: { width: 1280, height: 800 } });
    manyCredentials(app, 60);
    await northwindPartner(app);
    const view = await harborlightCredentials(app.page);
    await perPage(view, '100');
    await view.getByTestId('credentials-scroll').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await view.getByTestId('credentials-scroll').evaluate((el) => (el.scrollTop = 1800));
    await settle(app.page);
    const row = view.locator('tr[data-username]').nth(12);
    const id = await row.getAttribute('data-credential-id');
    const before = (await row.boundingBox())!;
    await row.getByRole('button', { name: 'Delete' }).click();
    const confirm = view.getByTestId('delete-confirm');
    await confirm.waitFor();
    await settle(app.page);
    const after = (await view.locator(`tr[data-credential-id="${id}"]`).boundingBox())!;
    const box = (await confirm.boundingBox())!;
    expect(Math.abs(after.y - before.y)).toBeLessThan(120); // the view did not jump away
    expect(box.y - (after.y + after.height)).toBeLessThan(30); // right under its row
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    expect(await confirm.evaluate((c) => c.contains(document.activeElement))).toBe(true);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => app.page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-credential-id')))
      .toBe(id);
  });
});

describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
  async function violations(page: Page, scheme: 'light' | 'dark') {
    await page.emulateMedia({ colorScheme: scheme });
    // Buttons ease their colours over 120 ms: judge the colours they land on, not the mix on the way.
    await page.waitForTimeout(300);
    // Not page.addScriptTag: the app's CSP (script-src 'self') rightly refuses an inline script, and
    // the test should not loosen it. Evaluated through the DevTools protocol, axe is not a page script.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
      const r = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    });
  }

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 900, height: 700 },
  ]) {
    it(`${viewport.width}×${viewport.height}, light and dark: partner view, customers + credentials, VoIPBIN credentials`, async () => {
      const app = await openApp({ viewport });
      const { page } = app;
      await northwindPartner(app);
      for (const scheme of ['light', 'dark'] as const) expect(await violations(page, scheme), `partner, ${scheme}`).toEqual([]);
      const creds = await harborlightCredentials(page);
      for (const scheme of ['light', 'dark'] as const) expect(await violations(page, scheme), `credentials, ${scheme}`).toEqual([]);
      // A bulk action's confirmation.
      await creds.getByLabel('Select all on this page').check();
      await creds.getByTestId('bulk-bar').getByRole('button', { name: 'Disable selected' }).click();
      await creds.getByTestId('bulk-confirm').waitFor();
      for (const scheme of ['light', 'dark'] as const) expect(await violations(page, scheme), `bulk confirmation, ${scheme}`).toEqual([]);
      await page.keyboard.press('Escape');
      // The quick switcher (a modal over the page) and a command's reason why not.
      await page.keyboard.press('Control+k');
      await page.getByTestId('quick-switcher-input').fill('a');
      await page.getByTestId('quick-switcher').getByRole('option').first().waitFor();
      for (const scheme of ['light', 'dark'] as const) expect(await violations(page, scheme), `quick switcher, ${scheme}`).toEqual([]);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+9');
      await page.getByTestId('command-note').waitFor();
      for (const scheme of ['light', 'dark'] as const) expect(await violations(page, scheme), `command note, ${scheme}`).toEqual([]);
      await auroraCredentials(app);
      for (const scheme of ['light', 'dark'] as const) expect(await violations(page, scheme), `VoIPBIN, ${scheme}`).toEqual([]);
    });
  }
});
