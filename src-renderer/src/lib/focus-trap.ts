import type { KeyboardEvent } from 'react';

/**
 * A modal dialog's focus trap: Tab from its last control goes to its first, Shift+Tab from its
 * first to its last, so the keyboard never leaves the dialog for the page behind it. `selector`
 * names the dialog's controls.
 */
export function trapTab(e: KeyboardEvent<HTMLElement>, dialog: HTMLElement | null, selector: string): void {
  if (e.key !== 'Tab') return;
  const focusables = [...(dialog?.querySelectorAll<HTMLElement>(selector) ?? [])];
  const first = focusables[0];
  const last = focusables.at(-1);
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
