// What the partner, customers and credentials slices share: entries kept per key (a profile id, or
// profile + customer), and numbered requests, so that only the latest one for a key writes its entry.

type Change<E> = Partial<E> | ((entry: E) => Partial<E>);

/** `map` with the entry at `key` updated by `change` (a missing entry starts out as `empty`). */
export function patchEntry<E extends object>(map: Record<string, E>, key: string, empty: E, change: Change<E>): Record<string, E> {
  const current = map[key] ?? empty;
  const next = typeof change === 'function' ? change(current) : change;
  return { ...map, [key]: { ...current, ...next } };
}

/** `map` without the entry at `key`. */
export function withoutEntry<E>(map: Record<string, E>, key: string): Record<string, E> {
  const { [key]: _gone, ...rest } = map;
  return rest;
}

/** Numbers the requests for each key; an answer may land only if its request is still the latest. */
export function latestRequests() {
  let counter = 0;
  const latest = new Map<string, number>();
  return {
    /** Start a request for `key` (superseding any before it); returns whether it is still the latest. */
    start(key: string): () => boolean {
      const seq = ++counter;
      latest.set(key, seq);
      return () => latest.get(key) === seq;
    },
    forget(test: (key: string) => boolean): void {
      for (const k of latest.keys()) if (test(k)) latest.delete(k);
    },
  };
}
