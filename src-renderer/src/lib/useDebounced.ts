import { useEffect, useRef } from 'react';

/**
 * Calls `apply(value)` once `value` has stayed the same for `ms` and differs from what was last
 * applied (initially: the first value). Typing and deleting back to where it was applies nothing.
 * `ms <= 0` applies every change at once (for searches over local data, where waiting buys nothing).
 */
export function useDebouncedEffect<T>(value: T, ms: number, apply: (value: T) => void): void {
  const applied = useRef(value);
  const latestApply = useRef(apply);
  useEffect(() => {
    latestApply.current = apply;
  });
  useEffect(() => {
    if (Object.is(value, applied.current)) return;
    if (ms <= 0) {
      applied.current = value;
      latestApply.current(value);
      return;
    }
    const timer = window.setTimeout(() => {
      applied.current = value;
      latestApply.current(value);
    }, ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
}
