// The application menu as a pure template over the shared command list (src-preload/commands.ts).
// No Electron call here (only its types), so tests/unit/menu.test.ts checks the layout under Node;
// index.ts hands the template to Menu.buildFromTemplate.
//
// Who acts on an accelerator, so a command never runs twice:
// - Linux and Windows: our commands' items carry `registerAccelerator: false`. The menu shows the
//   shortcut, but the keydown goes on to the page, where the renderer runs the command itself
//   (src-renderer/src/lib/useAppShortcuts.ts). The Chromium test harness has no menu at all, so
//   this is also what makes the harness and the real app behave alike.
// - macOS: Electron ignores `registerAccelerator` there and the menu takes its key equivalents
//   (Cmd+N, Cmd+K…), so the menu is the one that acts: its click sends the 'menu' event, and the
//   renderer does not act on those keys on a Mac (useAppShortcuts checks the platform). Keys the
//   menu does not carry ("/", Escape) stay the renderer's everywhere.
// Standard roles (Edit's cut, copy, paste; zoom; full screen) keep their native accelerators on
// every platform: they act on the focused web contents and have no renderer twin.
import type { MenuItemConstructorOptions } from 'electron';
import { COMMAND_LIST, profileSlot, type CommandGroup, type CommandId } from '../src-preload/commands';

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Development build: adds reload and the developer tools to View. */
  dev: boolean;
  appName: string;
  /** The profiles' display names in the sidebar's order: Profile 1–9 are named after them. */
  profileNames?: readonly string[];
  /** A command item was chosen (by click, or by its accelerator where the menu owns it). */
  onCommand(command: CommandId): void;
}

/** Whether the menu itself handles our commands' accelerators on this platform (see above). */
export const menuOwnsAccelerators = (platform: NodeJS.Platform): boolean => platform === 'darwin';

type Item = MenuItemConstructorOptions;
const separator: Item = { type: 'separator' };

export function buildMenuTemplate(o: MenuOptions): Item[] {
  const mac = o.platform === 'darwin';
  const command = (id: CommandId): Item => {
    const c = COMMAND_LIST.find((x) => x.id === id)!;
    const slot = profileSlot(id);
    const profile = slot === null ? undefined : o.profileNames?.[slot];
    return {
      id,
      // "Profile 2: Blue Fjord"; a slot with no profile stays in the menu (its shortcut says so when used).
      label: profile ? `${c.label}: ${profile}` : c.label,
      ...(c.accelerator ? { accelerator: c.accelerator, ...(menuOwnsAccelerators(o.platform) ? {} : { registerAccelerator: false }) } : {}),
      click: () => o.onCommand(id),
    };
  };
  const inGroup = (g: CommandGroup) => COMMAND_LIST.filter((c) => c.group === g).map((c) => command(c.id));

  const appMenu: Item = {
    label: o.appName,
    submenu: [
      { role: 'about' },
      separator,
      command('settings'),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide', accelerator: 'Cmd+H' },
      { role: 'hideOthers', accelerator: 'Cmd+Alt+H' },
      { role: 'unhide' },
      separator,
      { role: 'quit', accelerator: 'Cmd+Q' },
    ],
  };

  const file: Item = {
    label: '&File',
    submenu: [
      command('newCredential'),
      command('addProfile'),
      separator,
      command('sync'),
      command('syncAll'),
      // On a Mac, Settings lives in the app menu and Quit there too.
      ...(mac ? [separator, { role: 'close', accelerator: 'Cmd+W' } as Item] : [separator, command('settings'), separator, { role: 'quit', accelerator: 'Ctrl+Q' } as Item]),
    ],
  };

  const edit: Item = {
    label: '&Edit',
    submenu: [
      { role: 'undo', accelerator: 'CmdOrCtrl+Z' },
      { role: 'redo', accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y' },
      separator,
      { role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', accelerator: 'CmdOrCtrl+V' },
      ...(mac ? [{ role: 'pasteAndMatchStyle', accelerator: 'Shift+Alt+Cmd+V' } as Item] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
    ],
  };

  const view: Item = {
    label: '&View',
    submenu: [
      ...inGroup('view'),
      separator,
      // Reloading the window drops what is on screen (an open form, a generated password's panel):
      // a developer's tool only. Refresh above reloads the data instead.
      ...(o.dev
        ? [
            { role: 'forceReload', accelerator: 'CmdOrCtrl+Shift+R' } as Item,
            { role: 'toggleDevTools', accelerator: mac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I' } as Item,
            separator,
          ]
        : []),
      { role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
      { role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      separator,
      { role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
    ],
  };

  const profiles: Item = { label: '&Profiles', submenu: inGroup('profile') };

  const window: Item = {
    role: 'windowMenu',
    submenu: mac
      ? [{ role: 'minimize', accelerator: 'Cmd+M' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize', accelerator: 'Ctrl+M' }, { role: 'close', accelerator: 'Ctrl+W' }],
  };

  // macOS gives Help its search field; About is in the app menu there.
  const help: Item = { role: 'help', submenu: [...inGroup('help'), ...(mac ? [] : [separator, { role: 'about', label: `About ${o.appName}` } as Item])] };

  return [...(mac ? [appMenu] : []), file, edit, view, profiles, window, help];
}
