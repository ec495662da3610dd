// The app's commands: one list that the application menu (src-main/menu.ts), the renderer's
// keyboard handler (src-renderer/src/lib/useAppShortcuts.ts) and the 'menu' event of the contract
// all read, so a label or an accelerator is defined once and the menu and the keys cannot drift.
// Plain data, no Electron and no zod: it is imported by main, by the renderer and by unit tests.

export type CommandGroup = 'file' | 'view' | 'profile' | 'help';

export interface AppCommand {
  readonly id: string;
  /** The menu item's label (an ellipsis says it opens something that asks for more). */
  readonly label: string;
  /** Electron's accelerator syntax: CmdOrCtrl is Cmd on macOS and Ctrl elsewhere. Help's rare commands have none. */
  readonly accelerator?: string;
  /** Which menu it sits in (macOS puts Settings in the app menu instead, see menu.ts). */
  readonly group: CommandGroup;
}

const PROFILE_SLOTS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export const COMMANDS = [
  { id: 'newCredential', label: 'New Credential', accelerator: 'CmdOrCtrl+N', group: 'file' },
  { id: 'addProfile', label: 'Add Profile…', accelerator: 'CmdOrCtrl+Shift+N', group: 'file' },
  { id: 'sync', label: 'Sync', accelerator: 'CmdOrCtrl+S', group: 'file' },
  { id: 'syncAll', label: 'Sync All', accelerator: 'CmdOrCtrl+Shift+S', group: 'file' },
  { id: 'settings', label: 'Profile Settings…', accelerator: 'CmdOrCtrl+,', group: 'file' },
  { id: 'refresh', label: 'Refresh', accelerator: 'CmdOrCtrl+R', group: 'view' },
  { id: 'find', label: 'Find', accelerator: 'CmdOrCtrl+F', group: 'view' },
  { id: 'findSipUser', label: 'Find SIP User', accelerator: 'CmdOrCtrl+Shift+F', group: 'view' },
  { id: 'quickSwitcher', label: 'Quick Switcher…', accelerator: 'CmdOrCtrl+K', group: 'view' },
  ...PROFILE_SLOTS.map((n) => ({ id: `profile${n}` as const, label: `Profile ${n}`, accelerator: `CmdOrCtrl+${n}`, group: 'profile' as const })),
  { id: 'copyDiagnostics', label: 'Copy Diagnostics', group: 'help' },
  { id: 'openLogsFolder', label: 'Open Logs Folder', group: 'help' },
] as const satisfies readonly AppCommand[];



export type CommandId = (typeof COMMANDS)[number]['id'];

/** The same commands, typed as one shape (Help's have no accelerator). */
export const COMMAND_LIST: ReadonlyArray<AppCommand & { readonly id: CommandId }> = COMMANDS;

export const COMMAND_IDS = COMMANDS.map((c) => c.id) as [CommandId, ...CommandId[]];

/** profile1…profile9 → 0…8, the index in the sidebar's list of profiles; null for other commands. */
export function profileSlot(id: CommandId): number | null {
  const m = /^profile([1-9])$/.exec(id);
  return m ? Number(m[1]) - 1 : null;
}
