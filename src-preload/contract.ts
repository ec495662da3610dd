// The bridge contract: for every channel, the zod schema of what the renderer may send and of
// what main may answer. Main parses both directions (ipc/router.ts); the renderer gets its types
// from here. DTOs are strict objects with no token field, so a token cannot ride along in an
// answer even by accident: output parsing would reject the unknown key.
import { z } from 'zod';
import type { Channel } from './channels';
import { COMMAND_IDS } from './commands';

// ---------------------------------------------------------------------------------------------
// Errors
export const ERROR_CODES = [
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'VALIDATION',
  'RATE_LIMITED',
  'UPSTREAM',
  'OFFLINE',
  'TIMEOUT',
  'KEYCHAIN_UNAVAILABLE',
  'INTERNAL',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorDTO = z.strictObject({
  code: ErrorCode,
  /** What happened, in words an admin understands. Never contains a secret. */
  message: z.string(),
  /** What to do about it. */
  hint: z.string().optional(),
  retryable: z.boolean(),
  /** The upstream HTTP status, where there was one. */
  status: z.number().int().optional(),
  /** Which input field was wrong, for VALIDATION errors raised before anything was sent. */
  field: z.string().optional(),
  /** Another way in the renderer can offer: `use-api-token` = the provider refused a signed-in session. */
  remedy: z.enum(['use-api-token']).optional(),
});
export type ErrorRemedy = NonNullable<z.infer<typeof ErrorDTO>['remedy']>;
export type ErrorDTO = z.infer<typeof ErrorDTO>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorDTO };

// ---------------------------------------------------------------------------------------------
// Shared field rules (used by main to validate and by the renderer to show hints early)
export const PROVIDERS = ['vobiz', 'voipbin', 'vocobase'] as const;
export const Provider = z.enum(PROVIDERS);
export type ProviderName = z.infer<typeof Provider>;
/** How each provider is named to the admin (badges, the profile form). */
export const PROVIDER_LABELS: Record<ProviderName, string> = { vobiz: 'Vobiz', voipbin: 'VoIPBIN', vocobase: 'Vocobase' };

export const VOBIZ_DEFAULT_BASE_URL = 'https://api.vobiz.ai/api/v1/partner';
/** VoIPBIN's origin: sign-in is at /auth/login, the API under /v1.0 (api/voipbin_vocobase.md §1.1). */
export const VOIPBIN_DEFAULT_BASE_URL = 'https://api.voipbin.net';
/** The registrar base a VoIPBIN extension's realm is built on: {customer_id}.{base} (§1.7, configurable). */
export const VOIPBIN_DEFAULT_REALM_BASE = 'registrar.voipbin.net';
export const VOCOBASE_DEFAULT_BASE_URL = 'https://api.vocobase.com/api/v2';
export const DEFAULT_BASE_URLS: Record<ProviderName, string> = { vobiz: VOBIZ_DEFAULT_BASE_URL, voipbin: VOIPBIN_DEFAULT_BASE_URL, vocobase: VOCOBASE_DEFAULT_BASE_URL };

export const ProfileId = z.string().regex(/^p_[a-z0-9]{10,32}$/, 'Not a profile id.');

/**
 * Control characters (which include the ESC of ANSI sequences and the C1 range) and the bidi
 * overrides that reorder what is shown: a name with them can hide or fake text in the UI, in
 * logs and in a terminal. Everything else, every script and emoji, is welcome.
 */
const UNSAFE_TEXT = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
export const isPlainText = (s: string): boolean => !UNSAFE_TEXT.test(s);
const PLAIN_TEXT_RULE = 'Use ordinary characters only: no control characters, escape sequences or direction overrides.';

export const DisplayName = z
  .string()
  .trim()
  .min(1, 'Give the profile a name.')
  .max(80, 'Keep the name under 80 characters.')
  .refine(isPlainText, PLAIN_TEXT_RULE);
/** A customer's MA_ ID is the likeliest wrong paste here: it gets its own words. */
export const PartnerAuthId = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    if (/^PA_[A-Za-z0-9]{4,64}$/.test(v)) return;
    ctx.addIssue({
      code: 'custom',
      message: /^MA_/i.test(v)
        ? 'MA_… is a customer’s auth ID. A profile needs the partner’s own PA_… auth ID and partner API token; its customers are then reached through it.'
        : 'A partner auth ID starts with PA_ followed by letters and digits.',
    });
  });
/** A token travels as an HTTP header value, so it must be visible ASCII (0x21–0x7E). */
export const ApiToken = z
  .string()
  .min(8, 'That token is too short to be a Vobiz API token.')
  .max(512, 'That token is too long.')
  .refine((t) => !/\s/.test(t), 'A token has no spaces or line breaks; check what was pasted.')
  .refine(
    (t) => /^[\x21-\x7E]*$/.test(t),
    'A token uses only letters, digits and ASCII punctuation: no accented letters, symbols or invisible characters. Check what was pasted.',
  );
export const BaseUrl = z
  .string()
  .trim()
  .url('Enter a full URL such as https://api.vobiz.ai/api/v1/partner.')
  .refine(isSafeBaseUrl, 'The base URL must use https:// (plain http is only allowed for this computer, e.g. a local simulator).');

/** Tokens travel in headers, so only https is acceptable, except to a server on this machine. */
export function isSafeBaseUrl(u: string): boolean {
  let url: URL;
  try {
    url = new URL(u);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

export const Email = z.string().trim().email('Enter a valid email address.').max(254);
export const LoginPassword = z.string().min(1, 'Enter your password.').max(256);
/**
 * An account id as its provider spells it (Vobiz `MA_…`, a VoIPBIN customer UUID, a Vocobase
 * partner name): letters, digits, `_` and `-` only, so it is safe in a URL path and a file name.
 */
export const CustomerAuthId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/, 'Not an account id.');
/** A VoIPBIN access key, sent only as the `accesskey` query parameter (§1.1). */
export const VoipbinAccessKey = z
  .string()
  .trim()
  .regex(/^vb_[A-Za-z0-9]{8,128}$/, 'A VoIPBIN access key starts with vb_ followed by letters and digits.');
/** A Vocobase API key; the format is checked before any request (§2.1). */
export const VocobaseApiKey = z
  .string()
  .trim()
  .regex(/^rg_live_[A-Za-z0-9]{16,128}$/, 'A Vocobase API key starts with rg_live_ followed by letters and digits.');
export const RealmBase = z
  .string()
  .trim()
  .regex(/^(?=.{3,200}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, 'Enter a domain such as registrar.voipbin.net.');

/** ISO 3166-1 alpha-2, checked against the runtime's region names (Node and Chromium ship ICU). */
export function isIsoCountry(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  try {
    return new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code) !== undefined;
  } catch {
    return true;
  }
}

export const NewCustomerFields = {
  name: z
    .string()
    .trim()
    .min(1, 'Enter the customer name.')
    .max(100, 'Keep the name under 100 characters.')
    .refine(isPlainText, PLAIN_TEXT_RULE),
  email: Email,
  password: z
    .string()
    .min(8, 'The password needs at least 8 characters.')
    .max(128)
    .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), 'The password needs at least one letter and one digit.'),
  country: z
    .string()
    .trim()
    .transform((c) => c.toUpperCase())
    .refine(isIsoCountry, 'Use a two-letter ISO country code, e.g. IN, US or GB.'),
  phone: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{6,14}$/, 'Use international E.164 format: + and country code, digits only, e.g. +919876543210.'),
  company: z
    .string()
    .trim()
    .max(100)
    .refine(isPlainText, PLAIN_TEXT_RULE)
    .optional(),
};

/**
 * SIP credential rules (api/vobiz.md §4).
 * Usernames: letters, digits, `_` and `-`, immutable. The docs disagree on `_` and `-` (the API
 * page says they "can be rejected with a 400", the Console and Vobiz's own examples use them:
 * `sipuser_demo`, `office_phone_03`), so they are allowed with a caution and Vobiz's own 400 has
 * the last word.
 * Passwords: 8–20 characters from A–Z a–z 0–9 and ~!@#$%^&*()_+, with at least one of those
 * specials, one letter and one digit.
 */
export const SIP_PASSWORD_SPECIALS = '~!@#$%^&*()_+';
export const SipUsername = z
  .string()
  .trim()
  .min(1, 'Enter a username.')
  .max(64, 'Keep the username to 64 characters or fewer.')
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, underscores (_) and dashes (-) only: no spaces or other punctuation.');
/** A username Vobiz may refuse: its docs disagree on `_` and `-` (vobiz.md §4). */
export const hasDisputedUsernameChars = (u: string): boolean => /[_-]/.test(u);
export const DISPUTED_USERNAME_CAUTION =
  'Vobiz’s docs disagree on whether usernames may contain _ or -: the API page says they can be refused, the Console and Vobiz’s own examples use them. If Vobiz refuses it, its answer is shown here.';
export const SipPassword = z
  .string()
  .min(8, 'The SIP password needs 8 to 20 characters.')
  .max(20, 'The SIP password needs 8 to 20 characters.')
  .regex(/^[A-Za-z0-9~!@#$%^&*()_+]+$/, `Use only letters, digits and ${SIP_PASSWORD_SPECIALS}.`)
  .refine((p) => /[~!@#$%^&*()_+]/.test(p), `Include at least one of ${SIP_PASSWORD_SPECIALS}.`)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), 'Include at least one letter and one digit.');

/** A generated password stays in main; the renderer holds only this handle to it. */
export const SecretId = z.string().regex(/^s_[a-f0-9]{16,64}$/);
/** A handle main gives for a file it exported (see credentials/exported-files.ts). */
export const ExportedFileId = z.string().regex(/^f_[a-f0-9]{16,64}$/);
/**
 * Any provider's typed password: visible ASCII, 1–128. Each provider then applies its own rules
 * (Vobiz: SipPassword) with a message on the field; the renderer shows those rules early.
 */
export const TypedPassword = z
  .string()
  .min(1, 'Enter a password.')
  .max(128, 'Keep the password to 128 characters or fewer.')
  .refine((p) => /^[\x21-\x7E]*$/.test(p), 'Use letters, digits and ASCII punctuation only: no spaces or accented letters.');
/** Any provider's username; each provider applies its own rules (Vobiz: SipUsername). */
export const CredentialUsername = z
  .string()
  .trim()
  .min(1, 'Enter a username.')
  .max(64, 'Keep the username to 64 characters or fewer.')
  .refine((u) => /^[\x21-\x7E]*$/.test(u), 'Use letters, digits and ASCII punctuation only.');
export const PasswordInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('typed'), value: TypedPassword }),
  z.strictObject({ kind: z.literal('generated'), secretId: SecretId }),
]);
export type PasswordInput = z.infer<typeof PasswordInput>;

// ---------------------------------------------------------------------------------------------
// DTOs
export const TokenState = z.enum(['stored', 'missing', 'unreadable']);
export type TokenState = z.infer<typeof TokenState>;

/**
 * `token`: a Vobiz partner token in the vault. `session`: Vobiz email + password sign-in (nothing
 * stored but the email). `login`: VoIPBIN username + password, sealed in the vault so main signs
 * in again before the JWT's `expire`. `accesskey`: a VoIPBIN `vb_` key. `apikey`: a Vocobase key.
 */
export const AuthMode = z.enum(['token', 'session', 'login', 'accesskey', 'apikey']);
export type AuthMode = z.infer<typeof AuthMode>;

export const StoreProblem = z.strictObject({
  message: z.string(),
  hint: z.string().optional(),
});

export const CREDENTIAL_KINDS = ['sip', 'extension', 'trunk', 'connection'] as const;
export const CredentialKind = z.enum(CREDENTIAL_KINDS);
export type CredentialKind = z.infer<typeof CredentialKind>;

/** What a provider lets the admin do with one kind of credential. */
export const CredentialKindCaps = z.strictObject({
  kind: CredentialKind,
  /** "SIP credential", "Extension", "Trunk", "SIP connection". */
  label: z.string(),
  create: z.boolean(),
  toggle: z.boolean(),
  changePassword: z.boolean(),
  rename: z.boolean(),
  delete: z.boolean(),
  /** The provider returns the password, kept sealed in main: it can be revealed or copied on request. */
  revealPassword: z.boolean(),
});
export type CredentialKindCaps = z.infer<typeof CredentialKindCaps>;

/** One model for every provider: profile → accounts → credentials. */
export const ProviderCapsDTO = z.strictObject({
  provider: Provider,
  label: z.string(),
  /** `many`: customers under the partner (Vobiz). `self`: one account, the profile's own. */
  accounts: z.enum(['many', 'self']),
  canCreateAccounts: z.boolean(),
  kinds: z.array(CredentialKindCaps),
});
export type ProviderCapsDTO = z.infer<typeof ProviderCapsDTO>;

export const ProfileDTO = z.strictObject({
  id: ProfileId,
  displayName: z.string(),
  provider: Provider,
  authId: z.string(),
  baseUrl: z.string(),
  createdAt: z.string(),
  /**
   * `token`: a partner API token kept in the vault. `session`: email + password sign-in; the
   * JWT lives in main's memory only and the password is never stored.
   */
  authMode: AuthMode,
  /** token mode: whether the vault holds a usable token. The token itself never crosses. */
  tokenState: TokenState,
  /** session mode: the sign-in email, and until when the current session is valid (null: signed out). */
  session: z.strictObject({ email: z.string(), signedInUntil: z.string().nullable() }).nullable(),
  /** The customer last selected under this profile, to reopen it. */
  lastCustomerAuthId: z.string().nullable(),
  /** Set when the stored profile breaks a rule (a plain-http base URL): nothing is sent for it. */
  attention: StoreProblem.nullable(),
  /** What this profile's provider offers (accounts, credential kinds, which writes). */
  caps: ProviderCapsDTO,
  /** VoIPBIN: the registrar base realms are built on (null for other providers). */
  realmBase: z.string().nullable(),
});
export type ProfileDTO = z.infer<typeof ProfileDTO>;


export const ProfileListDTO = z.strictObject({
  profiles: z.array(ProfileDTO),
  activeId: ProfileId.nullable(),
  /** Set when the profile file or the vault could not be read; what was there has been kept aside. */
  problem: StoreProblem.optional(),
});
export type ProfileListDTO = z.infer<typeof ProfileListDTO>;

/**
 * Where shown data comes from: `live` (fetched for this answer) or `stored` (the encrypted local
 * store, fetched at `fetchedAt`; what the app shows offline). Every list says which.
 */
export const DataSource = z.strictObject({ kind: z.enum(['live', 'stored']), fetchedAt: z.string() });
export type DataSource = z.infer<typeof DataSource>;

export const PartnerDTO = z.strictObject({
  profileId: ProfileId,
  id: z.string().nullable(),
  accountId: z.number().nullable(),
  name: z.string(),
  slug: z.string().nullable(),
  company: z.string().nullable(),
  authId: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  billingModel: z.string().nullable(),
  isActive: z.boolean(),
  isVerified: z.boolean(),
  maxAccounts: z.number().nullable(),
  accountCount: z.number().nullable(),
  /** Kept as the provider's decimal string so no precision is lost on the way. */
  balance: z.string().nullable(),
  currency: z.string().nullable(),
  defaultPricingTierId: z.string().nullable(),
  capabilities: z.strictObject({
    canCreateAccounts: z.boolean(),
    canCreatePricingTiers: z.boolean(),
    canViewCdrs: z.boolean(),
    canTransferBalance: z.boolean(),
  }),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  fetchedAt: z.string(),
  source: DataSource,
});
export type PartnerDTO = z.infer<typeof PartnerDTO>;

// ----- customer list: sort, token state (issue 9) -----
/**
 * Whether Trunkdesk can reach a customer's SIP credentials with its own token. `stored`: in the
 * vault. `available`: not stored yet, but the partner API hands it over (it is fetched when the
 * customer is opened), so there is nothing for the admin to do. `missing`: the provider does not
 * return it and none is stored: the admin must enter it. `unreadable`: the vault could not be read.
 */
export const CustomerTokenState = z.enum(['stored', 'available', 'missing', 'unreadable']);
export type CustomerTokenState = z.infer<typeof CustomerTokenState>;

/** The customer list's order, applied in main over every customer (the provider cannot sort). */
export const CUSTOMER_SORT_FIELDS = ['name', 'createdAt', 'balance', 'status'] as const;
export const CustomerSort = z.strictObject({ field: z.enum(CUSTOMER_SORT_FIELDS), dir: z.enum(['asc', 'desc']) });
export type CustomerSort = z.infer<typeof CustomerSort>;
export const DEFAULT_CUSTOMER_SORT: CustomerSort = { field: 'createdAt', dir: 'desc' };
// ----- end customer list -----

export const CustomerDTO = z.strictObject({
  authId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  company: z.string().nullable(),
  country: z.string().nullable(),
  isActive: z.boolean(),
  /** The customer's balance as the provider's decimal string. */
  cashCredits: z.string().nullable(),
  createdAt: z.string().nullable(),
  /** Whether Trunkdesk holds this customer's own API token (needed for their SIP credentials), or can get it. */
  tokenState: CustomerTokenState,
});
export type CustomerDTO = z.infer<typeof CustomerDTO>;

export const CustomerPageDTO = z.strictObject({
  profileId: ProfileId,
  items: z.array(CustomerDTO),
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
  search: z.string(),
  sort: CustomerSort,
  fetchedAt: z.string(),
  source: DataSource,
});
export type CustomerPageDTO = z.infer<typeof CustomerPageDTO>;

export const CredentialDTO = z.strictObject({
  id: z.string(),
  kind: CredentialKind,
  username: z.string(),
  /** The provider's label for it (VoIPBIN extension or trunk name, Vocobase connection name). */
  name: z.string().nullable(),
  realm: z.string().nullable(),
  enabled: z.boolean(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** Main holds its password sealed (VoIPBIN): it can be revealed or copied on an explicit request. */
  passwordStored: z.boolean(),
});
export type CredentialDTO = z.infer<typeof CredentialDTO>;

export const CREDENTIAL_SORT_FIELDS = ['username', 'enabled', 'createdAt', 'updatedAt'] as const;
export const CredentialSort = z.strictObject({
  field: z.enum(CREDENTIAL_SORT_FIELDS),
  dir: z.enum(['asc', 'desc']),
});
export type CredentialSort = z.infer<typeof CredentialSort>;
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-05-31.');
export const CredentialFilter = z.strictObject({
  /** Case-insensitive substring of the username. */
  username: z.string().trim().max(64).optional(),
  enabled: z.boolean().optional(),
  createdFrom: IsoDate.optional(),
  createdTo: IsoDate.optional(),
  updatedFrom: IsoDate.optional(),
  updatedTo: IsoDate.optional(),
});
export type CredentialFilter = z.infer<typeof CredentialFilter>;
export const CREDENTIAL_PAGE_SIZES = [10, 20, 50, 100] as const;

export const CredentialPageDTO = z.strictObject({
  profileId: ProfileId,
  customerAuthId: z.string(),
  items: z.array(CredentialDTO),
  /** How many credentials match (after the filter). */
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  /** Always `local` now: views are computed in main over the stored list (kept for older renderers' sake of meaning). */
  mode: z.enum(['server', 'local']),
  fetchedAt: z.string(),
  source: DataSource,
  /** How many credentials the stored list holds in all (before the filter). */
  storedTotal: z.number().int(),
});
export type CredentialPageDTO = z.infer<typeof CredentialPageDTO>;

/** A write's result; `secretId` is set when main generated the password (reveal or copy it once). */
export const CredentialWriteDTO = z.strictObject({
  credential: CredentialDTO,
  secretId: SecretId.optional(),
  /** Set when something unusual happened on the way, e.g. an error whose outcome was checked. */
  note: z.string().optional(),
});
export type CredentialWriteDTO = z.infer<typeof CredentialWriteDTO>;

/** What a phone or PBX needs to use a credential, each value copyable. Never a password. */
export const CredentialSettingsDTO = z.strictObject({
  credentialId: z.string(),
  kind: CredentialKind,
  rows: z.array(z.strictObject({ label: z.string(), value: z.string() })),
  /** Whether the password can be revealed or copied on request (held sealed in main). */
  passwordStored: z.boolean(),
});
export type CredentialSettingsDTO = z.infer<typeof CredentialSettingsDTO>;

// ----- Bulk writes (issue 9): what a bulk action acts on, its progress and its result -----------
export const BULK_ACTIONS = ['enable', 'disable', 'delete'] as const;
export const BulkAction = z.enum(BULK_ACTIONS);
export type BulkAction = z.infer<typeof BulkAction>;
/** The renderer names each bulk run, so it can follow its progress and cancel it before main answers. */
export const BulkId = z.string().regex(/^b_[a-z0-9]{6,32}$/, 'Not a bulk id.');
const BulkCredentialId = z.string().min(1).max(100);
/**
 * What a bulk action acts on: ids the admin checked (on any page), or every stored credential
 * matching a filter, resolved by main over the stored list when the action runs (so the renderer
 * never holds 100,000 ids), less the ones the admin unchecked since and plus any checked since
 * that do not match it (the filter shown may have changed).
 */
export const BulkSelection = z.union([
  z.strictObject({ ids: z.array(BulkCredentialId).min(1).max(10_000) }),
  z.strictObject({
    matching: CredentialFilter,
    except: z.array(BulkCredentialId).max(10_000).default([]),
    also: z.array(BulkCredentialId).max(10_000).default([]),
  }),
]);
export type BulkSelection = z.input<typeof BulkSelection>;

export const BulkResultDTO = z.strictObject({
  /** One line per credential that was tried; none for those never started. */
  results: z.array(
    z.strictObject({
      id: z.string(),
      username: z.string().nullable(),
      ok: z.boolean(),
      error: ErrorDTO.optional(),
      /** Set when the answer was lost and main checked the list instead of sending it again. */
      note: z.string().optional(),
    }),
  ),
  /** How many credentials the selection named when the run began. */
  total: z.number().int(),
  /** Never started because the run was cancelled (or the profile was switched away). */
  notStarted: z.number().int(),
  cancelled: z.boolean(),
});
export type BulkResultDTO = z.infer<typeof BulkResultDTO>;

/** A bulk run's progress (at most ~10 a second, and a last one when it ends). `done` counts failures too. */
export const BulkProgressEvent = z.strictObject({
  type: z.literal('bulk-progress'),
  profileId: ProfileId,
  customerAuthId: z.string(),
  bulkId: BulkId,
  done: z.number().int(),
  total: z.number().int(),
  failed: z.number().int(),
});
export type BulkProgressEvent = z.infer<typeof BulkProgressEvent>;

export const SyncId = z.string().regex(/^y_[a-z0-9]{6,32}$/, 'Not a sync id.');

/** What one account's sync changed since the previous one (usernames, at most 50 of each). */
export const AccountChangesDTO = z.strictObject({
  customerAuthId: z.string(),
  customerName: z.string(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  enabled: z.array(z.string()),
  disabled: z.array(z.string()),
  passwordChanged: z.array(z.string()),
  counts: z.strictObject({ added: z.number().int(), removed: z.number().int(), enabled: z.number().int(), disabled: z.number().int(), passwordChanged: z.number().int() }),
  /** The first sync of an account has nothing to compare with: everything is "new", not "added". */
  firstSync: z.boolean(),
});
export type AccountChangesDTO = z.infer<typeof AccountChangesDTO>;

export const SyncFailureDTO = z.strictObject({ customerAuthId: z.string(), customerName: z.string(), error: ErrorDTO });

export const SyncReportDTO = z.strictObject({
  id: z.string(),
  profileId: ProfileId,
  scope: z.enum(['account', 'all']),
  startedAt: z.string(),
  finishedAt: z.string(),
  outcome: z.enum(['done', 'partial', 'cancelled', 'failed']),
  accountsSynced: z.number().int(),
  accountsTotal: z.number().int(),
  credentialsFetched: z.number().int(),
  requests: z.number().int(),
  changes: z.array(AccountChangesDTO),
  failures: z.array(SyncFailureDTO),
});
export type SyncReportDTO = z.infer<typeof SyncReportDTO>;

export const ConnectivityDTO = z.strictObject({
  online: z.boolean(),
  /** When the app last heard from a provider. */
  lastOnlineAt: z.string().nullable(),
  /** Why it thinks it is offline, in words. */
  reason: z.string().nullable(),
});
export type ConnectivityDTO = z.infer<typeof ConnectivityDTO>;

export const CredentialSearchHitDTO = z.strictObject({ customerAuthId: z.string(), customerName: z.string(), credential: CredentialDTO });
export const CredentialSearchDTO = z.strictObject({
  profileId: ProfileId,
  query: z.string(),
  total: z.number().int(),
  items: z.array(CredentialSearchHitDTO),
  accountsSearched: z.number().int(),
  /** The oldest stored list searched, so the answer can say how old it may be. */
  oldestFetchedAt: z.string().nullable(),
});
export type CredentialSearchDTO = z.infer<typeof CredentialSearchDTO>;

/** One place the quick switcher can go: a profile, or a customer of a profile. Never a token. */
export const QuickSwitchMatchDTO = z.strictObject({
  kind: z.enum(['profile', 'customer']),
  profileId: ProfileId,
  profileName: z.string(),
  /** Set for a customer. */
  customerAuthId: z.string().optional(),
  /** The profile's display name, or the customer's name. */
  name: z.string(),
});
export type QuickSwitchMatchDTO = z.infer<typeof QuickSwitchMatchDTO>;
export const QUICK_SWITCH_LIMIT = 50;
export const QuickSwitchDTO = z.strictObject({
  query: z.string(),
  /** How many matched in all (items holds the first `limit`). */
  total: z.number().int(),
  items: z.array(QuickSwitchMatchDTO).max(QUICK_SWITCH_LIMIT),
});
export type QuickSwitchDTO = z.infer<typeof QuickSwitchDTO>;

// --- trunkdesk:// links (issue 11 §6) ---------------------------------------------------------
/**
 * Where a trunkdesk:// link goes: a profile, and optionally one of its accounts (a Vobiz customer,
 * or a one-account profile's own). Main parsed the link (src-main/deep-link.ts); the renderer
 * checks this shape again, as it does any input, before going anywhere.
 */
export const DeepLinkDTO = z.strictObject({ profileId: ProfileId, accountId: CustomerAuthId.optional() });
export type DeepLinkDTO = z.infer<typeof DeepLinkDTO>;
export const OpenLinkEvent = DeepLinkDTO.extend({ type: z.literal('open') });
export type OpenLinkEvent = z.infer<typeof OpenLinkEvent>;

// ---------------------------------------------------------------------------------------------
// Network settings (issue 11 §4: proxy and TLS)
export const CaCertificateDTO = z.strictObject({
  subject: z.string(),
  issuer: z.string(),
  /** ISO time the certificate expires. */
  validTo: z.string(),
  expired: z.boolean(),
  isCa: z.boolean(),
});
export const NetworkSettingsDTO = z.strictObject({
  /** The proxy in effect: from the environment, the OS, or none. Never a proxy's credentials. */
  proxy: z.strictObject({
    source: z.enum(['env', 'system', 'direct']),
    /** host:port of the proxy; null when direct. */
    via: z.string().nullable(),
    scheme: z.string().nullable(),
    /** The server the answer is for (the system proxy can differ per server); null before any request. */
    resolvedFor: z.string().nullable(),
    noProxy: z.string().nullable(),
    /** An environment proxy URL Trunkdesk will not send through (not a URL, SOCKS, another scheme), said in words naming its variable, never its value. */
    problem: z.string().nullable(),
  }),
  /** The CA file chosen in Settings → Network, copied into the data folder. */
  caFile: z.strictObject({ fileName: z.string(), addedAt: z.string(), certificates: z.array(CaCertificateDTO) }).nullable(),
  /** NODE_EXTRA_CA_CERTS's file name, when it was set at start-up. */
  extraCaEnv: z.string().nullable(),
});
export type NetworkSettingsDTO = z.infer<typeof NetworkSettingsDTO>;

// ---------------------------------------------------------------------------------------------
// Channels
const Empty = z.strictObject({});

export const AddProfileInput = z.strictObject({
  displayName: DisplayName,
  provider: Provider.default('vobiz'),
  authId: PartnerAuthId,
  token: ApiToken,
  baseUrl: BaseUrl.optional(),
});
export type AddProfileInput = z.input<typeof AddProfileInput>;

export const AddSessionProfileInput = z.strictObject({
  displayName: DisplayName,
  provider: Provider.default('vobiz'),
  email: Email,
  password: LoginPassword,
  baseUrl: BaseUrl.optional(),
});
export type AddSessionProfileInput = z.input<typeof AddSessionProfileInput>;

/** VoIPBIN and Vocobase profiles: one input, the sign-in method picks the fields. */
export const AddProviderProfileInput = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('voipbin-login'),
    displayName: DisplayName,
    username: z.string().trim().min(1, 'Enter your VoIPBIN username.').max(254).refine(isPlainText, PLAIN_TEXT_RULE),
    password: LoginPassword,
    baseUrl: BaseUrl.optional(),
    realmBase: RealmBase.optional(),
  }),
  z.strictObject({
    method: z.literal('voipbin-accesskey'),
    displayName: DisplayName,
    accessKey: VoipbinAccessKey,
    baseUrl: BaseUrl.optional(),
    realmBase: RealmBase.optional(),
  }),
  z.strictObject({
    method: z.literal('vocobase-key'),
    displayName: DisplayName,
    apiKey: VocobaseApiKey,
    baseUrl: BaseUrl.optional(),
  }),
]);
export type AddProviderProfileInput = z.input<typeof AddProviderProfileInput>;

/** A new credential of any kind; which fields a kind needs is checked by its provider, field by field. */
export const NewCredentialFields = {
  kind: CredentialKind.default('sip'),
  name: z.string().trim().max(100).refine(isPlainText, PLAIN_TEXT_RULE).optional(),
  detail: z.string().trim().max(500).refine(isPlainText, PLAIN_TEXT_RULE).optional(),
  /** VoIPBIN trunk: `{domain_name}.trunk.voipbin.net`. */
  domainName: z.string().trim().max(31).optional(),
  /** VoIPBIN trunk allowed IPs, Vocobase inbound source IPs (IPv4 or CIDR). */
  allowedIps: z.array(z.string().trim().max(43)).max(50).optional(),
  /** Vocobase SIP connection. */
  sipHost: z.string().trim().max(253).optional(),
  didNumber: z.string().trim().max(16).optional(),
  transport: z.enum(['UDP', 'TCP', 'TLS']).optional(),
};

export const contract = {
  listProfiles: { input: Empty, output: ProfileListDTO },
  addProfile: { input: AddProfileInput, output: ProfileListDTO },
  switchProfile: { input: z.strictObject({ id: ProfileId }), output: ProfileListDTO },
  renameProfile: {
    input: z.strictObject({ id: ProfileId, displayName: DisplayName }),
    output: ProfileListDTO,
  },
  rotateProfileToken: {
    input: z.strictObject({ id: ProfileId, token: ApiToken }),
    output: ProfileListDTO,
  },
  removeProfile: { input: z.strictObject({ id: ProfileId }), output: ProfileListDTO },
  /** The active profile's partner (`GET /me`), or the given profile's. */
  getPartner: { input: z.strictObject({ profileId: ProfileId.optional() }), output: PartnerDTO },

  // Session-only sign-in (seed 001: JWT login is for interactive sessions). Nothing is stored
  // but the email; the password is sent once and forgotten, the JWT stays in main's memory.
  addSessionProfile: { input: AddSessionProfileInput, output: ProfileListDTO },
  /** A VoIPBIN (username + password, or access key) or Vocobase (API key) profile, verified first. */
  addProviderProfile: { input: AddProviderProfileInput, output: ProfileListDTO },
  signIn: { input: z.strictObject({ id: ProfileId, password: LoginPassword }), output: ProfileListDTO },
  signOut: { input: z.strictObject({ id: ProfileId }), output: ProfileListDTO },

  // Customers (partner scope)
  listCustomers: {
    input: z.strictObject({
      profileId: ProfileId,
      page: z.number().int().min(1).max(100_000).default(1),
      perPage: z.number().int().min(1).max(100).default(20),
      search: z.string().trim().max(100).default(''),
      sort: CustomerSort.default(DEFAULT_CUSTOMER_SORT),
    }),
    output: CustomerPageDTO,
  },
  /** Select a customer (remembered per profile). Fetches its token from the partner API when it can. */
  selectCustomer: { input: z.strictObject({ profileId: ProfileId, customerAuthId: CustomerAuthId }), output: CustomerDTO },
  /** Write-only: a customer's own API token, verified against its credential list before saving. */
  setCustomerToken: {
    input: z.strictObject({ profileId: ProfileId, customerAuthId: CustomerAuthId, token: ApiToken }),
    output: CustomerDTO,
  },
  createCustomer: {
    input: z.strictObject({ profileId: ProfileId, ...NewCustomerFields }),
    output: CustomerDTO,
  },

  // SIP trunk credentials (customer scope: that customer's own auth ID and token)
  listCredentials: {
    input: z.strictObject({
      profileId: ProfileId,
      customerAuthId: CustomerAuthId,
      limit: z.number().int().min(1).max(100).default(20),
      offset: z.number().int().min(0).max(1_000_000).default(0),
      sort: CredentialSort.optional(),
      filter: CredentialFilter.optional(),
    }),
    output: CredentialPageDTO,
  },
  /** A password that satisfies the rules, made and kept in main; returns only a handle to it. */
  generatePassword: { input: z.strictObject({}), output: z.strictObject({ secretId: SecretId }) },
  /** Show a generated password once: the handle is spent by this call. */
  revealPassword: { input: z.strictObject({ secretId: SecretId }), output: z.strictObject({ password: z.string() }) },
  /** The settings a phone or PBX needs for one credential (never its password). */
  credentialSettings: {
    input: z.strictObject({ profileId: ProfileId, customerAuthId: CustomerAuthId, credentialId: z.string().min(1).max(100) }),
    output: CredentialSettingsDTO,
  },
  /**
   * An explicit request for a stored password (VoIPBIN returns them): main puts it behind a
   * one-time handle, to be revealed once (revealPassword) or copied with auto-clear (copyPassword).
   */
  storedPassword: {
    input: z.strictObject({ profileId: ProfileId, customerAuthId: CustomerAuthId, credentialId: z.string().min(1).max(100) }),
    output: z.strictObject({ secretId: SecretId }),
  },
  /** Main copies a generated password to the clipboard and clears it after `clearsAfterSeconds`. */
  copyPassword: { input: z.strictObject({ secretId: SecretId }), output: z.strictObject({ clearsAfterSeconds: z.number() }) },
  /** The admin closed a generated password's panel: main forgets the password now, not at its expiry. */
  discardPassword: { input: z.strictObject({ secretId: SecretId }), output: z.strictObject({ discarded: z.literal(true) }) },
  createCredential: {
    input: z.strictObject({ profileId: ProfileId, customerAuthId: CustomerAuthId, username: CredentialUsername, password: PasswordInput, ...NewCredentialFields }),
    output: CredentialWriteDTO,
  },
  updateCredential: {
    input: z
      .strictObject({
        profileId: ProfileId,
        customerAuthId: CustomerAuthId,
        credentialId: z.string().min(1).max(100),
        enabled: z.boolean().optional(),
        password: PasswordInput.optional(),
        name: NewCredentialFields.name,
        detail: NewCredentialFields.detail,
      })
      .refine((i) => i.enabled !== undefined || i.password !== undefined || i.name !== undefined || i.detail !== undefined, 'Nothing to change.'),
    output: CredentialWriteDTO,
  },
  deleteCredential: {
    input: z.strictObject({ profileId: ProfileId, customerAuthId: CustomerAuthId, credentialId: z.string().min(1).max(100) }),
    output: z.strictObject({ deletedId: z.string() }),
  },
  /** One write per credential, a few at a time; progress comes as bulk-progress events. */
  bulkCredentials: {
    input: z.strictObject({ profileId: ProfileId, customerAuthId: CustomerAuthId, bulkId: BulkId, action: BulkAction, selection: BulkSelection }),
    output: BulkResultDTO,
  },
  /** Start no more items of a bulk run; those on the wire finish and are reported. */
  cancelBulk: { input: z.strictObject({ bulkId: BulkId }), output: z.strictObject({ cancelled: z.boolean() }) },
  /** Every page, with the filter and sort applied, to a CSV file the admin picks. Never passwords. */
  exportCredentials: {
    input: z.strictObject({
      profileId: ProfileId,
      customerAuthId: CustomerAuthId,
      sort: CredentialSort.optional(),
      filter: CredentialFilter.optional(),
    }),
    /** Where the file went (its folder and name), and a handle to show it there (showExportedFile). */
    output: z.strictObject({
      saved: z.boolean(),
      fileName: z.string().nullable(),
      folder: z.string().nullable(),
      fileId: ExportedFileId.nullable(),
      count: z.number().int(),
    }),
  },
  /** Open the OS file manager on a file this run exported, with it selected. By handle, never by path. */
  showExportedFile: { input: z.strictObject({ fileId: ExportedFileId }), output: z.strictObject({ shown: z.literal(true) }) },

  // Offline-first: the local store, the sync engine, change reports, search across customers.
  /** Fetch one customer's whole credential list into the store; progress comes as sync-progress events. */
  syncAccount: {
    input: z.strictObject({ profileId: ProfileId, customerAuthId: CustomerAuthId, syncId: SyncId }),
    output: SyncReportDTO,
  },
  /** Every customer's whole credential list (and the customer list and partner profile). */
  syncAll: { input: z.strictObject({ profileId: ProfileId, syncId: SyncId }), output: SyncReportDTO },
  cancelSync: { input: z.strictObject({ syncId: SyncId }), output: z.strictObject({ cancelled: z.boolean() }) },
  /** The last 10 syncs of a profile, newest first. */
  listSyncReports: { input: z.strictObject({ profileId: ProfileId }), output: z.strictObject({ reports: z.array(SyncReportDTO) }) },
  getConnectivity: { input: Empty, output: ConnectivityDTO },
  /** Usernames containing `query`, across every stored customer of the profile. Works offline. */
  searchCredentials: {
    input: z.strictObject({ profileId: ProfileId, query: z.string().trim().min(1).max(64), limit: z.number().int().min(1).max(200).default(50) }),
    output: CredentialSearchDTO,
  },
  /** The quick switcher: profiles by name or auth id, and stored customers of every profile by name or auth ID. */
  quickSwitch: {
    input: z.strictObject({ query: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(QUICK_SWITCH_LIMIT).default(QUICK_SWITCH_LIMIT) }),
    output: QuickSwitchDTO,
  },

  // Logs and diagnostics (issue 11). Copy diagnostics: main writes the report (versions, profile
  // counts per provider, the last errors' codes and request ids; no secret, no customer data) to
  // the clipboard and answers only how much it copied. Open logs folder: the OS file manager.
  copyDiagnostics: {
    input: Empty,
    output: z.strictObject({ copied: z.literal(true), lines: z.number().int().min(0), errors: z.number().int().min(0) }),
  },
  openLogsFolder: { input: Empty, output: z.strictObject({ opened: z.literal(true) }) },
  // --- trunkdesk:// links (issue 11 §6) ---
  /**
   * A link that came while no window was listening (the one the app was launched with, or one
   * that reopened a closed window on macOS), taken once; later links come as `open` events.
   */
  takePendingLink: { input: Empty, output: z.strictObject({ link: DeepLinkDTO.nullable() }) },
  // --- Network settings (issue 11 §4: proxy and TLS). Inputs are empty on purpose: main opens
  // the file dialog itself, so the renderer can never hand main a path to read.
  getNetworkSettings: { input: Empty, output: NetworkSettingsDTO },
  chooseCaCertificate: { input: Empty, output: NetworkSettingsDTO },
  clearCaCertificate: { input: Empty, output: NetworkSettingsDTO },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

/**
 * Where a channel's input carries a secret (dotted paths). The router hands these values to main's
 * scrubber before the handler runs, so a server that echoes one back, even in the answer to the
 * very request that carried it, never gets it past the router (ipc/outgoing.ts).
 */
export const SECRET_INPUT_PATHS: Partial<Record<Channel, readonly string[]>> = {
  addProfile: ['token'],
  rotateProfileToken: ['token'],
  setCustomerToken: ['token'],
  addSessionProfile: ['password'],
  addProviderProfile: ['password', 'accessKey', 'apiKey'],
  signIn: ['password'],
  createCustomer: ['password'],
  createCredential: ['password.value'],
  updateCredential: ['password.value'],
};

/** Output strings that are meant to cross as they are: the one-time reveal of a generated password. */
export const DISCLOSED_OUTPUT_PATHS: Partial<Record<Channel, readonly string[]>> = {
  revealPassword: ['password'],
};

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<Contract[C]['output']>;

// ---------------------------------------------------------------------------------------------
// Events (main -> renderer), all through the one onEvent subscription.
export const AppEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('profiles-changed'), activeId: ProfileId.nullable() }),
  /** A session profile's JWT reached expires_in and was dropped: ask the admin to sign in again. */
  z.strictObject({ type: z.literal('session-expired'), profileId: ProfileId }),
  /** A customer's credentials changed (after a write), so open lists can refresh. */
  z.strictObject({ type: z.literal('credentials-changed'), profileId: ProfileId, customerAuthId: z.string() }),
  /** A running sync's progress; the last one of a sync has state done/partial/cancelled/failed. */
  z.strictObject({
    type: z.literal('sync-progress'),
    profileId: ProfileId,
    syncId: SyncId,
    scope: z.enum(['account', 'all']),
    state: z.enum(['running', 'done', 'partial', 'cancelled', 'failed']),
    accountsDone: z.number().int(),
    accountsTotal: z.number().int(),
    accountsFailed: z.number().int(),
    credentialsFetched: z.number().int(),
    /** Credentials per second over the sync so far. */
    perSecond: z.number(),
  }),
  BulkProgressEvent,
  /** The app went offline, or came back. */
  z.strictObject({ type: z.literal('connectivity'), online: z.boolean(), lastOnlineAt: z.string().nullable(), reason: z.string().nullable() }),
  /** The admin chose an application-menu item (src-main/menu.ts); the renderer runs the command. */
  z.strictObject({ type: z.literal('menu'), command: z.enum(COMMAND_IDS) }),
  /** A trunkdesk:// link was opened (issue 11 §6): go to its profile, and its customer if it names one. */
  OpenLinkEvent,
]);
export type AppEvent = z.infer<typeof AppEvent>;

/** What the preload exposes as `window.trunkdesk`: one function per channel, plus onEvent. */
export type TrunkdeskApi = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
} & {
  onEvent(listener: (event: AppEvent) => void): () => void;
};
