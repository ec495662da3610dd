// A person adds a partner profile and sees their partner account, through the whole real stack.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERS } from '../sim/data';
import { startHarness } from '../harness/harness';
import { tempDir } from '../support/tmp';
import { addProfileViaUi, alertText, openApp, partnerField, waitForPartner } from './support';


const northwind = DEMO_PARTNERS[0]!;
const blueFjord = DEMO_PARTNERS[1]!;

describe('partner profile', () => {
  it('adding a profile shows the partner view filled from GET /me', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await addProfileViaUi(page, { name: 'Northwind', authId: northwind.authId, token: northwind.token, baseUrl: sim.partnerBaseUrl });
    await waitForPartner(page, northwind.name);
    expect(await partnerField(page, 'email')).toContain(northwind.email);
    expect(await partnerField(page, 'authId')).toContain(northwind.authId);
    const partner = sim.state.partners.find((p) => p.authId === northwind.authId)!;
    expect(await partnerField(page, 'accounts')).toContain(`${partner.accountCount} of ${partner.maxAccounts}`);
    // The capability flags are shown as what this admin can and cannot do.
    const caps = page.getByTestId('capabilities');
    expect(await caps.locator('[data-capability="canCreateAccounts"]').getAttribute('data-allowed')).toBe(String(partner.canCreateAccounts));
    expect(await caps.locator('[data-capability="canTransferBalance"]').getAttribute('data-allowed')).toBe(String(partner.canTransferBalance));
    // The profile appears in the switcher, active.
    const entry = page.getByTestId('profile-switcher').getByRole('button', { name: /Northwind/ });
    expect(await entry.getAttribute('aria-current')).toBe('true');
    // The sim saw the documented headers, and the token only in X-Auth-Token.
    const me = sim.requests.filter((r) => r.path.endsWith('/me'));
    expect(me.length).toBeGreaterThan(0);
    expect(me.at(-1)!.headers['x-auth-id']).toBe(northwind.authId);
    expect(me.at(-1)!.headers['accept']).toBe('application/json');
  });

  it('a capability the partner lacks is shown as something they cannot do', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await addProfileViaUi(page, { name: 'Blue Fjord', authId: blueFjord.authId, token: blueFjord.token, baseUrl: sim.partnerBaseUrl });
    await waitForPartner(page, blueFjord.name);
    const cap = page.getByTestId('capabilities').locator('[data-capability="canCreateAccounts"]');
    expect(await cap.getAttribute('data-allowed')).toBe('false');
    expect(await cap.innerText()).toMatch(/can.t/i);
  });

  it('a wrong token shows the 401 guidance and saves nothing', async () => {
    const app = await openApp();
    const { page, sim, h } = app;
    await addProfileViaUi(page, { name: 'Wrong', authId: northwind.authId, token: 'definitely-not-the-token', baseUrl: sim.partnerBaseUrl });
    const text = await alertText(page);
    expect(text).toMatch(/did not accept this partner auth ID and token/);
    expect(text).toMatch(/Partner Console/);
    // Nothing was saved: no profile file, no vault entry; the form is still there to correct.
    expect(existsSync(join(h.dataDir, 'profiles.json'))).toBe(false);
    expect(existsSync(join(h.dataDir, 'vault.json'))).toBe(false);
    await page.getByTestId('add-profile-form').waitFor();
    expect((await h.services.profiles.list()).profiles).toHaveLength(0);
  });

  it('a pasted token with a non-ASCII character, or a name with an escape sequence, is refused on the field before anything is sent', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await addProfileViaUi(page, { name: 'Red \u001b[31malert', authId: northwind.authId, token: `${northwind.token}\u00e9`, baseUrl: sim.partnerBaseUrl });
    const form = page.getByTestId('add-profile-form');
    await expect.poll(() => form.getByTestId('field-error').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/no control characters/), expect.stringMatching(/letters, digits and ASCII punctuation/)]),
    );
    expect(await form.getByLabel('API token').getAttribute('aria-invalid')).toBe('true');
    expect(sim.requests).toHaveLength(0);
  });

  it('a profile file edited to plain http is shown as needing attention after a restart, and nothing is sent for it', async () => {
    const dataDir = tempDir();
    const app = await openApp({ dataDir });
    const { page, sim, h } = app;
    await addProfileViaUi(page, { name: 'NW', authId: northwind.authId, token: northwind.token, baseUrl: sim.partnerBaseUrl });
    await waitForPartner(page, northwind.name);
    await h.close();
    const file = join(dataDir, 'profiles.json');
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.profiles[0].baseUrl = sim.partnerBaseUrl.replace('127.0.0.1', '127.0.0.2');
    writeFileSync(file, JSON.stringify(stored));

    const sent = sim.requests.length;
    const again = await startHarness({ dataDir, keychainService: h.keychainService });
    try {
      const notice = again.page.getByTestId('profile-attention');
      await notice.waitFor();
      expect(await notice.innerText()).toMatch(/needs attention.*not https/s);
      expect(await again.page.getByTestId('profile-switcher').innerText()).toMatch(/needs attention/);
      await again.page.getByRole('tab', { name: 'Customers' }).click();
      await again.page.getByTestId('profile-attention').waitFor();
      expect(sim.requests.length).toBe(sent);
      expect(JSON.parse(readFileSync(file, 'utf8')).profiles[0].baseUrl).toContain('127.0.0.2');
    } finally {
      await again.close();
    }
  });

  it('the outdated /partner/v1 base path gets the 404 guidance', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await addProfileViaUi(page, { name: 'Old path', authId: northwind.authId, token: northwind.token, baseUrl: `${sim.url}/partner/v1` });
    const text = await alertText(page);
    expect(text).toMatch(/outdated \/partner\/v1/);
    expect(text).toContain('/api/v1/partner');
  });

  it('an unreachable server is reported as offline, and nothing is saved', async () => {
    const app = await openApp();
    const { page, h } = app;
    await addProfileViaUi(page, { name: 'Nowhere', authId: northwind.authId, token: northwind.token, baseUrl: 'http://127.0.0.1:9/api/v1/partner' });
    expect(await alertText(page)).toMatch(/Could not reach 127\.0\.0\.1:9/);
    expect(existsSync(join(h.dataDir, 'profiles.json'))).toBe(false);
  });

  it('a 5xx while loading the partner view says so and offers to try again, which then works', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await addProfileViaUi(page, { name: 'Northwind', authId: northwind.authId, token: northwind.token, baseUrl: sim.partnerBaseUrl });
    await waitForPartner(page, northwind.name);
    sim.setFaults({ queue: [{ match: '/me', kind: 'status', status: 503, times: 4 }] });
    await page.getByRole('button', { name: 'Refresh' }).click();
    expect(await alertText(page)).toMatch(/Vobiz is having trouble right now \(HTTP 503\)/);
    sim.setFaults({});
    await page.getByRole('button', { name: 'Try again' }).click();
    await waitForPartner(page, northwind.name);
  });

  it('two profiles: switching shows each one’s data and never the other’s', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await addProfileViaUi(page, { name: 'Northwind', authId: northwind.authId, token: northwind.token, baseUrl: sim.partnerBaseUrl });
    await waitForPartner(page, northwind.name);
    await page.getByRole('button', { name: '+ Add profile' }).click();
    await addProfileViaUi(page, { name: 'Blue Fjord', authId: blueFjord.authId, token: blueFjord.token, baseUrl: sim.partnerBaseUrl });
    await waitForPartner(page, blueFjord.name);
    expect(await partnerField(page, 'email')).toContain(blueFjord.email);

    const switcher = page.getByTestId('profile-switcher');
    await switcher.getByRole('button', { name: /Northwind/ }).click();
    await waitForPartner(page, northwind.name);
    expect(await partnerField(page, 'email')).toContain(northwind.email);
    expect(await page.getByTestId('partner-view').innerText()).not.toContain(blueFjord.email);

    // A slow answer for the profile just left must not land in the new profile's view.
    sim.setFaults({ latencyMs: 1_500 });
    await switcher.getByRole('button', { name: /Blue Fjord/ }).click();
    sim.setFaults({});
    await switcher.getByRole('button', { name: /Northwind/ }).click();
    await waitForPartner(page, northwind.name);
    await page.waitForTimeout(2_000);
    const view = await page.getByTestId('partner-view').innerText();
    expect(view).toContain(northwind.email);
    expect(view).not.toContain(blueFjord.email);
  });

  it('rename, rotate token (verified first) and remove', async () => {
    const app = await openApp();
    const { page, sim, h } = app;
    await addProfileViaUi(page, { name: 'Northwind', authId: northwind.authId, token: northwind.token, baseUrl: sim.partnerBaseUrl });
    await waitForPartner(page, northwind.name);
    await page.getByRole('button', { name: 'Profile settings' }).click();

    await page.getByLabel('Profile name').fill('NW production');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByTestId('profile-switcher').getByRole('button', { name: /NW production/ }).waitFor();

    // A wrong new token is refused and the stored one keeps working.
    await page.getByLabel('New API token').fill('wrong-token-value');
    await page.getByRole('button', { name: 'Replace token' }).click();
    expect(await alertText(page)).toMatch(/did not accept/);
    const id = (await h.services.profiles.list()).profiles[0]!.id;
    expect((await h.services.profiles.partner(id)).authId).toBe(northwind.authId);

    // A rotated token in the simulator, entered here, replaces the stored one.
    sim.state.partners.find((p) => p.authId === northwind.authId)!.token = 'northwind-rotated-token';
    await page.getByLabel('New API token').fill('northwind-rotated-token');
    await page.getByRole('button', { name: 'Replace token' }).click();
    await page.getByTestId('notice').getByText(/Token replaced/).waitFor();
    expect((await h.services.profiles.partner(id)).authId).toBe(northwind.authId);

    await page.getByRole('button', { name: 'Profile settings' }).click();
    await page.getByRole('button', { name: 'Remove profile' }).click();
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByTestId('add-profile-form').waitFor();
    const vault = JSON.parse(readFileSync(join(h.dataDir, 'vault.json'), 'utf8'));
    expect(Object.keys(vault.entries)).toEqual([]);
    expect(JSON.parse(readFileSync(join(h.dataDir, 'profiles.json'), 'utf8')).profiles).toEqual([]);
  });
});
