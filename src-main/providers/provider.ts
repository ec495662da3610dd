// The one model every provider is spoken through (design.md §5): profile → accounts → SIP
// credentials. A provider folder (providers/vobiz/, later voipbin/ and vocobase/) implements these
// shapes; the credential service, the store and the sync engine know only them, never a field
// name of a provider's API.
import type { PartnerDTO } from '../../src-preload/contract';
import type { HttpClient } from '../net/http';

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
  /** `onReceived`: called once the answer is in, before it is parsed (see HttpRequest.onReceived). */
  listCredentials(limit: number, offset: number, signal?: AbortSignal, onReceived?: () => void): Promise<CredentialPage>;
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

// ----- the partner side -------------------------------------------------------------------------

/** How a profile signs in to its provider: an API token, or a signed-in session's bearer token. */
export type PartnerCredentials = { kind: 'token'; authId: string; token: string } | { kind: 'session'; accessToken: string };

/** The partner's own account, with its capability flags. */
export type PartnerProfile = Omit<PartnerDTO, 'profileId' | 'fetchedAt' | 'source'>;

/** A customer account under the partner (a provider without sub-accounts has one: the profile's own). */
export interface Account {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  country: string | null;
  isActive: boolean;
  balance: string | null;
  createdAt: string | null;
  /** The account's own API token when the provider hands it over; it goes to the vault or nowhere. */
  token: string | null;
}

export interface NewAccount {
  name: string;
  email: string;
  password: string;
  country: string;
  phone: string;
  company?: string | undefined;
}

export interface PartnerApi {
  me(signal?: AbortSignal): Promise<PartnerProfile>;
  listAccounts(q: { page: number; perPage: number; search: string }, signal?: AbortSignal): Promise<{ rows: Account[]; total: number }>;
  getAccount(accountId: string, signal?: AbortSignal): Promise<Account>;
  /** Never retried by the provider: a 5xx is an unknown outcome that the caller checks. */
  createAccount(a: NewAccount): Promise<Account>;
}

/** A provider-chosen hint kept per profile (Vobiz: which path casing its server answers). */
export interface ProviderMemo {
  get(): string | undefined;
  set(value: string): void;
}

/** One provider: everything the rest of main may ask of it. */
export interface Provider {
  readonly name: string;
  readonly fetchLimits: FetchLimits;
  partner(http: HttpClient, baseUrl: string, credentials: PartnerCredentials): PartnerApi;
  login(http: HttpClient, baseUrl: string, email: string, password: string): Promise<{ accessToken: string; expiresInSeconds: number }>;
  account(http: HttpClient, baseUrl: string, account: { id: string; token: string }, memo: ProviderMemo): AccountApi;
}

/** One account to sync, as the sync engine is handed it. */
export interface SyncJob {
  accountId: string;
  name: string;
}
