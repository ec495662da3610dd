// End to end in real Electron: the built app against the simulator. Where the Electron binary
// cannot be installed (no GitHub access), this suite says why and skips.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary';
import { MASTER_KEY_ACCOUNT } from '../../src-main/secrets/master-key';
import { keytarStore } from '../../src-main/secrets/keychain';
import { DEMO_PARTNERS } from '../sim/data';
import { startSimulator, type Simulator } from '../sim/server';
import { tempDir, uniqueService } from '../support/tmp';

const bin = findElectronBinary();
if (!bin.path) console.log(`[electron e2e] skipped: ${bin.reason}. The browser suite covers the same UI, preload and handlers in Chromium.`);

describe.skipIf(!bin.path)('Electron app, end to end', () => {
  let sim: Simulator;
  let app: ElectronApplication;
  const dataDir = tempDir();
  const keychainService = uniqueService('electron');

  beforeAll(async () => {
    sim = await startSimulator({ quiet: true });
    app = await electron.launch({
      executablePath: bin.path!,
      args: [resolve(__dirname, '../..'), ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      env: { ...process.env, TRUNKDESK_DATA_DIR: dataDir, TRUNKDESK_KEYCHAIN_SERVICE: keychainService, TRUNKDESK_QUIET: '1' } as Record<string, string>,
    });
  });
  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await sim?.close();
    await keytarStore().delete(keychainService, MASTER_KEY_ACCOUNT).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens a locked-down window from app://', async () => {
    const win = await app.firstWindow();
    expect(win.url()).toMatch(/^app:\/\/trunkdesk\//);
    // Sandboxed and context-isolated: the page sees the bridge, and no Node at all.
    const seen = await win.evaluate(() => ({
      bridge: typeof (window as unknown as { trunkdesk?: unknown }).trunkdesk,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(seen).toEqual({ bridge: 'object', process: 'undefined' });
    expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  });

  it('adds a profile and shows the partner view', async () => {
    const win = await app.firstWindow();
    const p = DEMO_PARTNERS[0]!;
    const form = win.getByTestId('add-profile-form');
    await form.getByLabel('Profile name').fill('Northwind');
    await form.getByLabel('Partner auth ID').fill(p.authId);
    await form.getByLabel('API token').fill(p.token);
    await form.getByLabel('Base URL').fill(sim.partnerBaseUrl);
    await form.getByRole('button', { name: 'Add profile' }).click();
    await win.getByTestId('partner-view').getByRole('heading', { name: p.name }).waitFor();
    expect(await win.getByTestId('partner-view').innerText()).toContain(p.email);
    expect(join(dataDir, 'profiles.json')).toBeTruthy();
  });

  it('has the application menu, and a menu item runs its command in the window', async () => {
    const win = await app.firstWindow();
    const ids = await app.evaluate(({ Menu }) => {
      const out: string[] = [];
      const walk = (menu: Electron.Menu) => {
        for (const item of menu.items) {
          if (item.id) out.push(item.id);
          if (item.submenu) walk(item.submenu);
        }
      };
      const menu = Menu.getApplicationMenu();
      if (menu) walk(menu);
      return out;
    });
    expect(ids).toEqual(expect.arrayContaining(['newCredential', 'sync', 'syncAll', 'quickSwitcher', 'profile1', 'profile9']));
    // A click sends the 'menu' event to the window, which opens the quick switcher.
    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('quickSwitcher')?.click());
    await win.getByTestId('quick-switcher').waitFor();
    await win.keyboard.press('Escape');
    await win.getByTestId('quick-switcher').waitFor({ state: 'detached' });
  });
});
