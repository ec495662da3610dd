import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * How far a scroll box's content must be trimmed to fit its width: 0 when it fits whole, up to
 * `levels` (the caller decides what each level leaves out; the credential table first drops its
 * Created column, then shows its row actions as icons only). Measured, not guessed from the
 * window's width: usernames, names and dates vary in length (and the date format may change), so
 * only the laid-out content knows whether it fits.
 *
 * A level is left again only once the box is as wide as the content was when it overflowed there,
 * so it does not flip back and forth; `resetKey` (new rows, new columns) measures afresh from 0.
 */
export function useFitLevel(box: RefObject<HTMLElement | null>, content: RefObject<HTMLElement | null>, levels: number, resetKey: unknown): number {
  const [level, setLevel] = useState(0);
  /** needed[l]: the width the content needed at level l when it overflowed there. */
  const needed = useRef<number[]>([]);
  const last = useRef(resetKey);

  useLayoutEffect(() => {
    const b = box.current;
    const c = content.current;
    if (!b || !c) return;
    if (last.current !== resetKey) {
      last.current = resetKey;
      needed.current = [];
      if (level > 0) {
        setLevel(0); // laid out whole again, then measured by the next run (before any paint)
        return;
      }
    }
    const check = () => {
      if (level < levels && b.scrollWidth > b.clientWidth + 1) {
        needed.current[level] = b.scrollWidth;
        setLevel(level + 1);
      } else if (level > 0 && b.clientWidth >= (needed.current[level - 1] ?? Infinity)) setLevel(level - 1);
    };
    check();
    const ro = new ResizeObserver(check);
    ro.observe(b);
    ro.observe(c);
    return () => ro.disconnect();
  }, [box, content, levels, level, resetKey]);

  return level;
}
