// Issue 9, the credential table from the keyboard: it is one Tab stop (an ARIA grid with a roving
// tabindex), the arrow keys move between its rows and controls, focus survives the virtual list
// unmounting rows far from view, Space selects a row and Enter activates the focused control.
import type { Locator, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { HARBORLIGHT, manyCredentials, northwindCustomers, openApp, openCredentials, perPage } from './support';

/** Where focus is: its row's aria-rowindex, what it is, and whether the table holds it. */
const focus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      row: el?.closest('tr')?.getAttribute('aria-rowindex') ?? null,
      tag: el?.tagName.toLowerCase() ?? null,
      name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
      cell: el?.closest('td, th')?.className ?? null,
      inTable: !!el?.closest('[data-testid="credentials-table"]'),
    };
  });

async function hundredRows(): Promise<{ page: Page; view: Locator }> {
  const app = await openApp({ viewport: { width: 1280, height: 800 } });
  manyCredentials(app, 60);
  await northwindCustomers(app);
  const view = await openCredentials(app.page, HARBORLIGHT);
  await perPage(view, '100');
  return { page: app.page, view };
}

describe('the credential table from the keyboard', () => {
  it('is one Tab stop: from the filter to the pager’s Next on a 100-row page takes few Tabs', async () => {
    const { page, view } = await hundredRows();
    const table = view.getByTestId('credentials-table');
    expect(await table.getAttribute('role')).toBe('grid');
    await view.getByLabel('Filter by username').focus();
    let tabs = 0;
    let stopsInTable = 0;
    for (; tabs < 200; ) {
      await page.keyboard.press('Tab');
      tabs++;
      const f = await focus(page);
      if (f.inTable) stopsInTable++;
      const atNext = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.closest('nav')?.getAttribute('aria-label') === 'Credential pages' && el.textContent?.trim() === 'Next';
      });
      if (atNext) break;
    }
    expect(stopsInTable).toBe(1);
    expect(tabs).toBeLessThan(15);
    // Exactly one element of the whole grid is in the Tab order.
    expect(await table.locator('[tabindex="0"]').count()).toBe(1);
    expect(await table.evaluate((t) => [...t.querySelectorAll('button, input')].filter((b) => (b as HTMLElement).tabIndex >= 0).length)).toBe(1);
  });

  it('arrows, Home/End and PageDown move the focus; Tab leaves and comes back to the same cell', async () => {
    const { page, view } = await hundredRows();
    // Tab in from the pager above the table: the first row's first control.
    await view.getByRole('button', { name: 'Next page' }).focus();
    await page.keyboard.press('Tab');
    expect(await focus(page)).toMatchObject({ row: '2', tag: 'input', inTable: true });

    await page.keyboard.press('ArrowDown');
    expect((await focus(page)).row).toBe('3');
    await page.keyboard.press('ArrowDown');
    expect((await focus(page)).row).toBe('4');
    await page.keyboard.press('ArrowUp');
    expect((await focus(page)).row).toBe('3');

    // Right: the username cell, then along the row; End: its last action; Home: its checkbox.
    await page.keyboard.press('ArrowRight');
    expect(await focus(page)).toMatchObject({ row: '3', tag: 'td', cell: 'col-username' });
    await page.keyboard.press('End');
    expect(await focus(page)).toMatchObject({ row: '3', name: 'Delete' });
    // Down keeps the column: the next row's Delete.
    await page.keyboard.press('ArrowDown');
    expect(await focus(page)).toMatchObject({ row: '4', name: 'Delete' });
    await page.keyboard.press('Home');
    expect(await focus(page)).toMatchObject({ row: '4', tag: 'input' });

    // Up from the first row reaches the header (select all, then the sort buttons).
    await page.keyboard.press('Control+Home');
    expect(await focus(page)).toMatchObject({ row: '1', name: 'Select all on this page' });
    await page.keyboard.press('ArrowRight');
    expect(await focus(page)).toMatchObject({ row: '1', name: expect.stringMatching(/^Username/) });
    await page.keyboard.press('ArrowDown');
    expect(await focus(page)).toMatchObject({ row: '2', cell: 'col-username' });

    await page.keyboard.press('PageDown');
    const paged = Number((await focus(page)).row);
    expect(paged).toBeGreaterThan(8);

    // Tab leaves the table at once (to the pager below), Shift+Tab comes back to the same cell.
    await page.keyboard.press('Tab');
    expect((await focus(page)).inTable).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focus(page)).toMatchObject({ row: String(paged), cell: 'col-username', inTable: true });
  });

  it('focus survives the virtual list: Ctrl+End reaches the far last row, which stays when the list scrolls away', async () => {
    const { page, view } = await hundredRows();
    const box = view.getByTestId('credentials-scroll');
    await view.getByRole('button', { name: 'Next page' }).focus();
    await page.keyboard.press('Tab');
    // The 100th row is not in the DOM until the list scrolls to it.
    expect(await view.locator('tr[aria-rowindex="101"]').count()).toBe(0);
    await page.keyboard.press('Control+End');
    await expect.poll(async () => (await focus(page)).row).toBe('101');
    expect((await focus(page)).name).toBe('Delete');
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await focus(page)).row).toBe('100');

    // The admin scrolls back to the top with the wheel: the focused row is kept, focus stays in it.
    await box.evaluate((el) => (el.scrollTop = 0));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.waitForTimeout(100);
    expect(await view.locator('tr[aria-rowindex="2"]').count()).toBe(1);
    expect(await focus(page)).toMatchObject({ row: '100', inTable: true });
    // And the keys go on from there.
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await focus(page)).row).toBe('99');

    // A row far above, by keys: PageUp until the first row, which scrolls back in.
    for (let i = 0; i < 12; i++) await page.keyboard.press('PageUp');
    await expect.poll(async () => (await focus(page)).row).toBe('2');
  });

  it('Space on a row selects it, and Enter activates the focused control', async () => {
    const { page, view } = await hundredRows();
    await view.getByRole('button', { name: 'Next page' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight'); // the username cell of the second row
    const row = view.locator('tr[aria-rowindex="3"]');
    await page.keyboard.press(' ');
    expect(await row.getByRole('checkbox').isChecked()).toBe(true);
    expect(await page.getByTestId('bulk-count').innerText()).toMatch(/1 selected/);
    // Focus did not move, and a second Space clears it again.
    expect(await focus(page)).toMatchObject({ row: '3', cell: 'col-username' });
    await page.keyboard.press(' ');
    expect(await row.getByRole('checkbox').isChecked()).toBe(false);
    // On the checkbox itself, Enter toggles it as Space does.
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    expect(await row.getByRole('checkbox').isChecked()).toBe(true);

    // Right along the row to Settings; Enter opens that credential's settings.
    const username = await row.getAttribute('data-username');
    for (let i = 0; i < 8 && !/^Settings/.test((await focus(page)).name); i++) await page.keyboard.press('ArrowRight');
    expect((await focus(page)).name).toBe(`Settings for ${username}`);
    await page.keyboard.press('Enter');
    const settings = page.getByTestId('credential-settings');
    await settings.waitFor();
    expect(await settings.innerText()).toContain(username!);
  });
});
