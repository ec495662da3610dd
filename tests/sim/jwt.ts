// Minimal HS256 JWT so the logins hand out real-looking tokens that can expire or be tampered with.
// Vobiz tokens carry sub/iat/exp (verifyJwt); VoIPBIN's carry type/agent/expire (signJwtClaims, verifyJwtSignature).
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface JwtPayload {
  sub: string; // partner auth id
  iat: number;
  exp: number;
  [claim: string]: unknown;
}

export type JwtCheck = { ok: true; payload: JwtPayload } | { ok: false; reason: 'invalid' | 'expired' };

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

function sign(secret: Buffer, signingInput: string): Buffer {
  return createHmac('sha256', secret).update(signingInput).digest();
}

export function signJwt(secret: Buffer, payload: JwtPayload): string {
  return signJwtClaims(secret, payload);
}

/** Any claim set (VoIPBIN's tokens carry no sub/iat/exp). */
export function signJwtClaims(secret: Buffer, claims: Record<string, unknown>): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  return `${head}.${body}.${b64url(sign(secret, `${head}.${body}`))}`;
}

/** The claims of a well-formed HS256 token signed with `secret`; no claim is checked. */
export function verifyJwtSignature(secret: Buffer, token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [head = '', body = '', sig = ''] = parts;
  const expected = sign(secret, `${head}.${body}`);
  const given = Buffer.from(sig, 'base64url');
  // Signature first: a tampered token is "invalid" even if its (forged) expiry has passed.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let header: unknown;
  let payload: unknown;
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isRecord(header) || header.alg !== 'HS256' || !isRecord(payload)) return undefined;
  return payload;
}

export function verifyJwt(secret: Buffer, token: string, nowMs: number): JwtCheck {
  const payload = verifyJwtSignature(secret, token);
  if (!payload || typeof payload.sub !== 'string' || typeof payload.exp !== 'number' || typeof payload.iat !== 'number') {
    return { ok: false, reason: 'invalid' };
  }
  // exp is whole seconds (iat floored + ttl), so a token lives at most ttl seconds.
  if (nowMs >= payload.exp * 1000) return { ok: false, reason: 'expired' };
  return { ok: true, payload: payload as JwtPayload };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
