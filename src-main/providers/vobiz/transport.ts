// One way to call Vobiz: send, map any non-2xx through vobizError, parse the body as JSON and
// then with a zod schema. Every provider call goes through here, so every call gets the same
// error words, the same drift handling and the same auth header rules.
import type { z } from 'zod';
import type { HttpClient, HttpRequest, Method } from '../../net/http';
import { authHeaders, type CustomerAuth, type PartnerAuth } from './auth';
import { driftError, parseErrorBody, vobizError, type ErrorContext } from './errors';
import { reporting, type Answered } from '../../net/provider-failure';
import { htmlError, looksLikeHtml } from '../../net/errors';

export interface VobizCall<S extends z.ZodType | undefined> {
  method: Method;
  url: string;
  auth?: PartnerAuth | CustomerAuth;
  body?: unknown;
  signal?: AbortSignal;
  /** See HttpRequest.onReceived. */
  onReceived?: () => void;
  /** See HttpRequest.maxRetries (GETs only). */
  maxRetries?: number;
  /** What the answer is, in words, for drift errors ("the customer list"). */
  what: string;
  schema: S;
  ctx: ErrorContext;
}

export async function vobizCall<S extends z.ZodType>(http: HttpClient, c: VobizCall<S>): Promise<z.infer<S>>;
export async function vobizCall(http: HttpClient, c: VobizCall<undefined>): Promise<undefined>;
export async function vobizCall(http: HttpClient, c: VobizCall<z.ZodType | undefined>): Promise<unknown> {
  // A failed call is logged and kept for "Copy diagnostics", with Vobiz's request id (net/provider-failure.ts).
  return reporting(http.journal, { provider: 'vobiz', method: c.method, url: c.url, what: c.what, signal: c.signal }, (answered) => send(http, c, answered));
}

async function send(http: HttpClient, c: VobizCall<z.ZodType | undefined>, answered: Answered): Promise<unknown> {
  const req: HttpRequest = { method: c.method, url: c.url, headers: c.auth ? authHeaders(c.auth) : {} };
  if (c.body !== undefined) req.body = c.body;
  if (c.signal) req.signal = c.signal;
  if (c.onReceived) req.onReceived = c.onReceived;
  if (c.maxRetries !== undefined) req.maxRetries = c.maxRetries;
  const res = await http.request(req);
  if (res.status < 200 || res.status > 299) {
    answered(res, parseErrorBody(res.text).requestId);
    throw vobizError(res, c.ctx);
  }
  if (!c.schema) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(res.text);
  } catch {
    // A 200 web page (a captive portal, a proxy's sign-in, a wrong base URL) is said as such: "in
    // a form Trunkdesk does not understand … the API may have changed" sent the admin the wrong way.
    if (looksLikeHtml(res.text)) throw htmlError('Vobiz', c.what);
    throw driftError(c.what, 'the answer was not complete JSON');
  }
  const parsed = c.schema.safeParse(json);
  if (!parsed.success) throw driftError(c.what, parsed.error.issues[0]?.path.join('.') || undefined);
  return parsed.data;
}

export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}
