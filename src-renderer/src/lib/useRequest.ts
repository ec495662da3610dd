// One request behind a button (reveal, copy, delete, remove): busy while it runs, so its buttons
// are disabled, and main's error kept for the notice until the next try.
import { useState } from 'react';
import type { ErrorDTO, Result } from '../../../src-preload/contract';

export function useRequest() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorDTO | null>(null);

  async function run<T>(request: () => Promise<Result<T>>, onOk: (value: T) => void): Promise<void> {
    setBusy(true);
    setFailure(null);
    const result = await request();
    setBusy(false);
    if (result.ok) onOk(result.value);
    else setFailure(result.error);
  }

  return { busy, failure, run };
}
