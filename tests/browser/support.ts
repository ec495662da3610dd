// Shared set-up for browser tests: a fresh simulator, data directory and keychain service per
// test, and the harness (real main services + built preload + built renderer in Chromium).
import type { Locator, Page } from 'playwright';
import { afterEach, expect } from 'vitest';
import { MASTER_KEY_ACCOUNT } from '../../src-main/secrets/master-key';
import { keytarStore } from '../../src-main/secrets/keychain';
import { startHarness, type Harness, type HarnessOptions } from '../harness/harness';
import { DEMO_PARTNERS } from '../sim/data';
import { startSimulator, type Simulator } from '../sim/server';
import { uniqueService } from '../support/tmp';

export interface App {
  sim: Simulator;
  h: Harness;
  page: Page;
  close(): Promise<void>;
}

/** Apps opened by the current test; closed after it, whatever its outcome. */
const openApps = new Set<App>();
afterEach(async () => {
  for (const app of openApps) await app.close();
  openApps.clear();
});

export async function openApp(o: HarnessOptions = {}): Promise<App> {
  const sim = await startSimulator({ quiet: true });
  const h = await startHarness({ keychainService: uniqueService('browser'), ...o });
  const app: App = {
    sim,
    h,
    page: h.page,
    async close() {
      await h.close();
      await sim.close();
      await keytarStore().delete(h.keychainService, MASTER_KEY_ACCOUNT).catch(() => undefined);
    },
  };
  openApps.add(app);
  return app;
}

export interface ProfileForm {
  name: string;
  authId: string;
  token: string;
  baseUrl: string;
}

/** Fill and submit the add-profile form as a person would. */
export async function addProfileViaUi(page: Page, f: ProfileForm): Promise<void> {
  const form = page.getByTestId('add-profile-form');
  await form.waitFor();
  await form.getByLabel('Profile name').fill(f.name);
  await form.getByLabel('Partner auth ID').fill(f.authId);
  await form.getByLabel('API token').fill(f.token);
  await form.getByLabel('Base URL').fill(f.baseUrl);
  await form.getByRole('button', { name: 'Add profile' }).click();
}

/** The text of one labelled field of the partner view, once the view shows that partner. */
export async function partnerField(page: Page, field: string): Promise<string> {
  const el = page.getByTestId('partner-view').locator(`[data-field="${field}"]`);
  await el.waitFor();
  return (await el.innerText()).trim();
}

/** Wait until the partner view's heading is `name`. */
export async function waitForPartner(page: Page, name: string): Promise<void> {
  await page.getByTestId('partner-view').getByRole('heading', { name, exact: true }).waitFor({ timeout: 15_000 });
}

export async function alertText(page: Page): Promise<string> {
  const alert = page.getByRole('alert').first();
  await alert.waitFor({ timeout: 15_000 });
  return (await alert.innerText()).trim();
}

export { expect };

/** Open the Customers tab of the active profile. */
export async function openCustomers(page: Page): Promise<void> {
  await page.getByRole('tablist', { name: 'Profile sections' }).getByRole('tab', { name: 'Customers' }).click();
  await page.getByTestId('customers-view').waitFor();
}

/** Select a customer in the list by name and wait for its panel. */
export async function selectCustomerByName(page: Page, name: string): Promise<void> {
  await page.getByRole('listbox', { name: 'Customers' }).getByRole('option', { name: new RegExp(name) }).click();
  await page.getByTestId('customer-panel').getByRole('heading', { name, exact: true }).waitFor();
}

/**
 * The usernames of every row of the page shown, in order. The table renders only the rows in its
 * scroll box, so this scrolls it from top to bottom, as a person would, collecting each row by its
 * aria-rowindex; then puts the scroll back.
 */
export async function shownUsernames(page: Page): Promise<string[]> {
  const box = page.getByTestId('credentials-scroll');
  return box.evaluate(async (el) => {
    const seen = new Map<number, string>();
    const collect = () =>
      el.querySelectorAll('tr[data-username]').forEach((tr) => seen.set(Number(tr.getAttribute('aria-rowindex')), tr.getAttribute('data-username') ?? ''));
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const start = el.scrollTop;
    el.scrollTop = 0;
    await frame();
    for (;;) {
      collect();
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) break;
      el.scrollTop += Math.max(50, el.clientHeight - 40);
      await frame();
    }
    el.scrollTop = start;
    return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, u]) => u);
  });
}

export interface CustomerForm {
  name: string;
  email: string;
  password: string;
  country: string;
  phone: string;
}

/** Open the new-customer form, fill it and submit it; returns the form for further checks. */
export async function createCustomerViaUi(page: Page, c: CustomerForm): Promise<Locator> {
  await page.getByTestId('new-customer').click();
  const form = page.getByTestId('create-customer-form');
  await form.getByLabel('Name', { exact: true }).fill(c.name);
  await form.getByLabel('Email', { exact: true }).fill(c.email);
  await form.getByLabel('Password', { exact: true }).fill(c.password);
  await form.getByLabel('Country', { exact: true }).fill(c.country);
  await form.getByLabel('Phone', { exact: true }).fill(c.phone);
  await form.getByRole('button', { name: 'Create customer' }).click();
  return form;
}

/** Choose email-and-password sign-in on the add-profile form, fill it and submit it. */
export async function addSessionProfileViaUi(page: Page, s: { name: string; email: string; password: string; baseUrl: string }): Promise<Locator> {
  const addForm = page.getByTestId('add-profile-form');
  await addForm.waitFor();
  await addForm.getByRole('tablist', { name: 'Sign in with' }).getByRole('tab', { name: 'Email and password (session only)' }).click();
  const form = page.getByTestId('add-session-profile-form');
  await form.getByLabel('Profile name').fill(s.name);
  await form.getByLabel('Email', { exact: true }).fill(s.email);
  await form.getByLabel('Password', { exact: true }).fill(s.password);
  await form.getByLabel('Base URL').fill(s.baseUrl);
  await form.getByRole('button', { name: 'Sign in and add' }).click();
  return form;
}

/** Pick a provider on the add-profile form (Vobiz, VoIPBIN, Vocobase). */
export async function chooseProvider(page: Page, provider: 'Vobiz' | 'VoIPBIN' | 'Vocobase'): Promise<Locator> {
  const form = page.getByTestId('add-profile-form');
  await form.waitFor();
  await form.getByTestId('provider-picker').getByLabel(provider).check();
  return form;
}

/** Open the folded "Advanced" fields of a VoIPBIN or Vocobase profile form, and fill those given. */
async function fillAdvanced(form: Locator, f: { baseUrl?: string; realmBase?: string }): Promise<void> {
  const advanced = form.getByTestId('advanced-fields');
  if (!(await advanced.evaluate((d) => (d as HTMLDetailsElement).open))) await advanced.locator('summary').click();
  if (f.baseUrl !== undefined) await form.getByLabel('Base URL').fill(f.baseUrl);
  if (f.realmBase !== undefined) await form.getByLabel('Realm base domain').fill(f.realmBase);
}

export type VoipbinProfileForm = { name: string; baseUrl?: string; realmBase?: string } & (
  | { username: string; password: string }
  | { accessKey: string }
);

/** Add a VoIPBIN profile through the form, signed in with a username and password or an access key. */
export async function addVoipbinViaUi(page: Page, f: VoipbinProfileForm): Promise<Locator> {
  const form = await chooseProvider(page, 'VoIPBIN');
  const byKey = 'accessKey' in f;
  await form.getByRole('tablist', { name: 'Sign in with' }).getByRole('tab', { name: byKey ? /Access key/ : /Username and password/ }).click();
  await form.getByLabel('Profile name').fill(f.name);
  if ('accessKey' in f) await form.getByLabel('Access key').fill(f.accessKey);
  else {
    await form.getByLabel('Username', { exact: true }).fill(f.username);
    await form.getByLabel('Password', { exact: true }).fill(f.password);
  }
  if (f.baseUrl !== undefined || f.realmBase !== undefined) await fillAdvanced(form, f);
  await form.getByRole('button', { name: byKey ? 'Add profile' : 'Sign in and add' }).click();
  return form;
}

/** Add a Vocobase profile through the form. */
export async function addVocobaseViaUi(page: Page, f: { name: string; apiKey: string; baseUrl?: string }): Promise<Locator> {
  const form = await chooseProvider(page, 'Vocobase');
  await form.getByLabel('Profile name').fill(f.name);
  await form.getByLabel('API key').fill(f.apiKey);
  if (f.baseUrl !== undefined) await fillAdvanced(form, f);
  await form.getByRole('button', { name: 'Add profile' }).click();
  return form;
}

/** A one-account profile's credentials (its Credentials tab), once its table has rows. */
export async function waitForAccountCredentials(page: Page, accountName: string): Promise<Locator> {
  const view = page.getByTestId('account-view');
  await view.getByRole('heading', { name: accountName, exact: true }).waitFor({ timeout: 20_000 });
  const creds = view.getByTestId('credentials-view');
  await creds.locator('tr[data-username]').first().waitFor({ timeout: 20_000 });
  return creds;
}

/** The demo partner Northwind added through the UI, on its Customers tab. */
export async function northwindCustomers(a: App): Promise<void> {
  const northwind = DEMO_PARTNERS[0]!;
  await addProfileViaUi(a.page, { name: 'Northwind', authId: northwind.authId, token: northwind.token, baseUrl: a.sim.partnerBaseUrl });
  await waitForPartner(a.page, northwind.name);
  await openCustomers(a.page);
}

/** Select a customer that has a stored (or fetchable) token and wait for its first credential page. */
export async function openCredentials(page: Page, name: string): Promise<Locator> {
  await selectCustomerByName(page, name);
  const view = page.getByTestId('credentials-view');
  await view.locator('[data-testid="credentials-table"], [data-testid="credentials-empty"]').first().waitFor({ timeout: 10_000 });
  return view;
}

export const HARBORLIGHT = 'Harborlight Logistics';

/** Give Harborlight `n` more credentials (bulk000…), e.g. for a full 100-row page. */
export function manyCredentials(a: App, n: number): void {
  const id = a.sim.state.customers.find((c) => c.name === HARBORLIGHT)!.authId;
  for (let i = 0; i < n; i++) a.sim.addCredential(id, { username: `bulk${String(i).padStart(3, '0')}` });
}

/** Choose a page size on the credential toolbar and wait for the bigger page. */
export async function perPage(view: Locator, n: string): Promise<void> {
  await view.getByLabel('Per page').selectOption(n);
  await expect.poll(() => view.locator('tr[data-username]').count()).toBeGreaterThan(20);
}
