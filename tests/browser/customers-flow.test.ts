// The whole issue-3 flow as an admin does it: create a customer, switch to it, create three
// SIP credentials, disable one, change one's password, delete one, bulk-disable, export CSV.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERS } from '../sim/data';
import { tempDir } from '../support/tmp';
import { addProfileViaUi, createCustomerViaUi, openApp, openCustomers, shownUsernames, waitForPartner } from './support';


const nw = DEMO_PARTNERS[0]!;

describe('customers and SIP credentials, end to end', () => {
  it('create a customer, then create, disable, re-password, delete, bulk-disable and export its credentials', async () => {
    const app = await openApp();
    const { page, sim, h } = app;
    await addProfileViaUi(page, { name: 'Northwind', authId: nw.authId, token: nw.token, baseUrl: sim.partnerBaseUrl });
    await waitForPartner(page, nw.name);
    await openCustomers(page);

    // Create a customer: its token goes straight into the vault, and it becomes the selection.
    await createCustomerViaUi(page, { name: 'Orchid Labs', email: 'voice@orchidlabs.example', password: 'Orchid2026x', country: 'in', phone: '+919812345678' });
    const panel = page.getByTestId('customer-panel');
    await panel.getByRole('heading', { name: 'Orchid Labs' }).waitFor();
    expect(await page.getByTestId('customer-notice').innerText()).toMatch(/stored securely/);
    const created = sim.state.customers.find((c) => c.email === 'voice@orchidlabs.example')!;
    expect(created.country).toBe('IN');
    expect(await panel.getAttribute('data-token-state')).toBe('stored');
    const vault = JSON.parse(readFileSync(join(h.dataDir, 'vault.json'), 'utf8'));
    expect(Object.keys(vault.entries)).toContain(`profile:${(await h.services.profiles.list()).activeId}:customer:${created.authId}`);
    const view = page.getByTestId('credentials-view');
    await view.getByTestId('credentials-empty').waitFor();

    // Three credentials: generated (revealed once), generated (copied), typed.
    const createCredential = async (username: string, typed?: string) => {
      await view.getByRole('button', { name: '+ New credential' }).click();
      const f = page.getByTestId('create-credential-form');
      await f.getByLabel('Username').fill(username);
      if (typed) {
        await f.getByLabel('Type a password').check();
        await f.getByLabel('SIP password').fill(typed);
      }
      await f.getByRole('button', { name: 'Create credential' }).click();
      await view.locator(`tr[data-username="${username}"]`).waitFor();
    };
    await createCredential('frontdesk1');
    const once = page.getByTestId('new-password');
    await once.getByRole('button', { name: 'Show password' }).click();
    const revealed = (await page.getByTestId('revealed-password').innerText()).trim();
    expect(revealed).toMatch(/^[A-Za-z0-9~!@#$%^&*()_+]{16}$/);
    expect(await once.getByRole('button', { name: 'Show password' }).count()).toBe(0);
    // Shown but not copied: closing asks first.
    await once.getByRole('button', { name: 'Done' }).click();
    await once.getByTestId('lose-password-confirm').getByRole('button', { name: 'Close without copying' }).click();
    await once.waitFor({ state: 'detached' });

    await createCredential('frontdesk2');
    await page.getByTestId('new-password').getByRole('button', { name: 'Copy to clipboard' }).click();
    expect(await page.getByTestId('copy-result').innerText()).toMatch(/cleared in 30 seconds/);
    expect(h.platform.clipboardText).toMatch(/^[A-Za-z0-9~!@#$%^&*()_+]{16}$/);
    expect(h.platform.clipboardText).not.toBe(revealed);
    await page.getByTestId('new-password').getByRole('button', { name: 'Done' }).click();

    await createCredential('backoffice', 'Typed#Pass1');
    expect((await shownUsernames(page)).sort()).toEqual(['backoffice', 'frontdesk1', 'frontdesk2']);
    const simCred = (u: string) => sim.state.credentials.find((c) => c.accountId === created.authId && c.username === u)!;
    expect(simCred('frontdesk1').password).toBe(revealed);
    expect(simCred('backoffice').password).toBe('Typed#Pass1');

    // Disable one.
    await view.locator('tr[data-username="frontdesk1"]').getByRole('button', { name: 'Disable', exact: true }).click();
    await view.locator('tr[data-username="frontdesk1"][data-enabled="false"]').waitFor();
    expect(simCred('frontdesk1').enabled).toBe(false);

    // Change one's password (typed).
    await view.locator('tr[data-username="backoffice"]').getByRole('button', { name: 'Change password' }).click();
    const cp = page.getByTestId('change-password-form');
    await cp.getByLabel('Type a password').check();
    await cp.getByLabel('SIP password').fill('Changed#Pass2');
    await cp.getByRole('button', { name: 'Save new password' }).click();
    await page.getByTestId('credentials-status').getByText(/New password set for backoffice/).waitFor();
    expect(simCred('backoffice').password).toBe('Changed#Pass2');

    // Delete one, with confirmation.
    await view.locator('tr[data-username="frontdesk2"]').getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByTestId('delete-confirm').getByRole('button', { name: 'Delete', exact: true }).click();
    await view.locator('tr[data-username="frontdesk2"]').waitFor({ state: 'detached' });
    expect(sim.state.credentials.some((c) => c.accountId === created.authId && c.username === 'frontdesk2')).toBe(false);

    // Bulk-disable the remaining two.
    await view.getByLabel('Select all on this page').check();
    expect(await page.getByTestId('bulk-count').innerText()).toMatch(/2 selected/);
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Disable selected' }).click();
    await page.getByTestId('bulk-confirm').getByRole('button', { name: 'Disable 2' }).click();
    await page.getByTestId('bulk-results').waitFor();
    expect(await page.getByTestId('bulk-summary').innerText()).toBe('Disabled 2 of 2.');
    expect(simCred('backoffice').enabled).toBe(false);
    expect(simCred('frontdesk1').enabled).toBe(false);

    // Export: every credential, through main's save dialog; no passwords.
    const file = join(tempDir(), 'orchid.csv');
    h.platform.nextSavePath = file;
    await view.getByRole('button', { name: 'Export CSV' }).click();
    expect(await page.getByTestId('export-result').innerText()).toMatch(/Exported 2 credentials to orchid\.csv/);
    expect(h.platform.offeredNames.at(-1)).toMatch(new RegExp(`^sip-credentials-${created.authId}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = readFileSync(file, 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('id,kind,username,name,realm,enabled,created_at,updated_at');
    expect(csv.slice(1).map((l) => l.split(',').slice(1, 6).join(',')).sort()).toEqual([
      `sip,backoffice,,${created.authId}.sip.vobiz.ai,false`,
      `sip,frontdesk1,,${created.authId}.sip.vobiz.ai,false`,
    ]);
    const text = readFileSync(file, 'utf8');
    for (const secret of [revealed, 'Changed#Pass2', 'Typed#Pass1', created.authToken]) expect(text).not.toContain(secret);
  });
});
