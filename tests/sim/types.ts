// Shapes shared by the simulator modules. Records are camelCase (test-facing); the route modules
// render them into the snake_case wire shapes documented in shared/api/vobiz.md.

export interface PartnerRecord {
  id: string; // UUID, `/me.id`
  accountId: number; // `/me.account_id`
  authId: string; // PA_…
  token: string; // partner X-Auth-Token
  name: string;
  slug: string;
  company: string;
  email: string; // also the /login e-mail
  password: string; // /login password (never rendered)
  phone: string;
  billingModel: string;
  isActive: boolean;
  isVerified: boolean;
  maxAccounts: number;
  canCreateAccounts: boolean;
  canCreatePricingTiers: boolean;
  canViewCdrs: boolean;
  canTransferBalance: boolean;
  defaultPricingTierId: string;
  /** Customers counted against maxAccounts. Kept by the sim (seed, addCustomer, POST /accounts); tests may set it. */
  accountCount: number;
  balance: string; // 5 decimals, e.g. "23906.83000"
  currency: string;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerRecord {
  id: string; // numeric string
  authId: string; // MA_…
  apiId: string;
  authToken: string; // the customer's own X-Auth-Token (auth_token on the wire)
  password: string; // console password given at creation (never rendered)
  partnerAuthId: string; // owner
  name: string;
  email: string;
  phone: string;
  company: string;
  description: string | null;
  country: string; // ISO-2
  city: string;
  state: string;
  address: string;
  zipCode: string;
  timezone: string;
  accountType: string; // "business" | "individual"
  businessType: string | null;
  gstin: string | null;
  gstStatus: string | null;
  tdsEnabled: boolean;
  tdsPercentage: string;
  billingMode: string; // "prepaid" | "postpaid"
  postpaid: boolean;
  autoRecharge: boolean;
  cashCredits: string; // 5 decimals
  cpsLimit: number;
  concurrentCallsLimit: number;
  baseCpsLimit: number;
  baseConcurrentCallsLimit: number;
  purchasedCps: number;
  purchasedConcurrentCalls: number;
  isActive: boolean; // false → its /Account/* calls get 403 ACCOUNT_INACTIVE
  isVerified: boolean;
  isTrialAccount: boolean;
  enabled: boolean;
  kycStatus: string;
  referralCode: string;
  pricingTierId: string | null;
  createdAt: string;
  updatedAt: string;
  lastLogin: string | null;
  /** When true, GET /accounts and GET /accounts/{id} answer `"auth_token":"<redacted>"` (vobiz.md §7.15). */
  tokenRedacted: boolean;
}

export interface CredentialRecord {
  id: string; // UUID
  accountId: string; // owning customer's MA_ auth id
  username: string;
  password: string; // kept so tests can assert a rotation happened; never rendered
  enabled: boolean;
  description: string | null; // accepted by PUT, not rendered (the current object has no such field)
  /** When true, DELETE answers 409 "Credential is in use by active calls". */
  inUse: boolean;
  createdAt: string; // ISO with microseconds
  updatedAt: string;
}

// ---- VoIPBIN (shared/api/voipbin_vocobase.md §1) ------------------------------------------------

export type VoipbinCustomerStatus = 'initial' | 'active' | 'frozen' | 'deleted' | 'expired';

export interface VoipbinCustomerRecord {
  id: string; // UUID
  name: string;
  detail: string;
  email: string;
  phoneNumber: string;
  address: string;
  webhookMethod: string;
  webhookUri: string;
  webhookSecret: string; // GET /customer only
  billingAccountId: string;
  emailVerified: boolean;
  status: VoipbinCustomerStatus; // 'frozen' → every request 403 ACCOUNT_FROZEN
  identityVerificationStatus: 'none' | 'pending' | 'verified' | 'rejected';
  /** Plan limit on extensions (inferred: POST /extensions over it → 402 RESOURCE_LIMIT_EXCEEDED). */
  maxExtensions: number;
  tmDeletionScheduled: string | null;
  tmCreate: string; // RFC3339 with microseconds
  tmUpdate: string | null;
  tmDelete: string | null;
}

export interface VoipbinAddress {
  type: string;
  target: string;
  target_name: string;
  name: string;
  detail: string;
}

/** Permission bits: 16 plain agent, 32 CustomerAdmin, 64 CustomerManager. */
export const VOIPBIN_PERMISSION = { agent: 16, admin: 32, manager: 64 } as const;

export interface VoipbinAgentRecord {
  id: string;
  customerId: string;
  username: string; // the /auth/login username
  password: string; // /auth/login password (never rendered)
  name: string;
  detail: string;
  ringMethod: string;
  status: string;
  permission: number;
  tagIds: string[];
  addresses: VoipbinAddress[];
  directHash: string;
  tmCreate: string;
  tmUpdate: string | null;
  tmDelete: string | null;
}

export interface VoipbinExtensionRecord {
  id: string;
  customerId: string;
  name: string;
  detail: string;
  extension: string; // also the SIP username
  password: string; // SIP digest password, rendered in clear (as the real API does)
  directHash: string;
  tmCreate: string; // distinct per customer: it is the page cursor
  tmUpdate: string | null;
  tmDelete: string | null;
}

export interface VoipbinTrunkRecord {
  id: string;
  customerId: string;
  name: string;
  detail: string;
  domainName: string; // globally unique
  authTypes: string[]; // 'basic' | 'ip'
  username: string;
  password: string;
  allowedIps: string[];
  tmCreate: string;
  tmUpdate: string | null;
  tmDelete: string | null;
}

export interface VoipbinAccesskeyRecord {
  id: string;
  customerId: string;
  name: string;
  detail: string;
  tokenHash: string; // SHA-256 hex of the full vb_… token; the token itself is not kept
  tokenPrefix: string; // "vb_" + 8 chars
  tmExpire: string | null;
  tmCreate: string;
  tmUpdate: string | null;
  tmDelete: string | null;
}

export interface VoipbinState {
  customers: VoipbinCustomerRecord[];
  agents: VoipbinAgentRecord[];
  extensions: VoipbinExtensionRecord[];
  trunks: VoipbinTrunkRecord[];
  accesskeys: VoipbinAccesskeyRecord[];
}

// ---- Vocobase (shared/api/voipbin_vocobase.md §2) -----------------------------------------------

export const VOCOBASE_PROVIDERS = ['twilio', 'exotel', 'plivo', 'vobiz', 'tata_smartflo', 'sip', 'voicelink', 'mcube'] as const;
export type VocobaseProvider = (typeof VOCOBASE_PROVIDERS)[number];

export interface VocobasePartnerRecord {
  id: string;
  name: string;
  displayName: string;
  status: 'ACTIVE' | 'SUSPENDED'; // SUSPENDED → every request 403 FORBIDDEN
  keyHash: string; // SHA-256 hex of the rg_live_… key; the key itself is not kept
  keyPrefix: string; // "rg_live_" + 4 chars, for logs and stats
  agentLimit: number;
  currentAgentCount: number;
  allowedVoices: string[];
  allowedLanguages: string[];
  allowedTelephonyProviders: string[];
  concurrencyLimit: number;
  createdAt: string;
}

export interface VocobasePhoneNumber {
  id: string;
  phoneNumber: string;
  friendlyName: string | null;
  status: 'ACTIVE' | 'INACTIVE';
  isDefault: boolean;
}

export interface VocobaseConnectionRecord {
  id: string; // also connection_id
  partnerId: string;
  provider: VocobaseProvider;
  name: string;
  status: 'ACTIVE' | 'INACTIVE';
  isDefault: boolean;
  phoneNumbers: VocobasePhoneNumber[];
  sipHost: string | null;
  outboundUsername: string | null;
  /** SHA-256 hex of outbound_password; never rendered. */
  outboundPasswordHash: string | null;
  sourceIps: string[];
  transport: 'UDP' | 'TCP' | 'TLS' | null;
  /** Other provider secrets (auth_token, api_key, …), hashed; never rendered. */
  secretHashes: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

export interface VocobaseCallRecord {
  callId: string;
  partnerId: string;
  agentId: string;
  sessionId: string;
  direction: 'outbound' | 'inbound';
  fromNumber: string;
  toNumber: string;
  status: 'pending' | 'ringing' | 'in_progress' | 'completed' | 'failed' | 'no_answer' | 'busy' | 'canceled';
  provider: string;
  durationSeconds: number | null;
  errorMessage: string | null;
  startedAt: string | null;
  endedAt: string | null;
  createdAt: string;
}

export interface VocobaseState {
  partners: VocobasePartnerRecord[];
  connections: VocobaseConnectionRecord[];
  calls: VocobaseCallRecord[];
}

/** The in-memory data. The arrays are mutated in place (also by reset), so a held reference stays live. */
export interface SimState {
  partners: PartnerRecord[];
  customers: CustomerRecord[];
  credentials: CredentialRecord[];
  voipbin: VoipbinState;
  vocobase: VocobaseState;
}

export type FaultKind = 'status' | 'reset' | 'truncate' | 'drift' | 'hang' | 'html' | 'echo' | 'trickle' | 'huge';

export interface FaultRule {
  /** Substring of the request path (incl. query), or "METHOD /path-prefix". Absent: any request. */
  match?: string;
  kind: FaultKind;
  status?: number;
  retryAfter?: number;
  body?: unknown;
  /** How many matching requests this rule hits. Default 1; -1 = every matching request. */
  times?: number;
  /** drift only: 'types' (default) = extras + wrong types/renames; 'extras' = additive changes only. */
  variant?: 'types' | 'extras';
  /**
   * status/reset/hang/html only: run the real handler first (so a write takes effect), then answer
   * with the fault. Models the "5xx on create is an unknown outcome" case.
   */
  afterHandler?: boolean;
  /** trickle: ms between bytes (default 5000). */
  intervalMs?: number;
  /** trickle: bytes in all (default 100); huge: body size (default 25 MiB). */
  bytes?: number;
}

export interface FaultConfig {
  latencyMs?: number;
  jwtTtlSeconds?: number; // default 3600
  pathCasing?: 'both' | 'upper-only' | 'lower-only'; // default 'both'
  objectsNullWhenEmpty?: boolean; // default true
  metaTotalCount?: boolean; // default false
  putRequiresPassword?: boolean; // default false
  allowPunctuationInUsernames?: boolean; // default false
  /** Largest credential page served (vobiz.md §7.6: undocumented). Default 100; null = no cap. */
  pageSizeCap?: number | null;
  /** VoIPBIN: lifetime of JWTs issued by /voipbin/auth/login from now on. Default 604800 (7 days); 0 = already expired. */
  voipbinJwtTtlSeconds?: number;
  /** VoIPBIN per-customer token bucket. Default { perSecond: 16.7, burst: 33 }; null = no limit. */
  voipbinRateLimit?: { perSecond: number; burst: number } | null;
  /** Vocobase fixed window per API key, in ms. Default 60000. */
  vocobaseWindowMs?: number;
  /** Vocobase requests per window: general (default 60) and /calls/* (default 10). */
  vocobaseLimits?: { general?: number; calls?: number };
  /** Vocobase 429s carry no Retry-After (undocumented) unless this is set: a number of seconds, or true = seconds left in the window. */
  vocobaseRetryAfter?: number | boolean;
  /** Vocobase 429 error.code. Default 'LIMIT_REACHED' (seed 002's table); e.g. 'RATE_LIMITED' to try another. */
  vocobaseRateLimitCode?: string;
  queue?: FaultRule[];
}
