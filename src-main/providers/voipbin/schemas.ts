// Lenient readers of VoIPBIN bodies (api/voipbin_vocobase.md §1.3, §1.4). Unknown fields are
// ignored, nulls and missing optional fields become empty values, timestamps stay raw strings (the
// lenient parser in time.ts reads them), and only what the app needs is required. Anything else
// is a drift error, never a crash and never a partial save.
import { z } from 'zod';

const text = z.string().nullish().transform((v) => v ?? '');
const optText = z.string().nullish().transform((v) => (v ? v : null));
const stamp = z.unknown().optional();
const strings = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

/** GET /v1.0/customer (the self view; it adds `webhook_secret`). */
export const CustomerBody = z.object({
  id: z.string().min(1),
  name: text,
  detail: text,
  email: optText,
  phone_number: optText,
  status: optText,
  email_verified: z.boolean().nullish(),
  identity_verification_status: optText,
  /** A secret: only ever handed to the scrubber. */
  webhook_secret: z.string().nullish(),
  tm_create: stamp,
  tm_update: stamp,
});
export type CustomerBody = z.infer<typeof CustomerBody>;

/** GET /v1.0/me (agent JWTs only). */
export const AgentBody = z.object({
  id: z.string().min(1),
  customer_id: z.string().min(1),
  username: text,
  name: text,
  permission: z.number().nullish(),
});
export type AgentBody = z.infer<typeof AgentBody>;

/** Every list: {result:[…], next_page_token}. `result` is always an array (GenerateListResponse). */
export const ListBody = z.object({
  result: z.array(z.unknown()).nullish().transform((v) => v ?? []),
  next_page_token: z.string().nullish().transform((v) => v ?? ''),
});

export const ExtensionBody = z
  .object({
    id: z.string().min(1),
    customer_id: optText,
    name: text,
    detail: text,
    extension: z.string().nullish(),
    username: z.string().nullish(),
    domain_name: optText,
    /** The SIP digest password, in clear (VoIPBIN returns it on every read and write). */
    password: z.string().nullish(),
    direct_hash: optText,
    tm_create: stamp,
    tm_update: stamp,
  })
  .refine((e) => !!(e.extension || e.username), { message: 'extension missing', path: ['extension'] });
export type ExtensionBody = z.infer<typeof ExtensionBody>;

export const TrunkBody = z.object({
  id: z.string().min(1),
  customer_id: optText,
  name: text,
  detail: text,
  domain_name: z.string().min(1),
  auth_types: strings,
  username: text,
  password: z.string().nullish(),
  allowed_ips: strings,
  tm_create: stamp,
  tm_update: stamp,
});
export type TrunkBody = z.infer<typeof TrunkBody>;
