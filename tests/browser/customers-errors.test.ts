// Customers and SIP credentials when things are not simple: paging, local sort and filters, the
// keyboard listbox, customer tokens Vobiz will not give, and every error the admin can meet on the
// way (in-use credentials, password-required updates, taken usernames, lost answers, rate limits,
// missing capabilities, taken emails, expired sessions, answers that arrive too late).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERS } from '../sim/data';
import type { Simulator } from '../sim/server';
import {
  addProfileViaUi,
  addSessionProfileViaUi,
  createCustomerViaUi,
  openApp,
  openCustomers,
  selectCustomerByName,
  shownUsernames,
  waitForPartner,
  type App,
  northwindCustomers,
  openCredentials,
} from './support';


const northwind = DEMO_PARTNERS[0]!;
const blueFjord = DEMO_PARTNERS[1]!;

const HARBORLIGHT = 'Harborlight Logistics';
const MERIDIAN = 'Meridian Health Clinics';
const KESTREL = 'Kestrel Freight Forwarding';

const POLL = { timeout: 10_000, interval: 100 };

function customer(sim: Simulator, name: string) {
  const c = sim.state.customers.find((x) => x.name === name);
  if (!c) throw new Error(`no customer ${name} in the sim`);
  return c;
}

function simUsernames(sim: Simulator, name: string): string[] {
  const id = customer(sim, name).authId;
  return sim.state.credentials.filter((c) => c.accountId === id).map((c) => c.username);
}

const text = async (l: Locator): Promise<string> => ((await l.count()) > 0 ? (await l.first().innerText()).trim() : '');



const row = (view: Locator, username: string) => view.locator(`tbody tr[data-username="${username}"]`);

async function activeProfileId(a: App): Promise<string> {
  const id = (await a.h.services.profiles.list()).activeId;
  if (!id) throw new Error('no active profile');
  return id;
}

function vaultKeys(a: App): string[] {
  const file = join(a.h.dataDir, 'vault.json');
  if (!existsSync(file)) return [];
  return Object.keys(JSON.parse(readFileSync(file, 'utf8')).entries);
}

describe('customers and credentials: paging, sorting, errors', () => {
  it('pages through 47 credentials: Next, Go to page, and a larger page size', async () => {
    const app = await openApp();
    const { page } = app;
    await northwindCustomers(app);
    const view = await openCredentials(page, HARBORLIGHT);
    const range = view.getByTestId('credentials-range');

    await expect.poll(() => text(range), POLL).toBe('Showing 1–20 of 47');
    expect(await shownUsernames(page)).toHaveLength(20);
    expect(await text(view.getByTestId('credentials-page'))).toBe('Page 1 of 3');
    const first = await shownUsernames(page);

    await view.getByRole('button', { name: 'Next', exact: true }).click();
    await expect.poll(() => text(range), POLL).toBe('Showing 21–40 of 47');
    const second = await shownUsernames(page);
    expect(second).toHaveLength(20);
    expect(second.filter((u) => first.includes(u))).toEqual([]);

    await view.getByLabel('Go to page').fill('3');
    await view.getByRole('button', { name: 'Go', exact: true }).click();
    await expect.poll(() => text(range), POLL).toBe('Showing 41–47 of 47');
    const third = await shownUsernames(page);
    expect(third).toHaveLength(7);
    expect(await view.getByRole('button', { name: 'Next', exact: true }).isDisabled()).toBe(true);
    // The three pages together are exactly the customer's credentials, each once.
    expect([...first, ...second, ...third].sort()).toEqual(simUsernames(app.sim, HARBORLIGHT).sort());

    await view.getByLabel('Per page').selectOption('50');
    await expect.poll(() => text(range), POLL).toBe('Showing 1–47 of 47');
    expect(await shownUsernames(page)).toHaveLength(47);
    expect(await text(view.getByTestId('credentials-page'))).toBe('Page 1 of 1');
  });

  it('sorts by username both ways and filters by status and username, on this computer', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await northwindCustomers(app);
    const view = await openCredentials(page, HARBORLIGHT);
    const all = simUsernames(sim, HARBORLIGHT);
    const asc = [...all].sort((a, b) => a.localeCompare(b));
    const th = view.locator('th[data-sort-field="username"]');

    await view.getByRole('button', { name: 'Username', exact: true }).click();
    await expect.poll(() => shownUsernames(page), POLL).toEqual(asc.slice(0, 20));
    expect(await th.getAttribute('aria-sort')).toBe('ascending');
    expect(await view.getByTestId('list-mode').getAttribute('data-mode')).toBe('local');
    expect(await text(view.getByTestId('credentials-range'))).toBe('Showing 1–20 of 47');

    await view.getByRole('button', { name: 'Username', exact: true }).click();
    await expect.poll(() => shownUsernames(page), POLL).toEqual([...asc].reverse().slice(0, 20));
    expect(await th.getAttribute('aria-sort')).toBe('descending');

    const toolbar = view.getByTestId('credentials-toolbar');
    await toolbar.getByLabel('Status').selectOption({ label: 'Disabled' });
    await expect.poll(async () => (await shownUsernames(page)).sort(), POLL).toEqual(['gate07', 'office05', 'yard02']);
    expect(await text(view.getByTestId('credentials-range'))).toBe('Showing 1–3 of 3');
    for (const u of ['gate07', 'office05', 'yard02']) {
      expect(await row(view, u).getAttribute('data-enabled')).toBe('false');
      expect(await row(view, u).innerText()).toContain('Disabled');
    }

    await toolbar.getByLabel('Status').selectOption({ label: 'All' });
    await toolbar.getByLabel('Filter by username').fill('gate');
    const gates = all.filter((u) => u.includes('gate'));
    expect(gates.length).toBeGreaterThan(3);
    await expect.poll(async () => (await shownUsernames(page)).length, POLL).toBe(gates.length);
    const shown = await shownUsernames(page);
    expect(shown.every((u) => u.includes('gate'))).toBe(true);
    expect([...shown].sort()).toEqual([...gates].sort());
    expect(await view.getByTestId('list-mode').getAttribute('data-mode')).toBe('local');
  });

  it('the customer listbox works from the keyboard: arrows move, Enter selects', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await northwindCustomers(app);
    const listbox = page.getByRole('listbox', { name: 'Customers' });
    const options = listbox.getByRole('option');
    await expect.poll(() => options.count(), POLL).toBe(8);
    const ids = await options.evaluateAll((els) => els.map((el) => el.getAttribute('data-customer-auth-id') ?? ''));
    const nameOf = (i: number) => sim.state.customers.find((c) => c.authId === ids[i])!.name;
    const panel = page.getByTestId('customer-panel');
    const heading = panel.getByRole('heading', { level: 2 });
    const focused = (i: number) => options.nth(i).evaluate((el) => el === document.activeElement);
    const selectedIds = () =>
      listbox.locator('[role="option"][aria-selected="true"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-customer-auth-id')));

    // One tab stop: the first option when nothing is selected; nothing selected yet.
    expect(await listbox.locator('[role="option"][tabindex="0"]').count()).toBe(1);
    expect(await selectedIds()).toEqual([]);
    await listbox.locator('[role="option"][tabindex="0"]').focus();
    expect(await focused(0)).toBe(true);

    await page.keyboard.press('ArrowDown');
    expect(await focused(1)).toBe(true);
    expect(await selectedIds()).toEqual([]); // moving does not select
    await page.keyboard.press('Enter');
    await expect.poll(() => text(heading), POLL).toBe(nameOf(1));
    expect(await panel.getAttribute('data-customer-auth-id')).toBe(ids[1]);
    expect(await selectedIds()).toEqual([ids[1]]);
    expect(await options.nth(0).getAttribute('aria-selected')).toBe('false');

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused(3)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => text(heading), POLL).toBe(nameOf(3));
    expect(await selectedIds()).toEqual([ids[3]]);
    expect(await options.nth(1).getAttribute('aria-selected')).toBe('false');

    await page.keyboard.press('End');
    expect(await focused(7)).toBe(true);
    await page.keyboard.press(' ');
    await expect.poll(() => text(heading), POLL).toBe(nameOf(7));
    expect(await selectedIds()).toEqual([ids[7]]);
    expect(await panel.getAttribute('data-customer-auth-id')).toBe(ids[7]);

    await page.keyboard.press('Home');
    expect(await focused(0)).toBe(true);
    await page.keyboard.press('ArrowUp'); // stays on the first
    expect(await focused(0)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => text(heading), POLL).toBe(nameOf(0));
    expect(await selectedIds()).toEqual([ids[0]]);
  });

  it('a redacted customer token must be entered: wrong and partner tokens are refused and not stored', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await northwindCustomers(app);
    const meridian = customer(sim, MERIDIAN);
    await selectCustomerByName(page, MERIDIAN);
    const missing = page.getByTestId('customer-token-missing');
    await missing.waitFor({ timeout: 10_000 });
    expect(await missing.innerText()).toMatch(/did not return the API token/);
    expect(await page.getByTestId('customer-panel').getAttribute('data-token-state')).toBe('missing');
    expect(await page.getByTestId('credentials-view').count()).toBe(0);

    const form = page.getByTestId('customer-token-form');
    const error = page.getByTestId('customer-token-error');
    const profileId = await activeProfileId(app);
    const key = `profile:${profileId}:customer:${meridian.authId}`;
    const tryToken = async (token: string) => {
      const before = sim.requests.length;
      await form.getByLabel('Customer API token').fill(token);
      await form.getByRole('button', { name: 'Save customer token' }).click();
      // Main really asked Vobiz with it (in the customer scope), and the form has settled.
      await expect
        .poll(() => sim.requests.slice(before).some((r) => r.path.includes(`/${meridian.authId}/`) && r.headers['x-auth-token'] === token), POLL)
        .toBe(true);
      // (On success the form goes away: that is settled too.) One look at the page, not count() then
      // getAttribute(): between the two the form could go, and getAttribute waited 30 s for it.
      await expect.poll(() => form.evaluateAll((els) => els.length === 0 || els[0]!.getAttribute('aria-busy') === 'false'), POLL).toBe(true);
    };

    await tryToken('wrong-customer-token-123');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/did not accept this customer's auth ID and token/);
    expect(vaultKeys(app).filter((k) => k.endsWith(`:customer:${meridian.authId}`))).toEqual([]);
    expect(await missing.isVisible()).toBe(true);

    // The partner's own token is the wrong scope for a customer's credentials.
    await tryToken(northwind.token);
    await error.waitFor();
    expect(await error.innerText()).toMatch(/did not accept this customer's auth ID and token/);
    expect(await error.innerText()).toMatch(/partner token cannot manage/);
    expect(vaultKeys(app).filter((k) => k.endsWith(`:customer:${meridian.authId}`))).toEqual([]);

    await tryToken(meridian.authToken);
    const view = page.getByTestId('credentials-view');
    await view.getByTestId('credentials-table').waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await shownUsernames(page)).sort(), POLL).toEqual(['oncall01', 'pharmacy01', 'reception01', 'reception02']);
    expect(await missing.count()).toBe(0);
    expect(await page.getByTestId('customer-notice').innerText()).toMatch(/API token for Meridian Health Clinics saved/);
    expect(vaultKeys(app)).toContain(key);
  });

  it('deleting a credential in use by calls says so and keeps it', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await northwindCustomers(app);
    const view = await openCredentials(page, HARBORLIGHT);
    await view.getByTestId('credentials-toolbar').getByLabel('Filter by username').fill('dispatch01');
    await expect.poll(() => shownUsernames(page), POLL).toEqual(['dispatch01']);

    await row(view, 'dispatch01').getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByTestId('delete-confirm');
    expect(await confirm.innerText()).toMatch(/Delete dispatch01\?/);
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    const err = page.getByTestId('delete-error');
    await err.waitFor({ timeout: 10_000 });
    expect(await err.innerText()).toMatch(/in use by active calls/);
    expect(await err.getAttribute('role')).toBe('alert');

    expect(await row(view, 'dispatch01').count()).toBe(1);
    const harborlight = customer(sim, HARBORLIGHT);
    expect(sim.state.credentials.some((c) => c.accountId === harborlight.authId && c.username === 'dispatch01')).toBe(true);
    expect(sim.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('when Vobiz wants a password with every change, Disable asks for one and sends both', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await northwindCustomers(app);
    const view = await openCredentials(page, HARBORLIGHT);
    const target = (await shownUsernames(page))[0]!;
    expect(await row(view, target).getAttribute('data-enabled')).toBe('true');
    const record = () => sim.state.credentials.find((c) => c.accountId === customer(sim, HARBORLIGHT).authId && c.username === target)!;
    const oldPassword = record().password;

    sim.setFaults({ putRequiresPassword: true });
    await row(view, target).getByRole('button', { name: 'Disable', exact: true }).click();
    const form = page.getByTestId('change-password-form');
    await form.waitFor({ timeout: 10_000 });
    expect(await form.getAttribute('data-enabled-change')).toBe('false');
    expect(await form.getByTestId('password-required').innerText()).toMatch(/requires a new password/);
    // Nothing changed yet: the first PUT was refused.
    expect(record().enabled).toBe(true);

    await form.getByLabel('Type a password').check();
    await form.getByLabel('SIP password').fill('NewPass#2026');
    await form.getByRole('button', { name: 'Save new password and disable' }).click();
    await view.locator(`tbody tr[data-username="${target}"][data-enabled="false"]`).waitFor({ timeout: 10_000 });
    expect(await row(view, target).innerText()).toContain('Disabled');
    expect(await page.getByTestId('credentials-status').innerText()).toMatch(new RegExp(`Disabled ${target} with a new password`));
    expect(await page.getByTestId('change-password-form').count()).toBe(0);
    expect(record().enabled).toBe(false);
    expect(record().password).toBe('NewPass#2026');
    expect(record().password).not.toBe(oldPassword);
  });

  it('a username already taken is a field error and nothing is created', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await northwindCustomers(app);
    const view = await openCredentials(page, HARBORLIGHT);
    const before = simUsernames(sim, HARBORLIGHT).length;
    expect(before).toBe(47);

    await view.getByRole('button', { name: '+ New credential' }).click();
    const form = page.getByTestId('create-credential-form');
    await form.getByLabel('Username').fill('dock01');
    await form.getByLabel('Type a password').check();
    await form.getByLabel('SIP password').fill('Secret#123');
    await form.getByRole('button', { name: 'Create credential' }).click();
    const fieldError = form.getByTestId('field-error');
    await fieldError.waitFor({ timeout: 10_000 });
    expect(await fieldError.innerText()).toMatch(/already taken/);
    expect(await form.getByLabel('Username').getAttribute('aria-invalid')).toBe('true');
    expect(simUsernames(sim, HARBORLIGHT)).toHaveLength(47);
    expect(sim.requests.filter((r) => r.method === 'POST' && r.path.includes('/credentials'))).toHaveLength(1);
  });

  it('a lost answer to a create is checked: created anyway, or not created, never sent twice', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await northwindCustomers(app);
    const view = await openCredentials(page, HARBORLIGHT);
    const posts = () => sim.requests.filter((r) => r.method === 'POST' && r.path.includes('/credentials')).length;
    const create = async (username: string) => {
      await view.getByRole('button', { name: '+ New credential' }).click();
      const form = page.getByTestId('create-credential-form');
      await form.getByLabel('Username').fill(username);
      await form.getByLabel('Type a password').check();
      await form.getByLabel('SIP password').fill('Lost#Answer1');
      await form.getByRole('button', { name: 'Create credential' }).click();
    };

    // The create happens, but the answer is a 502.
    sim.setFaults({ queue: [{ match: 'POST /api/v1/Account/', kind: 'status', status: 502, afterHandler: true }] });
    await create('lostanswer1');
    const note = page.getByTestId('write-note');
    await note.waitFor({ timeout: 10_000 });
    expect(await note.innerText()).toMatch(/“lostanswer1” was created: Trunkdesk checked the list/);
    await row(view, 'lostanswer1').waitFor({ timeout: 10_000 });
    expect(simUsernames(sim, HARBORLIGHT)).toContain('lostanswer1');
    expect(posts()).toBe(1);

    // The create does not happen, and the answer is a 503.
    sim.setFaults({ queue: [{ match: 'POST /api/v1/Account/', kind: 'status', status: 503 }] });
    await create('lostanswer2');
    const err = page.getByTestId('create-credential-error');
    await err.waitFor({ timeout: 10_000 });
    expect(await err.innerText()).toMatch(/“lostanswer2” was not created/);
    expect(await err.innerText()).toMatch(/HTTP 503/);
    expect(simUsernames(sim, HARBORLIGHT)).not.toContain('lostanswer2');
    expect(posts()).toBe(2);
    // The form stays open with what was typed, to try again.
    expect(await page.getByTestId('create-credential-form').getByLabel('Username').inputValue()).toBe('lostanswer2');
    await page.waitForTimeout(500);
    expect(posts()).toBe(2);
    expect(await row(view, 'lostanswer2').count()).toBe(0);
  });

  it('a rate limit while syncing a customer says so and how long to wait', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await northwindCustomers(app);
    const view = await openCredentials(page, HARBORLIGHT);
    const shown = await shownUsernames(page);

    // The list is shown from this computer's store; Sync is what asks Vobiz, and Vobiz keeps saying 429.
    sim.setFaults({ queue: [{ match: '/trunks/credentials', kind: 'status', status: 429, retryAfter: 1, times: -1 }] });
    await view.getByTestId('sync-account').click();
    const summary = view.getByTestId('sync-summary');
    // The engine tries a page 8 times, each honouring Retry-After, and is the only layer that
    // retries: about 8 s at 1 s.
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.getAttribute('data-outcome')).toBe('failed');
    const said = await summary.innerText();
    expect(said).toMatch(/Could not sync Harborlight Logistics/);
    expect(said).toMatch(/Vobiz is limiting how fast requests can be made/);
    expect(said).toMatch(/Wait about 1 s/);
    expect(said).toMatch(/HTTP 429/);
    // What was on screen stays; nothing pretends the list is empty.
    expect(await shownUsernames(page)).toEqual(shown);
    expect(await view.getByTestId('credentials-empty').count()).toBe(0);
  }, 60_000);

  it('a partner that cannot create accounts sees “+ New customer” disabled, with the reason', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await addProfileViaUi(page, { name: 'Blue Fjord', authId: blueFjord.authId, token: blueFjord.token, baseUrl: sim.partnerBaseUrl });
    await waitForPartner(page, blueFjord.name);
    await openCustomers(page);
    const button = page.getByTestId('new-customer');
    const reason = page.getByTestId('new-customer-blocked');
    await reason.waitFor({ timeout: 10_000 });
    expect(await button.isDisabled()).toBe(true);
    expect(await reason.innerText()).toMatch(/can't create customer accounts/);
    // The reason is the button's description for assistive technology.
    const describedBy = await button.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    expect(await reason.getAttribute('id')).toBe(describedBy);
    expect(sim.requests.filter((r) => r.method === 'POST' && r.path.includes('/accounts'))).toHaveLength(0);
  });

  it('creating a customer: a bad phone is caught before sending, a taken email is reported by field', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await northwindCustomers(app);
    const countBefore = sim.state.customers.length;
    const accountPosts = () => sim.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/api/v1/partner/accounts'));

    const form = await createCustomerViaUi(page, { name: 'Saltmarsh Ferries', email: 'voice@saltmarsh.example', password: 'Saltmarsh2026', country: 'IN', phone: '0987' });
    const errors = form.getByTestId('field-error');
    await errors.first().waitFor();
    expect(await errors.count()).toBe(1);
    expect(await errors.innerText()).toMatch(/E\.164/);
    expect(await form.getByLabel('Phone', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.waitForTimeout(300);
    expect(accountPosts()).toHaveLength(0);

    await form.getByLabel('Phone', { exact: true }).fill('+919812300011');
    await form.getByLabel('Email', { exact: true }).fill(customer(sim, HARBORLIGHT).email);
    await form.getByRole('button', { name: 'Create customer' }).click();
    await expect.poll(() => accountPosts().length, POLL).toBe(1);
    await expect.poll(() => text(errors), POLL).toMatch(/already exists/);
    expect(await errors.count()).toBe(1);
    expect(await form.getByLabel('Email', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Phone', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    expect(sim.state.customers.length).toBe(countBefore);
    expect(await form.isVisible()).toBe(true);
  });

  it('a session profile: wrong password refused, email kept but never the password, expiry asks to sign in again', async () => {
    const app = await openApp();
    const { page, sim, h } = app;
    const form = await addSessionProfileViaUi(page, { name: 'Blue Fjord', email: blueFjord.email, password: 'NotThePassword1', baseUrl: sim.partnerBaseUrl });
    expect(await page.getByTestId('add-profile-form').getAttribute('data-mode')).toBe('session');
    const addError = page.getByTestId('add-profile-error');
    await addError.waitFor({ timeout: 10_000 });
    expect(await addError.innerText()).toMatch(/email or password is incorrect/);
    expect((await h.services.profiles.list()).profiles).toHaveLength(0);
    expect(existsSync(join(h.dataDir, 'profiles.json')) ? JSON.parse(readFileSync(join(h.dataDir, 'profiles.json'), 'utf8')).profiles : []).toEqual([]);
    expect(await form.getByLabel('Password', { exact: true }).inputValue()).toBe('');

    await form.getByLabel('Password', { exact: true }).fill(blueFjord.password);
    await form.getByRole('button', { name: 'Sign in and add' }).click();
    await waitForPartner(page, blueFjord.name);
    const status = page.getByTestId('session-status');
    expect(await status.getAttribute('data-signed-in')).toBe('true');
    // The time of day with its zone (the whole date and time if it ends after midnight).
    expect(await text(status)).toMatch(/^Signed in until (.+\d{4}, )?\d{1,2}:\d{2}(\s[AP]M)?\s\S+$/);
    const onDisk = readFileSync(join(h.dataDir, 'profiles.json'), 'utf8');
    expect(onDisk).toContain(blueFjord.email);
    expect(onDisk).not.toContain(blueFjord.password);
    expect(onDisk).not.toMatch(/eyJ[A-Za-z0-9_-]+\./); // no JWT either
    if (existsSync(join(h.dataDir, 'vault.json'))) expect(vaultKeys(app)).toEqual([]);

    // Sign out, then sign in with sessions that Vobiz makes short-lived: main ends it after ~1 s.
    await page.getByRole('button', { name: 'Profile settings' }).click();
    await page.getByTestId('session-settings').getByRole('button', { name: 'Sign out' }).click();
    const panel = page.getByTestId('sign-in-panel');
    await panel.waitFor({ timeout: 10_000 });
    expect(await status.getAttribute('data-signed-in')).toBe('false');
    expect(await text(status)).toBe('Signed out');

    sim.setFaults({ jwtTtlSeconds: 6 });
    const logins = () => sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/login')).length;
    const loginsBefore = logins();
    await panel.getByLabel('Password', { exact: true }).fill(blueFjord.password);
    await panel.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(logins, POLL).toBe(loginsBefore + 1);
    const expired = page.getByTestId('session-expired');
    await expired.waitFor({ timeout: 8_000 });
    expect(await expired.innerText()).toMatch(/Your Vobiz session for Blue Fjord ended\. Sign in again\./);
    expect(await expired.getAttribute('role')).toBeNull();
    await page.getByTestId('sign-in-panel').waitFor({ timeout: 5_000 });
    await expect.poll(() => status.getAttribute('data-signed-in'), POLL).toBe('false');
    expect(await page.getByTestId('partner-view').count()).toBe(0);

    sim.setFaults({});
    await page.getByTestId('sign-in-panel').getByLabel('Password', { exact: true }).fill(blueFjord.password);
    await page.getByTestId('sign-in-panel').getByRole('button', { name: 'Sign in', exact: true }).click();
    await waitForPartner(page, blueFjord.name);
    expect(await status.getAttribute('data-signed-in')).toBe('true');
    expect(await page.getByTestId('session-expired').count()).toBe(0);
    expect(readFileSync(join(h.dataDir, 'profiles.json'), 'utf8')).not.toContain(blueFjord.password);
  });

  it('a slow credential sync for the customer just left never lands in the next one', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await northwindCustomers(app);
    await openCredentials(page, HARBORLIGHT);
    const harborUsernames = simUsernames(sim, HARBORLIGHT);
    const kestrel = customer(sim, KESTREL);

    // Pages are read from this computer's store now; what goes to Vobiz (and can be slow) is a sync.
    sim.setFaults({ latencyMs: 1_500 });
    const before = sim.requests.length;
    await page.getByTestId('credentials-view').getByTestId('sync-account').click();
    // Once the slow request for Harborlight's list is on its way, answers are quick again.
    const harborId = customer(sim, HARBORLIGHT).authId;
    await expect.poll(() => sim.requests.slice(before).some((r) => r.path.includes(`${harborId}/trunks/credentials`)), POLL).toBe(true);
    await page.waitForTimeout(50);
    sim.setFaults({});
    await selectCustomerByName(page, KESTREL);

    await page.waitForTimeout(2_500);
    const view = page.getByTestId('credentials-view');
    expect(await view.getAttribute('data-customer-auth-id')).toBe(kestrel.authId);
    const shown = await shownUsernames(page);
    expect(shown).toContain('portdesk');
    expect(shown.sort()).toEqual(simUsernames(sim, KESTREL).sort());
    expect(shown.filter((u) => harborUsernames.includes(u))).toEqual([]);
    expect(await text(view.getByTestId('credentials-range'))).toBe('Showing 1–6 of 6');
    expect(await page.getByTestId('customer-panel').getByRole('heading', { level: 2 }).innerText()).toBe(KESTREL);
  });
});
