// Lenient readers of Vocobase bodies. Its docs leave much of the read side open
// (api/voipbin_vocobase.md §2.4): the key of the connection list is unknown, no connection read
// shape is documented beyond the create answer. So: unknown fields are ignored, plausible variants
// are accepted, and only what the app needs is required. Anything else is a drift error.
import { z } from 'zod';

const optStr = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === undefined || v === null || v === '' ? null : String(v)));
const idString = z.union([z.string().min(1), z.number()]).transform((v) => String(v));

/** `{success:true, data:…}`; `success` may be missing, but never false on a success. */
export const Envelope = z.object({
  success: z.literal(true).optional(),
  data: z.unknown(),
});

/** GET /config `data` (§2.2). */
export const ConfigBody = z.object({
  name: z.string().min(1),
  display_name: optStr,
  status: optStr,
  created_at: optStr,
  updated_at: optStr,
});
export type ConfigBody = z.infer<typeof ConfigBody>;

/** IPs as an array, or as one comma-separated string. */
const ipList = z
  .union([z.array(z.union([z.string(), z.object({ ip: z.string() }).transform((o) => o.ip)])), z.string()])
  .nullish()
  .transform((v) => (v === undefined || v === null ? [] : typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : v));

/** One telephony connection (§2.2 create answer, §2.3 request fields as the likely read names). */
export const ConnectionBody = z.object({
  id: idString,
  connection_id: optStr,
  provider: optStr,
  name: optStr,
  status: optStr,
  sip_host: optStr,
  outbound_username: optStr,
  source_ips: ipList,
  did_number: optStr,
  // The JSON name of the transport field is unknown (§2.3): both plausible names are read.
  transport: optStr,
  sip_transport: optStr,
  phone_numbers: z
    .array(z.object({ phone_number: optStr }).passthrough())
    .nullish()
    .transform((v) => v ?? []),
  created_at: optStr,
  updated_at: optStr,
});
export type ConnectionBody = z.infer<typeof ConnectionBody>;

/**
 * The connection list's items, wherever they are: `data.connections`, `data.items` or `data`
 * itself as an array (§2.4.2: the key is unknown). Undefined when none of those is an array.
 */
export function connectionItems(data: unknown): unknown[] | undefined {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') {
    const d = data as Record<string, unknown>;
    for (const k of ['connections', 'items', 'telephony_connections', 'data']) {
      if (Array.isArray(d[k])) return d[k] as unknown[];
    }
  }
  return undefined;
}

/** The create answer: `data.connection`, or the connection as `data` itself. */
export function createdConnection(data: unknown): unknown {
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const d = data as Record<string, unknown>;
    if (d.connection && typeof d.connection === 'object') return d.connection;
  }
  return data;
}
