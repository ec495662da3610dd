// The bridge contract: for every channel, the zod schema of what the renderer may send and of
// what main may answer. Main parses both directions (ipc/router.ts); the renderer gets its types
// from here. DTOs are strict objects with no token field, so a token cannot ride along in an
// answer even by accident: output parsing would reject the unknown key.
import { z } from 'zod';
import type { Channel } from './channels';

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
});
export type ErrorDTO = z.infer<typeof ErrorDTO>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorDTO };

// ---------------------------------------------------------------------------------------------
// Shared field rules (used by main to validate and by the renderer to show hints early)
export const PROVIDERS = ['vobiz'] as const;
export const Provider = z.enum(PROVIDERS);

export const VOBIZ_DEFAULT_BASE_URL = 'https://api.vobiz.ai/api/v1/partner';

export const ProfileId = z.string().regex(/^p_[a-z0-9]{10,32}$/, 'Not a profile id.');
export const DisplayName = z
  .string()
  .trim()
  .min(1, 'Give the profile a name.')
  .max(80, 'Keep the name under 80 characters.');
export const PartnerAuthId = z
  .string()
  .trim()
  .regex(/^PA_[A-Za-z0-9]{4,64}$/, 'A partner auth ID starts with PA_ followed by letters and digits.');
export const ApiToken = z
  .string()
  .min(8, 'That token is too short to be a Vobiz API token.')
  .max(512, 'That token is too long.')
  .refine((t) => !/\s/.test(t), 'A token has no spaces or line breaks; check what was pasted.');
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

// ---------------------------------------------------------------------------------------------
// DTOs
export const TokenState = z.enum(['stored', 'missing', 'unreadable']);
export type TokenState = z.infer<typeof TokenState>;

export const ProfileDTO = z.strictObject({
  id: ProfileId,
  displayName: z.string(),
  provider: Provider,
  authId: z.string(),
  baseUrl: z.string(),
  createdAt: z.string(),
  /** Whether the vault holds a usable token for this profile. The token itself never crosses. */
  tokenState: TokenState,
});
export type ProfileDTO = z.infer<typeof ProfileDTO>;

export const StoreProblem = z.strictObject({
  message: z.string(),
  hint: z.string().optional(),
});

export const ProfileListDTO = z.strictObject({
  profiles: z.array(ProfileDTO),
  activeId: ProfileId.nullable(),
  /** Set when the profile file or the vault could not be read; what was there has been kept aside. */
  problem: StoreProblem.optional(),
});
export type ProfileListDTO = z.infer<typeof ProfileListDTO>;

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
});
export type PartnerDTO = z.infer<typeof PartnerDTO>;

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
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<Contract[C]['output']>;

// ---------------------------------------------------------------------------------------------
// Events (main -> renderer), all through the one onEvent subscription.
export const AppEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('profiles-changed'), activeId: ProfileId.nullable() }),
]);
export type AppEvent = z.infer<typeof AppEvent>;

/** What the preload exposes as `window.trunkdesk`: one function per channel, plus onEvent. */
export type TrunkdeskApi = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
} & {
  onEvent(listener: (event: AppEvent) => void): () => void;
};
