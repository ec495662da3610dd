// Electron main: app lifecycle and wiring only. Everything else lives in services.ts and below.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, session } from 'electron';
import { EVENT_CHANNEL } from '../src-preload/channels';
import { forwardEvents, sendEvent } from './ipc/outgoing';
import { buildMenuTemplate } from './menu';
import { registerIpc } from './ipc/router';
import { log } from './net/redact';
import { registerAppScheme, serveRenderer } from './protocol';
import { keytarStore } from './secrets/keychain';
import { APP_ORIGIN } from './security';
import { createServices } from './services';
import { seedDemoProfiles } from './demo';
import { createMainWindow, lockDownSession } from './window';
import { electronPlatform } from './electron-platform';

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(start).catch((e) => {
    log.error('start-up failed', e);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const demoUrl = process.env.TRUNKDESK_DEMO_URL;
  // Demo data never mixes with real profiles: it gets its own folder and keychain service.
  const dataDir = process.env.TRUNKDESK_DATA_DIR ?? join(app.getPath('userData'), demoUrl ? 'demo' : 'data');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const services = await createServices({
    dataDir,
    secrets: keytarStore(),
    // Tests pass their own service name so they never touch a developer's real Trunkdesk key.
    keychainService: process.env.TRUNKDESK_KEYCHAIN_SERVICE ?? (app.isPackaged && !demoUrl ? 'Trunkdesk' : 'Trunkdesk Dev'),
    platform: electronPlatform,
    // The OS's place for an app's logs; a run on a data folder of its own (tests) keeps its logs there too.
    logs: { dir: process.env.TRUNKDESK_DATA_DIR ? join(dataDir, 'logs') : app.getPath('logs') },
    app: { version: app.getVersion(), locale: app.getLocale() },
  });
  if (demoUrl) await seedDemoProfiles(services.profiles, demoUrl);

  lockDownSession(session.defaultSession);
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  const rendererUrl = devUrl ?? `${APP_ORIGIN}/index.html`;
  if (!devUrl) serveRenderer(join(__dirname, '../renderer'));

  const windows = new Set<number>();
  const policy = {
    origins: [devUrl ? new URL(devUrl).origin : APP_ORIGIN],
    isOurWebContents: (id: number) => windows.has(id),
  };
  registerIpc(ipcMain, services.handlers, policy);

  const open = () => {
    const win = createMainWindow({ preload: join(__dirname, '../preload/index.cjs'), url: rendererUrl });
    const id = win.webContents.id;
    windows.add(id);
    const off = forwardEvents(services.events, (e) => {
      if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, e);
    });
    win.on('closed', () => {
      windows.delete(id);
      off();
    });
  };
  open();
  // The menu's commands go to the focused window, through the same exit as every event; the
  // renderer runs them (see menu.ts for who acts on an accelerator on each platform).
  const setMenu = (profileNames: string[]) =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          platform: process.platform,
          dev: !app.isPackaged,
          appName: app.name,
          profileNames,
          onCommand: (command) => {
            const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
            if (win && !win.isDestroyed()) sendEvent({ type: 'menu', command }, (e) => win.webContents.send(EVENT_CHANNEL, e));
          },
        }),
      ),
    );
  // Profile 1–9 carry the profiles' names: built again whenever the profiles change.
  const nameProfiles = () => void services.profiles.list().then((l) => setMenu(l.profiles.map((p) => p.displayName)), () => setMenu([]));
  nameProfiles();
  services.events.on((e) => e.type === 'profiles-changed' && nameProfiles());
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && open());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void services.close());
}
