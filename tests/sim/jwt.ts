// Minimal HS256 JWT so /login hands out a real-looking token that can expire or be tampered with.
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
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(payload));
  return `${head}.${body}.${b64url(sign(secret, `${head}.${body}`))}`;
}

export function verifyJwt(secret: Buffer, token: string, nowMs: number): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'invalid' };
  const [head = '', body = '', sig = ''] = parts;
  const expected = sign(secret, `${head}.${body}`);
  const given = Buffer.from(sig, 'base64url');
  // Signature first: a tampered token is "invalid" even if its (forged) exp has passed.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  let header: unknown;
  let payload: unknown;
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (!isRecord(header) || header.alg !== 'HS256') return { ok: false, reason: 'invalid' };
  if (!isRecord(payload) || typeof payload.sub !== 'string' || typeof payload.exp !== 'number' || typeof payload.iat !== 'number') {
    return { ok: false, reason: 'invalid' };
  }
  // exp is whole seconds (iat floored + ttl), so a token lives at most ttl seconds.
  if (nowMs >= payload.exp * 1000) return { ok: false, reason: 'expired' };
  return { ok: true, payload: payload as JwtPayload };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
