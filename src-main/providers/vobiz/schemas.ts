// Lenient readers of Vobiz bodies. The docs disagree with themselves (api/vobiz.md §3, §7) and
// additive changes ship without notice, so: unknown fields are ignored, documented variants are
// accepted (balance as string or number, currency optional), and only what the app needs is
// required. Anything else is a drift error, never a crash and never a partial save.
import { z } from 'zod';

const looseBool = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());
const optStr = z.string().nullish().transform((v) => v ?? null);
const optNum = z.coerce.number().nullish().transform((v) => (v === undefined || v === null || Number.isNaN(v) ? null : v));
const decimal = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === undefined || v === null ? null : typeof v === 'number' ? v.toFixed(5) : v));

export const MeBody = z.object({
  id: z.union([z.string(), z.number()]).nullish().transform((v) => (v === undefined || v === null ? null : String(v))),
  account_id: optNum,
  name: z.string(),
  slug: optStr,
  company: optStr,
  auth_id: z.string(),
  email: optStr,
  phone: optStr,
  billing_model: optStr,
  is_active: looseBool.default(true),
  is_verified: looseBool.default(false),
  max_accounts: optNum,
  can_create_accounts: looseBool.default(false),
  can_create_pricing_tiers: looseBool.default(false),
  can_view_cdrs: looseBool.default(false),
  can_transfer_balance: looseBool.default(false),
  default_pricing_tier_id: z.union([z.string(), z.number()]).nullish().transform((v) => (v === undefined || v === null ? null : String(v))),
  account_count: optNum,
  balance: decimal,
  currency: optStr,
  created_at: optStr,
  updated_at: optStr,
});
export type MeBody = z.infer<typeof MeBody>;

const idString = z.union([z.string(), z.number()]).transform((v) => String(v));

/** A customer row of GET /accounts, GET /accounts/{id} and the POST /accounts answer (§3.2). */
export const AccountBody = z.object({
  auth_id: z.string(),
  name: z.string().nullish().transform((v) => v ?? ''),
  email: optStr,
  phone: optStr,
  company: optStr,
  country: optStr,
  is_active: looseBool.optional(),
  status: optStr,
  enabled: looseBool.optional(),
  cash_credits: decimal,
  balance: decimal,
  created_at: optStr,
  /** Never leaves main: it goes to the vault or nowhere. */
  auth_token: z.string().nullish(),
});
export type AccountBody = z.infer<typeof AccountBody>;

export const AccountListBody = z.object({
  accounts: z.array(z.unknown()).nullish().transform((v) => v ?? []),
  total: z.coerce.number().int().nonnegative(),
  page: z.coerce.number().int().optional(),
  size: z.coerce.number().int().optional(),
});

export const LoginBody = z.object({
  tokens: z.object({
    access_token: z.string().min(10),
    token_type: z.string().optional(),
    expires_in: z.coerce.number().positive(),
  }),
});

/** A SIP trunk credential (§2b); older docs' shape adds description/trunk_id. */
export const CredentialBody = z.object({
  id: idString,
  username: z.string(),
  realm: optStr,
  enabled: z.boolean(),
  created_at: optStr,
  updated_at: optStr,
});
export type CredentialBody = z.infer<typeof CredentialBody>;

/** `objects: null` for an empty page (seen live), `meta.total` or the older `meta.total_count`. */
export const CredentialListBody = z
  .object({
    meta: z.object({
      limit: z.coerce.number().int().optional(),
      offset: z.coerce.number().int().optional(),
      total: z.number().int().nonnegative().optional(),
      total_count: z.number().int().nonnegative().optional(),
    }),
    objects: z.array(z.unknown()).nullish().transform((v) => v ?? []),
  })
  .refine((b) => b.meta.total !== undefined || b.meta.total_count !== undefined, { message: 'meta.total missing', path: ['meta', 'total'] })
  .transform((b) => ({ total: (b.meta.total ?? b.meta.total_count)!, limit: b.meta.limit, objects: b.objects }));

/** Vobiz shows tokens it will not return as "<redacted>" (or leaves them empty). */
export const isRealToken = (t: string | null | undefined): t is string => !!t && t.length >= 8 && !/^<.*>$/.test(t) && !/redacted/i.test(t);
