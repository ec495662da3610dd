// The one cancellable wait main uses (HTTP backoff, rate limiters): resolves after `ms`, or
// rejects at once with a TIMEOUT AppError when `signal` aborts (also when it already had).
import { AppError } from './errors';

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const cancelled = (): AppError => new AppError('TIMEOUT', 'The request was cancelled.', { retryable: true });
