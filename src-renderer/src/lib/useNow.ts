// One shared clock for "5 min ago" labels: a single interval however many labels are mounted,
// running only while one is. Ages are shown to the minute, so a tick every 15 s is plenty.
import { useSyncExternalStore } from 'react';

const TICK_MS = 15_000;
let now = Date.now();
let timer: number | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now(); // the clock may have been idle: React reads the snapshot again after subscribing
    timer = window.setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      window.clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time in ms, updated every few seconds while the component is mounted. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
