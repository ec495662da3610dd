// A second launch (or a trunkdesk:// link) brings the running window forward instead of opening
// another app. Pure over a window-like interface so it is unit-tested under Node; index.ts hands
// it the BrowserWindow and Electron's app.focus.

/** The few BrowserWindow methods this needs. */
export interface FrontableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  isVisible(): boolean;
  show(): void;
  focus(): void;
}

/**
 * Restore it if minimised, show it if hidden, focus it. On macOS focusing a window of an app that
 * is not active does not bring it forward, so the app itself is activated first (`focusApp`,
 * Electron's `app.focus({ steal: true })`). Returns false when there is no window to bring forward
 * (closed on macOS, where the app lives on): the caller opens one.
 */
export function bringToFront(win: FrontableWindow | null | undefined, o: { platform: NodeJS.Platform; focusApp?: () => void }): boolean {
  if (!win || win.isDestroyed()) return false;
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  if (o.platform === 'darwin') o.focusApp?.();
  win.focus();
  return true;
}
