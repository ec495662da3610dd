// A second launch brings the running window forward (src-main/bring-to-front.ts), under Node: a
// stand-in with a BrowserWindow's states (minimised, hidden, destroyed) records what was done.
import { describe, expect, it } from 'vitest';
import { bringToFront, type FrontableWindow } from '../../src-main/bring-to-front';

class StandInWindow implements FrontableWindow {
  calls: string[] = [];
  constructor(public state: { minimized?: boolean; visible?: boolean; destroyed?: boolean } = {}) {}
  isDestroyed = () => this.state.destroyed ?? false;
  isMinimized = () => this.state.minimized ?? false;
  isVisible = () => this.state.visible ?? true;
  restore = () => {
    this.calls.push('restore');
    this.state.minimized = false;
  };
  show = () => {
    this.calls.push('show');
    this.state.visible = true;
  };
  focus = () => void this.calls.push('focus');
}

describe('bringToFront', () => {
  it('restores a minimised window, then focuses it', () => {
    const w = new StandInWindow({ minimized: true });
    expect(bringToFront(w, { platform: 'win32' })).toBe(true);
    expect(w.calls).toEqual(['restore', 'focus']);
    expect(w.isMinimized()).toBe(false);
  });

  it('shows a hidden window, then focuses it', () => {
    const w = new StandInWindow({ visible: false });
    bringToFront(w, { platform: 'linux' });
    expect(w.calls).toEqual(['show', 'focus']);
  });

  it('only focuses a window that is already up', () => {
    const w = new StandInWindow();
    bringToFront(w, { platform: 'linux' });
    expect(w.calls).toEqual(['focus']);
  });

  it('activates the app on macOS (a window of an inactive app does not come forward by focus alone), elsewhere not', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const order: string[] = [];
      const w = new StandInWindow({ minimized: true });
      w.focus = () => void order.push('focus');
      bringToFront(w, { platform, focusApp: () => order.push('app.focus') });
      expect(order).toEqual(platform === 'darwin' ? ['app.focus', 'focus'] : ['focus']);
    }
  });

  it('says there is no window when it is gone (the caller opens one), touching nothing', () => {
    const destroyed = new StandInWindow({ destroyed: true, minimized: true });
    let activated = false;
    expect(bringToFront(destroyed, { platform: 'darwin', focusApp: () => (activated = true) })).toBe(false);
    expect(destroyed.calls).toEqual([]);
    expect(activated).toBe(false);
    expect(bringToFront(undefined, { platform: 'darwin' })).toBe(false);
    expect(bringToFront(null, { platform: 'win32' })).toBe(false);
  });
});
