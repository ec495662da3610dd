// One way to call VoIPBIN's /v1.0 API: wait for the customer's rate limiter, authenticate (a
// Bearer JWT, signing in first when needed, or the access key in the query), send, map a non-2xx
// through voipbinError, parse JSON and then the zod schema. A 401 INVALID_CREDENTIALS on a JWT
// signs in again and repeats the call once: VoIPBIN's auth middleware refused it before anything
// ran, so even a write is safe to send again. Nothing else is repeated here (the HttpClient
// retries GETs only; a failed write has an unknown outcome the caller checks).
import type { z } from 'zod';
import type { HttpRequest, Method } from '../../net/http';
import { driftError, parseErrorBody, retryAfterSeconds, voipbinError, type ErrorContext } from './errors';
import { pauseAfter429 } from './rate-limit';
import { reporting, type Answered } from '../../net/provider-failure';
import { htmlError, looksLikeHtml } from '../../net/errors';
import { callAuth, dropToken, type CallAuth, type Connection } from './session';

export interface VoipbinCall<S extends z.ZodType | undefined> {
  method: Method;
  /** Under /v1.0, e.g. `/extensions` or `/trunks/{uuid}`; already escaped. */
  path: string;
  /** Query parameters (encoded here); never the access key, which callUrl adds. */
  query?: Record<string, string | undefined>;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** What the answer is, in words, for drift errors ("the extension list"). */
  what: string;
  schema: S;
  ctx?: Omit<ErrorContext, 'auth'>;
}

export async function voipbinCall<S extends z.ZodType>(conn: Connection, c: VoipbinCall<S>): Promise<z.infer<S>>;
export async function voipbinCall(conn: Connection, c: VoipbinCall<undefined>): Promise<undefined>;
export async function voipbinCall(conn: Connection, c: VoipbinCall<z.ZodType | undefined>): Promise<unknown> {
  // A failed call is logged and kept for "Copy diagnostics" (net/provider-failure.ts); the URL's
  // query (where an access key travels) is redacted there.
  const url = `${conn.baseUrl}/v1.0${c.path}`;
  return reporting(conn.http.journal, { provider: 'voipbin', method: c.method, url, what: c.what, signal: c.signal }, (answered) => send(conn, c, answered));
}

async function send(conn: Connection, c: VoipbinCall<z.ZodType | undefined>, answered: Answered): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    const auth = await callAuth(conn);
    await conn.limiter.acquire(c.signal);
    const req = buildRequest(conn.baseUrl, c, auth);
    const res = await conn.http.request(req);
    if (res.status >= 200 && res.status <= 299) return parse(res.text, c);
    if (res.status === 401 && auth.kind === 'jwt' && attempt === 0 && conn.creds.kind === 'login') {
      const reason = parseErrorBody(res.text).reason;
      if (reason === undefined || reason === 'INVALID_CREDENTIALS') {
        dropToken(conn, auth.token);
        continue;
      }
    }
    if (res.status === 429) pauseAfter429(conn.limiter, retryAfterSeconds(res));
    answered(res, parseErrorBody(res.text).requestId);
    throw voipbinError(res, { ...c.ctx, auth: auth.kind });
  }
}

/** The request as sent: the key only ever in the query, the JWT only ever in Authorization, no cookies. */
export function buildRequest(baseUrl: string, c: Pick<VoipbinCall<undefined>, 'method' | 'path' | 'query' | 'body' | 'signal'>, auth: CallAuth): HttpRequest {
  const req: HttpRequest = {
    method: c.method,
    url: callUrl(baseUrl, c.path, c.query, auth.kind === 'accesskey' ? auth.key : undefined),
    headers: auth.kind === 'jwt' ? { authorization: `Bearer ${auth.token}` } : {},
  };
  if (c.body !== undefined) req.body = c.body;
  if (c.signal) req.signal = c.signal;
  return req;
}

/** `{origin}/v1.0{path}?{query}[&accesskey=…]`, every value URL-encoded. */
export function callUrl(baseUrl: string, path: string, query: Record<string, string | undefined> = {}, accesskey?: string): string {
  const parts = Object.entries(query)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  if (accesskey !== undefined) parts.push(`accesskey=${encodeURIComponent(accesskey)}`);
  return `${baseUrl}/v1.0${path}${parts.length ? `?${parts.join('&')}` : ''}`;
}

function parse(text: string, c: VoipbinCall<z.ZodType | undefined>): unknown {
  if (!c.schema) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // A 200 web page is said as such (see htmlError), not as an API that may have changed.
    if (looksLikeHtml(text)) throw htmlError('VoIPBIN', c.what);
    throw driftError(c.what, 'the answer was not complete JSON');
  }
  const parsed = c.schema.safeParse(json);
  if (!parsed.success) throw driftError(c.what, parsed.error.issues[0]?.path.join('.') || undefined);
  return parsed.data;
}
