// How long an action has been waiting on main, in the three steps the app shows: nothing for the
// first 300 ms (most answers come sooner, and a spinner that flashes is noise), then a spinner,
// then from 2 s how long it has taken (or its progress, where it reports one). The one clock
// behind every busy button.
import { useEffect, useState } from 'react';

export const SPINNER_AFTER_MS = 300;
export const PROGRESS_AFTER_MS = 2000;

/** `quiet`: waiting, not shown yet; `spinner`: past 300 ms; `long`: past 2 s. */
export type BusyPhase = 'idle' | 'quiet' | 'spinner' | 'long';

export function useBusyPhase(busy: boolean): { phase: BusyPhase; elapsedMs: number } {
  const [elapsedMs, setElapsed] = useState(0);
  useEffect(() => {
    setElapsed(0);
    if (!busy) return;
    const start = performance.now();
    const tick = () => setElapsed(performance.now() - start);
    const spinner = window.setTimeout(tick, SPINNER_AFTER_MS);
    let every: number | undefined;
    const long = window.setTimeout(() => {
      tick();
      every = window.setInterval(tick, 1000);
    }, PROGRESS_AFTER_MS);
    return () => {
      window.clearTimeout(spinner);
      window.clearTimeout(long);
      window.clearInterval(every);
    };
  }, [busy]);
  const phase: BusyPhase = !busy ? 'idle' : elapsedMs >= PROGRESS_AFTER_MS ? 'long' : elapsedMs >= SPINNER_AFTER_MS ? 'spinner' : 'quiet';
  return { phase, elapsedMs };
}
