// Issue 11 §4: Settings → Network in the built app. It shows the proxy in effect (the
// environment's, or the system's as Electron would resolve it) without its credentials, and the
// company CA file chosen through main's own open dialog (its subject and expiry), which can be
// removed. A path the renderer names itself is refused: the channels take no input.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy } from 'proxy';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERS } from '../sim/data';
import { makeTestCa } from '../support/certs';
import { tempDir } from '../support/tmp';
import { addProfileViaUi, alertText, openApp, waitForPartner } from './support';

const northwind = DEMO_PARTNERS[0]!;
const PROXY_PASSWORD = 'Proxy-Canary-Pw-5521';

describe('Settings → Network', () => {
  it('shows the environment proxy without its credentials, takes a CA file only through its dialog, and removes it', async () => {
    const ca = makeTestCa(tempDir());
    const { page, h } = await openApp({ env: { HTTPS_PROXY: `http://alice:${PROXY_PASSWORD}@proxy.corp.example:3128`, NO_PROXY: 'localhost,.internal.example' } });
    // Reachable from the first run: behind TLS inspection no profile can be added before the CA is.
    await page.getByTestId('first-run').waitFor();
    const opener = page.getByRole('button', { name: 'Network settings' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Network' });
    await dialog.waitFor();
    const proxy = dialog.getByTestId('network-proxy');
    await proxy.waitFor();
    expect(await proxy.getAttribute('data-source')).toBe('env');
    expect(await dialog.getByTestId('network-proxy-via').innerText()).toBe('proxy.corp.example:3128 (http)');
    expect(await proxy.innerText()).toContain('NO_PROXY=localhost,.internal.example');
    await dialog.getByTestId('network-ca-none').waitFor();
    // The credentials are nowhere the renderer can see.
    expect(await page.content()).not.toContain(PROXY_PASSWORD);
    expect(h.bridgeLog.join('\n')).not.toContain(PROXY_PASSWORD);
    expect(h.bridgeLog.join('\n')).not.toContain('alice');

    // A path of the renderer's choosing is refused before any handler (and no dialog opens).
    const refused = await page.evaluate(() =>
      (window as unknown as { trunkdesk: { chooseCaCertificate(i: unknown): Promise<{ ok: boolean; error?: { code: string } }> } }).trunkdesk.chooseCaCertificate({ path: '/etc/ssl/private/key.pem' }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(h.platform.openFilters).toEqual([]);

    // Chosen through main's dialog: its subject and expiry are shown.
    h.platform.nextOpenPath = ca.caPath;
    await dialog.getByRole('button', { name: 'Choose CA file…' }).click();
    const cert = dialog.getByTestId('network-ca-cert');
    await cert.waitFor();
    expect(h.platform.openFilters).toEqual(['CA certificate (PEM)']);
    expect(await dialog.getByTestId('network-ca').innerText()).toContain('ca.pem');
    expect(await cert.innerText()).toMatch(/^O=Trunkdesk Tests, CN=Trunkdesk Test Inspection CA expires \S/);
    const expires = await cert.locator('time').getAttribute('datetime');
    expect(Date.parse(expires!) - Date.now()).toBeGreaterThan(86_400_000);

    // A file that is not a certificate: a clear error, and the CA in use is kept.
    h.platform.nextOpenPath = ca.caPath.replace(/ca\.pem$/, 'server.key');
    await dialog.getByRole('button', { name: 'Replace CA file…' }).click();
    const error = dialog.getByTestId('network-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('That file holds a private key.');
    expect(await cert.isVisible()).toBe(true);

    // Kept across a reopen (it is main's setting), then removed.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);
    await opener.click();
    await dialog.getByTestId('network-ca-cert').waitFor();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await dialog.getByTestId('network-ca-none').waitFor();
  });

  it('says when the environment names a proxy it cannot use, and adding a profile says the same without sending anything', async () => {
    // HTTP_PROXY: the simulator is plain http on loopback, and https requests fall back to it too.
    const { page, sim } = await openApp({ env: { HTTP_PROXY: `socks5://carol:${PROXY_PASSWORD}@socks.corp.example:1080` } });
    await page.getByTestId('first-run').waitFor();
    await page.getByRole('button', { name: 'Network settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Network' });
    const problem = dialog.getByTestId('network-proxy-problem');
    await problem.waitFor();
    expect(await problem.innerText()).toMatch(/^HTTP_PROXY is set to a proxy Trunkdesk cannot use: it names a SOCKS proxy, and Trunkdesk speaks HTTP and HTTPS proxies only\. /);
    expect(await dialog.getByTestId('network-proxy-via').count()).toBe(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    const last = sim.requests.at(-1);
    await addProfileViaUi(page, { name: 'Northwind', authId: northwind.authId, token: northwind.token, baseUrl: sim.partnerBaseUrl });
    const said = await alertText(page);
    expect(said).toContain('HTTP_PROXY is set to a proxy Trunkdesk cannot use');
    expect(said).toContain('HTTP_PROXY=http://proxy.example.com:3128');
    expect(sim.requests.at(-1)).toBe(last);
    expect(await page.getByTestId('first-run').isVisible()).toBe(true);
    expect(await page.content()).not.toContain(PROXY_PASSWORD);
    expect(await page.content()).not.toContain('socks.corp.example');
  });

  it("shows the system proxy Electron resolves, for the server it was asked about, once requests went through it", async () => {
    const proxy = createProxy(createServer());
    const connects: string[] = [];
    proxy.on('connect', (req) => connects.push(req.url ?? ''));
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const port = (proxy.address() as AddressInfo).port;
    try {
      const { page, sim } = await openApp({ env: {}, resolveProxy: async () => `PROXY 127.0.0.1:${port}; DIRECT` });
      await page.getByTestId('first-run').waitFor();
      await page.getByRole('button', { name: 'Network settings' }).click();
      const dialog = page.getByRole('dialog', { name: 'Network' });
      await dialog.getByTestId('network-proxy').waitFor();
      expect(await dialog.getByTestId('network-proxy').innerText()).toContain("Your system's proxy (decided for each server; nothing sent yet)");
      await page.keyboard.press('Escape');

      await addProfileViaUi(page, { name: 'Northwind', authId: northwind.authId, token: northwind.token, baseUrl: sim.partnerBaseUrl });
      await waitForPartner(page, northwind.name);
      const simHost = new URL(sim.url).host;
      expect(connects).toContain(simHost);

      await page.getByRole('button', { name: 'Network settings' }).click();
      await dialog.getByTestId('network-proxy-via').waitFor();
      expect(await dialog.getByTestId('network-proxy').getAttribute('data-source')).toBe('system');
      expect(await dialog.getByTestId('network-proxy-via').innerText()).toBe(`127.0.0.1:${port} (http)`);
      expect(await dialog.getByTestId('network-proxy').innerText()).toContain(simHost);
    } finally {
      proxy.closeAllConnections();
      await new Promise<void>((r) => proxy.close(() => r()));
    }
  });
});
