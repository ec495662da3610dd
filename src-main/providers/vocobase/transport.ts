// One way to call Vocobase: check the key's format (nothing is sent for a malformed one), wait
// for a slot under the key's rate limits, send with `Authorization: Bearer …` and nothing else
// carrying the key, map any failure through vocobaseError, and read the `{success, data}`
// envelope with a zod schema for `data`.
//
// A 429 that still comes pauses the key's limiters (Retry-After when given, else one window, at
// most 60 s); a GET is then sent once more when they let it go, if that is soon (at most
// GET_RETRY_WAIT_MAX_MS), a write never: a write that was refused may be sent again by the admin,
// not by us.
import type { z } from 'zod';
import type { HttpClient, HttpResponse, Method } from '../../net/http';
import { retryAfterMs } from '../../net/http';
import { parseErrorBody, driftError, failedEnvelopeError, htmlError, looksLikeHtml, rateLimitedError, vocobaseError, type ErrorContext } from './errors';
import { authHeaders, checkedApiKey } from './key';
import { pauseSlots, takeSlots, vocobaseLimits } from './limits';
import { Envelope } from './schemas';
import { reporting, type Answered } from '../../net/provider-failure';

/**
 * The longest a GET waits here for its one retry after a 429 (the HttpClient's own cap on a
 * Retry-After it honours). A longer pause (Retry-After: 999999 is capped at LONGEST_RETRY_PAUSE_MS, 60 s)
 * is reported at once, with when to try again, instead of a request frozen for a minute.
 */
const GET_RETRY_WAIT_MAX_MS = 8_000;

export interface VocobaseCall<S extends z.ZodType> {
  method: Method;
  baseUrl: string;
  /** Path under the base, with its query: `/telephony/connections?provider=sip`. */
  path: string;
  key: string;
  body?: unknown;
  signal?: AbortSignal;
  /** Called once the final answer is in, before it is parsed (see HttpRequest.onReceived). */
  onReceived?: () => void;
  /** What the answer is, in words, for drift errors ("the SIP connection list"). */
  what: string;
  /** Applied to the envelope's `data`. */
  schema: S;
  ctx?: ErrorContext;
}

export async function vocobaseCall<S extends z.ZodType>(http: HttpClient, c: VocobaseCall<S>): Promise<z.infer<S>> {
  // A failed call is logged and kept for "Copy diagnostics" (net/provider-failure.ts).
  const call = { provider: 'vocobase', method: c.method, url: joinUrl(c.baseUrl, c.path), what: c.what, signal: c.signal } as const;
  return reporting(http.journal, call, (answered) => send(http, c, answered));
}

async function send<S extends z.ZodType>(http: HttpClient, c: VocobaseCall<S>, answered: Answered): Promise<z.infer<S>> {
  const key = checkedApiKey(c.key);
  const url = joinUrl(c.baseUrl, c.path);
  let res: HttpResponse;
  for (let attempt = 0; ; attempt++) {
    const slots = await takeSlots(key, c.baseUrl, c.path, c.signal);
    res = await http.request({
      method: c.method,
      url,
      headers: authHeaders(key),
      // Every attempt takes its slots above: the HTTP client must not retry behind the limiter.
      maxRetries: 0,
      ...(c.body !== undefined ? { body: c.body } : {}),
      ...(c.signal ? { signal: c.signal } : {}),
    });
    answered(res);
    if (res.status !== 429) break;
    const waited = pauseSlots(slots, retryAfterMs(res.headers['retry-after']) ?? vocobaseLimits().windowMs);
    if (c.method === 'GET' && attempt === 0 && waited <= GET_RETRY_WAIT_MAX_MS && !c.signal?.aborted) continue;
    c.onReceived?.();
    const said = parseErrorBody(res.text).message;
    throw rateLimitedError(waited, 429, said && /concurren/i.test(said) ? said : undefined);
  }
  c.onReceived?.();
  return readData(res, c.what, c.schema, c.ctx);
}

/** A Vocobase answer's `data`, checked; every failure as an AppError. */
export function readData<S extends z.ZodType>(res: HttpResponse, what: string, schema: S, ctx: ErrorContext = {}): z.infer<S> {
  if (res.status < 200 || res.status > 299) throw vocobaseError(res, ctx);
  if (looksLikeHtml(res.text)) throw htmlError(what);
  let json: unknown;
  try {
    json = JSON.parse(res.text);
  } catch {
    throw driftError(what, 'the answer was not complete JSON');
  }
  if (json && typeof json === 'object' && (json as { success?: unknown }).success === false) throw failedEnvelopeError(res, ctx);
  const env = Envelope.safeParse(json);
  if (!env.success) throw driftError(what, env.error.issues[0]?.path.join('.') || 'no {success, data} envelope');
  const parsed = schema.safeParse(env.data.data);
  if (!parsed.success) throw driftError(what, ['data', ...parsed.error.issues[0]!.path].join('.'));
  return parsed.data;
}

export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}
