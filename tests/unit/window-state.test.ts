// Where the window opens (src-main/window-state.ts), under Node: saved bounds are kept when they
// are mostly on some display with the top in reach, and otherwise moved onto the primary display's
// work area, clamped to it and never below the minimum size. Displays are work areas in DIPs, as
// Electron's screen module gives them, so a display's scale factor plays no part. Then the saving:
// debounced while the window moves, at once on close, in order, nothing unchanged written twice.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  canGrabTop,
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  placeWindow,
  trackWindowState,
  visibleFraction,
  WindowState,
  type Rect,
  type Screens,
  type TrackedWindow,
} from '../../src-main/window-state';

// One 1920×1080 monitor; its work area less a 40 px taskbar at the bottom.
const FULL_HD: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const oneScreen: Screens = { workAreas: [FULL_HD], primary: FULL_HD };
// A second monitor to the left of the primary, at negative coordinates, a little higher up.
const LEFT: Rect = { x: -2560, y: -200, width: 2560, height: 1400 };
const twoScreens: Screens = { workAreas: [FULL_HD, LEFT], primary: FULL_HD };

const saved = (bounds: Rect, flags: Partial<Pick<WindowState, 'maximized' | 'fullScreen'>> = {}): WindowState => ({
  version: 1,
  bounds,
  maximized: false,
  fullScreen: false,
  ...flags,
});

/** The bounds must lie wholly inside the area. */
const inside = (r: Rect, area: Rect) =>
  r.x >= area.x && r.y >= area.y && r.x + r.width <= area.x + area.width && r.y + r.height <= area.y + area.height;

describe('placeWindow', () => {
  it('first start: the default size, centred on the primary display', () => {
    const p = placeWindow(null, oneScreen);
    expect(p.bounds).toEqual({ x: 360, y: 130, width: DEFAULT_WINDOW_SIZE.width, height: DEFAULT_WINDOW_SIZE.height });
    expect(p.maximized).toBe(false);
    expect(p.fullScreen).toBe(false);
  });

  it('first start on a small primary display: the default size clamped to it, but not below the minimum', () => {
    const small: Rect = { x: 0, y: 25, width: 1024, height: 743 };
    expect(placeWindow(null, { workAreas: [small], primary: small }).bounds).toEqual(small);
    const smaller: Rect = { x: 0, y: 0, width: 880, height: 500 };
    expect(placeWindow(null, { workAreas: [smaller], primary: smaller }).bounds).toEqual({ x: 0, y: 0, width: 900, height: 600 });
  });

  it('a window fully on screen stays exactly where it was, with its size', () => {
    const b = { x: 100, y: 50, width: 1300, height: 900 };
    expect(placeWindow(saved(b), oneScreen).bounds).toEqual(b);
  });

  it('a partly visible window (most of it on screen, top in reach) stays where the admin put it', () => {
    const b = { x: 1200, y: 200, width: 1200, height: 780 }; // 480 px past the right edge: 60 % shows
    expect(visibleFraction(b, [FULL_HD])).toBeCloseTo(0.6, 5);
    expect(placeWindow(saved(b), oneScreen).bounds).toEqual(b);
  });

  it('off screen to the right (a monitor unplugged): moved onto the primary display, centred', () => {
    const b = { x: 2100, y: 100, width: 1200, height: 780 };
    const p = placeWindow(saved(b), oneScreen);
    expect(p.bounds).toEqual({ x: 360, y: 130, width: 1200, height: 780 });
    expect(inside(p.bounds, FULL_HD)).toBe(true);
  });

  it('off screen to the left: moved back', () => {
    const p = placeWindow(saved({ x: -1500, y: 100, width: 1200, height: 780 }), oneScreen);
    expect(inside(p.bounds, FULL_HD)).toBe(true);
    expect(p.bounds.width).toBe(1200);
  });

  it('below the screen: moved back', () => {
    const p = placeWindow(saved({ x: 100, y: 1000, width: 1200, height: 780 }), oneScreen);
    expect(inside(p.bounds, FULL_HD)).toBe(true);
  });

  it('mostly off (a third showing) is moved, though some of it shows', () => {
    const b = { x: 1520, y: 100, width: 1200, height: 780 }; // 400 of 1200 px show
    expect(visibleFraction(b, [FULL_HD])).toBeLessThan(0.5);
    expect(inside(placeWindow(saved(b), oneScreen).bounds, FULL_HD)).toBe(true);
  });

  it('its top above every screen cannot be dragged back, however much shows: moved', () => {
    const b = { x: 100, y: -200, width: 1200, height: 900 }; // 78 % shows, but the title bar does not
    expect(visibleFraction(b, [FULL_HD])).toBeGreaterThan(0.5);
    expect(canGrabTop(b, [FULL_HD])).toBe(false);
    expect(inside(placeWindow(saved(b), oneScreen).bounds, FULL_HD)).toBe(true);
  });

  it('a top just off the work area by a window border still counts as in reach', () => {
    const b = { x: 100, y: -8, width: 1200, height: 780 };
    expect(placeWindow(saved(b), oneScreen).bounds).toEqual(b);
  });

  it('a second monitor at negative coordinates: a window there stays there', () => {
    const b = { x: -2000, y: -100, width: 1400, height: 900 };
    expect(placeWindow(saved(b), twoScreens).bounds).toEqual(b);
  });

  it('that monitor unplugged: the window comes to the primary display', () => {
    const b = { x: -2000, y: -100, width: 1400, height: 900 };
    const p = placeWindow(saved(b), oneScreen);
    expect(p.bounds).toEqual({ x: 260, y: 70, width: 1400, height: 900 });
  });

  it('across two monitors (neither holds half, together most): stays', () => {
    const b = { x: -700, y: 100, width: 1400, height: 800 }; // half on each
    expect(visibleFraction(b, [FULL_HD])).toBeCloseTo(0.5, 5);
    expect(visibleFraction(b, twoScreens.workAreas)).toBe(1);
    expect(placeWindow(saved(b), twoScreens).bounds).toEqual(b);
  });

  it('a display smaller than the saved size (resolution lowered): moved and clamped to the work area', () => {
    const small: Rect = { x: 0, y: 0, width: 1280, height: 760 };
    const p = placeWindow(saved({ x: 0, y: 0, width: 2400, height: 1500 }), { workAreas: [small], primary: small });
    expect(p.bounds).toEqual(small);
  });

  it('a display smaller than even the minimum size: the minimum, from the work area corner', () => {
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 560 };
    const p = placeWindow(saved({ x: 3000, y: 0, width: 1200, height: 780 }), { workAreas: [tiny], primary: tiny });
    expect(p.bounds).toEqual({ x: 0, y: 0, width: MIN_WINDOW_SIZE.width, height: MIN_WINDOW_SIZE.height });
  });

  it('saved smaller than the minimum (a hand-edited file): grown to it', () => {
    const p = placeWindow(saved({ x: 10, y: 10, width: 300, height: 200 }), oneScreen);
    expect(p.bounds).toEqual({ x: 10, y: 10, width: 900, height: 600 });
  });

  it('a primary display that is not at the origin (menu bar, or the primary on the right)', () => {
    const primary: Rect = { x: 1920, y: 25, width: 1440, height: 875 };
    const p = placeWindow(saved({ x: 5000, y: 5000, width: 1200, height: 780 }), { workAreas: [FULL_HD, primary], primary });
    expect(p.bounds).toEqual({ x: 2040, y: 72, width: 1200, height: 780 });
    expect(inside(p.bounds, primary)).toBe(true);
  });

  it('HiDPI: bounds and work areas are both DIPs, so a 2× display places as a 1× one of the same DIP size', () => {
    // A 2880×1800 px Retina panel at scale 2 is a 1440×900 DIP display (less the menu bar).
    const retina: Rect = { x: 0, y: 25, width: 1440, height: 875 };
    const b = { x: 100, y: 60, width: 1200, height: 780 };
    expect(placeWindow(saved(b), { workAreas: [retina], primary: retina }).bounds).toEqual(b);
  });

  it('keeps maximised and full screen whether or not it moved the bounds', () => {
    const stays = placeWindow(saved({ x: 100, y: 100, width: 1200, height: 780 }, { maximized: true }), oneScreen);
    expect(stays.maximized).toBe(true);
    const moved = placeWindow(saved({ x: 9000, y: 100, width: 1200, height: 780 }, { fullScreen: true }), oneScreen);
    expect(moved.fullScreen).toBe(true);
    expect(inside(moved.bounds, FULL_HD)).toBe(true);
  });

  it('no usable display reported: the saved bounds or the default size, never a throw', () => {
    const none: Screens = { workAreas: [], primary: { x: 0, y: 0, width: 0, height: 0 } };
    expect(placeWindow(null, none).bounds).toEqual({ x: 0, y: 0, ...DEFAULT_WINDOW_SIZE });
    const b = { x: 5, y: 5, width: 1000, height: 700 };
    expect(placeWindow(saved(b), none).bounds).toEqual(b);
  });

  it('whatever was saved, a moved window is inside the primary work area (or at its minimum size at its corner)', () => {
    const areas: Rect[] = [FULL_HD, LEFT, { x: 0, y: 0, width: 1024, height: 600 }, { x: 1920, y: -300, width: 1080, height: 1880 }];
    for (const primary of areas) {
      for (const x of [-20000, -3000, -1000, 0, 900, 1900, 4000]) {
        for (const y of [-5000, -500, 0, 700, 1100, 9000]) {
          for (const [width, height] of [[900, 600], [1200, 780], [3000, 2000]] as const) {
            const p = placeWindow(saved({ x, y, width, height }), { workAreas: [FULL_HD, primary], primary });
            const stayed = p.bounds.x === x && p.bounds.y === y;
            if (stayed) {
              expect(visibleFraction(p.bounds, [FULL_HD, primary])).toBeGreaterThanOrEqual(0.5);
              expect(canGrabTop(p.bounds, [FULL_HD, primary])).toBe(true);
            } else if (primary.width >= 900 && primary.height >= 600) {
              expect(inside(p.bounds, primary)).toBe(true);
            } else {
              expect(p.bounds).toMatchObject({ x: primary.x, y: primary.y, width: 900, height: 600 });
            }
            expect(p.bounds.width).toBeGreaterThanOrEqual(900);
            expect(p.bounds.height).toBeGreaterThanOrEqual(600);
          }
        }
      }
    }
  });
});

describe('WindowState (what is read back from the file)', () => {
  it('accepts what the app writes and refuses what would break the arithmetic', () => {
    expect(WindowState.safeParse(saved({ x: -2560, y: -200, width: 1200, height: 780 })).success).toBe(true);
    for (const bad of [
      { ...saved({ x: 0, y: 0, width: 1200, height: 780 }), version: 2 },
      saved({ x: 0.5, y: 0, width: 1200, height: 780 }),
      saved({ x: 0, y: 0, width: 0, height: 780 }),
      saved({ x: 1e300, y: 0, width: 1200, height: 780 }),
      saved({ x: Number.NaN, y: 0, width: 1200, height: 780 }),
      { version: 1, bounds: { x: '0', y: 0, width: 1200, height: 780 }, maximized: false, fullScreen: false },
      { version: 1, bounds: { x: 0, y: 0, width: 1200, height: 780 }, maximized: 'yes', fullScreen: false },
      null,
      [],
    ]) {
      expect(WindowState.safeParse(bad).success).toBe(false);
    }
  });
});

/** A stand-in BrowserWindow: its events, and bounds the test moves. */
class MovingWindow extends EventEmitter implements TrackedWindow {
  bounds: Rect = { x: 10, y: 10, width: 1200, height: 780 };
  maximized = false;
  fullScreen = false;
  destroyed = false;
  isDestroyed = () => this.destroyed;
  getNormalBounds = () => ({ ...this.bounds });
  isMaximized = () => this.maximized;
  isFullScreen = () => this.fullScreen;
  moveTo(x: number, y: number) {
    this.bounds = { ...this.bounds, x, y };
    this.emit('move');
  }
}

describe('trackWindowState', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once after a drag settles, not on every move event', async () => {
    const win = new MovingWindow();
    const saves: WindowState[] = [];
    trackWindowState(win, async (s) => void saves.push(s), { debounceMs: 500 });
    for (let i = 0; i < 50; i++) {
      win.moveTo(10 + i * 5, 10 + i);
      await vi.advanceTimersByTimeAsync(16);
    }
    expect(saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(saves).toEqual([{ version: 1, bounds: { x: 255, y: 59, width: 1200, height: 780 }, maximized: false, fullScreen: false }]);
  });

  it('saves at once on close, the latest bounds and maximised state, and cancels the waiting save', async () => {
    const win = new MovingWindow();
    const saves: WindowState[] = [];
    const t = trackWindowState(win, async (s) => void saves.push(s), { debounceMs: 500 });
    win.moveTo(300, 200);
    win.maximized = true;
    win.emit('maximize');
    expect(t.busy()).toBe(true);
    win.emit('close');
    await vi.advanceTimersByTimeAsync(0);
    expect(saves).toEqual([{ version: 1, bounds: { x: 300, y: 200, width: 1200, height: 780 }, maximized: true, fullScreen: false }]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(saves).toHaveLength(1);
    expect(t.busy()).toBe(false);
  });

  it('full screen, and leaving it, are saved', async () => {
    const win = new MovingWindow();
    const saves: WindowState[] = [];
    trackWindowState(win, async (s) => void saves.push(s), { debounceMs: 100 });
    win.fullScreen = true;
    win.emit('enter-full-screen');
    await vi.advanceTimersByTimeAsync(100);
    win.fullScreen = false;
    win.emit('leave-full-screen');
    await vi.advanceTimersByTimeAsync(100);
    expect(saves.map((s) => s.fullScreen)).toEqual([true, false]);
  });

  it('writes nothing when nothing changed', async () => {
    const win = new MovingWindow();
    const saves: WindowState[] = [];
    trackWindowState(win, async (s) => void saves.push(s), { debounceMs: 100 });
    win.emit('resize');
    await vi.advanceTimersByTimeAsync(100);
    win.emit('move');
    await vi.advanceTimersByTimeAsync(100);
    win.emit('close');
    await vi.advanceTimersByTimeAsync(0);
    expect(saves).toHaveLength(1);
  });

  it('one save at a time, in order: a slow save is never overtaken by a newer one', async () => {
    const win = new MovingWindow();
    const landed: number[] = [];
    let running = 0;
    let most = 0;
    const t = trackWindowState(
      win,
      async (s) => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, s.bounds.x === 100 ? 1_000 : 10));
        landed.push(s.bounds.x);
        running--;
      },
      { debounceMs: 50 },
    );
    win.moveTo(100, 10);
    await vi.advanceTimersByTimeAsync(60); // the slow save of x=100 starts
    win.moveTo(200, 10);
    win.emit('close'); // x=200 queued behind it
    const settled = t.settle(5_000);
    await vi.advanceTimersByTimeAsync(1_100);
    await settled;
    expect(landed).toEqual([100, 200]);
    expect(most).toBe(1);
    expect(t.busy()).toBe(false);
  });

  it('a failing save is logged, not thrown, and later saves still run', async () => {
    const win = new MovingWindow();
    const saves: number[] = [];
    let fail = true;
    const t = trackWindowState(
      win,
      async (s) => {
        if (fail) {
          fail = false;
          throw new Error('EROFS: read-only file system');
        }
        saves.push(s.bounds.x);
      },
      { debounceMs: 10 },
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    win.moveTo(50, 10);
    await vi.advanceTimersByTimeAsync(10);
    win.moveTo(60, 10);
    await vi.advanceTimersByTimeAsync(10);
    await t.settle();
    expect(saves).toEqual([60]);
    expect(warn.mock.calls.join('\n')).toMatch(/could not save the window state.*EROFS/);
    warn.mockRestore();
  });

  it('settle saves what waits for its debounce, and gives up after its bound on a hung disk', async () => {
    const win = new MovingWindow();
    const started: number[] = [];
    const t = trackWindowState(win, (s) => (started.push(s.bounds.x), new Promise<void>(() => undefined)), { debounceMs: 500 });
    win.moveTo(70, 10);
    const settled = t.settle(2_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([70]);
    let done = false;
    void settled.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1_990);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(10);
    expect(done).toBe(true);
  });

  it('nothing is read from a destroyed window', async () => {
    const win = new MovingWindow();
    const saves: WindowState[] = [];
    trackWindowState(win, async (s) => void saves.push(s), { debounceMs: 100 });
    win.moveTo(1, 1);
    win.destroyed = true;
    win.getNormalBounds = () => {
      throw new Error('Object has been destroyed');
    };
    await vi.advanceTimersByTimeAsync(100);
    expect(saves).toEqual([]);
  });
});
