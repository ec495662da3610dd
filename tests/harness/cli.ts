// `npm run harness`: the app's real renderer, preload and main handlers in Chromium against the
// bundled simulator, for seeing and working on the UI where Electron cannot run.
//   npm run harness                      a visible window (needs a display), until Ctrl-C
//   npm run harness -- --screenshot DIR  saves a PNG of each main screen, then exits (headless);
//                                        each shot is the whole screen, inner scroll areas included
//   add --size 900x700 for another window size (default 1280x820), --locale en-GB and
//   --timezone Asia/Kolkata to see the app as an admin there would (default: Chromium's own)
// The screenshots cover Vobiz (partner, customers, credentials, sync, offline) and the one-account
// providers: the profile form per provider, VoIPBIN extensions and trunks, Vocobase SIP
// connections, their create forms and the settings panel.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { seedDemoProfiles } from '../../src-main/demo';
import { MASTER_KEY_ACCOUNT } from '../../src-main/secrets/master-key';
import { keytarStore } from '../../src-main/secrets/keychain';
import { invalidateCredentialIndex } from '../sim/credential-index';
import { DEMO_PARTNERS, DEMO_VOCOBASE, DEMO_VOIPBIN } from '../sim/data';
import { demoLeftOut, demoProfiles } from '../sim/demo-profiles';
import { startSimulator, type Simulator } from '../sim/server';
import type { Locator, Page } from 'playwright';
import { startHarness } from './harness';
import { wholeScreenShot } from './whole-screen';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const shotIdx = args.indexOf('--screenshot');
  const shotDir = shotIdx >= 0 ? resolve(args[shotIdx + 1] ?? 'screenshots') : undefined;
  const headless = !!shotDir || args.includes('--headless') || !process.env.DISPLAY;
  const size = /^(\d+)x(\d+)$/.exec(args[args.indexOf('--size') + 1] ?? '');
  const viewport = size && args.includes('--size') ? { width: Number(size[1]), height: Number(size[2]) } : undefined;
  const argOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const where = { locale: argOf('--locale'), timezoneId: argOf('--timezone') };
  const sim = await startSimulator({ quiet: true });
  const keychainService = `Trunkdesk Harness ${process.pid}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'trunkdesk-harness-'));
  let h = await startHarness({ headless, keychainService, dataDir, ...where, ...(viewport ? { viewport } : {}) });
  const cleanup = async () => {
    await h.close();
    await sim.close();
    await keytarStore().delete(keychainService, MASTER_KEY_ACCOUNT).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  const demo = demoProfiles();
  for (const line of demoLeftOut()) console.log(line);

  if (shotDir) {
    mkdirSync(shotDir, { recursive: true });
    const page = h.page;
    const shot = async (name: string) => {
      await page.waitForTimeout(300);
      await wholeScreenShot(page, join(shotDir, `${name}.png`));
      console.log(`saved ${join(shotDir, `${name}.png`)}`);
    };
    await page.getByTestId('add-profile-form').waitFor();
    await shot('01-first-run');
    const form = page.getByTestId('add-profile-form');
    // The profile form for each provider (only that provider's fields), with its advanced fields open.
    await form.getByTestId('provider-picker').getByLabel('VoIPBIN').check();
    await form.getByTestId('advanced-fields').locator('summary').click();
    await shot('21-voipbin-form-login');
    await form.getByRole('tab', { name: /Access key/ }).click();
    await form.getByLabel('Profile name').fill('Aurora');
    await form.getByLabel('Access key').fill('vb_oops!');
    await form.getByRole('button', { name: 'Add profile' }).click();
    await shot('22-voipbin-form-accesskey-error');
    await form.getByTestId('provider-picker').getByLabel('Vocobase').check();
    await form.getByTestId('advanced-fields').locator('summary').click();
    await shot('23-vocobase-form');
    await form.getByTestId('provider-picker').getByLabel('Vobiz').check();
    await form.getByLabel('Profile name').fill('Typo');
    await form.getByLabel('Partner auth ID').fill(DEMO_PARTNERS[0]!.authId);
    await form.getByLabel('API token').fill('not-the-right-token');
    await form.getByLabel('Base URL').fill(sim.partnerBaseUrl);
    await form.getByRole('button', { name: 'Add profile' }).click();
    await page.getByRole('alert').first().waitFor();
    await shot('02-wrong-token');
    await seedDemoProfiles(h.services.profiles, sim.url, demo);
    await page.reload();
    await page.getByTestId('partner-view').getByRole('heading').first().waitFor();
    await page.getByTestId('profile-switcher').getByRole('button', { name: /Northwind/ }).click();
    await page.getByTestId('partner-view').getByRole('heading', { name: DEMO_PARTNERS[0]!.name }).waitFor();
    await shot('03-partner-view');
    await page.getByTestId('profile-switcher').getByRole('button', { name: /Blue Fjord/ }).click();
    await page.getByTestId('partner-view').getByRole('heading', { name: DEMO_PARTNERS[1]!.name }).waitFor();
    await shot('04-partner-limited');
    await page.getByRole('button', { name: 'Profile settings' }).click();
    await shot('05-profile-settings');
    await page.getByTestId('profile-switcher').getByRole('button', { name: /Northwind/ }).click();
    await page.getByTestId('partner-view').getByRole('heading', { name: DEMO_PARTNERS[0]!.name }).waitFor();
    await page.getByRole('tab', { name: 'Customers' }).click();
    await page.getByRole('listbox', { name: 'Customers' }).getByRole('option', { name: /Harborlight/ }).click();
    await page.getByTestId('credentials-table').locator('tr[data-username]').first().waitFor();
    await shot('07-credentials');
    await page.getByRole('listbox', { name: 'Customers' }).getByRole('option', { name: /Meridian/ }).click();
    await page.getByTestId('customer-token-missing').waitFor();
    await shot('08-customer-token-missing');
    await page.getByRole('listbox', { name: 'Customers' }).getByRole('option', { name: /Kestrel/ }).click();
    await page.getByTestId('credentials-table').locator('tr[data-username="portdesk"]').waitFor();
    await page.getByRole('button', { name: '+ New credential' }).click();
    await shot('09-new-credential');
    await page.getByTestId('create-credential-form').getByLabel('Username').fill('reception7');
    await page.getByTestId('create-credential-form').getByRole('button', { name: 'Create credential' }).click();
    await page.getByTestId('new-password').waitFor();
    await page.getByTestId('new-password').locator('[data-setting="Registrar"]').waitFor();
    await shot('10-new-password');
    // Elsewhere, the uncopied password follows the admin; Done before copying asks first.
    await page.getByRole('listbox', { name: 'Customers' }).getByRole('option', { name: /Lotus Bay/ }).click();
    await page.getByTestId('pending-passwords').waitFor();
    await page.getByTestId('credentials-view').getByTestId('blocked-reason').waitFor();
    await shot('10b-pending-password-and-inactive-customer');
    await page.getByRole('listbox', { name: 'Customers' }).getByRole('option', { name: /Kestrel/ }).click();
    await page.getByTestId('credentials-table').locator('tr[data-username="reception7"]').waitFor();
    await page.getByTestId('new-password').getByRole('button', { name: 'Done' }).click();
    await page.getByTestId('lose-password-confirm').waitFor();
    await shot('10c-new-password-confirm');
    await page.getByTestId('lose-password-confirm').getByRole('button', { name: 'Close without copying' }).click();
    h.platform.nextSavePath = join(shotDir, 'kestrel.csv');
    await page.getByTestId('credentials-view').getByRole('button', { name: 'Export CSV' }).click();
    await page.getByTestId('export-result').waitFor();
    await shot('10d-export-result');
    await page.getByTestId('credentials-table').getByLabel('Select all on this page').check();
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Delete selected' }).click();
    await page.getByTestId('bulk-confirm').waitFor();
    await shot('11a-bulk-confirm');
    // Slowed down so the progress can be seen.
    sim.setFaults({ latencyMs: 1_500 });
    await page.getByTestId('bulk-confirm-ok').click();
    await page.getByTestId('bulk-progress').waitFor();
    await page.waitForTimeout(300);
    await wholeScreenShot(page, join(shotDir, '11b-bulk-progress.png'));
    await page.getByTestId('bulk-results').waitFor({ timeout: 20_000 });
    sim.setFaults({});
    await shot('11-bulk-results');

    // Sync all, slowed down so the progress can be seen; its summary names the customers that failed.
    sim.setFaults({ latencyMs: 700 });
    await page.getByTestId('sync-all').click();
    await page.locator('[data-testid="sync-progress"][aria-valuemax]').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    await wholeScreenShot(page, join(shotDir, '14-sync-progress.png'));
    await page.getByTestId('sync-summary').waitFor({ timeout: 30_000 });
    sim.setFaults({});
    await shot('15-sync-summary');
    // Change Harborlight behind the app's back (as the Vobiz Console would), then sync again.
    const harbor = sim.state.customers.find((c) => c.name === 'Harborlight Logistics')!;
    const creds = sim.state.credentials.filter((c) => c.accountId === harbor.authId);
    const on = creds.filter((c) => c.enabled);
    const now = Date.now();
    on[0]!.enabled = false;
    on[0]!.updatedAt = new Date(now).toISOString();
    creds.find((c) => !c.enabled && c !== on[0])!.enabled = true;
    on[1]!.updatedAt = new Date(now + 1000).toISOString();
    sim.state.credentials.splice(sim.state.credentials.indexOf(on[2]!), 1);
    invalidateCredentialIndex(sim.state.credentials);
    sim.addCredential(harbor.authId, { username: 'newdesk01' });
    sim.addCredential(harbor.authId, { username: 'newdesk02' });
    await page.getByTestId('sync-summary').getByRole('button', { name: 'Dismiss' }).click();
    await page.getByTestId('sync-all').click();
    await page.getByTestId('sync-summary').waitFor({ timeout: 30_000 });
    await page.getByTestId('open-sync-history').click();
    await page.getByTestId('sync-report').nth(1).waitFor();
    await shot('16-sync-history');
    // Find a SIP user in any customer, then open the hit.
    await page.getByLabel('Find SIP user').fill('desk');
    await page.getByTestId('global-search-results').getByRole('option').first().waitFor();
    await shot('17-global-search');
    await page.getByLabel('Find SIP user').press('Enter');
    await page.getByTestId('credentials-view').locator('tr[data-username]').first().waitFor();
    await shot('18-search-hit');
    // The quick switcher (Ctrl/Cmd+K) over profiles and stored customers, then a command that says why not.
    await page.keyboard.press('Control+k');
    await page.getByTestId('quick-switcher-input').fill('o');
    await page.getByTestId('quick-switcher').getByRole('option').first().waitFor();
    await shot('18b-quick-switcher');
    await page.keyboard.press('Escape');
    await page.getByTestId('quick-switcher').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+9');
    await page.getByTestId('command-note').waitFor();
    await shot('18c-command-note');
    await page.getByTestId('command-note').getByRole('button', { name: 'Dismiss' }).click();
    // Settings → Network (proxy in effect, company CA file), then Help's Copy diagnostics.
    await page.getByRole('button', { name: 'Network settings' }).click();
    await page.getByTestId('network-ca-none').waitFor();
    await shot('18d-network-settings');
    await page.keyboard.press('Escape');
    await page.getByTestId('network-settings').waitFor({ state: 'detached' });
    await page.getByTestId('copy-diagnostics').click();
    await page.getByTestId('help-notice').waitFor();
    await shot('18e-diagnostics-copied');
    await providerScreens(page, shot, sim).catch(async (e) => {
      await shot('zz-provider-screens-failed');
      throw e;
    });
    await page.getByTestId('profile-switcher').getByRole('button', { name: /Northwind/ }).click();
    await page.getByRole('tab', { name: 'Partner' }).click();
    await page.getByTestId('partner-view').getByRole('heading', { name: DEMO_PARTNERS[0]!.name }).waitFor();
    sim.setFaults({ queue: [{ match: '/me', kind: 'status', status: 503, times: -1 }] });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('alert').first().waitFor();
    await shot('06-upstream-error');
    // A hostile server that echoes the token back: the admin sees what happened, not the token.
    sim.setFaults({ queue: [{ match: '/me', kind: 'echo', status: 400, times: -1 }] });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('alert').getByText(/redacted/).first().waitFor();
    await shot('12-echoed-token-redacted');
    sim.setFaults({});
    // The network goes: the partner view says it shows stored data, and writes say why they are off.
    await sim.close();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByTestId('offline-banner').waitFor({ timeout: 15_000 });
    await shot('19-offline-partner');
    await page.getByRole('tab', { name: 'Customers' }).click();
    await page.getByRole('listbox', { name: 'Customers' }).getByRole('option', { name: /Harborlight/ }).click();
    await page.getByTestId('credentials-table').locator('tr[data-username]').first().waitFor();
    await page.getByTestId('credentials-table').getByLabel('Select all on this page').check();
    await shot('20-offline-credentials');
    // A profile file edited to send a token over plain http: shown as needing attention after a restart.
    await h.close();
    const file = join(dataDir, 'profiles.json');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.profiles[0].baseUrl = sim.partnerBaseUrl.replace('127.0.0.1', '127.0.0.2');
    stored.activeId = stored.profiles[0].id;
    writeFileSync(file, JSON.stringify(stored));
    h = await startHarness({ headless, keychainService, dataDir, ...where, ...(viewport ? { viewport } : {}) });
    await h.page.getByTestId('profile-attention').waitFor();
    await h.page.waitForTimeout(300);
    await wholeScreenShot(h.page, join(shotDir, '13-profile-attention.png'));
    console.log(`saved ${join(shotDir, '13-profile-attention.png')}`);
    await cleanup();
    return;
  }

  await seedDemoProfiles(h.services.profiles, sim.url, demo);
  await h.page.reload();
  console.log(`Trunkdesk harness: the real renderer, preload and main handlers in Chromium (${headless ? 'headless' : 'visible window'}).`);
  console.log(`Simulator: ${sim.partnerBaseUrl}  ·  renderer: ${h.origin}  ·  data: ${h.dataDir}`);
  console.log('Demo profiles are added for you. Press Ctrl-C to stop.');
  const stop = () => void cleanup().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  h.browser.on('disconnected', stop);
}

/** The demo's VoIPBIN and Vocobase profiles: their credentials, settings panel, create and edit forms, and account. */
async function providerScreens(page: Page, shot: (name: string) => Promise<void>, sim: Simulator): Promise<void> {
  const credentials = page.getByTestId('credentials-view');
  const table = credentials.getByTestId('credentials-table');
  /** The element in view first: the content scrolls on its own, so a full-page shot shows only the window. */
  const shotAt = async (name: string, target: Locator) => {
    await target.scrollIntoViewIfNeeded();
    await shot(name);
  };

  // The demo's VoIPBIN profile (added at start, signed in with its admin login): it opens on its credentials.
  await page.getByTestId('profile-switcher').getByRole('button', { name: new RegExp(DEMO_VOIPBIN.aurora.name) }).click();
  await page.getByRole('tab', { name: 'Credentials' }).click();
  await table.locator('tr[data-username]').first().waitFor({ timeout: 20_000 });
  await shot('24-voipbin-credentials');
  await credentials.getByLabel('Filter by username').fill('100');
  await table.locator('tr[data-username="1001"]').waitFor();
  await table.locator('tr[data-username="1001"]').getByRole('button', { name: /Settings for/ }).click();
  const panel = page.getByTestId('credential-settings');
  await panel.getByTestId('settings-rows').waitFor();
  await panel.getByRole('button', { name: 'Copy Realm / domain' }).click();
  await shot('25-voipbin-settings');
  await panel.getByRole('button', { name: 'Reveal password' }).click();
  await panel.getByTestId('stored-password').waitFor();
  await shot('26-voipbin-settings-revealed');
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  await table.locator('tr[data-username="1001"]').getByRole('button', { name: /^Edit / }).click();
  await shotAt('27-voipbin-edit', credentials.getByTestId('edit-credential-form'));
  await credentials.getByTestId('edit-credential-form').getByRole('button', { name: 'Cancel' }).click();
  await credentials.getByRole('button', { name: '+ New extension' }).click();
  const create = credentials.getByTestId('create-credential-form');
  await create.getByLabel('Type a password').check();
  await shotAt('28-voipbin-new-extension', create);
  await credentials.getByRole('button', { name: '+ New trunk' }).click();
  await create.getByLabel('Name', { exact: true }).fill('Tromsø PBX');
  await create.getByLabel('Domain name').fill('9tromso');
  await create.getByLabel('Username', { exact: true }).fill('auroratromso');
  await create.getByLabel('Allowed IPs').fill('203.0.113.61\n203.0.113.62');
  await create.getByRole('button', { name: 'Create trunk' }).click();
  await create.getByTestId('field-error').first().waitFor({ timeout: 15_000 });
  await shotAt('29-voipbin-new-trunk-error', create);
  await create.getByLabel('Domain name').fill('auroratromso');
  await create.getByRole('button', { name: 'Create trunk' }).click();
  await credentials.getByTestId('new-password').waitFor({ timeout: 15_000 });
  await shotAt('30-voipbin-trunk-created', credentials.getByTestId('new-password'));
  await credentials.getByTestId('new-password').getByRole('button', { name: 'Done' }).click();
  // A server that echoes the JWT and the stored password in its 409: the admin reads what happened, not the secrets.
  sim.setFaults({ queue: [{ match: 'PUT /voipbin/v1.0/extensions', kind: 'echo', status: 409, times: 1 }] });
  await table.locator('tr[data-username="1001"]').getByRole('button', { name: /^Edit / }).click();
  const edit = credentials.getByTestId('edit-credential-form');
  await edit.getByLabel('Name', { exact: true }).fill('Front desk');
  await edit.getByRole('button', { name: 'Save' }).click();
  await edit.getByText(/redacted/).first().waitFor({ timeout: 15_000 });
  await shotAt('35-voipbin-echoed-secrets-redacted', edit);
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('tab', { name: 'Account' }).click();
  await page.getByTestId('partner-view').getByRole('heading', { name: DEMO_VOIPBIN.aurora.name }).waitFor();
  await shot('31-voipbin-account');

  await page.getByTestId('profile-switcher').getByRole('button', { name: new RegExp(DEMO_VOCOBASE.cinder.name) }).click();
  await page.getByRole('tab', { name: 'Credentials' }).click();
  await table.locator('tr[data-username]').first().waitFor({ timeout: 20_000 });
  await shot('32-vocobase-credentials');
  await table.locator('tr[data-username]').first().getByRole('button', { name: /Settings for/ }).click();
  await panel.getByTestId('settings-rows').waitFor();
  await shot('33-vocobase-settings');
  await panel.getByRole('button', { name: 'Close' }).click();
  await credentials.getByRole('button', { name: '+ New SIP connection' }).click();
  await create.getByLabel('Name', { exact: true }).fill('Carrier Three Pune');
  await create.getByLabel('DID number').fill('9120400099');
  await create.getByRole('button', { name: 'Create SIP connection' }).click();
  await shotAt('34-vocobase-new-connection', create);
  await create.getByRole('button', { name: 'Cancel' }).click();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
