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

/** The in-memory data. The arrays are mutated in place (also by reset), so a held reference stays live. */
export interface SimState {
  partners: PartnerRecord[];
  customers: CustomerRecord[];
  credentials: CredentialRecord[];
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
  queue?: FaultRule[];
}
