// The one model every provider is spoken through (design.md §5): profile → accounts → SIP
// credentials. A provider folder (providers/vobiz/, later voipbin/ and vocobase/) implements these
// shapes; the credential service, the store and the sync engine know only them, never a field
// name of a provider's API.

/** A SIP credential as the app keeps it, whatever the provider calls its fields. */
export interface SipCredential {
  id: string;
  username: string;
  realm: string | null;
  enabled: boolean;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface CredentialPage {
  items: SipCredential[];
  /** How many credentials the account has in all. */
  total: number;
  /** The page size the provider actually used (it may cap what was asked for). */
  limit: number;
}

/** One account's credential API, authenticated for that account. */
export interface AccountApi {
  listCredentials(limit: number, offset: number, signal?: AbortSignal): Promise<CredentialPage>;
  createCredential(username: string, password: string): Promise<SipCredential>;
  updateCredential(id: string, patch: { enabled?: boolean; password?: string }, label: string): Promise<SipCredential>;
  deleteCredential(id: string, label: string): Promise<void>;
}

/** What the sync engine needs to know about fetching from a provider. */
export interface FetchLimits {
  /** The page size to ask for first; the provider's answer says what it really allows. */
  probePageSize: number;
  /** Concurrent requests to start with, and never more than. */
  startConcurrency: number;
  maxConcurrency: number;
}
