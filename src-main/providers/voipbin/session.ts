// How a VoIPBIN profile proves who it is (api/voipbin_vocobase.md §1.1):
// - `login`: POST {origin}/auth/login {username,password} → {username, token}; the token is a JWT
//   sent as `Authorization: Bearer …`. There is no refresh endpoint, so the provider signs in
//   again by itself: before the JWT's `expire` (within REFRESH_MARGIN_MS of it), and once when a
//   call answers 401 INVALID_CREDENTIALS. The JWT lives in the profile's SessionCache (memory only).
// - `accesskey`: a `vb_…` key, sent only as the `accesskey` query parameter: VoIPBIN does not read
//   access keys from the Authorization header, and Trunkdesk never uses cookies (the server sets a
//   `token` cookie on sign-in; the HttpClient has no cookie jar, and no Cookie header is ever set).
import { AppError } from '../../net/errors';
import type { HttpClient } from '../../net/http';
import { rememberSecret } from '../../net/scrub';
import type { PartnerCredentials, SessionCache } from '../provider';
import type { RateLimiter } from '../../net/rate-limiter';
import { driftError, parseErrorBody, retryAfterSeconds, voipbinError } from './errors';
import { reporting } from '../../net/provider-failure';
import { pauseAfter429 } from './rate-limit';
import { jwtExpiresAt } from './time';

export type VoipbinCredentials = Extract<PartnerCredentials, { kind: 'login' } | { kind: 'accesskey' }>;

/** Sign in again when the JWT has less than this left. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/** The credentials, checked to be a VoIPBIN kind, with every secret handed to the scrubber. */
export function voipbinCredentials(c: PartnerCredentials): VoipbinCredentials {
  if (c.kind === 'login') {
    rememberSecret(c.password);
    const s = c.session.get();
    if (s) rememberSecret(s.token);
    return c;
  }
  if (c.kind === 'accesskey') {
    rememberSecret(c.key);
    return c;
  }
  throw new AppError('VALIDATION', 'VoIPBIN profiles sign in with a username and password, or with an access key.', {
    hint: 'Edit the profile and choose one of those.',
    retryable: false,
  });
}

/** `https://api.voipbin.net/`, `…/v1.0` → `https://api.voipbin.net` (the origin the routes hang off). */
export function normaliseBaseUrl(baseUrl: string): string {
  return baseUrl.trim().replace(/\/+$/, '').replace(/\/v1\.0$/i, '').replace(/\/auth$/i, '');
}

export interface Connection {
  http: HttpClient;
  /** Normalised: the origin (plus the simulator's path prefix), no trailing slash, no /v1.0. */
  baseUrl: string;
  creds: VoipbinCredentials;
  limiter: RateLimiter;
  now: () => number;
}

/** What one call is authenticated with. */
export type CallAuth = { kind: 'jwt'; token: string } | { kind: 'accesskey'; key: string };

/** One sign-in in flight per session: the two list walks, or a burst of reads, share it. */
const signingIn = new WeakMap<SessionCache, Promise<string>>();

export async function callAuth(conn: Connection): Promise<CallAuth> {
  const c = conn.creds;
  if (c.kind === 'accesskey') return { kind: 'accesskey', key: c.key };
  const s = c.session.get();
  if (s && s.expiresAt - conn.now() > REFRESH_MARGIN_MS) return { kind: 'jwt', token: s.token };
  return { kind: 'jwt', token: await freshToken(conn, c) };
}

/** A call with `token` answered 401: forget it, unless another call has already replaced it. */
export function dropToken(conn: Connection, token: string): void {
  if (conn.creds.kind !== 'login') return;
  if (conn.creds.session.get()?.token === token) conn.creds.session.clear();
}

function freshToken(conn: Connection, c: Extract<VoipbinCredentials, { kind: 'login' }>): Promise<string> {
  let p = signingIn.get(c.session);
  if (!p) {
    p = signIn(conn, c.username, c.password).then(
      ({ token, expiresAt }) => {
        c.session.set(token, expiresAt);
        return token;
      },
    );
    const mine = p;
    signingIn.set(c.session, mine);
    void mine.finally(() => {
      if (signingIn.get(c.session) === mine) signingIn.delete(c.session);
    }).catch(() => undefined);
  }
  return p;
}

/** POST {origin}/auth/login (no /v1.0). A bare 400 with an empty body: wrong username or password. */
export async function signIn(conn: Connection, username: string, password: string): Promise<{ token: string; expiresAt: number }> {
  // A failed sign-in is logged and kept for "Copy diagnostics" (net/provider-failure.ts), never with the body sent.
  return reporting(conn.http.journal, { provider: 'voipbin', method: 'POST', url: `${conn.baseUrl}/auth/login`, what: 'the sign-in' }, async (answered) => {
    rememberSecret(password);
    // Sign-ins count against the same customer budget as everything else: queue with them.
    await conn.limiter.acquire();
    const res = await conn.http.request({ method: 'POST', url: `${conn.baseUrl}/auth/login`, body: { username, password } });
    if (res.status < 200 || res.status > 299) {
      answered(res, parseErrorBody(res.text).requestId);
      if (res.status === 429) pauseAfter429(conn.limiter, retryAfterSeconds(res));
      throw voipbinError(res, { auth: 'signin' });
    }
    let json: unknown;
    try {
      json = JSON.parse(res.text);
    } catch {
      throw driftError('the sign-in answer', 'the answer was not complete JSON');
    }
    const token = (json as { token?: unknown } | null)?.token;
    if (typeof token !== 'string' || token.length < 10) throw driftError('the sign-in answer', 'token');
    // Known to the scrubber at once: the very next call could echo it.
    rememberSecret(token);
    return { token, expiresAt: jwtExpiresAt(token, conn.now()) };
  });
}
