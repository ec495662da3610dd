// The one model every provider is spoken through (design.md §5): profile → accounts → SIP
// credentials. A provider folder (providers/vobiz/, later voipbin/ and vocobase/) implements these
// shapes; the credential service, the store and the sync engine know only them, never a field
// name of a provider's API.
import type { CredentialKind, PartnerDTO, ProviderCapsDTO, ProviderName } from '../../src-preload/contract';
import type { HttpClient } from '../net/http';

/** A SIP credential as the app keeps it, whatever the provider calls its fields. */
export interface SipCredential {
  /** Unique within the account across kinds (a provider with several kinds prefixes its ids). */
  id: string;
  kind: CredentialKind;
  username: string;
  /** The provider's label (VoIPBIN extension or trunk name, Vocobase connection name). */
  name: string | null;
  realm: string | null;
  enabled: boolean;
  createdAt: string | null;
  updatedAt: string | null;
  /**
   * A password the provider returned in clear (VoIPBIN). It lives in main only: sealed in the
   * local store, never in a DTO; revealed or copied only on an explicit request.
   */
  secret?: string | null;
  /** Provider fields the settings panel and full-replace updates need (VoIPBIN detail, domain, IPs). */
  extra?: Record<string, string | string[] | null>;
}

/** A new credential of any kind; the provider says, per field, what its kind is missing. */
export interface NewCredential {
  kind: CredentialKind;
  username: string;
  password: string;
  name?: string | undefined;
  detail?: string | undefined;
  domainName?: string | undefined;
  allowedIps?: string[] | undefined;
  sipHost?: string | undefined;
  didNumber?: string | undefined;
  transport?: 'UDP' | 'TCP' | 'TLS' | undefined;
}

export interface CredentialPatch {
  enabled?: boolean | undefined;
  password?: string | undefined;
  name?: string | undefined;
  detail?: string | undefined;
}

export interface CredentialPage {
  items: SipCredential[];
  /** How many credentials the account has in all. */
  total: number;
  /** The page size the provider actually used (it may cap what was asked for). */
  limit: number;
}

/**
 * One account's credential API, authenticated for that account. A provider pages one of two
 * ways: by offset (`listCredentials`, with a total, so pages can go in parallel) or by cursor
 * (`listAllCredentials`, each page naming the next, as VoIPBIN does).
 */
/** How a page is read. */
export interface PageRead {
  signal?: AbortSignal;
  /** Called once the answer is in, before it is parsed (see HttpRequest.onReceived). */
  onReceived?: () => void;
  /**
   * The caller retries pushback itself (the sync engine, which paces every page of a profile
   * together): the HTTP client must then send once. Two retry layers multiplied: a server that kept
   * answering 429 with Retry-After 1 took 30 s or more to be reported instead of 8.
   */
  callerRetries?: boolean;
}

export interface AccountApi {
  readonly paging: 'offset' | 'cursor';
  /** offset paging. */
  listCredentials(limit: number, offset: number, read?: PageRead): Promise<CredentialPage>;
  /** cursor paging: every credential of every kind; `onPage` after each page with its size. */
  listAllCredentials?(signal: AbortSignal | undefined, onPage: (items: number) => void): Promise<SipCredential[]>;
  createCredential(c: NewCredential): Promise<SipCredential>;
  /** `current`: the stored credential, for providers whose update is a full replace (VoIPBIN). */
  updateCredential(id: string, patch: CredentialPatch, label: string, current?: SipCredential): Promise<SipCredential>;
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

/**
 * How a profile signs in to its provider: a Vobiz partner token or session JWT; a VoIPBIN login
 * (the provider signs in itself and again before the JWT's `expire`, through `SessionCache`) or
 * access key; a Vocobase API key.
 */
export type PartnerCredentials =
  | { kind: 'token'; authId: string; token: string }
  | { kind: 'session'; accessToken: string }
  | { kind: 'login'; username: string; password: string; session: SessionCache }
  | { kind: 'accesskey'; key: string }
  | { kind: 'apikey'; key: string };

/** A provider-held sign-in (VoIPBIN's JWT), kept in main's memory per profile, never on disk. */
export interface SessionCache {
  get(): { token: string; expiresAt: number } | undefined;
  set(token: string, expiresAt: number): void;
  clear(): void;
}

/** Per-profile settings a provider reads (VoIPBIN: the registrar base of realms). */
export interface ProfileSettings {
  realmBase: string | null;
}

/** The partner's own account, with its capability flags. */
export type PartnerProfile = Omit<PartnerDTO, 'profileId' | 'fetchedAt' | 'source'>;

/**
 * The partner-only parts of a profile (billing, customer counts, partner capabilities) that a
 * provider whose profile is one account of its own (VoIPBIN, Vocobase) has none of.
 */
export const NO_PARTNER_FIELDS = {
  accountId: null,
  slug: null,
  company: null,
  billingModel: null,
  maxAccounts: null,
  accountCount: null,
  balance: null,
  currency: null,
  defaultPricingTierId: null,
  capabilities: { canCreateAccounts: false, canCreatePricingTiers: false, canViewCdrs: false, canTransferBalance: false },
} as const satisfies Partial<PartnerProfile>;

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
  readonly id: ProviderName;
  /** How the admin knows it: "Vobiz", "VoIPBIN", "Vocobase" (used in every message). */
  readonly name: string;
  readonly fetchLimits: FetchLimits;
  readonly caps: ProviderCapsDTO;
  /**
   * `account-token`: each account has its own token (Vobiz customers). `profile`: the account is
   * the profile's own and is reached with the profile's credentials (VoIPBIN, Vocobase).
   */
  readonly accountAuth: 'account-token' | 'profile';
  /** A provider whose realms hang off a base domain the admin may change per profile (VoIPBIN): its default. */
  readonly defaultRealmBase?: string;
  partner(http: HttpClient, baseUrl: string, credentials: PartnerCredentials, settings: ProfileSettings): PartnerApi;
  /** Vobiz session sign-in only. */
  login?(http: HttpClient, baseUrl: string, email: string, password: string): Promise<{ accessToken: string; expiresInSeconds: number }>;
  account(http: HttpClient, baseUrl: string, account: { id: string; credentials: PartnerCredentials }, memo: ProviderMemo, settings: ProfileSettings): AccountApi;
  /** What a phone or PBX needs for a credential, label → value; never a password. */
  settingsFor(c: SipCredential, settings: ProfileSettings): Array<{ label: string; value: string }>;
}

/** One account to sync, as the sync engine is handed it. */
export interface SyncJob {
  accountId: string;
  name: string;
}
