// The app's keyboard shortcuts, on the window so they work wherever focus is in the app:
//   every command of src-preload/commands.ts at its accelerator (Ctrl+… here, Cmd+… on a Mac),
//   run through lib/commands.ts, the same place the application menu's 'menu' event goes;
//   "/" when not typing: Find SIP user (the search across customers), like Ctrl/Cmd+Shift+F;
//   Escape: close the innermost open form, confirmation or dialog (useEscapeCloses), and when
//   nothing is open, cancel the active profile's running sync.
// In Electron on macOS the application menu owns the commands' key equivalents (src-main/menu.ts
// explains why), so there this handler leaves them to the menu, which sends the 'menu' event:
// acting here as well would run each command twice. Everywhere else (Linux, Windows, the Chromium
// test harness) the menu only shows them and the keydown comes here.
// A key a component already handled (defaultPrevented, e.g. Escape closing the search results) is
// left alone. The listbox and tabs use arrows, Home, End, Enter and Space on their own elements.
import { useEffect } from 'react';
import { COMMAND_LIST, type CommandId } from '../../../src-preload/commands';
import { useProfiles } from '../store/profiles';
import { useSync } from '../store/sync';
import { runCommand } from './commands';
import { closeInnermost } from './useEscapeCloses';

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
/** Electron's own window (not the test harness's Chromium) on a Mac: its menu takes the key equivalents. */
const MENU_OWNS_KEYS = IS_MAC && typeof navigator !== 'undefined' && /\bElectron\//.test(navigator.userAgent);

/** Where Escape means "close this" rather than "cancel the sync", for things not registered with useEscapeCloses. */
const DIALOG = 'dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"], .confirm';

type Chord = { command: CommandId; mod: boolean; shift: boolean; alt: boolean; key: string };

/** 'CmdOrCtrl+Shift+N' → the keydown that means it. */
function parse(command: CommandId, accelerator: string): Chord {
  const parts = accelerator.split('+');
  const key = parts.at(-1)!.toLowerCase();
  return { command, key, mod: parts.includes('CmdOrCtrl'), shift: parts.includes('Shift'), alt: parts.includes('Alt') };
}

const CHORDS = COMMAND_LIST.flatMap((c) => (c.accelerator ? [parse(c.id, c.accelerator)] : []));

function commandOf(e: KeyboardEvent): CommandId | null {
  const mod = IS_MAC ? e.metaKey : e.ctrlKey;
  const other = IS_MAC ? e.ctrlKey : e.metaKey;
  if (!mod || other) return null;
  const key = e.key.toLowerCase();
  return CHORDS.find((c) => c.key === key && c.shift === e.shiftKey && c.alt === e.altKey)?.command ?? null;
}

/** A field whose own keys "/" would type into. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

/** Escape inside these has a meaning of its own: a select closes, a search field clears. */
function ownsEscape(target: EventTarget | null): boolean {
  return target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === 'search' && target.value !== '');
}

function inApp(target: EventTarget | null): boolean {
  return target === document.body || (target instanceof Node && !!document.getElementById('root')?.contains(target));
}

export function useAppShortcuts(): void {
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || e.isComposing || !inApp(e.target)) return;
      const k = e.key;
      const command = MENU_OWNS_KEYS ? null : commandOf(e);
      if (command) {
        e.preventDefault();
        runCommand(command);
      } else if (k === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target)) {
        e.preventDefault();
        runCommand('findSipUser');
      } else if (k === 'Escape' && !e.ctrlKey && !e.metaKey && !e.altKey && !ownsEscape(e.target)) {
        if (closeInnermost()) e.preventDefault();
        else if (!document.querySelector(DIALOG)) {
          const activeId = useProfiles.getState().activeId;
          if (activeId && useSync.getState().cancel(activeId)) e.preventDefault();
        }
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
