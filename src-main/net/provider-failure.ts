// One provider call that failed, said once: a log line (method, path with its query values
// redacted, status, the provider's request id, the error code; never a body) and an entry in the
// error journal (for "Copy diagnostics"). Each provider's transport runs its calls through
// `reporting`, so every failure of every provider is reported the same way, wherever it came
// from: an error answer, an answer that did not parse, or the network.
import type { ProviderName } from '../../src-preload/contract';
import { safeRequestId, type ErrorJournal } from './error-journal';
import { isAppError } from './errors';
import type { HttpResponse, Method } from './http';
import { log } from './redact';

export interface ProviderCall {
  provider: ProviderName;
  method: Method;
  url: string;
  /** The app's fixed words for what was asked ("the customer list"). */
  what: string;
  signal?: AbortSignal | undefined;
}

/** Tells the reporter what the provider answered (the last answer counts), with the request id its error body named. */
export type Answered = (res: HttpResponse, bodyRequestId?: string) => void;

export async function reporting<T>(journal: ErrorJournal, call: ProviderCall, run: (answered: Answered) => Promise<T>): Promise<T> {
  let last: { status: number; requestId: string | undefined } | undefined;
  try {
    return await run((res, bodyRequestId) => {
      last = { status: res.status, requestId: bodyRequestId ?? res.headers['x-request-id'] };
    });
  } catch (e) {
    // A cancelled call (a profile switch, the admin's Cancel) is not a failure.
    if (!call.signal?.aborted) report(journal, call, e, last);
    throw e;
  }
}

function report(journal: ErrorJournal, call: ProviderCall, e: unknown, last: { status: number; requestId: string | undefined } | undefined): void {
  try {
    const status = (isAppError(e) ? e.status : undefined) ?? (last && last.status >= 300 ? last.status : undefined);
    const requestId = safeRequestId(last?.requestId);
    journal.record(e, { operation: `${call.method} ${call.what}`, provider: call.provider, ...(status !== undefined ? { status } : {}), ...(requestId ? { requestId } : {}) });
    const code = isAppError(e) ? e.code : 'INTERNAL';
    log.warn(`${call.provider} request failed: ${call.method} ${redactedPath(call.url)} status=${status ?? '-'} request=${requestId ?? '-'} code=${code}`);
  } catch {
    // Reporting never replaces the caller's error.
  }
}

/** The URL's path, with every query value replaced (an access key travels in the query; so do ids). */
export function redactedPath(url: string): string {
  try {
    const u = new URL(url);
    const query = [...u.searchParams.keys()].map((k) => `${encodeURIComponent(k)}=[redacted]`).join('&');
    return `${u.pathname}${query ? `?${query}` : ''}`;
  } catch {
    return '(unparsable URL)';
  }
}
