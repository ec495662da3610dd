// The app's keyboard shortcuts, on the window so they work wherever focus is in the app:
//   Ctrl+K / Cmd+K, or "/" when not typing: focus "Find SIP user" (the search across customers).
//   Escape: cancel the active profile's running sync.
// Nothing else in the renderer binds these keys (the listbox and tabs use arrows, Home, End,
// Enter and Space on their own elements). A key a component already handled (defaultPrevented,
// e.g. Escape closing the search results) is left alone.
import { createRef, useEffect } from 'react';
import { useProfiles } from '../store/profiles';
import { useSync } from '../store/sync';

/** The input of the search across customers (in MainHeader); there is one at most. */
export const globalSearchInput = createRef<HTMLInputElement>();

/**
 * Where Escape means "close this" rather than "cancel the sync": modal dialogs, and the inline
 * confirm steps (delete, remove profile), which stand in for dialogs here.
 */
const DIALOG = 'dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"], .confirm';

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

export function focusGlobalSearch(): boolean {
  const input = globalSearchInput.current;
  if (!input) return false;
  input.focus();
  input.select();
  return true;
}

export function useAppShortcuts(): void {
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || e.isComposing || !inApp(e.target)) return;
      const k = e.key;
      if ((k === 'k' || k === 'K') && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
        if (focusGlobalSearch()) e.preventDefault();
      } else if (k === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target)) {
        if (focusGlobalSearch()) e.preventDefault();
      } else if (k === 'Escape' && !e.ctrlKey && !e.metaKey && !e.altKey && !ownsEscape(e.target) && !document.querySelector(DIALOG)) {
        const activeId = useProfiles.getState().activeId;
        if (activeId && useSync.getState().cancel(activeId)) e.preventDefault();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
