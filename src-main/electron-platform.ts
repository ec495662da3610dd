// The OS services of platform.ts, as Electron provides them.
import { join } from 'node:path';
import { app, BrowserWindow, clipboard, dialog, session, shell } from 'electron';
import type { Platform } from './platform';

export const electronPlatform: Platform = {
  clipboard: {
    writeText: (t) => clipboard.writeText(t),
    readText: () => clipboard.readText(),
    clear: () => clipboard.clear(),
  },
  saveDialog: {
    async chooseSavePath(suggestedName, filter) {
      const options = { defaultPath: join(app.getPath('downloads'), suggestedName), filters: [filter] };
      const win = BrowserWindow.getFocusedWindow();
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  },
  files: {
    showItemInFolder: (path) => shell.showItemInFolder(path),
    // shell.openPath answers an error message rather than rejecting: make it a failure.
    async openFolder(dir) {
      const problem = await shell.openPath(dir);
      if (problem) throw new Error(problem);
    },
  },
  openDialog: {
    async chooseOpenPath(filter) {
      const options = { properties: ['openFile' as const], filters: [filter, { name: 'All files', extensions: ['*'] }] };
      const win = BrowserWindow.getFocusedWindow();
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  },
  // Chromium's answer for the OS's proxy settings (fixed, PAC or WPAD); called after app ready.
  resolveProxy: (url) => session.defaultSession.resolveProxy(url),
};
