// The last errors of this run, for "Copy diagnostics" (diagnostics.ts): a small ring buffer fed
// where a provider call fails (net/provider-failure.ts, from each provider's transport) and where
// a channel's handler fails (services.ts), so support can match an admin's report to the
// provider's own records by its request id.
//
// What an entry holds is chosen so the report can be pasted into an email: the error code, the
// HTTP status, the provider's request id, which provider and a fixed description of the call
// ("GET the customer list", or the channel's name). Never the message (it may quote a customer's
// name or a server's words), a URL (paths carry account ids), a username or a secret.
import type { ErrorCode, ProviderName as Provider } from '../../src-preload/contract';
import { isAppError } from './errors';

export interface JournalEntry {
  at: string;
  code: ErrorCode;
  provider?: Provider;
  status?: number;
  requestId?: string;
  /** A fixed phrase of the app's own: "GET the customer list", or the IPC channel's name. */
  operation: string;
}

export const JOURNAL_SIZE = 20;

/** A request id as providers make them (letters, digits and a few separators); anything else is not kept. */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/;

export const safeRequestId = (id: string | undefined): string | undefined => (id !== undefined && REQUEST_ID.test(id) ? id : undefined);

export class ErrorJournal {
  private readonly entries: JournalEntry[] = [];
  /** Errors already recorded: a provider failure is recorded where it happens, not again by its channel. */
  private readonly seen = new WeakSet<object>();

  constructor(private readonly size = JOURNAL_SIZE, private readonly now: () => Date = () => new Date()) {}

  /** Records a failure once; false when this very error was recorded already. */
  record(error: unknown, what: { operation: string; provider?: Provider; status?: number; requestId?: string }): boolean {
    if (error && typeof error === 'object') {
      if (this.seen.has(error)) return false;
      this.seen.add(error);
    }
    const entry: JournalEntry = { at: this.now().toISOString(), code: isAppError(error) ? error.code : 'INTERNAL', operation: what.operation };
    if (what.provider) entry.provider = what.provider;
    const status = what.status ?? (isAppError(error) ? error.status : undefined);
    if (status !== undefined) entry.status = status;
    const requestId = safeRequestId(what.requestId);
    if (requestId) entry.requestId = requestId;
    this.entries.push(entry);
    if (this.entries.length > this.size) this.entries.splice(0, this.entries.length - this.size);
    return true;
  }

  /** Oldest first. */
  list(): JournalEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }
}
