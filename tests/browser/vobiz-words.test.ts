// What the admin reads where Vobiz's docs are unsure or a value is the wrong kind: usernames with
// _ or - (the docs disagree, so Vobiz's answer decides), a customer's MA_ ID typed as a partner's,
// and a session sign-in whose JWT the partner API then refuses.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERS } from '../sim/data';
import type { Simulator } from '../sim/server';
import { addProfileViaUi, addSessionProfileViaUi, openApp, openCustomers, selectCustomerByName, waitForPartner } from './support';

const northwind = DEMO_PARTNERS[0]!;
const HARBORLIGHT = 'Harborlight Logistics';

function simUsernames(sim: Simulator, name: string): string[] {
  const id = sim.state.customers.find((c) => c.name === name)!.authId;
  return sim.state.credentials.filter((c) => c.accountId === id).map((c) => c.username);
}

async function newCredentialForm(page: Page) {
  await page.getByTestId('credentials-view').getByRole('button', { name: '+ New credential' }).click();
  return page.getByTestId('create-credential-form');
}

describe('usernames with _ or - (vobiz.md §4: the docs disagree)', () => {
  it('are sent with a caution; Vobiz refusing them is its 400 on the field, Vobiz taking them creates the credential', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await addProfileViaUi(page, { name: 'Northwind', authId: northwind.authId, token: northwind.token, baseUrl: sim.partnerBaseUrl });
    await waitForPartner(page, northwind.name);
    await openCustomers(page);
    await selectCustomerByName(page, HARBORLIGHT);
    await page.getByTestId('credentials-table').locator('tr[data-username]').first().waitFor({ timeout: 10_000 });

    const form = await newCredentialForm(page);
    const username = form.getByLabel('Username');
    await username.fill('acctest01');
    expect(await form.getByTestId('field-caution').count()).toBe(0);
    await username.fill('acc_test_01');
    // A caution, not an error: the field is valid and names the doubt.
    expect(await form.getByTestId('field-caution').innerText()).toMatch(/docs disagree on whether usernames may contain _ or -/);
    expect(await form.getByTestId('field-error').count()).toBe(0);
    expect(await username.getAttribute('aria-invalid')).toBeNull();
    expect(await username.getAttribute('aria-describedby')).toContain((await form.getByTestId('field-caution').getAttribute('id'))!);

    // This Vobiz refuses underscores (the simulator's default): its own words land on the field.
    await form.getByLabel('Type a password').check();
    await form.getByLabel('SIP password').fill('Secret#123');
    await form.getByRole('button', { name: 'Create credential' }).click();
    const fieldError = form.getByTestId('field-error');
    await fieldError.waitFor({ timeout: 10_000 });
    expect(await fieldError.innerText()).toMatch(/Vobiz rejected the username “acc_test_01”: .*only letters and digits are allowed/);
    expect(await username.getAttribute('aria-invalid')).toBe('true');
    expect(sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/credentials'))).toHaveLength(1);
    expect(simUsernames(sim, HARBORLIGHT)).not.toContain('acc_test_01');

    // A Vobiz that takes them (the Console's rule): the same name is created.
    sim.setFaults({ allowPunctuationInUsernames: true });
    await form.getByRole('button', { name: 'Create credential' }).click();
    await expect.poll(() => simUsernames(sim, HARBORLIGHT), { timeout: 10_000 }).toContain('acc_test_01');
    await form.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('anything else (a dot, a space) is refused on the field before anything is sent', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await addProfileViaUi(page, { name: 'Northwind', authId: northwind.authId, token: northwind.token, baseUrl: sim.partnerBaseUrl });
    await waitForPartner(page, northwind.name);
    await openCustomers(page);
    await selectCustomerByName(page, HARBORLIGHT);
    await page.getByTestId('credentials-table').locator('tr[data-username]').first().waitFor({ timeout: 10_000 });
    const form = await newCredentialForm(page);
    await form.getByLabel('Username').fill('acc.test');
    await form.getByRole('button', { name: 'Create credential' }).click();
    expect(await form.getByTestId('field-error').innerText()).toMatch(/letters, digits, underscores \(_\) and dashes \(-\) only/);
    expect(sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/credentials'))).toHaveLength(0);
  });
});

describe('adding a Vobiz profile with the wrong kind of access', () => {
  it("a customer's MA_ auth ID says it is a customer's, and that a profile needs the partner's PA_ ID and token", async () => {
    const app = await openApp();
    const { page, sim } = app;
    const customerId = sim.state.customers.find((c) => c.name === HARBORLIGHT)!.authId;
    expect(customerId).toMatch(/^MA_/);
    await addProfileViaUi(page, { name: 'Harborlight', authId: customerId, token: northwind.token, baseUrl: sim.partnerBaseUrl });
    const error = page.getByTestId('add-profile-form').getByTestId('field-error');
    await error.waitFor();
    const said = await error.innerText();
    expect(said).toMatch(/MA_… is a customer’s auth ID/);
    expect(said).toMatch(/partner’s own PA_… auth ID and partner API token/);
    expect(sim.requests.filter((r) => r.path.includes('/partner/me'))).toHaveLength(0);
  });

  it('a sign-in whose session the partner API then refuses says the password was right, and offers the API token form', async () => {
    const app = await openApp();
    const { page, sim } = app;
    const blueFjord = DEMO_PARTNERS[1]!;
    // POST /login succeeds; GET /me refuses the Bearer JWT (the docs never say partner endpoints take it).
    sim.setFaults({ queue: [{ match: 'GET /api/v1/partner/me', kind: 'status', status: 401, times: -1, body: { error: 'invalid_token', message: 'Bearer tokens are not accepted here' } }] });
    await addSessionProfileViaUi(page, { name: 'Blue Fjord', email: blueFjord.email, password: blueFjord.password, baseUrl: sim.partnerBaseUrl });
    const notice = page.getByTestId('add-profile-error');
    await notice.waitFor({ timeout: 10_000 });
    const said = await notice.innerText();
    expect(said).toMatch(/Vobiz accepted your email and password, but refused the session for its partner API/);
    expect(said).toMatch(/partner auth ID \(PA_…\) and partner API token/);
    expect(said).not.toMatch(/Sign in again/i);
    expect(sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/login'))).toHaveLength(1);

    await notice.getByRole('button', { name: 'Use an API token instead' }).click();
    const form = page.getByTestId('add-profile-form');
    expect(await form.getAttribute('data-mode')).toBe('token');
    expect(await form.getByRole('tab', { name: 'API token' }).getAttribute('aria-selected')).toBe('true');
    await form.getByLabel('Partner auth ID').waitFor();
    expect((await app.h.services.profiles.list()).profiles).toHaveLength(0);
  });
});
