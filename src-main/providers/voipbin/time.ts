// VoIPBIN's timestamps come in several forms (api/voipbin_vocobase.md §1.8 item 7): the code
// sends RFC 3339 with microseconds ("2026-03-01T10:00:00.123456Z") or null, the docs show
// "2026-03-01 10:00:00.123456" (no zone: UTC), "" and the "never" sentinel
// "9999-01-01 00:00:00.000000". One lenient reader for all of them.

const STAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

/** Epoch ms, or null for empty, unparsable and the 9999 "never" sentinel. */
export function parseVoipbinTimeMs(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = STAMP.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  if (year >= 9999 || year < 1970) return null;
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  let t = Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  // Date.UTC rolls over (month 13, day 32): a stamp that does not round-trip is not a date.
  const back = new Date(t);
  if (back.getUTCMonth() !== Number(mo) - 1 || back.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null;
  if (zone && !/^(z|utc)$/i.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  return Number.isFinite(t) ? t : null;
}

/** The same, as an ISO string (what the app stores), or null. */
export function parseVoipbinTime(value: unknown): string | null {
  const t = parseVoipbinTimeMs(value);
  return t === null ? null : new Date(t).toISOString();
}

/** VoIPBIN's JWTs live 7 days (TokenExpiration = 7*24h), the fallback when `expire` is unreadable. */
export const JWT_DEFAULT_LIFETIME_MS = 7 * 24 * 3600 * 1000;

/**
 * When a VoIPBIN JWT stops being accepted, from its custom `expire` claim
 * ("2006-01-02T15:04:05.000000Z", UTC; there is no standard `exp`). The payload is decoded, never
 * verified: the server alone checks the signature, this only schedules the next sign-in. Missing
 * or garbled: now + 7 days (a wrong guess costs one 401, after which the call signs in again).
 */
export function jwtExpiresAt(token: string, now = Date.now()): number {
  const payload = decodeJwtPayload(token);
  const fromClaim = parseVoipbinTimeMs(payload?.expire);
  if (fromClaim !== null) return fromClaim;
  // Not VoIPBIN's form, but harmless to honour if a server ever adds it.
  if (typeof payload?.exp === 'number' && Number.isFinite(payload.exp) && payload.exp > 0) return payload.exp * 1000;
  return now + JWT_DEFAULT_LIFETIME_MS;
}

function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (!part || !/^[A-Za-z0-9_-]+={0,2}$/.test(part)) return undefined;
  try {
    const json: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
