// Moving focus on purpose to something that is about to be rendered: a view that a store change
// brings up mounts on a later frame, so look for it for a few frames (then give up quietly).
import { createRef } from 'react';

/** Focus what `find` returns as soon as it is on the page (up to ~30 frames). */
export function focusWhenShown(find: () => HTMLElement | null | undefined, frames = 30): void {
  const attempt = (left: number) => {
    const el = find();
    if (el?.isConnected) {
      el.focus();
      if (el instanceof HTMLInputElement) el.select();
      return;
    }
    if (left > 0) requestAnimationFrame(() => attempt(left - 1));
  };
  requestAnimationFrame(() => attempt(frames));
}

export const bySelector = (selector: string) => () => document.querySelector<HTMLElement>(selector);

/** Something focus can be given back to: on the page, not the body, not disabled. */
export function canTakeFocus(el: Element | null): el is HTMLElement {
  return el instanceof HTMLElement && el.isConnected && el !== document.body && !(el as HTMLButtonElement).disabled;
}

/** The input of the search across customers (Find SIP user, in MainHeader); there is one at most. */
export const globalSearchInput = createRef<HTMLInputElement>();

export function focusGlobalSearch(): boolean {
  const input = globalSearchInput.current;
  if (!input) return false;
  input.focus();
  input.select();
  return true;
}
