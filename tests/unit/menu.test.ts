// The application menu's template (src-main/menu.ts), checked under Node without Electron: every
// shared command is in it once, no two items share an accelerator, the profile 1–9 items, and the
// macOS and Linux/Windows layouts (app menu, where Settings and Quit sit, who owns accelerators).
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, menuOwnsAccelerators } from '../../src-main/menu';
import { COMMAND_LIST as COMMANDS, COMMAND_IDS, type CommandId } from '../../src-preload/commands';

type Item = MenuItemConstructorOptions;

function flatten(items: Item[]): Item[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function build(platform: NodeJS.Platform, dev = false) {
  const chosen: CommandId[] = [];
  const template = buildMenuTemplate({ platform, dev, appName: 'Trunkdesk', onCommand: (c) => chosen.push(c) });
  return { template, items: flatten(template), chosen };
}

const PLATFORMS: NodeJS.Platform[] = ['darwin', 'linux', 'win32'];

describe('application menu template', () => {
  for (const platform of PLATFORMS) {
    for (const dev of [false, true]) {
      it(`${platform}${dev ? ' (dev)' : ''}: every command once, and no accelerator twice`, () => {
        const { items, chosen } = build(platform, dev);
        const commandItems = items.filter((i) => i.id && (COMMAND_IDS as string[]).includes(i.id));
        expect(commandItems.map((i) => i.id).sort()).toEqual([...COMMAND_IDS].sort());
        for (const c of COMMANDS) {
          const item = commandItems.find((i) => i.id === c.id)!;
          expect(item.label).toBe(c.label);
          expect(item.accelerator).toBe(c.accelerator);
          // A click sends that command, and only it.
          item.click!({} as never, undefined, {} as never);
          expect(chosen.at(-1)).toBe(c.id);
        }
        // CmdOrCtrl is Cmd on a Mac and Ctrl elsewhere: compare what each platform would press.
        const key = (a: string) => a.replace(/CmdOrCtrl/g, platform === 'darwin' ? 'Cmd' : 'Ctrl').split('+').sort().join('+').toLowerCase();
        const accelerators = items.map((i) => i.accelerator).filter((a): a is string => typeof a === 'string').map(key);
        expect(accelerators.length).toBeGreaterThan(COMMANDS.length);
        expect(new Set(accelerators).size).toBe(accelerators.length);
      });
    }
  }

  it('Switch to profile 1–9: CmdOrCtrl+1 … CmdOrCtrl+9, in a Profiles menu', () => {
    const { template } = build('linux');
    const profiles = template.find((m) => m.label === '&Profiles')!;
    const sub = profiles.submenu as Item[];
    expect(sub.map((i) => i.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `profile${n}`));
    expect(sub.map((i) => i.accelerator)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `CmdOrCtrl+${n}`));
  });

  it('Profile 1–9 are named after the profiles, in their order; a slot without one keeps its plain name', () => {
    const template = buildMenuTemplate({ platform: 'linux', dev: false, appName: 'Trunkdesk', profileNames: ['Northwind', 'Blue Fjord'], onCommand: () => undefined });
    const sub = template.find((m) => m.label === '&Profiles')!.submenu as Item[];
    expect(sub.slice(0, 3).map((i) => i.label)).toEqual(['Profile 1: Northwind', 'Profile 2: Blue Fjord', 'Profile 3']);
  });

  it('macOS: the app menu first, with Settings and Quit; the menu owns the accelerators', () => {
    const { template, items } = build('darwin');
    expect(template[0]!.label).toBe('Trunkdesk');
    const app = (template[0]!.submenu as Item[]).map((i) => i.role ?? i.id ?? i.type);
    expect(app).toContain('about');
    expect(app).toContain('settings');
    expect(app).toContain('hide');
    expect(app).toContain('quit');
    const file = template.find((m) => m.label === '&File')!.submenu as Item[];
    expect(file.some((i) => i.id === 'settings' || i.role === 'quit')).toBe(false);
    expect(menuOwnsAccelerators('darwin')).toBe(true);
    // Key equivalents are the menu's on a Mac: nothing asks not to register them.
    expect(items.filter((i) => i.registerAccelerator === false)).toEqual([]);
  });

  for (const platform of ['linux', 'win32'] as const) {
    it(`${platform}: no app menu, Settings and Quit in File, our accelerators shown but left to the page`, () => {
      const { template, items } = build(platform);
      expect(template.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', '&Profiles', 'windowMenu', 'help']);
      const file = template[0]!.submenu as Item[];
      expect(file.some((i) => i.id === 'settings')).toBe(true);
      expect(file.some((i) => i.role === 'quit')).toBe(true);
      expect(menuOwnsAccelerators(platform)).toBe(false);
      for (const c of COMMANDS) expect(items.find((i) => i.id === c.id)!.registerAccelerator).toBe(c.accelerator ? false : undefined);
      // The standard roles keep their native accelerators.
      for (const role of ['cut', 'copy', 'paste', 'selectAll']) expect(items.find((i) => i.role === role)!.registerAccelerator).toBeUndefined();
    });
  }

  it('Help: Copy Diagnostics and Open Logs Folder on every platform (no shortcut: they are rare), About after them off a Mac', () => {
    for (const platform of PLATFORMS) {
      const help = build(platform).template.find((m) => m.role === 'help')!.submenu as Item[];
      expect(help.slice(0, 2).map((i) => [i.id, i.label, i.accelerator])).toEqual([
        ['copyDiagnostics', 'Copy Diagnostics', undefined],
        ['openLogsFolder', 'Open Logs Folder', undefined],
      ]);
      expect(help.some((i) => i.role === 'about')).toBe(platform !== 'darwin');
    }
  });

  it('Edit has cut, copy, paste and select all everywhere (text fields on macOS need them); View reloads only in dev', () => {
    for (const platform of PLATFORMS) {
      const roles = build(platform).items.map((i) => i.role);
      for (const r of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'windowMenu', 'help']) expect(roles).toContain(r);
      expect(roles).not.toContain('reload');
      expect(roles).not.toContain('forceReload');
      expect(roles).not.toContain('toggleDevTools');
      const dev = build(platform, true).items.map((i) => i.role);
      expect(dev).toContain('forceReload');
      expect(dev).toContain('toggleDevTools');
    }
  });
});
