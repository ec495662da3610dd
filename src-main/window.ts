// The one window, locked down per design.md §6: sandboxed, isolated, no Node, no navigation, no
// new windows, no permissions. Only allowlisted https links open, in the system browser.
import { join } from 'node:path';
import { BrowserWindow, shell, type Session } from 'electron';
import { log } from './net/redact';
import { isAllowedExternalUrl } from './security';

export function createMainWindow(opts: { preload: string; url: string }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 780,
    minWidth: 900,
    minHeight: 600,
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
  win.once('ready-to-show', () => win.show());
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
