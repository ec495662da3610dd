// Escape closes the innermost open thing: a form, a confirmation, the quick switcher. Each one
// registers while it is open; the app's one keydown handler (useAppShortcuts) asks closeInnermost
// first, and only when nothing is open does Escape cancel the running sync. Innermost: of the
// open ones, the one no other open one sits inside; between unrelated ones, the last opened.
// After closing, focus goes back to the control that had it when the thing opened (if it is still
// on the page and usable), else to `fallback`, else wherever the close itself put it.
import { useEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import { canTakeFocus } from './focus';

type Entry = {
  close(): void;
  element(): Element | null;
  opener: Element | null;
  fallback?: (() => HTMLElement | null) | undefined;
};

const open: Entry[] = [];

/**
 * Close the innermost registered thing, if any. Returns whether it did. A native modal <dialog>
 * (the credential settings drawer) handles its own Escape, so nothing here closes under it.
 */
export function closeInnermost(): boolean {
  if (document.querySelector('dialog[open]')) return false;
  let pick: Entry | undefined = open.at(-1);
  if (!pick) return false;
  for (const e of open) {
    const outer = pick.element();
    const inner = e.element();
    if (e !== pick && outer && inner && outer !== inner && outer.contains(inner)) pick = e;
  }
  closeGivingFocusBack(pick.close, pick.opener, pick.fallback);
  return true;
}

/**
 * Close, re-render now, then give focus back in the same task: the closed thing took the focused
 * element with it, so waiting a frame would leave focus on <body> for that frame (a screen reader
 * announces the page; a key pressed then goes nowhere). After the re-render a disabled opener,
 * e.g. "+ New credential", is usable again. Escape comes here; so does a dialog's own Close.
 */
export function closeGivingFocusBack(close: () => void, opener: Element | null, fallback?: () => HTMLElement | null): void {
  flushSync(close);
  if (canTakeFocus(opener)) return opener.focus();
  const target = fallback?.();
  if (target) return target.focus();
  // A fallback that a later frame brings up (a view the close switches to).
  if (fallback) requestAnimationFrame(() => fallback()?.focus());
}

/**
 * While `onClose` is given (null: closed, or busy and not to be interrupted), Escape calls it.
 * `ref` is the open thing's element, to tell which is inside which. Returns that close with focus
 * given back, for the thing's own Close button.
 */
export function useEscapeCloses(
  onClose: (() => void) | null,
  ref?: { current: Element | null },
  fallback?: () => HTMLElement | null,
): () => void {
  const active = onClose !== null;
  // The control that had focus when this opened: read on the render that opens it, before any
  // effect (the form's own autofocus) has moved focus.
  const opener = useRef<Element | null>(null);
  const wasActive = useRef(false);
  if (active && !wasActive.current) opener.current = typeof document === 'undefined' ? null : document.activeElement;
  wasActive.current = active;
  const latest = useRef(onClose);
  latest.current = onClose;
  const fallbackRef = useRef(fallback);
  fallbackRef.current = fallback;

  useEffect(() => {
    if (!active) return;
    const entry: Entry = {
      close: () => latest.current?.(),
      element: () => ref?.current ?? null,
      opener: opener.current,
      fallback: () => fallbackRef.current?.() ?? null,
    };
    open.push(entry);
    return () => {
      const i = open.indexOf(entry);
      if (i >= 0) open.splice(i, 1);
    };
  }, [active, ref]);

  // The same close for the thing's own Close button (or a click outside it), focus given back.
  return () => {
    if (latest.current) closeGivingFocusBack(latest.current, opener.current, fallbackRef.current);
  };
}
