// Where the window was: its normal (restored) bounds, and whether it was maximised or full
// screen, kept in a small JSON file in the data folder and put back on the next start. What was
// saved may no longer fit the screens there are (a monitor unplugged, a resolution changed), so
// the saved bounds are checked against the displays' work areas first and, if the window would be
// mostly out of sight, moved onto the primary display. Electron-free: the displays come in as
// plain rectangles (DIPs, so a display's scale factor does not matter) and the window as a small
// interface, so all of it is tested under Node.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomically } from './fs/atomic';
import { log } from './net/redact';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Size {
  width: number;
  height: number;
}

/** The window's size on a first start, and the least it may be (window.ts passes both to Electron). */
export const DEFAULT_WINDOW_SIZE: Size = { width: 1200, height: 780 };
export const MIN_WINDOW_SIZE: Size = { width: 900, height: 600 };

export const WINDOW_STATE_FILE = 'window-state.json';

// Far beyond any real desktop, but it keeps a hand-edited 1e300 out of the arithmetic.
const Coord = z.number().int().min(-1_000_000).max(1_000_000);
const Length = z.number().int().min(1).max(1_000_000);

export const WindowState = z.object({
  version: z.literal(1),
  /** The normal bounds: what the window returns to when it is un-maximised or leaves full screen. */
  bounds: z.strictObject({ x: Coord, y: Coord, width: Length, height: Length }),
  maximized: z.boolean(),
  fullScreen: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

/** The screens as Electron's `screen` module describes them, reduced to rectangles. */
export interface Screens {
  /** Every display's work area (the screen less the taskbar, dock and menu bar). */
  workAreas: Rect[];
  /** The primary display's work area. */
  primary: Rect;
}

export interface WindowPlacement {
  bounds: Rect;
  maximized: boolean;
  fullScreen: boolean;
}

/** At least this much of the window's area must be on some display to leave it where it was. */
export const MIN_VISIBLE_FRACTION = 0.5;
/**
 * The top strip (title bar, or the header the admin drags on) must be reachable too: a window
 * whose top is above every screen cannot be dragged back, however much of the rest shows.
 */
export const GRAB_STRIP = { height: 32, minVisibleWidth: 100, minVisibleHeight: 16 };

function intersection(a: Rect, b: Rect): Size {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? { width, height } : { width: 0, height: 0 };
}

/** How much of `r` shows on the displays, 0 to 1. Work areas do not overlap, so areas add up. */
export function visibleFraction(r: Rect, workAreas: readonly Rect[]): number {
  const area = r.width * r.height;
  if (area <= 0) return 0;
  const shown = workAreas.reduce((sum, wa) => {
    const i = intersection(r, wa);
    return sum + i.width * i.height;
  }, 0);
  return Math.min(1, shown / area);
}

/** Whether the window's top strip is on one display wide and tall enough to grab. */
export function canGrabTop(r: Rect, workAreas: readonly Rect[]): boolean {
  const strip = { x: r.x, y: r.y, width: r.width, height: Math.min(GRAB_STRIP.height, r.height) };
  const minWidth = Math.min(GRAB_STRIP.minVisibleWidth, r.width);
  const minHeight = Math.min(GRAB_STRIP.minVisibleHeight, strip.height);
  return workAreas.some((wa) => {
    const i = intersection(strip, wa);
    return i.width >= minWidth && i.height >= minHeight;
  });
}

const usable = (r: Rect): boolean => r.width > 0 && r.height > 0;

/** A size of at least `min` and at most the area's (min wins where the area is smaller still). */
function fitSize(size: Size, area: Rect, min: Size): Size {
  return {
    width: Math.max(min.width, Math.min(size.width, area.width)),
    height: Math.max(min.height, Math.min(size.height, area.height)),
  };
}

/** Centred in the area; from its top left corner where it is bigger than the area. */
function centreIn(size: Size, area: Rect): Rect {
  return {
    x: area.x + Math.max(0, Math.floor((area.width - size.width) / 2)),
    y: area.y + Math.max(0, Math.floor((area.height - size.height) / 2)),
    width: size.width,
    height: size.height,
  };
}

/**
 * Where to open the window. No saved state: the default size, centred on the primary display.
 * Saved bounds mostly on some display (and its top within reach): exactly as saved, so a window
 * the admin put across two monitors stays there. Otherwise: on the primary display's work area,
 * centred, no bigger than it, and never below the window's minimum size.
 */
export function placeWindow(saved: WindowState | null, screens: Screens, o: { defaultSize?: Size; minSize?: Size } = {}): WindowPlacement {
  const min = o.minSize ?? MIN_WINDOW_SIZE;
  const def = o.defaultSize ?? DEFAULT_WINDOW_SIZE;
  const workAreas = screens.workAreas.filter(usable);
  const primary = usable(screens.primary) ? screens.primary : workAreas[0];
  const flags = { maximized: saved?.maximized ?? false, fullScreen: saved?.fullScreen ?? false };
  if (!primary) {
    // No display to judge by (should not happen with Electron): as saved, or the default size.
    return { bounds: saved?.bounds ?? { x: 0, y: 0, ...def }, ...flags };
  }
  if (!saved) return { bounds: centreIn(fitSize(def, primary, min), primary), ...flags };
  const b = saved.bounds;
  const asSaved = { x: b.x, y: b.y, width: Math.max(b.width, min.width), height: Math.max(b.height, min.height) };
  const displays = workAreas.length > 0 ? workAreas : [primary];
  if (visibleFraction(asSaved, displays) >= MIN_VISIBLE_FRACTION && canGrabTop(asSaved, displays)) return { bounds: asSaved, ...flags };
  return { bounds: centreIn(fitSize(asSaved, primary, min), primary), ...flags };
}

/** The saved state, or null when there is none or it cannot be used. Never throws: the defaults do. */
export async function readWindowState(path: string): Promise<WindowState | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('could not read the window state; using the default placement', e);
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    log.warn('the window state file is not JSON; using the default placement');
    return null;
  }
  const parsed = WindowState.safeParse(json);
  if (!parsed.success) {
    log.warn(`the window state file does not hold a window state (at ${parsed.error.issues[0]?.path.join('.') || 'top'}); using the default placement`);
    return null;
  }
  return parsed.data;
}

/** Whole or not at all (fs/atomic.ts), so a crash mid-save leaves the previous placement. */
export async function writeWindowState(path: string, state: WindowState): Promise<void> {
  await writeFileAtomically(path, JSON.stringify(WindowState.parse(state)) + '\n');
}

/** The BrowserWindow methods and events the tracker needs. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'enter-full-screen' | 'leave-full-screen' | 'close', listener: () => void): unknown;
  isDestroyed(): boolean;
  /** The restored bounds whatever the window's state (maximised, minimised, full screen). */
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isFullScreen(): boolean;
}

export interface WindowStateTracker {
  /** Whether a save is waiting for its debounce or on its way to disk. */
  busy(): boolean;
  /**
   * Save what is waiting for its debounce now (if the window is still there), then resolve once
   * every save has finished (or failed, which is logged), or after `timeoutMs` at most: quitting
   * waits for this, and a hung disk must not keep the app from quitting.
   */
  settle(timeoutMs?: number): Promise<void>;
}

export function snapshot(win: TrackedWindow): WindowState {
  const b = win.getNormalBounds();
  return {
    version: 1,
    bounds: { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) },
    maximized: win.isMaximized(),
    fullScreen: win.isFullScreen(),
  };
}

/**
 * Save the window's state `debounceMs` after it stops moving or resizing (a drag fires dozens of
 * events a second), and at once when it closes. Saves run one after another, so an older state
 * never lands after a newer one; an unchanged state is not written again.
 */
export function trackWindowState(
  win: TrackedWindow,
  save: (s: WindowState) => Promise<void>,
  o: { debounceMs?: number } = {},
): WindowStateTracker {
  const debounceMs = o.debounceMs ?? 500;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let chain: Promise<void> = Promise.resolve();
  let inFlight = 0;
  let last = '';

  const queue = (state: WindowState) => {
    const text = JSON.stringify(state);
    if (text === last) return;
    last = text;
    inFlight++;
    chain = chain
      .then(() => save(state))
      .catch((e) => log.warn('could not save the window state', e))
      .finally(() => void inFlight--);
  };
  const saveNow = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!win.isDestroyed()) queue(snapshot(win));
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(saveNow, debounceMs);
  };
  for (const e of ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const) win.on(e, later);
  // 'close' comes while the window still has its bounds ('closed' comes after they are gone).
  win.on('close', saveNow);
  const drained = async () => {
    // A save can queue another while this waits (a close during a save): wait those out too.
    while (inFlight > 0) await chain;
  };
  return {
    busy: () => timer !== null || inFlight > 0,
    settle: async (timeoutMs = 2_000) => {
      saveNow();
      let bound: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([drained(), new Promise<void>((r) => (bound = setTimeout(r, timeoutMs)))]);
      clearTimeout(bound);
    },
  };
}
