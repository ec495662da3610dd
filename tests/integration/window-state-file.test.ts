// The window state file on a real file system (src-main/window-state.ts over fs/atomic.ts): written
// whole or not at all, readable only by this user, and a missing, corrupt or foreign file gives the
// default placement, never a crash. A reader racing hundreds of writes never sees a torn file.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { placeWindow, readWindowState, WINDOW_STATE_FILE, writeWindowState, type WindowState } from '../../src-main/window-state';
import { tempDir } from '../support/tmp';

const state = (x: number, extra: Partial<WindowState> = {}): WindowState => ({
  version: 1,
  bounds: { x, y: 40, width: 1300, height: 850 },
  maximized: false,
  fullScreen: false,
  ...extra,
});
const screens = { workAreas: [{ x: 0, y: 0, width: 1920, height: 1040 }], primary: { x: 0, y: 0, width: 1920, height: 1040 } };

describe('window state file', () => {
  it('round-trips what was saved, as a 0600 file, with no temp file left beside it', async () => {
    const dir = tempDir();
    const path = join(dir, WINDOW_STATE_FILE);
    await writeWindowState(path, state(120, { maximized: true }));
    expect(await readWindowState(path)).toEqual(state(120, { maximized: true }));
    expect(readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('creates the data folder if it is not there yet', async () => {
    const path = join(tempDir(), 'not-yet', WINDOW_STATE_FILE);
    await writeWindowState(path, state(5));
    expect(await readWindowState(path)).toEqual(state(5));
  });

  it('a reader racing 300 writes only ever sees a whole state, old or new', async () => {
    const dir = tempDir();
    const path = join(dir, WINDOW_STATE_FILE);
    await writeWindowState(path, state(0));
    let writing = true;
    const seen = new Set<number>();
    let torn = 0;
    const reader = (async () => {
      for (let i = 0; writing && i < 100_000; i++) {
        const text = readFileSync(path, 'utf8');
        try {
          seen.add((JSON.parse(text) as WindowState).bounds.x);
        } catch {
          torn++;
        }
        await new Promise((r) => setImmediate(r));
      }
    })();
    for (let i = 1; i <= 300; i++) await writeWindowState(path, state(i));
    writing = false;
    await reader;
    expect(torn).toBe(0);
    expect(seen.size).toBeGreaterThan(1);
    expect(await readWindowState(path)).toEqual(state(300));
    expect(readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
  });

  it('a failed write (read-only folder) leaves the previous state in place', async () => {
    if (process.getuid?.() === 0) {
      // root writes through a read-only mode; the write failing is shown by a path that is a folder.
      const dir = tempDir();
      const path = join(dir, WINDOW_STATE_FILE);
      mkdirSync(path);
      await expect(writeWindowState(path, state(1))).rejects.toThrow();
      expect(readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
      return;
    }
    const dir = tempDir();
    const path = join(dir, WINDOW_STATE_FILE);
    await writeWindowState(path, state(1));
    chmodSync(dir, 0o500);
    try {
      await expect(writeWindowState(path, state(2))).rejects.toThrow();
    } finally {
      chmodSync(dir, 0o700);
    }
    expect(await readWindowState(path)).toEqual(state(1));
  });

  it('a missing file: no state, quietly; the window opens at the default place', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const s = await readWindowState(join(tempDir(), WINDOW_STATE_FILE));
    expect(s).toBeNull();
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    expect(placeWindow(s, screens).bounds).toEqual({ x: 360, y: 130, width: 1200, height: 780 });
  });

  const corrupt: Array<[string, string | Buffer]> = [
    ['empty', ''],
    ['torn JSON', '{"version":1,"bounds":{"x":10,"y":'],
    ['not JSON', 'hello'],
    ['binary', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x9c])],
    ['JSON null', 'null'],
    ['an array', '[1,2,3]'],
    ['a newer format', JSON.stringify({ ...state(1), version: 2 })],
    ['a string where a number goes', JSON.stringify({ ...state(1), bounds: { x: '1', y: 2, width: 1200, height: 780 } })],
    ['absurd numbers', JSON.stringify({ ...state(1), bounds: { x: 1e300, y: 2, width: 1e308, height: -5 } })],
    ['prototype pollution', '{"__proto__":{"polluted":true},"version":1}'],
  ];
  for (const [what, bytes] of corrupt) {
    it(`a corrupt file (${what}): no state, a warning naming no content, and the default placement`, async () => {
      const dir = tempDir();
      const path = join(dir, WINDOW_STATE_FILE);
      writeFileSync(path, bytes);
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const s = await readWindowState(path);
      const warned = warn.mock.calls.join('\n');
      warn.mockRestore();
      expect(s).toBeNull();
      expect(warned).toMatch(/window state.*default placement/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(placeWindow(s, screens).bounds).toEqual({ x: 360, y: 130, width: 1200, height: 780 });
      // The next save replaces it with a good one.
      await writeWindowState(path, state(77));
      expect(await readWindowState(path)).toEqual(state(77));
    });
  }

  it('a folder where the file should be: no state, no crash', async () => {
    const dir = tempDir();
    const path = join(dir, WINDOW_STATE_FILE);
    mkdirSync(path);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await readWindowState(path)).toBeNull();
    warn.mockRestore();
    expect(existsSync(path)).toBe(true);
  });

  it('a state that would be invalid is never written', async () => {
    const path = join(tempDir(), WINDOW_STATE_FILE);
    await expect(writeWindowState(path, { ...state(1), bounds: { x: 1.5, y: 0, width: 0, height: 780 } })).rejects.toThrow();
    expect(existsSync(path)).toBe(false);
  });
});
