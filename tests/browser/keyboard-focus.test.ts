// Issue 9: Escape closes what is open and focus goes back to the control that opened it; focus
// never drops to the page body after adding a profile, after the pager's Next/Previous (even on
// the last page) or after a generated password's Done. Checked with document.activeElement.
import type { Locator, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERS, DEMO_VOIPBIN } from '../sim/data';
import { addProfileViaUi, addVoipbinViaUi, northwindCustomers, openApp, openCredentials, waitForAccountCredentials, waitForPartner } from './support';

const blueFjord = DEMO_PARTNERS[1]!;
const KESTREL = 'Kestrel Freight Forwarding';
const HARBORLIGHT = 'Harborlight Logistics';
const POLL = { timeout: 10_000, interval: 50 };

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);
const bodyFocused = (page: Page) => page.evaluate(() => document.activeElement === document.body || document.activeElement === null);

/** Escape, then the thing is gone and `back` has focus. */
async function escapeCloses(page: Page, thing: Locator, back: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await thing.waitFor({ state: 'detached' });
  await expect.poll(() => isFocused(back), POLL).toBe(true);
}

describe('Escape closes, focus goes back', () => {
  it('create credential, change password, delete confirmation, create customer, add profile, settings and remove confirm', async () => {
    const app = await openApp();
    const { page } = app;
    await northwindCustomers(app);
    const view = await openCredentials(page, KESTREL);

    // Create credential: Escape closes it, focus back on "+ New credential".
    const newButton = view.getByRole('button', { name: '+ New credential' });
    await newButton.click();
    const create = page.getByTestId('create-credential-form');
    await create.getByLabel('Username').fill('dock7');
    await escapeCloses(page, create, newButton);

    // Escape keeps its own meaning in a non-empty search field and in a select: the form stays.
    await newButton.click();
    await create.waitFor();
    const filter = view.getByLabel('Filter by username');
    await filter.fill('zz');
    await filter.press('Escape');
    expect(await filter.inputValue()).toBe('');
    expect(await create.count()).toBe(1);
    await view.getByLabel('Status').focus();
    await page.keyboard.press('Escape');
    expect(await create.count()).toBe(1);
    await filter.fill('');
    await create.getByLabel('Username').focus();
    await page.keyboard.press('Escape');
    await create.waitFor({ state: 'detached' });

    // Change password: back on the row's button.
    const row = view.locator('tr[data-username="portdesk"]');
    const change = row.getByRole('button', { name: 'Change password' });
    await change.click();
    await escapeCloses(page, page.getByTestId('change-password-form'), change);

    // Delete confirmation: back on the row's Delete.
    const del = row.getByRole('button', { name: 'Delete' });
    await del.click();
    await escapeCloses(page, page.getByTestId('delete-confirm'), del);

    // Create customer: back on "+ New customer".
    const newCustomer = page.getByTestId('new-customer');
    await newCustomer.click();
    const customerForm = page.getByTestId('create-customer-form');
    await customerForm.getByLabel('Name', { exact: true }).fill('Half typed');
    await escapeCloses(page, customerForm, newCustomer);

    // Add profile: back on "+ Add profile" (which hides while its form is open).
    await page.getByRole('button', { name: '+ Add profile' }).click();
    const addForm = page.getByTestId('add-profile-form');
    await addForm.getByLabel('Profile name').fill('Half typed');
    await escapeCloses(page, addForm, page.getByRole('button', { name: '+ Add profile' }));

    // Profile settings: Escape from the rename field closes them, back on "Profile settings".
    const settingsButton = page.getByRole('button', { name: 'Profile settings' });
    await settingsButton.click();
    const settings = page.getByTestId('profile-settings');
    await settings.getByLabel('Profile name').focus();
    await escapeCloses(page, settings, settingsButton);

    // The remove confirmation inside them closes first (Keep), then the settings.
    await settingsButton.click();
    const removeButton = settings.getByRole('button', { name: 'Remove profile' });
    await removeButton.click();
    const confirm = page.getByTestId('remove-confirm');
    await confirm.waitFor();
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await settings.count()).toBe(1);
    await expect.poll(() => isFocused(settings.getByRole('button', { name: 'Remove profile' })), POLL).toBe(true);
    await escapeCloses(page, settings, settingsButton);

    // Nothing open: Escape does nothing else (no sync running), and focus stays.
    await page.keyboard.press('Escape');
    expect(await isFocused(settingsButton)).toBe(true);
  });

  it('edit credential (a provider that renames): Escape closes it, back on Edit', async () => {
    const app = await openApp();
    const { page, sim } = app;
    const admin = DEMO_VOIPBIN.logins.admin;
    await addVoipbinViaUi(page, { name: 'Aurora', username: admin.username, password: admin.password, baseUrl: sim.voipbinBaseUrl });
    const creds = await waitForAccountCredentials(page, DEMO_VOIPBIN.aurora.name);
    const edit = creds.locator('tr[data-username]').first().getByRole('button', { name: /^Edit / });
    await edit.click();
    await escapeCloses(page, page.getByTestId('edit-credential-form'), edit);
  });
});

describe('focus on purpose', () => {
  it('after adding a profile: the new profile’s name, not the page body', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await northwindCustomers(app);
    await page.getByRole('button', { name: '+ Add profile' }).click();
    await addProfileViaUi(page, { name: 'Blue Fjord', authId: blueFjord.authId, token: blueFjord.token, baseUrl: sim.partnerBaseUrl });
    await waitForPartner(page, blueFjord.name);
    const title = page.getByTestId('active-profile-name');
    await expect.poll(() => isFocused(title), POLL).toBe(true);
    expect(await title.innerText()).toBe('Blue Fjord');
  });

  it('the pager keeps focus on Next and Previous, even where they become unavailable, and announces the range', async () => {
    const app = await openApp();
    const { page } = app;
    await northwindCustomers(app);
    const view = await openCredentials(page, HARBORLIGHT);
    const footer = view.getByRole('navigation', { name: 'Credential pages', exact: true });
    const next = footer.getByRole('button', { name: 'Next', exact: true });
    const previous = footer.getByRole('button', { name: 'Previous', exact: true });
    const range = view.getByTestId('credentials-range');
    expect(await range.getAttribute('role')).toBe('status');
    expect(await previous.getAttribute('aria-disabled')).toBe('true');

    await next.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => range.innerText(), POLL).toBe('Showing 21–40 of 47');
    expect(await isFocused(next)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => range.innerText(), POLL).toBe('Showing 41–47 of 47');
    // The last page: Next is unavailable, and still has focus.
    await expect.poll(() => next.getAttribute('aria-disabled'), POLL).toBe('true');
    expect(await isFocused(next)).toBe(true);
    expect(await bodyFocused(page)).toBe(false);
    // Pressing it does nothing.
    await page.keyboard.press('Enter');
    await page.waitForTimeout(200);
    expect(await range.innerText()).toBe('Showing 41–47 of 47');
    expect(await isFocused(next)).toBe(true);

    // Previous back to the first page: it keeps focus there too.
    await previous.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => range.innerText(), POLL).toBe('Showing 21–40 of 47');
    await page.keyboard.press('Enter');
    await expect.poll(() => range.innerText(), POLL).toBe('Showing 1–20 of 47');
    await expect.poll(() => previous.getAttribute('aria-disabled'), POLL).toBe('true');
    expect(await isFocused(previous)).toBe(true);

    // The pager above the table too.
    const top = view.getByRole('navigation', { name: 'Credential pages, above the table' });
    const nextPage = top.getByRole('button', { name: 'Next page' });
    await nextPage.click();
    await expect.poll(() => range.innerText(), POLL).toBe('Showing 21–40 of 47');
    expect(await isFocused(nextPage)).toBe(true);
  });

  it('after a generated password’s Done: the credential’s row, not the page body', async () => {
    const app = await openApp();
    const { page } = app;
    await northwindCustomers(app);
    const view = await openCredentials(page, KESTREL);
    for (const [username, how] of [['berth21', 'copied'], ['berth22', 'lost']] as const) {
      await view.getByRole('button', { name: '+ New credential' }).click();
      const f = page.getByTestId('create-credential-form');
      await f.getByLabel('Username').fill(username);
      await f.getByRole('button', { name: 'Create credential' }).click();
      const row = view.locator(`tr[data-username="${username}"]`);
      await row.waitFor();
      const panel = page.getByTestId('new-password');
      if (how === 'copied') {
        await panel.getByRole('button', { name: 'Copy to clipboard' }).click();
        await panel.getByTestId('copy-result').waitFor();
        await panel.getByRole('button', { name: 'Done' }).click();
      } else {
        await panel.getByRole('button', { name: 'Done' }).click();
        // Escape in the "not copied" question is Keep it open, back on Done.
        await page.getByTestId('lose-password-confirm').waitFor();
        await page.keyboard.press('Escape');
        await page.getByTestId('lose-password-confirm').waitFor({ state: 'detached' });
        await expect.poll(() => isFocused(panel.getByRole('button', { name: 'Done' })), POLL).toBe(true);
        await panel.getByRole('button', { name: 'Done' }).click();
        await panel.getByRole('button', { name: 'Close without copying' }).click();
      }
      await panel.waitFor({ state: 'detached' });
      await expect.poll(() => row.evaluate((tr) => tr.contains(document.activeElement)), POLL).toBe(true);
      expect(await bodyFocused(page)).toBe(false);
    }
  });
});
