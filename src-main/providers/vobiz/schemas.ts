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
