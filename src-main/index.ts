// Electron main: app lifecycle and wiring only. Everything else lives in services.ts and below.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
import { createMainWindow, currentScreens, lockDownSession } from './window';
import { electronPlatform } from './electron-platform';
import { bringToFront } from './bring-to-front';
import { LINK_SCHEME, linkFromArgv, protocolClientArgs } from './deep-link';
import { placeWindow, readWindowState, trackWindowState, writeWindowState, WINDOW_STATE_FILE, type WindowState, type WindowStateTracker } from './window-state';

app.enableSandbox();
registerAppScheme();

// trunkdesk:// links that come before the services exist (the launch command line; macOS sends
// 'open-url', which must be listened for before ready) wait here; start() takes them over.
const earlyLinks: string[] = [];
const launchLink = linkFromArgv(process.argv);
if (launchLink) earlyLinks.push(launchLink);
let receiveLink = (url: string) => void earlyLinks.push(url);
app.on('open-url', (event, url) => {
  event.preventDefault();
  receiveLink(url);
});

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

  // --- Single instance, window placement and trunkdesk:// links (issue 11 §6, README) ---------
  // Where the window was, checked against today's screens (window-state.ts); kept current as it moves.
  const statePath = join(dataDir, WINDOW_STATE_FILE);
  let lastState: WindowState | null = await readWindowState(statePath);
  let stateSaves: WindowStateTracker | null = null;
  const open = () => {
    const placement = placeWindow(lastState, currentScreens());
    const win = createMainWindow({ preload: join(__dirname, '../preload/index.cjs'), url: rendererUrl, placement });
    stateSaves = trackWindowState(win, (state) => {
      lastState = state;
      return writeWindowState(statePath, state);
    });
    const id = win.webContents.id;
    windows.add(id);
    const off = forwardEvents(services.events, (e) => {
      if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, e);
    });
    win.on('closed', () => {
      windows.delete(id);
      off();
      services.links.windowClosed();
    });
  };
  open();
  // A second launch, or a link, brings the window forward (or opens it again, on macOS).
  const toFront = () => {
    if (!bringToFront(BrowserWindow.getAllWindows()[0], { platform: process.platform, focusApp: () => app.focus({ steal: true }) })) open();
  };
  app.on('second-instance', (_event, argv) => {
    const link = linkFromArgv(argv);
    if (link) services.links.receive(link);
    toFront();
  });
  receiveLink = (url) => void (services.links.receive(url) && toFront());
  for (const url of earlyLinks.splice(0)) services.links.receive(url);
  const client = protocolClientArgs({ packaged: app.isPackaged, platform: process.platform, execPath: process.execPath, appPath: process.argv[1] && resolve(process.argv[1]) });
  if (client.length === 0) app.setAsDefaultProtocolClient(LINK_SCHEME);
  else app.setAsDefaultProtocolClient(LINK_SCHEME, client[0], client[1]);
  // The last save (on close) is on its way to disk as the app quits: let it land first.
  let quitHeld = false;
  app.on('will-quit', (event) => {
    if (quitHeld || !stateSaves?.busy()) return;
    quitHeld = true;
    event.preventDefault();
    void stateSaves.settle().finally(() => app.quit());
  });
  // --- end of single instance, window placement and links ------------------------------------
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
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && open());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void services.close());
}
