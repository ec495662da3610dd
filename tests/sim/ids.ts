// Identifier and timestamp helpers. Seed data derives everything from a hash of a fixed label so
// every run serves the same ids and tokens; runtime-created records use crypto randomness.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE36_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function hashBytes(label: string, length: number): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; out.length * 32 < length; i++) {
    out.push(createHash('sha256').update(`trunkdesk-sim:${i}:${label}`).digest());
  }
  return Buffer.concat(out).subarray(0, length);
}

function encode(bytes: Buffer, alphabet: string): string {
  let s = '';
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return s;
}

function formatUuid(bytes: Buffer): string {
  const b = Buffer.from(bytes.subarray(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40; // version 4
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Deterministic ids (seed data). */
export const seeded = {
  uuid: (label: string): string => formatUuid(hashBytes(label, 16)),
  authId: (prefix: 'MA_' | 'PA_', label: string): string => prefix + encode(hashBytes(label, 8), BASE36_UPPER),
  token: (label: string): string => encode(hashBytes(`token:${label}`, 40), BASE62),
  int: (label: string, min: number, max: number): number => min + (hashBytes(label, 4).readUInt32BE(0) % (max - min + 1)),
};

/** Random ids (records created while running). */
export const fresh = {
  uuid: (): string => randomUUID(),
  authId: (prefix: 'MA_' | 'PA_'): string => prefix + encode(randomBytes(8), BASE36_UPPER),
  token: (): string => encode(randomBytes(40), BASE62),
  requestId: (): string => `req_${randomBytes(8).toString('hex')}`,
};

let cachedMs = NaN;
let cachedIso = '';
/** ISO-8601 with microseconds, like the live API: 2026-04-22T08:51:47.813889Z */
export function isoMicros(epochMicros: number): string {
  const ms = Math.floor(epochMicros / 1000);
  const micros = String(epochMicros % 1000).padStart(3, '0');
  // Bulk seeding formats many instants within one millisecond: format the Date once per ms.
  if (ms !== cachedMs) {
    cachedMs = ms;
    cachedIso = new Date(ms).toISOString().slice(0, -1);
  }
  return `${cachedIso}${micros}Z`;
}

let lastMicros = 0;
/**
 * "Now" with microseconds, strictly increasing within the process, so records created in the same
 * millisecond still sort in creation order (lists sort by created_at).
 */
export function nowIso(): string {
  lastMicros = Math.max(lastMicros + 1, Date.now() * 1000 + Math.floor(Math.random() * 1000));
  return isoMicros(lastMicros);
}
