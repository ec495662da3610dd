// VoIPBIN and Vocobase in the built app, through the harness: adding each kind of profile through
// the form, the provider badge, the one account opened by itself, credentials of every kind
// (list, create, edit, change password, delete), the settings panel with its copy buttons, a
// stored VoIPBIN password revealed only on request, sync, and the offline review.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { startHarness } from '../harness/harness';
import { DEMO_VOCOBASE, DEMO_VOIPBIN, startSimulator } from '../sim/server';
import { tempDir } from '../support/tmp';
import { addVocobaseViaUi, addVoipbinViaUi, openApp, shownUsernames, waitForAccountCredentials, type App } from './support';

const AURORA = DEMO_VOIPBIN.aurora;
const ADMIN = DEMO_VOIPBIN.logins.admin;
const CINDER = DEMO_VOCOBASE.cinder;

const auroraExtensions = (app: App) => app.sim.state.voipbin.extensions.filter((e) => e.customerId === AURORA.customerId && !e.tmDelete);
const auroraTrunks = (app: App) => app.sim.state.voipbin.trunks.filter((t) => t.customerId === AURORA.customerId && !t.tmDelete);
const cinderConnections = (app: App) => app.sim.state.vocobase.connections.filter((c) => c.partnerId === CINDER.partnerId && c.provider === 'sip');

async function addAurora(app: App, how: 'login' | 'accesskey' = 'login', realmBase?: string) {
  const base = { name: 'Aurora', baseUrl: app.sim.voipbinBaseUrl, ...(realmBase ? { realmBase } : {}) };
  await addVoipbinViaUi(app.page, how === 'login' ? { ...base, username: ADMIN.username, password: ADMIN.password } : { ...base, accessKey: DEMO_VOIPBIN.accessKey });
  return waitForAccountCredentials(app.page, AURORA.name);
}

async function addCinder(app: App) {
  await addVocobaseViaUi(app.page, { name: 'Cinder', apiKey: CINDER.key, baseUrl: app.sim.vocobaseBaseUrl });
  return waitForAccountCredentials(app.page, CINDER.name);
}

/** Every row of the list: 100 a page, all pages. */
async function allUsernames(page: Page): Promise<string[]> {
  const view = page.getByTestId('credentials-view');
  await view.getByLabel('Per page').selectOption('100');
  await expect.poll(async () => (await view.getByTestId('credentials-range').innerText()).startsWith('Showing 1–')).toBe(true);
  const names: string[] = [];
  for (;;) {
    await view.locator('tr[data-username]').first().waitFor();
    names.push(...(await shownUsernames(page)));
    const next = view.getByRole('button', { name: 'Next', exact: true });
    if (await next.isDisabled()) return names;
    const before = await view.getByTestId('credentials-page').innerText();
    await next.click();
    await expect.poll(() => view.getByTestId('credentials-page').innerText()).not.toBe(before);
  }
}

/** Show only the rows whose username contains `username`, and return that row. */
async function rowOf(page: Page, username: string) {
  const view = page.getByTestId('credentials-view');
  await view.getByLabel('Filter by username').fill(username);
  const row = view.locator(`tr[data-username="${username}"]`);
  await row.waitFor();
  return row;
}

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);

describe('VoIPBIN profiles', () => {
  it('signs in with username and password: badge, the one account opened by itself, every extension and trunk listed', async () => {
    const app = await openApp();
    const { page, sim } = app;
    // A password left out is a field error at once, and nothing is sent.
    const form = await addVoipbinViaUi(page, { name: 'Aurora', username: ADMIN.username, password: '', baseUrl: sim.voipbinBaseUrl });
    expect(await form.getByTestId('field-error').allInnerTexts()).toEqual(['Enter your password.']);
    expect(await form.getByLabel('Password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(sim.requests).toHaveLength(0);
    // The secret field is a password input with no autofill, and no answer echoes it.
    expect(await form.getByLabel('Password', { exact: true }).getAttribute('type')).toBe('password');
    expect(await form.getByLabel('Password', { exact: true }).getAttribute('autocomplete')).toBe('off');

    await form.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await form.getByRole('button', { name: 'Sign in and add' }).click();
    const view = await waitForAccountCredentials(page, AURORA.name);
    expect(app.h.bridgeLog.some((l) => l.includes(ADMIN.password))).toBe(false);

    // The badge in the switcher and in the header.
    const entry = page.getByTestId('profile-switcher').getByRole('button', { name: /Aurora/ });
    expect(await entry.getByTestId('provider-badge').innerText()).toBe('VoIPBIN');
    expect(await page.locator('.main-header').getByTestId('provider-badge').innerText()).toBe('VoIPBIN');
    // One account: no customer list, no "new customer", and the words say Account.
    const tabs = page.getByRole('tablist', { name: 'Profile sections' });
    expect(await tabs.getByRole('tab').allInnerTexts()).toEqual(['Account', 'Credentials']);
    expect(await page.getByRole('listbox', { name: 'Customers' }).count()).toBe(0);
    expect(await page.getByTestId('new-customer').count()).toBe(0);
    expect(await view.getByRole('heading', { name: 'Extensions and trunks' }).count()).toBe(1);
    // Kind and Name columns; only what VoIPBIN allows on a row.
    const table = view.getByTestId('credentials-table');
    expect(await table.locator('thead th').allInnerTexts()).toEqual(expect.arrayContaining(['Kind', 'Name']));
    const first = table.locator('tr[data-username]').first();
    expect(await first.getByRole('button', { name: /^Disable|^Enable/ }).count()).toBe(0);
    expect(await first.getByRole('button', { name: /Settings for/ }).count()).toBe(1);
    expect(await first.getByRole('button', { name: /^Edit / }).count()).toBe(1);
    expect(await first.getByRole('button', { name: 'Change password' }).count()).toBe(1);
    expect(await first.getByRole('button', { name: 'Delete' }).count()).toBe(1);
    expect(await view.getByTestId('caps-note').innerText()).toMatch(/VoIPBIN extensions and trunks cannot be disabled/);
    expect(await view.getByRole('button', { name: '+ New extension' }).count()).toBe(1);
    expect(await view.getByRole('button', { name: '+ New trunk' }).count()).toBe(1);

    // Every extension and trunk the simulator has, once.
    const names = await allUsernames(page);
    const expected = [...auroraExtensions(app).map((e) => e.extension), ...auroraTrunks(app).map((t) => t.username)];
    expect(names).toHaveLength(AURORA.extensions + AURORA.trunks);
    expect(new Set(names)).toEqual(new Set(expected));
    const kinds = await table.locator('tr[data-username]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind')));
    expect(new Set(kinds).size).toBeGreaterThan(0);
    // The Account tab shows the account, with what Trunkdesk may do per kind.
    await tabs.getByRole('tab', { name: 'Account' }).click();
    await page.getByTestId('partner-view').getByRole('heading', { name: AURORA.name }).waitFor();
    expect(await page.getByTestId('kind-capabilities').innerText()).toMatch(/VoIPBIN does not allow: disable/);
  });

  it('signs in with an access key: a malformed key is refused on the field, and the realm base given is used', async () => {
    const app = await openApp();
    const { page, sim } = app;
    const form = await addVoipbinViaUi(page, { name: 'Aurora key', accessKey: 'vb_no!', baseUrl: sim.voipbinBaseUrl });
    expect(await form.getByTestId('field-error').allInnerTexts()).toEqual([expect.stringMatching(/starts with vb_/)]);
    expect(await form.getByLabel('Access key').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Access key').getAttribute('type')).toBe('password');
    expect(sim.requests).toHaveLength(0);
    // A bad realm base is refused too, in the folded fields, which stay open to show it.
    await form.getByLabel('Access key').fill(DEMO_VOIPBIN.accessKey);
    await form.getByLabel('Realm base domain').fill('not a domain');
    await form.getByRole('button', { name: 'Add profile' }).click();
    expect(await form.getByTestId('field-error').allInnerTexts()).toEqual([expect.stringMatching(/registrar\.voipbin\.net/)]);
    expect(sim.requests).toHaveLength(0);

    await form.getByLabel('Realm base domain').fill('ext.example.net');
    await form.getByRole('button', { name: 'Add profile' }).click();
    const view = await waitForAccountCredentials(page, AURORA.name);
    // The key went as ?accesskey=, never in a header; and it is not echoed to the page.
    expect(sim.requests.some((r) => r.path.includes('accesskey='))).toBe(true);
    expect(sim.requests.every((r) => !JSON.stringify(r.headers).includes(DEMO_VOIPBIN.accessKey))).toBe(true);
    expect(app.h.bridgeLog.some((l) => l.includes(DEMO_VOIPBIN.accessKey))).toBe(false);
    // An extension's realm is built on the configured base.
    const row = await rowOf(page, '1001');
    await row.getByRole('button', { name: /Settings for/ }).click();
    const panel = page.getByTestId('credential-settings');
    await panel.getByTestId('settings-rows').waitFor();
    expect(await panel.locator('[data-label="Realm / domain"] [data-testid="settings-value"]').innerText()).toBe(`${AURORA.customerId}.ext.example.net`);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    void view;
    // Profile settings name the provider, the access key and the realm base.
    await page.getByRole('button', { name: 'Profile settings' }).click();
    const settings = page.getByTestId('profile-settings');
    expect(await settings.getByTestId('provider-badge').innerText()).toBe('VoIPBIN');
    expect(await settings.locator('[data-field="realmBase"]').innerText()).toContain('ext.example.net');
    expect(await settings.getByRole('heading', { name: 'Replace access key' }).count()).toBe(1);
  });

  it('a frozen account is reported when signing in, and nothing is saved', async () => {
    const app = await openApp();
    const { page, sim, h } = app;
    const frozen = DEMO_VOIPBIN.logins.frozen;
    await addVoipbinViaUi(page, { name: 'Borealis', username: frozen.username, password: frozen.password, baseUrl: sim.voipbinBaseUrl });
    const notice = page.getByTestId('add-profile-error');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.innerText()).toMatch(/frozen/i);
    expect((await h.services.profiles.list()).profiles).toHaveLength(0);
    expect(await page.getByTestId('add-profile-form').getByLabel('Password', { exact: true }).inputValue()).toBe('');
  });

  it('creates an extension and a trunk, renames an extension, changes its password, and deletes one', async () => {
    const app = await openApp();
    const { page } = app;
    const view = await addAurora(app);

    // An extension with a typed password.
    await view.getByRole('button', { name: '+ New extension' }).click();
    let form = view.getByTestId('create-credential-form');
    expect(await form.getAttribute('data-kind')).toBe('extension');
    await form.getByLabel('Extension number').fill('2001');
    await form.getByLabel('Name', { exact: true }).fill('Night desk');
    await form.getByLabel('Detail').fill('Oslo clinic');
    await form.getByLabel('Type a password').check();
    await form.getByLabel('SIP password').fill('Night#Desk2026');
    await form.getByRole('button', { name: 'Create extension' }).click();
    await view.getByTestId('credentials-status').getByText('Created Night desk (2001).').waitFor();
    const ext = auroraExtensions(app).find((e) => e.extension === '2001')!;
    expect(ext).toMatchObject({ name: 'Night desk', detail: 'Oslo clinic', password: 'Night#Desk2026' });

    // A taken extension number comes back from the provider, shown on its field.
    await view.getByRole('button', { name: '+ New extension' }).click();
    form = view.getByTestId('create-credential-form');
    await form.getByLabel('Extension number').fill('1001');
    await form.getByRole('button', { name: 'Create extension' }).click();
    const taken = form.locator('.field', { has: page.getByLabel('Extension number') }).getByTestId('field-error');
    await taken.waitFor({ timeout: 15_000 });
    expect(await form.getByLabel('Extension number').getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('button', { name: 'Cancel' }).click();

    // A trunk with a generated password: the one-time panel shows it once.
    await view.getByRole('button', { name: '+ New trunk' }).click();
    form = view.getByTestId('create-credential-form');
    await form.getByLabel('Name', { exact: true }).fill('Tromsø PBX');
    await form.getByLabel('Domain name').fill('9bad');
    await form.getByLabel('Username', { exact: true }).fill('auroratromso');
    await form.getByLabel('Allowed IPs').fill('203.0.113.61\n203.0.113.62');
    await form.getByRole('button', { name: 'Create trunk' }).click();
    // Main's rule for the domain name, on that field.
    const domainError = form.locator('.field', { has: page.getByLabel('Domain name') }).getByTestId('field-error');
    await domainError.waitFor({ timeout: 15_000 });
    expect(await domainError.innerText()).toMatch(/start with a letter/);
    await form.getByLabel('Domain name').fill('auroratromso');
    expect(await form.getByText('auroratromso.trunk.voipbin.net').count()).toBe(1);
    await form.getByRole('button', { name: 'Create trunk' }).click();
    const oneTime = view.getByTestId('new-password');
    await oneTime.waitFor({ timeout: 15_000 });
    const trunk = auroraTrunks(app).find((t) => t.domainName === 'auroratromso')!;
    expect(trunk).toMatchObject({ name: 'Tromsø PBX', username: 'auroratromso', allowedIps: ['203.0.113.61', '203.0.113.62'] });
    expect(await bodyText(page)).not.toContain(trunk.password);
    await oneTime.getByRole('button', { name: 'Show password' }).click();
    expect(await oneTime.getByTestId('revealed-password').innerText()).toBe(trunk.password);
    await oneTime.getByRole('button', { name: 'Done' }).click();
    expect(await bodyText(page)).not.toContain(trunk.password);

    // Rename an extension and change its description.
    let row = await rowOf(page, '1001');
    await row.getByRole('button', { name: /^Edit / }).click();
    const edit = view.getByTestId('edit-credential-form');
    await edit.getByLabel('Name', { exact: true }).fill('Front desk');
    await edit.getByLabel('Detail').fill('Main reception');
    await edit.getByRole('button', { name: 'Save' }).click();
    await view.getByTestId('credentials-status').getByText('Saved Front desk (1001).').waitFor({ timeout: 15_000 });
    const e1001 = () => auroraExtensions(app).find((e) => e.extension === '1001')!;
    expect(e1001()).toMatchObject({ name: 'Front desk', detail: 'Main reception' });
    expect(await row.locator('[data-field="name"]').innerText()).toBe('Front desk');

    // A new password for it, typed.
    const before = e1001().password;
    await row.getByRole('button', { name: 'Change password' }).click();
    const change = view.getByTestId('change-password-form');
    await change.getByLabel('Type a password').check();
    await change.getByLabel('SIP password').fill('Front#Desk2026');
    await change.getByRole('button', { name: 'Save new password' }).click();
    await view.getByTestId('credentials-status').getByText(/New password set for Front desk \(1001\)/).waitFor({ timeout: 15_000 });
    expect(e1001().password).toBe('Front#Desk2026');
    expect(e1001().password).not.toBe(before);
    // The name and description were kept by the full replace.
    expect(e1001()).toMatchObject({ name: 'Front desk', detail: 'Main reception' });

    // Delete the new extension.
    row = await rowOf(page, '2001');
    await row.getByRole('button', { name: 'Delete' }).click();
    await view.getByTestId('delete-confirm').getByRole('button', { name: 'Delete', exact: true }).click();
    await view.getByTestId('credentials-status').getByText('Deleted Night desk (2001).').waitFor({ timeout: 15_000 });
    expect(auroraExtensions(app).some((e) => e.extension === '2001')).toBe(false);
    expect(await view.locator('tr[data-username="2001"]').count()).toBe(0);
  });

  it('the settings panel lists what a phone needs, copies each value, reveals a stored password only on request, and Escape closes it', async () => {
    const app = await openApp();
    const { page, h } = app;
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.origin });
    await addAurora(app);
    const secret = auroraExtensions(app).find((e) => e.extension === '1001')!.password;
    const row = await rowOf(page, '1001');
    const opener = row.getByRole('button', { name: /Settings for/ });
    await opener.click();
    const panel = page.getByTestId('credential-settings');
    await panel.getByTestId('settings-rows').waitFor();
    const realm = `${AURORA.customerId}.registrar.voipbin.net`;
    const value = (label: string) => panel.locator(`[data-label="${label}"] [data-testid="settings-value"]`).innerText();
    expect(await value('Username')).toBe('1001');
    expect(await value('Realm / domain')).toBe(realm);
    expect(await value('Registrar')).toBe('registrar.voipbin.net');
    expect(await value('Inbound URI')).toBe(`sip:1001@${realm}`);
    // The renderer copies a non-secret value itself.
    await panel.getByRole('button', { name: 'Copy Realm / domain' }).click();
    expect(await panel.getByTestId('settings-copy-result').innerText()).toBe('Copied Realm / domain.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(realm);

    // The password is nowhere on the page, nor in any answer, until asked for.
    expect(await bodyText(page)).not.toContain(secret);
    expect(h.bridgeLog.some((l) => l.includes(secret))).toBe(false);
    await panel.getByRole('button', { name: 'Reveal password' }).click();
    expect(await panel.getByTestId('stored-password').innerText()).toBe(secret);
    await panel.getByRole('button', { name: 'Hide' }).click();
    expect(await bodyText(page)).not.toContain(secret);
    // Copy: main copies it and says when the clipboard clears.
    await panel.getByRole('button', { name: 'Copy password' }).click();
    expect(await panel.getByTestId('password-copy-result').innerText()).toMatch(/^Copied — the clipboard clears in \d+ s\.$/);
    expect(h.platform.clipboardText).toBe(secret);
    // Revealed again, then the panel closes with Escape: gone, and focus is back on the row's button.
    await panel.getByRole('button', { name: 'Reveal password' }).click();
    await panel.getByTestId('stored-password').waitFor();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await bodyText(page)).not.toContain(secret);
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);
    // Only the two reveals carried it across the bridge.
    expect(h.bridgeLog.filter((l) => l.includes(secret))).toHaveLength(2);
  });

  it('Sync fetches what changed at VoIPBIN, and the history says so', async () => {
    const app = await openApp();
    const { page, sim } = app;
    const view = await addAurora(app);
    sim.addExtension(AURORA.customerId, { extension: '3001', name: 'Added in the console', password: 'Console#2026xyz' });
    await view.getByTestId('sync-account').click();
    const summary = view.getByTestId('sync-summary');
    await summary.waitFor({ timeout: 20_000 });
    expect(await summary.getAttribute('data-outcome')).toBe('done');
    await rowOf(page, '3001');
    await page.getByTestId('account-view').getByTestId('open-sync-history').click();
    const history = page.getByTestId('sync-history');
    await history.waitFor();
    await expect.poll(() => history.innerText(), { timeout: 10_000 }).toContain('3001');
  });

  it('reviews the stored list offline after a restart, with writes off and the stored password still on request', async () => {
    const dataDir = tempDir();
    const app = await openApp({ dataDir, probeEveryMs: 300 });
    const { sim, h } = app;
    await addAurora(app);
    const secret = auroraExtensions(app).find((e) => e.extension === '1002')!.password;
    const port = Number(new URL(sim.url).port);
    await h.close();
    await sim.close();

    const again = await startHarness({ dataDir, keychainService: h.keychainService, probeEveryMs: 300 });
    try {
      const p = again.page;
      await p.getByTestId('offline-banner').waitFor({ timeout: 20_000 });
      await p.getByRole('tablist', { name: 'Profile sections' }).getByRole('tab', { name: 'Credentials' }).click();
      const view = await waitForAccountCredentials(p, AURORA.name);
      expect(await view.getByTestId('data-source').getAttribute('data-source-kind')).toBe('stored');
      expect(await p.getByTestId('offline-banner').innerText()).toMatch(/until VoIPBIN can be reached/);
      const create = view.getByRole('button', { name: '+ New extension' });
      expect(await create.isDisabled()).toBe(true);
      expect(await create.getAttribute('title')).toBe('You are offline: changes need VoIPBIN.');
      // Sorting and filtering on the stored list.
      const row = await rowOf(p, '1002');
      expect(await row.getByRole('button', { name: 'Delete' }).isDisabled()).toBe(true);
      // Settings and the stored password come from this computer.
      await row.getByRole('button', { name: /Settings for/ }).click();
      const panel = p.getByTestId('credential-settings');
      await panel.getByTestId('settings-rows').waitFor();
      await panel.getByRole('button', { name: 'Reveal password' }).click();
      expect(await panel.getByTestId('stored-password').innerText()).toBe(secret);
      await panel.getByRole('button', { name: 'Close' }).click();
      await panel.waitFor({ state: 'detached' });

      // The network comes back: writes come back by themselves.
      const back = await startSimulator({ quiet: true, port });
      try {
        await p.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 20_000 });
        await expect.poll(() => create.isDisabled(), { timeout: 10_000 }).toBe(false);
      } finally {
        await back.close();
      }
    } finally {
      await again.close();
    }
  });
});

describe('Vocobase profiles', () => {
  it('a malformed API key is refused on the field and nothing is sent; the right one opens the SIP connections', async () => {
    const app = await openApp();
    const { page, sim } = app;
    const form = await addVocobaseViaUi(page, { name: 'Cinder', apiKey: 'rg_test_abc', baseUrl: sim.vocobaseBaseUrl });
    expect(await form.getByTestId('field-error').allInnerTexts()).toEqual([expect.stringMatching(/starts with rg_live_/)]);
    expect(await form.getByLabel('API key').getAttribute('type')).toBe('password');
    expect(sim.requests).toHaveLength(0);
    // Main's answer to a key Vocobase does not know: the notice, and the key cleared.
    await form.getByLabel('API key').fill(`rg_live_${'x'.repeat(32)}`);
    await form.getByRole('button', { name: 'Add profile' }).click();
    await page.getByTestId('add-profile-error').waitFor({ timeout: 15_000 });
    expect(await form.getByLabel('API key').inputValue()).toBe('');

    await form.getByLabel('API key').fill(CINDER.key);
    await form.getByRole('button', { name: 'Add profile' }).click();
    const view = await waitForAccountCredentials(page, CINDER.name);
    expect(app.h.bridgeLog.some((l) => l.includes(CINDER.key))).toBe(false);
    expect(await page.locator('.main-header').getByTestId('provider-badge').innerText()).toBe('Vocobase');
    expect(await page.getByTestId('profile-switcher').getByTestId('provider-badge').innerText()).toBe('Vocobase');
    expect(await view.getByRole('heading', { name: 'SIP connections' }).count()).toBe(1);
    expect(await page.getByRole('listbox', { name: 'Customers' }).count()).toBe(0);

    // The four SIP connections, by name; one kind, so no Kind column; only Settings on a row.
    const table = view.getByTestId('credentials-table');
    const names = await table.locator('[data-field="name"]').allInnerTexts();
    expect(new Set(names)).toEqual(new Set(cinderConnections(app).map((c) => c.name)));
    expect(names).toHaveLength(CINDER.sipConnections);
    expect(await table.locator('thead th').allInnerTexts()).not.toContain('Kind');
    const first = table.locator('tr[data-username]').first();
    expect(await first.getByRole('button').allInnerTexts()).toEqual(['Settings']);
    expect(await table.locator('input[type="checkbox"]').count()).toBe(0);
    expect(await view.getByTestId('caps-note').innerText()).toMatch(/Vocobase SIP connections cannot be changed or deleted/);
  });

  it('creates a SIP connection with every field, shows its settings with copy, and syncs', async () => {
    const app = await openApp();
    const { page, h } = app;
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.origin });
    const view = await addCinder(app);

    await view.getByRole('button', { name: '+ New SIP connection' }).click();
    const form = view.getByTestId('create-credential-form');
    expect(await form.getAttribute('data-kind')).toBe('connection');
    // No "generate": the carrier's outbound password is typed.
    expect(await form.getByLabel('Generate a strong password').count()).toBe(0);
    await form.getByLabel('Name', { exact: true }).fill('Carrier Three Pune');
    await form.getByLabel('SIP host').fill('sip.pune.carrier-three.example');
    await form.getByLabel('Outbound username').fill('cinder-pnq');
    await form.getByLabel('Outbound password').fill('Pune#Trunk2026');
    await form.getByLabel('Inbound source IPs').fill('203.0.113.70, 203.0.113.0/28');
    await form.getByLabel('DID number').fill('912040009900');
    await form.getByLabel('Transport').selectOption('TLS');
    await form.getByRole('button', { name: 'Create SIP connection' }).click();
    // The DID must be E.164: said on the field before anything is sent.
    const didError = form.locator('.field', { has: page.getByLabel('DID number') }).getByTestId('field-error');
    await didError.waitFor();
    expect(await didError.innerText()).toMatch(/E\.164/);
    expect(cinderConnections(app)).toHaveLength(CINDER.sipConnections);
    await form.getByLabel('DID number').fill('+91 20 4000 9900');
    await form.getByRole('button', { name: 'Create SIP connection' }).click();
    await view.getByTestId('credentials-status').getByText('Created Carrier Three Pune (cinder-pnq).').waitFor({ timeout: 15_000 });
    const made = cinderConnections(app).find((c) => c.name === 'Carrier Three Pune')!;
    expect(made).toMatchObject({ sipHost: 'sip.pune.carrier-three.example', outboundUsername: 'cinder-pnq', sourceIps: ['203.0.113.70', '203.0.113.0/28'], transport: 'TLS' });
    expect(made.phoneNumbers.map((n) => n.phoneNumber)).toContain('+912040009900');
    expect(h.bridgeLog.some((l) => l.includes('Pune#Trunk2026'))).toBe(false);

    // Its settings, each copyable; no password (Vocobase keeps it, Trunkdesk does not).
    const row = await rowOf(page, 'cinder-pnq');
    await row.getByRole('button', { name: /Settings for/ }).click();
    const panel = page.getByTestId('credential-settings');
    await panel.getByTestId('settings-rows').waitFor();
    const value = (label: string) => panel.locator(`[data-label="${label}"] [data-testid="settings-value"]`).innerText();
    expect(await value('SIP host')).toBe('sip.pune.carrier-three.example');
    expect(await value('Transport')).toBe('TLS');
    expect(await value('DID number')).toBe('+912040009900');
    expect(await panel.getByTestId('settings-password').count()).toBe(0);
    await panel.getByRole('button', { name: 'Copy SIP host' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('sip.pune.carrier-three.example');
    await panel.getByRole('button', { name: 'Close' }).click();
    await panel.waitFor({ state: 'detached' });

    // A connection made in the Vocobase dashboard arrives with Sync.
    app.sim.addVocobaseConnection(CINDER.partnerId, { name: 'Dashboard SIP', provider: 'sip', sipHost: 'sip.dash.example', outboundUsername: 'dash-user' });
    await view.getByLabel('Filter by username').fill('');
    await view.getByTestId('sync-account').click();
    await view.getByTestId('sync-summary').waitFor({ timeout: 20_000 });
    await rowOf(page, 'dash-user');
  });

  it('reviews the stored connections offline, with the reason writes are off', async () => {
    const dataDir = tempDir();
    const app = await openApp({ dataDir, probeEveryMs: 300 });
    const { sim, h } = app;
    await addCinder(app);
    await h.close();
    await sim.close();
    const again = await startHarness({ dataDir, keychainService: h.keychainService, probeEveryMs: 300 });
    try {
      const p = again.page;
      await p.getByTestId('offline-banner').waitFor({ timeout: 20_000 });
      await p.getByRole('tablist', { name: 'Profile sections' }).getByRole('tab', { name: 'Credentials' }).click();
      const view = await waitForAccountCredentials(p, CINDER.name);
      expect(await view.getByTestId('data-source').getAttribute('data-source-kind')).toBe('stored');
      expect(await view.locator('tr[data-username]').count()).toBe(CINDER.sipConnections);
      const create = view.getByRole('button', { name: '+ New SIP connection' });
      expect(await create.isDisabled()).toBe(true);
      expect(await create.getAttribute('title')).toBe('You are offline: changes need Vocobase.');
      const row = view.locator('tr[data-username]').first();
      await row.getByRole('button', { name: /Settings for/ }).click();
      await p.getByTestId('credential-settings').getByTestId('settings-rows').waitFor();
    } finally {
      await again.close();
    }
  });
});
