// The one window, locked down per design.md §6: sandboxed, isolated, no Node, no navigation, no
// new windows, no permissions. Only allowlisted https links open, in the system browser.
import { join } from 'node:path';
import { BrowserWindow, screen, shell, type Session } from 'electron';
import { log } from './net/redact';
import { isAllowedExternalUrl } from './security';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, type Screens, type WindowPlacement } from './window-state';

/** The displays' work areas now, for window-state.ts to check saved bounds against (after ready). */
export function currentScreens(): Screens {
  return { workAreas: screen.getAllDisplays().map((d) => d.workArea), primary: screen.getPrimaryDisplay().workArea };
}

/** `placement` (window-state.ts) is where the window was last, already checked to be on a screen. */
export function createMainWindow(opts: { preload: string; url: string; placement?: WindowPlacement }): BrowserWindow {
  const placement = opts.placement;
  const win = new BrowserWindow({
    ...(placement ? placement.bounds : DEFAULT_WINDOW_SIZE),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Trunkdesk',
    show: false,
    backgroundColor: '#f6f7f9',
    icon: join(__dirname, '../../resources/icon.png'),
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: process.env.NODE_ENV === 'development' || !!process.env.ELECTRON_RENDERER_URL,
    },
  });
  const wc = win.webContents;
  wc.on('will-navigate', (event, url) => {
    if (url !== wc.getURL()) {
      event.preventDefault();
      log.warn('blocked navigation');
    }
  });
  wc.on('will-redirect', (event) => event.preventDefault());
  wc.on('will-attach-webview', (event) => event.preventDefault());
  wc.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => {
    // Maximised or full screen over the saved normal bounds, so un-maximising returns there.
    if (placement?.maximized) win.maximize();
    if (placement?.fullScreen) win.setFullScreen(true);
    win.show();
  });
  void win.loadURL(opts.url);
  return win;
}

/** Deny every permission (camera, notifications, clipboard-read, …) for every origin. */
export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
}
