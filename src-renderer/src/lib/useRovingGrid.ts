import { useCallback, useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

/**
 * Keyboard focus for a data grid (the WAI-ARIA grid pattern, with a roving tabindex).
 *
 * A table of a hundred rows with five buttons each would be five hundred Tab stops; as a grid it
 * is one. Exactly one item in the grid has tabIndex 0 (the "active" one), every other item -1, so
 * Tab enters the grid on the item last focused (the first row's first item at first) and the next
 * Tab leaves it. Inside, the arrow keys move: Up/Down a row (keeping the column), Left/Right an
 * item within the row, Home/End the row's first/last item, Ctrl+Home/End the grid's first/last
 * row, PageUp/PageDown a screenful of rows. Enter and Space keep their native meaning on a button
 * or checkbox (Enter also toggles a checkbox); Space on a plain cell toggles the row's checkbox.
 *
 * The grid finds its items in the DOM, so the rows need no props for it: each row element has
 * `data-grid-row={n}` (0 for the header row, then 1, 2, … in order), and a row's items are its
 * enabled buttons, inputs, selects and links, and each cell with no control (`th`/`td`, focused
 * itself, to read it). Anything else in the grid (a panel opened under a row) keeps its own Tab
 * stops and the grid's keys leave it alone.
 *
 * Virtual lists render only some rows. Moving to a row not in the DOM calls `bringIntoDom(row)`
 * (e.g. the virtualizer's scrollToIndex) and focuses the row once it is rendered; the caller
 * keeps `activeRow` rendered (e.g. through the virtualizer's rangeExtractor) so the one Tab stop
 * is never unmounted, even when the admin scrolls far away with the mouse.
 */
export type RovingGrid = {
  onKeyDown(e: KeyboardEvent<HTMLElement>): void;
  onFocus(e: FocusEvent<HTMLElement>): void;
  /** The row holding the Tab stop (0 = header): keep it rendered. */
  activeRow: RefObject<number>;
};

type Options = {
  container: RefObject<HTMLElement | null>;
  /** Rows in the grid, the header row included. */
  rowCount: number;
  /** Render a row that is not in the DOM (scroll a virtual list to it). */
  bringIntoDom(row: number): void;
  /** How many rows PageUp/PageDown move. */
  pageRows(): number;
  /** When this changes (a new page, a new sort), the Tab stop goes back to the first row. */
  resetKey?: unknown;
};

/** Where the Tab stop is: a row, and an item in it by position and by column (for Up/Down). */
type Spot = { row: number; item: number; column: string | null };

const CONTROL = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href]';

/** A row's items in order: its controls, and its cells that hold none. */
function itemsOf(row: Element): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const cell of row.querySelectorAll<HTMLElement>(':scope > th, :scope > td')) {
    const controls = [...cell.querySelectorAll<HTMLElement>(CONTROL)];
    if (controls.length > 0) out.push(...controls);
    else out.push(cell);
  }
  return out;
}

/** An item's column, the same on every row: its cell's index and its place among the cell's controls. */
function columnOf(item: HTMLElement): string | null {
  const cell = item.closest('th, td');
  if (!cell || !(cell.parentElement instanceof HTMLElement)) return null;
  const cellIndex = [...cell.parentElement.children].indexOf(cell);
  const sub = cell === item ? 0 : [...cell.querySelectorAll(CONTROL)].indexOf(item);
  return `${cellIndex}:${sub}`;
}

const rowNumber = (row: Element | null): number | null => {
  const n = row?.getAttribute('data-grid-row');
  return n == null ? null : Number(n);
};

export function useRovingGrid({ container, rowCount, bringIntoDom, pageRows, resetKey }: Options): RovingGrid {
  const spot = useRef<Spot>({ row: 1, item: 0, column: null });
  const activeRow = useRef(1);
  /** A move to a row that was not rendered yet: focus it once it is. */
  const pending = useRef<Spot | null>(null);

  const rowEl = useCallback((row: number) => container.current?.querySelector<HTMLElement>(`[data-grid-row="${row}"]`) ?? null, [container]);

  /** The item a spot names in a rendered row: by column first (Up/Down), else by position. */
  const resolve = useCallback((row: HTMLElement, s: Spot): HTMLElement | null => {
    const items = itemsOf(row);
    if (items.length === 0) return null;
    if (s.column) {
      const same = items.find((i) => columnOf(i) === s.column);
      if (same) return same;
    }
    return items[Math.max(0, Math.min(s.item, items.length - 1))]!;
  }, []);

  const setSpot = (s: Spot) => {
    spot.current = s;
    activeRow.current = s.row;
  };

  /** Exactly one Tab stop: the active item gets 0, every other item in the grid -1. */
  const syncTabStops = useCallback(() => {
    const root = container.current;
    if (!root) return;
    let row = rowEl(spot.current.row);
    // The active row is gone (the page shrank): the first row takes the stop.
    if (!row) row = rowEl(Math.min(spot.current.row, rowCount - 1)) ?? rowEl(1) ?? rowEl(0);
    const active = row ? resolve(row, spot.current) : null;
    for (const r of root.querySelectorAll<HTMLElement>('[data-grid-row]'))
      for (const item of itemsOf(r)) {
        // Set as an attribute even where it is the default (a button's 0): explicit for every item.
        const want = item === active ? '0' : '-1';
        if (item.getAttribute('tabindex') !== want) item.setAttribute('tabindex', want);
      }
  }, [container, rowEl, resolve, rowCount]);

  const focusSpot = useCallback(
    (s: Spot): boolean => {
      const row = rowEl(s.row);
      const item = row && resolve(row, s);
      if (!item) return false;
      const items = itemsOf(row);
      setSpot({ row: s.row, item: items.indexOf(item), column: columnOf(item) });
      syncTabStops();
      item.focus();
      return true;
    },
    [rowEl, resolve, syncTabStops],
  );

  // A new page or sort: the stop goes back to the first row, unless focus is in the grid (a sort
  // button in the header was pressed), where it stays with focus.
  useLayoutEffect(() => {
    pending.current = null;
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const row = focused && container.current?.contains(focused) ? focused.closest<HTMLElement>('[data-grid-row]') : null;
    const n = rowNumber(row);
    const index = row ? itemsOf(row).indexOf(focused!) : -1;
    setSpot(row && n !== null && index >= 0 ? { row: n, item: index, column: columnOf(focused!) } : { row: 1, item: 0, column: null });
  }, [resetKey, container]);

  // After every render (rows mount and unmount as the list scrolls): keep the one Tab stop, and
  // finish a move whose row has just been rendered.
  useLayoutEffect(() => {
    syncTabStops();
    const p = pending.current;
    if (p && rowEl(p.row)) {
      pending.current = null;
      focusSpot(p);
    }
  });

  const moveTo = (s: Spot) => {
    const target = { ...s, row: Math.max(0, Math.min(rowCount - 1, s.row)) };
    if (focusSpot(target)) return;
    setSpot(target);
    pending.current = target;
    bringIntoDom(target.row);
    // The virtual list renders it on its next frame or two; the layout effect above focuses it.
    let tries = 0;
    const retry = () => {
      if (pending.current !== target) return;
      if (rowEl(target.row)) {
        pending.current = null;
        focusSpot(target);
      } else if (++tries < 20) requestAnimationFrame(retry);
    };
    requestAnimationFrame(retry);
  };

  const onFocus = (e: FocusEvent<HTMLElement>) => {
    const target = e.target as HTMLElement;
    const row = target.closest<HTMLElement>('[data-grid-row]');
    const n = rowNumber(row);
    if (!row || n === null) return;
    const items = itemsOf(row);
    const index = items.indexOf(target);
    if (index < 0) return;
    setSpot({ row: n, item: index, column: columnOf(target) });
    syncTabStops();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const target = e.target as HTMLElement;
    const row = target.closest<HTMLElement>('[data-grid-row]');
    const here = rowNumber(row);
    if (!row || here === null || e.altKey || e.metaKey) return;
    const items = itemsOf(row);
    const index = items.indexOf(target);
    if (index < 0) return;
    // Keys pressed faster than a far row renders go on from where the last move was headed.
    const headed = pending.current;
    const n = headed ? headed.row : here;
    const column = headed ? headed.column : columnOf(target);
    const ctrl = e.ctrlKey;
    const isCheckbox = target instanceof HTMLInputElement && target.type === 'checkbox';
    const isControl = target.matches(CONTROL);
    let to: Spot | null = null;
    switch (e.key) {
      case 'ArrowDown':
        to = { row: n + 1, item: index, column };
        break;
      case 'ArrowUp':
        to = { row: n - 1, item: index, column };
        break;
      case 'ArrowRight':
        to = { row: n, item: Math.min(items.length - 1, index + 1), column: null };
        break;
      case 'ArrowLeft':
        to = { row: n, item: Math.max(0, index - 1), column: null };
        break;
      case 'Home':
        to = ctrl ? { row: 0, item: 0, column: null } : { row: n, item: 0, column: null };
        break;
      case 'End':
        to = ctrl ? { row: rowCount - 1, item: Number.MAX_SAFE_INTEGER, column: null } : { row: n, item: items.length - 1, column: null };
        break;
      case 'PageDown':
        to = { row: n + Math.max(1, pageRows()), item: index, column };
        break;
      case 'PageUp':
        to = { row: Math.max(n === 0 ? 0 : 1, n - Math.max(1, pageRows())), item: index, column };
        break;
      case 'Enter':
        // A checkbox does nothing on Enter by itself; in a grid, Enter activates what has focus.
        if (isCheckbox) {
          e.preventDefault();
          target.click();
        }
        return;
      case ' ':
        // Space on a plain cell selects the row (a button or checkbox handles Space itself).
        if (!isControl) {
          const box = row.querySelector<HTMLInputElement>('input[type="checkbox"]:not(:disabled)');
          e.preventDefault();
          box?.click();
        }
        return;
      default:
        return;
    }
    e.preventDefault();
    moveTo(to);
  };

  return { onKeyDown, onFocus, activeRow };
}
