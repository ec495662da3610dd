// The canary sweep for VoIPBIN and Vocobase (issue 8): every secret kind these providers add is
// marked, the app is used as an admin would, and the renderer's whole surface (DOM, inputs, web
// storage, console, every bridge answer and event), the data directory and the exported CSV are
// searched. The kinds: VoIPBIN login passwords, the JWTs /auth/login returns, access keys,
// extension and trunk passwords (stored in clear by VoIPBIN, sealed here); Vocobase API keys and
// outbound passwords. A stored password may cross the bridge only on its explicit reveal.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { VOIPBIN_PERMISSION } from '../sim/types';
import { tempDir } from '../support/tmp';
import { canary, everywhere, findCanaries } from './canary-sweep';
import { addVocobaseViaUi, addVoipbinViaUi, openApp, waitForAccountCredentials, type App } from './support';

const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');

/** Show only the rows whose username contains `username`, and return that row. */
async function rowOf(view: Locator, username: string): Promise<Locator> {
  await view.getByLabel('Filter by username').fill(username);
  const row = view.locator(`tr[data-username="${username}"]`);
  await row.waitFor({ timeout: 15_000 });
  return row;
}

const status = (view: Locator, text: string | RegExp) => view.getByTestId('credentials-status').getByText(text).waitFor({ timeout: 15_000 });

/** Replace the active profile's secret in Profile settings, and wait for the provider to accept it. */
async function replaceSecret(page: Page, label: string, button: string, value: string): Promise<void> {
  await page.getByRole('button', { name: 'Profile settings' }).click();
  const form = page.getByTestId('rotate-form');
  await form.getByLabel(label).fill(value);
  await form.getByRole('button', { name: button }).click();
  await page.getByTestId('notice').getByText(/accepted it and it is stored encrypted/).waitFor({ timeout: 15_000 });
  await page.getByRole('tablist', { name: 'Profile sections' }).getByRole('tab', { name: 'Credentials' }).click();
}

/** Every JWT and every Vocobase key the simulator saw in an Authorization header. */
const bearers = (app: App, prefix: string) =>
  [...new Set(app.sim.requests.filter((r) => r.path.startsWith(prefix)).map((r) => /^Bearer (.+)$/.exec(r.headers['authorization'] ?? '')?.[1]).filter((t): t is string => !!t))];

/** Wait for the next failed answer to cross the bridge after `act`. */
async function failing(app: App, what: string, act: () => Promise<unknown>): Promise<void> {
  const from = app.h.bridgeLog.length;
  await act();
  await expect.poll(() => app.h.bridgeLog.slice(from).some((l) => l.startsWith('{"ok":false')), { message: what, timeout: 15_000 }).toBe(true);
}

/** Wait for the add-profile form to show that the provider refused: on the secret's field or as the notice. */
async function refused(page: Page, form: Locator): Promise<string> {
  const shown = form.getByTestId('field-error').or(page.getByTestId('add-profile-error')).first();
  await shown.waitFor({ timeout: 15_000 });
  return shown.innerText();
}

/** Cancel a form left open by a failed write (a form that closed itself needs nothing). */
async function closeForm(view: Locator, testId: string): Promise<void> {
  const form = view.getByTestId(testId);
  if (await form.count()) await form.getByRole('button', { name: 'Cancel' }).click();
  await form.waitFor({ state: 'detached' });
}

describe('canary: VoIPBIN and Vocobase secrets never reach the renderer', () => {
  it('login passwords, JWTs, access keys, stored extension and trunk passwords, API keys and outbound passwords are nowhere; a stored password crosses only when revealed', async () => {
    const app = await openApp();
    const { page, sim, h } = app;
    const exportDir = tempDir();

    // VoIPBIN: a customer signed in to by login, its extensions and trunk carrying canary passwords.
    const vb = sim.addVoipbinCustomer({ name: 'Canary Dental' });
    const login = { username: 'canary-admin@dental.example', password: canary('VBPW') };
    sim.addVoipbinAgent(vb.id, { ...login, permission: VOIPBIN_PERMISSION.admin });
    const extPasswords = [canary('EXTA'), canary('EXTB'), canary('EXTC')];
    extPasswords.forEach((password, i) => sim.addExtension(vb.id, { extension: `${4001 + i}`, name: `Canary desk ${i + 1}`, password }));
    const trunkPassword = canary('TRKA');
    sim.addTrunk(vb.id, { name: 'Canary PBX', domainName: 'canarypbx', authTypes: ['basic'], username: 'canarypbx', password: trunkPassword, allowedIps: ['203.0.113.90'] });
    // A second customer, by access key; and a Vocobase partner with a canary key.
    const vb2 = sim.addVoipbinCustomer({ name: 'Canary Lab' });
    const accessKey = sim.addVoipbinAccessKey(vb2.id, { token: `vb_${canary('AK')}` });
    sim.addExtension(vb2.id, { extension: '5001', name: 'Lab phone', password: canary('EXTL') });
    const vocobaseKey = sim.addVocobasePartner({ name: 'canary-voice', displayName: 'Canary Voice', key: `rg_live_${canary('VK')}` });

    const typed = { wrongLogin: canary('VBWRONG'), extension: `X${canary('EXTT')}`, trunk: canary('TRKT'), changed: canary('EXTN'), outbound: canary('OUTP'), wrongKey: `vb_${canary('AKW')}`, wrongApiKey: `rg_live_${canary('VKW')}` };
    const rotated = { login: canary('VBPW2'), accessKey: `vb_${canary('AK2')}`, apiKey: `rg_live_${canary('VK2')}` };

    // 1. VoIPBIN by login: a wrong password first (the bare 400), then the right one.
    const vbForm = await addVoipbinViaUi(page, { name: 'Dental', username: login.username, password: typed.wrongLogin, baseUrl: sim.voipbinBaseUrl });
    expect(await refused(page, vbForm)).toMatch(/did not accept that username and password/);
    await vbForm.getByLabel('Password', { exact: true }).fill(login.password);
    await vbForm.getByRole('button', { name: 'Sign in and add' }).click();
    let view = await waitForAccountCredentials(page, 'Canary Dental');

    // Settings of an extension (no reveal) and a copy of its password, which main does.
    let row = await rowOf(view, '4001');
    await row.getByRole('button', { name: /Settings for/ }).click();
    const panel = page.getByTestId('credential-settings');
    await panel.getByTestId('settings-rows').waitFor();
    await panel.getByRole('button', { name: 'Copy password' }).click();
    await panel.getByTestId('password-copy-result').waitFor();
    expect(h.platform.clipboardText).toBe(extPasswords[0]);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    // A rename: VoIPBIN's full replace sends the stored password back, from main.
    row = await rowOf(view, '4002');
    await row.getByRole('button', { name: /^Edit / }).click();
    const edit = view.getByTestId('edit-credential-form');
    await edit.getByLabel('Name', { exact: true }).fill('Canary desk renamed');
    await edit.getByRole('button', { name: 'Save' }).click();
    await status(view, 'Saved Canary desk renamed (4002).');
    // A typed new password for another.
    row = await rowOf(view, '4003');
    await row.getByRole('button', { name: 'Change password' }).click();
    const change = view.getByTestId('change-password-form');
    await change.getByLabel('Type a password').check();
    await change.getByLabel('SIP password').fill(typed.changed);
    await change.getByRole('button', { name: 'Save new password' }).click();
    await status(view, /New password set for Canary desk 3 \(4003\)/);
    // A new extension and a new trunk, both with typed passwords.
    await view.getByRole('button', { name: '+ New extension' }).click();
    let form = view.getByTestId('create-credential-form');
    await form.getByLabel('Extension number').fill('4010');
    await form.getByLabel('Type a password').check();
    await form.getByLabel('SIP password').fill(typed.extension);
    await form.getByRole('button', { name: 'Create extension' }).click();
    await status(view, /^Created .*4010/);
    await view.getByRole('button', { name: '+ New trunk' }).click();
    form = view.getByTestId('create-credential-form');
    await form.getByLabel('Name', { exact: true }).fill('Canary branch');
    await form.getByLabel('Domain name').fill('canarybranch');
    await form.getByLabel('Username', { exact: true }).fill('canarybranch');
    await form.getByLabel('Allowed IPs').fill('203.0.113.91');
    await form.getByLabel('Type a password').check();
    await form.getByLabel('SIP password').fill(typed.trunk);
    await form.getByRole('button', { name: 'Create trunk' }).click();
    await status(view, 'Created Canary branch (canarybranch).');
    // Sync, export, and a changed login password stored through Profile settings.
    await view.getByTestId('sync-account').click();
    await view.getByTestId('sync-summary').waitFor({ timeout: 20_000 });
    h.platform.nextSavePath = join(exportDir, 'dental.csv');
    await view.getByRole('button', { name: 'Export CSV' }).click();
    await page.getByTestId('export-result').waitFor();
    sim.state.voipbin.agents.find((a) => a.username === login.username)!.password = rotated.login;
    await replaceSecret(page, 'New password', 'Save password', rotated.login);

    // 2. VoIPBIN by access key: a wrong key first, then the right one, then a replacement.
    await page.getByRole('button', { name: '+ Add profile' }).click();
    const akForm = await addVoipbinViaUi(page, { name: 'Lab', accessKey: typed.wrongKey, baseUrl: sim.voipbinBaseUrl });
    await refused(page, akForm);
    await akForm.getByLabel('Access key').fill(accessKey);
    await akForm.getByRole('button', { name: 'Add profile' }).click();
    view = await waitForAccountCredentials(page, 'Canary Lab');
    sim.addVoipbinAccessKey(vb2.id, { token: rotated.accessKey });
    await replaceSecret(page, 'New access key', 'Replace access key', rotated.accessKey);
    await view.getByTestId('sync-account').click();
    await view.getByTestId('sync-summary').waitFor({ timeout: 20_000 });

    // 3. Vocobase: a wrong key, the right one, a connection with an outbound password, a new key.
    await page.getByRole('button', { name: '+ Add profile' }).click();
    const vcForm = await addVocobaseViaUi(page, { name: 'Voice', apiKey: typed.wrongApiKey, baseUrl: sim.vocobaseBaseUrl });
    await refused(page, vcForm);
    await vcForm.getByLabel('API key').fill(vocobaseKey);
    await vcForm.getByRole('button', { name: 'Add profile' }).click();
    await page.getByTestId('account-view').getByRole('heading', { name: 'Canary Voice', exact: true }).waitFor({ timeout: 20_000 });
    view = page.getByTestId('account-view').getByTestId('credentials-view');
    await view.getByRole('button', { name: '+ New SIP connection' }).click();
    form = view.getByTestId('create-credential-form');
    await form.getByLabel('Name', { exact: true }).fill('Canary carrier');
    await form.getByLabel('SIP host').fill('sip.canary-carrier.example');
    await form.getByLabel('Outbound username').fill('canary-out');
    await form.getByLabel('Outbound password').fill(typed.outbound);
    await form.getByLabel('DID number').fill('+912040001234');
    await form.getByRole('button', { name: 'Create SIP connection' }).click();
    await status(view, 'Created Canary carrier (canary-out).');
    const partner = sim.state.vocobase.partners.find((p) => p.displayName === 'Canary Voice')!;
    partner.keyHash = sha256Hex(rotated.apiKey);
    await replaceSecret(page, 'New API key', 'Replace API key', rotated.apiKey);

    // What the simulator holds or saw: each kind is really in play.
    const jwts = bearers(app, '/voipbin/');
    expect(jwts.length, 'VoIPBIN JWTs were used').toBeGreaterThan(0);
    expect(jwts.every((t) => t.startsWith('eyJ'))).toBe(true);
    expect(bearers(app, '/vocobase/')).toEqual([typed.wrongApiKey, vocobaseKey, rotated.apiKey]);
    expect(sim.requests.some((r) => r.path.includes(`accesskey=${rotated.accessKey}`))).toBe(true);
    const stored = [...sim.state.voipbin.extensions, ...sim.state.voipbin.trunks].filter((c) => (c.customerId === vb.id || c.customerId === vb2.id) && !c.tmDelete).map((c) => c.password);
    expect(stored).toEqual(expect.arrayContaining([...extPasswords.slice(0, 2), typed.changed, typed.extension, trunkPassword, typed.trunk]));
    const connection = sim.state.vocobase.connections.find((c) => c.name === 'Canary carrier')!;
    expect(connection.outboundPasswordHash).toBe(sha256Hex(typed.outbound));

    const secrets = [login.password, rotated.login, ...jwts, accessKey, rotated.accessKey, ...stored, vocobaseKey, rotated.apiKey, ...Object.values(typed)];
    const surface = await everywhere(app, [exportDir]);
    expect(Object.keys(surface).some((k) => k.endsWith('dental.csv')), 'the export is searched').toBe(true);
    expect(Object.keys(surface).filter((k) => k.startsWith('file ')).length).toBeGreaterThanOrEqual(4);
    expect(findCanaries(surface, [...secrets, ...secrets.map(encodeURIComponent)])).toEqual([]);

    // The one declared disclosure: an explicit reveal shows that one password, and only it.
    await page.getByTestId('profile-switcher').getByRole('button', { name: /Dental/ }).click();
    view = await waitForAccountCredentials(page, 'Canary Dental');
    row = await rowOf(view, '4001');
    await row.getByRole('button', { name: /Settings for/ }).click();
    await panel.getByTestId('settings-rows').waitFor();
    await panel.getByRole('button', { name: 'Reveal password' }).click();
    expect(await panel.getByTestId('stored-password').innerText()).toBe(extPasswords[0]);
    await panel.getByRole('button', { name: 'Hide' }).click();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    const after = await everywhere(app, [exportDir]);
    expect(findCanaries(after, [extPasswords[0]!])).toEqual(['bridge contains ' + extPasswords[0]!.slice(0, 14) + '…']);
    expect(h.bridgeLog.filter((l) => l.includes(extPasswords[0]!))).toHaveLength(1);
    expect(findCanaries(after, secrets.filter((s) => s !== extPasswords[0]))).toEqual([]);
  });

  it('holds against VoIPBIN and Vocobase servers that echo every secret back in their error envelopes', async () => {
    const app = await openApp();
    const { page, sim, h } = app;
    const echo = (match: string, status: number) => sim.setFaults({ queue: [{ match, kind: 'echo', status, times: 1 }] });
    const vb = sim.addVoipbinCustomer({ name: 'Echo Dental' });
    const login = { username: 'echo-admin@dental.example', password: canary('EVBPW') };
    sim.addVoipbinAgent(vb.id, login);
    sim.addExtension(vb.id, { extension: '6001', name: 'Echo desk', password: canary('EEXT') });
    const vb2 = sim.addVoipbinCustomer({ name: 'Echo Lab' });
    const accessKey = sim.addVoipbinAccessKey(vb2.id, { token: `vb_${canary('EAK')}` });
    const vocobaseKey = sim.addVocobasePartner({ name: 'echo-voice', displayName: 'Echo Voice', key: `rg_live_${canary('EVK')}` });

    // The login password, in a 400 on /auth/login; then the JWT and the stored password, in a 409 on the full replace.
    echo('POST /voipbin/auth/login', 400);
    const vbForm = await addVoipbinViaUi(page, { name: 'Echo', username: login.username, password: login.password, baseUrl: sim.voipbinBaseUrl });
    await refused(page, vbForm);
    await vbForm.getByLabel('Password', { exact: true }).fill(login.password);
    await vbForm.getByRole('button', { name: 'Sign in and add' }).click();
    let view = await waitForAccountCredentials(page, 'Echo Dental');
    echo('PUT /voipbin/v1.0/extensions', 409);
    await failing(app, 'full replace, 409', async () => {
      const row = await rowOf(view, '6001');
      await row.getByRole('button', { name: /^Edit / }).click();
      await view.getByTestId('edit-credential-form').getByLabel('Name', { exact: true }).fill('Echo renamed');
      await view.getByTestId('edit-credential-form').getByRole('button', { name: 'Save' }).click();
    });
    await closeForm(view, 'edit-credential-form');
    // Typed extension and trunk passwords, in 422s.
    echo('POST /voipbin/v1.0/extensions', 422);
    await failing(app, 'extension create, 422', async () => {
      await view.getByRole('button', { name: '+ New extension' }).click();
      const form = view.getByTestId('create-credential-form');
      await form.getByLabel('Extension number').fill('6010');
      await form.getByLabel('Type a password').check();
      await form.getByLabel('SIP password').fill(canary('EEXTT'));
      await form.getByRole('button', { name: 'Create extension' }).click();
    });
    await closeForm(view, 'create-credential-form');
    echo('POST /voipbin/v1.0/trunks', 422);
    await failing(app, 'trunk create, 422', async () => {
      await view.getByRole('button', { name: '+ New trunk' }).click();
      const form = view.getByTestId('create-credential-form');
      await form.getByLabel('Name', { exact: true }).fill('Echo trunk');
      await form.getByLabel('Domain name').fill('echotrunk');
      await form.getByLabel('Username', { exact: true }).fill('echotrunk');
      await form.getByLabel('Type a password').check();
      await form.getByLabel('SIP password').fill(canary('ETRK'));
      await form.getByRole('button', { name: 'Create trunk' }).click();
    });
    await closeForm(view, 'create-credential-form');

    // The access key, in a 401 on GET /customer (it travels in the query).
    await page.getByRole('button', { name: '+ Add profile' }).click();
    echo('GET /voipbin/v1.0/customer', 401);
    await failing(app, 'access key, 401', () => addVoipbinViaUi(page, { name: 'Echo lab', accessKey, baseUrl: sim.voipbinBaseUrl }));

    // The Vocobase key, in a 401 on /config; then the outbound password, in a 422 on the create.
    echo('GET /vocobase/api/v2/config', 401);
    const vcForm = await addVocobaseViaUi(page, { name: 'Echo voice', apiKey: vocobaseKey, baseUrl: sim.vocobaseBaseUrl });
    await refused(page, vcForm);
    await vcForm.getByLabel('API key').fill(vocobaseKey);
    await vcForm.getByRole('button', { name: 'Add profile' }).click();
    await page.getByTestId('account-view').getByRole('heading', { name: 'Echo Voice', exact: true }).waitFor({ timeout: 20_000 });
    view = page.getByTestId('account-view').getByTestId('credentials-view');
    echo('POST /vocobase/api/v2/telephony/connections', 422);
    await failing(app, 'connection create, 422', async () => {
      await view.getByRole('button', { name: '+ New SIP connection' }).click();
      const form = view.getByTestId('create-credential-form');
      await form.getByLabel('Name', { exact: true }).fill('Echo carrier');
      await form.getByLabel('SIP host').fill('sip.echo-carrier.example');
      await form.getByLabel('Outbound username').fill('echo-out');
      await form.getByLabel('Outbound password').fill(canary('EOUT'));
      await form.getByLabel('DID number').fill('+912040005678');
      await form.getByRole('button', { name: 'Create SIP connection' }).click();
    });
    await closeForm(view, 'create-credential-form');

    // Each kind was really echoed: login password, JWT, stored and typed passwords, access key, API key, outbound password.
    const echoed = [...new Set(sim.echoed)];
    for (const [kind, value] of Object.entries({ loginPassword: login.password, accessKey, vocobaseKey })) expect(echoed, `${kind} was echoed`).toContain(value);
    expect(echoed.some((e) => e.startsWith('eyJ')), 'a JWT was echoed').toBe(true);
    for (const label of ['EEXT', 'EEXTT', 'ETRK', 'EOUT']) expect(echoed.some((e) => e.startsWith(`CANARY${label}`) && /^[0-9a-f]{24}$/.test(e.slice(6 + label.length))), `${label} was echoed`).toBe(true);

    const surface = await everywhere(app);
    expect(findCanaries(surface, [...echoed, ...echoed.map(encodeURIComponent)])).toEqual([]);
    // The errors still reached the admin, with the secrets cut out of the server's words.
    expect(h.bridgeLog.join('\n')).toContain('[redacted]');
  });
});
