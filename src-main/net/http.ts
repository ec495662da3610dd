// The one HTTP client of the app. Its dispatchers (keep-alive, bounded connections per origin,
// connect/headers/body timeouts; the environment's or the system's proxy, extra CAs: see
// dispatchers.ts), and an overall
// deadline per attempt: undici's body timeout counts idle time only, so a server that trickles a
// byte every few seconds would otherwise hold a call (and a pooled connection) forever. Transport
// failures become AppErrors with words for the admin. GETs, and only GETs, are retried on
// 429/502/503/504 and connection resets, honouring Retry-After with capped, jittered backoff:
// a write that failed has an unknown outcome and must be checked by the caller, not repeated.
import { request, type Dispatcher } from 'undici';
import { isSafeBaseUrl } from '../../src-preload/contract';
import { isUnreachable, type Connectivity } from './connectivity';
import { Dispatchers, fixedSource, type AgentLimits, type DispatcherOptions, type DispatcherSource, type Way } from './dispatchers';
import { abortableSleep } from './sleep';
import { AppError } from './errors';
import { ErrorJournal } from './error-journal';
import { log } from './redact';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface HttpRequest {
  method: Method;
  url: string;
  headers?: Record<string, string>;
  /** Serialised as JSON with Content-Type: application/json. */
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Called once the final answer's body is fully in, before the caller parses it: the sync
   * engine frees its concurrency slot here, so parsing never holds back the next request.
   */
  onReceived?: () => void;
  /**
   * Override the client's GET retries for this request. A provider behind a client-side rate
   * limiter passes 0: a retry the limiter never saw would spend a slot it did not count.
   */
  maxRetries?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | undefined>;
  text: string;
}

export interface HttpOptions {
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** Whole attempt, from queueing for a connection to the last byte of the body. */
  deadlineMs?: number;
  connectionsPerOrigin?: number;
  /** Retries for GETs after the first try. */
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Injected for tests and benchmarks; defaults to setTimeout. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** A fixed dispatcher (tests, benchmarks); otherwise `network` decides per request. */
  dispatcher?: Dispatcher;
  /** Proxy and CA settings of the built dispatchers (ignored with `dispatcher`). */
  network?: Omit<DispatcherOptions, 'limits'>;
  /** The app's dispatchers, when the caller built them (to describe and rebuild them). */
  dispatchers?: DispatcherSource;
  /** Told of every outcome, so the app knows when it is offline and when it is back. */
  connectivity?: Connectivity;
  /** Where the providers' transports record failed calls (net/provider-failure.ts); one of its own by default. */
  journal?: ErrorJournal;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export class HttpClient {
  private readonly dispatchers: DispatcherSource;
  private readonly opts: Required<Omit<HttpOptions, 'dispatcher' | 'connectivity' | 'network' | 'dispatchers' | 'journal'>>;
  private readonly connectivity: Connectivity | undefined;
  /** The app's recent errors: every transport that uses this client reports its failed calls here. */
  readonly journal: ErrorJournal;

  constructor(options: HttpOptions = {}) {
    this.opts = {
      ...agentDefaults(options),
      deadlineMs: options.deadlineMs ?? 45_000,
      maxRetries: options.maxRetries ?? 2,
      baseDelayMs: options.baseDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 8_000,
      sleep: options.sleep ?? abortableSleep,
    };
    this.dispatchers =
      options.dispatchers ??
      (options.dispatcher
        ? fixedSource(options.dispatcher)
        : new Dispatchers({ ...options.network, limits: httpLimits(this.opts) }));
    this.connectivity = options.connectivity;
    this.journal = options.journal ?? new ErrorJournal();
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    // The last line of the https rule (contract.isSafeBaseUrl): whatever a profile file or a
    // caller says, no request, and so no auth header, goes out over plain http to another machine.
    if (!isSafeBaseUrl(req.url)) {
      throw new AppError('VALIDATION', 'Trunkdesk refused to send a request over plain http to another computer.', {
        hint: 'The base URL must use https:// (plain http is only for a simulator on this computer).',
        retryable: false,
      });
    }
    const retries = req.method === 'GET' ? (req.maxRetries ?? this.opts.maxRetries) : 0;
    for (let attempt = 0; ; attempt++) {
      let res: HttpResponse;
      let way: Way | undefined;
      try {
        way = await this.dispatchers.forUrl(req.url);
        res = await this.once(req, way.dispatcher);
        this.connectivity?.reachable();
      } catch (e) {
        const err = e instanceof AppError ? e : transportError(e, req, way);
        if (isUnreachable(err) && !req.signal?.aborted) this.connectivity?.unreachable(req.url, err.message);
        if (attempt < retries && err.code !== 'TIMEOUT' && err.retryable && !req.signal?.aborted) {
          await this.opts.sleep(this.backoff(attempt), req.signal);
          continue;
        }
        throw err;
      }
      if (attempt < retries && RETRY_STATUSES.has(res.status)) {
        const asked = retryAfterMs(res.headers['retry-after']);
        // A provider asking for a longer pause than we are willing to block for gets the error
        // (with its Retry-After) instead of a frozen screen.
        if (asked === undefined || asked <= this.opts.maxDelayMs) {
          await this.opts.sleep(asked ?? this.backoff(attempt), req.signal);
          continue;
        }
      }
      req.onReceived?.();
      return res;
    }
  }

  async close(): Promise<void> {
    await this.dispatchers.close();
  }

  private backoff(attempt: number): number {
    const exp = Math.min(this.opts.maxDelayMs, this.opts.baseDelayMs * 2 ** attempt);
    return Math.round(exp / 2 + Math.random() * (exp / 2));
  }

  /** One attempt under the overall deadline; the caller's own signal still cancels it. */
  private async once(req: HttpRequest, dispatcher: Dispatcher): Promise<HttpResponse> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.opts.deadlineMs);
    const signal = req.signal ? AbortSignal.any([req.signal, deadline.signal]) : deadline.signal;
    try {
      return await this.send(req, signal, dispatcher);
    } catch (e) {
      if (deadline.signal.aborted && !req.signal?.aborted) {
        throw new AppError('TIMEOUT', `${safeHost(req.url)} did not finish answering within ${Math.round(this.opts.deadlineMs / 1000)} s.`, {
          hint: 'The service is answering too slowly. Try again; nothing was changed on this computer.',
          retryable: true,
          cause: e,
        });
      }
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  private async send(req: HttpRequest, signal: AbortSignal, dispatcher: Dispatcher): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...lower(req.headers ?? {}) };
    let body: string | undefined;
    if (req.body !== undefined) {
      body = JSON.stringify(req.body);
      headers['content-type'] = 'application/json';
    }
    const res = await request(req.url, {
      method: req.method,
      headers,
      body,
      signal,
      dispatcher,
      headersTimeout: this.opts.headersTimeoutMs,
      bodyTimeout: this.opts.bodyTimeoutMs,
    });
    const text = await readCapped(res.body);
    const outHeaders: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(res.headers)) outHeaders[k] = Array.isArray(v) ? v.join(', ') : v;
    return { status: res.statusCode, headers: outHeaders, text };
  }
}

/** The connection limits and timeouts, the caller's or the defaults: one place for both. */
function agentDefaults(o: HttpOptions) {
  return {
    connectTimeoutMs: o.connectTimeoutMs ?? 10_000,
    headersTimeoutMs: o.headersTimeoutMs ?? 20_000,
    bodyTimeoutMs: o.bodyTimeoutMs ?? 30_000,
    connectionsPerOrigin: o.connectionsPerOrigin ?? 6,
  };
}

/** What the dispatchers need of the options: so main's own Dispatchers (services.ts) match the client's. */
export function httpLimits(o: HttpOptions): AgentLimits {
  const d = agentDefaults(o);
  return { connections: d.connectionsPerOrigin, connectTimeoutMs: d.connectTimeoutMs, headersTimeoutMs: d.headersTimeoutMs, bodyTimeoutMs: d.bodyTimeoutMs };
}

async function readCapped(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      body.destroy();
      // Final, not retryable: asking again would only read the same oversized answer again.
      throw new AppError('UPSTREAM', 'The server sent a far larger answer than expected.', {
        hint: "Check that the profile's base URL points at the provider's API.",
        retryable: false,
      });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function lower(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Certificate codes that mean "signed by nobody this computer trusts": a corporate TLS inspector, or a wrong server. */
const UNTRUSTED_CERT = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
const BAD_CERT = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH', 'CERT_REVOKED']);

/** The error and its causes, outermost first (undici wraps a proxy's or TLS's own error). */
type ErrorLink = { code?: string; name?: string; message?: string; address?: string; port?: number };
function chain(e: unknown): ErrorLink[] {
  const out: ErrorLink[] = [];
  for (let x = e as { cause?: unknown } | undefined, i = 0; x && typeof x === 'object' && i < 5; x = x.cause as typeof x, i++) out.push(x as never);
  return out;
}

function transportError(e: unknown, req: HttpRequest, way?: Way): AppError {
  const links = chain(e);
  const codes = links.map((l) => l.code ?? '');
  const host = safeHost(req.url);
  const tlsCode = codes.find((c) => UNTRUSTED_CERT.has(c));
  if (tlsCode) {
    return new AppError('UPSTREAM', `The server's certificate is not trusted on this computer (${host}).`, {
      hint: 'If your company inspects TLS, add its CA certificate in Settings → Network (or set NODE_EXTRA_CA_CERTS). Otherwise check the base URL.',
      retryable: false,
      cause: e,
    });
  }
  const badCert = codes.find((c) => BAD_CERT.has(c));
  if (badCert) {
    return new AppError('UPSTREAM', `The server's certificate is not valid for ${host} (${badCert}).`, {
      hint: 'Check the base URL. If it is right, the server or a proxy in between presents the wrong certificate.',
      retryable: false,
      cause: e,
    });
  }
  if (way?.via) {
    // The proxy's own answer to CONNECT: undici words it "Proxy response (407) !== 200 …".
    const refused = links.map((l) => /Proxy response \((\d{3})\)/.exec(l.message ?? '')?.[1] ?? (/Proxy Authentication Required/.test(l.message ?? '') ? '407' : undefined)).find(Boolean);
    if (refused) {
      return new AppError('UPSTREAM', `The proxy ${way.via} refused to connect to ${host} (HTTP ${refused}${refused === '407' ? ': it asks for a sign-in' : ''}).`, {
        hint:
          refused === '407'
            ? "Put the proxy's user name and password in the proxy URL (HTTPS_PROXY=http://user:password@host:port), or ask your IT team to let Trunkdesk through."
            : 'Ask your IT team whether the proxy lets Trunkdesk reach this server.',
        retryable: false,
        cause: e,
      });
    }
    const toProxy = links.find((l) => ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH'].includes(l.code ?? '') && isProxyEndpoint(l, way.via!));
    if (toProxy) {
      return new AppError('OFFLINE', `Could not reach the proxy ${way.via} (${toProxy.code}).`, {
        hint: `Check the proxy settings (${way.source === 'env' ? 'HTTPS_PROXY / HTTP_PROXY' : "the system's proxy settings"}), then try again.`,
        retryable: true,
        cause: e,
      });
    }
  }
  const code = codes[0] ?? '';
  const name = links[0]?.name ?? '';
  if (name === 'AbortError' || req.signal?.aborted) {
    return new AppError('TIMEOUT', 'The request was cancelled.', { retryable: true, cause: e });
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new AppError('TIMEOUT', `${host} did not answer in time.`, {
      hint: 'The service may be slow or unreachable. Try again; nothing was changed on this computer.',
      retryable: true,
      cause: e,
    });
  }
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN'].includes(code)) {
    return new AppError('OFFLINE', `Could not reach ${host}.`, {
      hint: 'Check your internet connection (and proxy settings), then try again.',
      retryable: true,
      cause: e,
    });
  }
  if (['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED'].includes(code)) {
    return new AppError('UPSTREAM', `The connection to ${host} was dropped before it answered.`, {
      hint: 'Try again in a moment.',
      retryable: true,
      cause: e,
    });
  }
  log.warn('unexpected transport error', e);
  return new AppError('UPSTREAM', `The request to ${host} failed.`, {
    hint: 'Try again. If it keeps failing, check the base URL and your network.',
    retryable: true,
    cause: e,
  });
}

/** Whether a socket error names the proxy's address (so it is the proxy that could not be reached). */
function isProxyEndpoint(l: { address?: string; port?: number; hostname?: string }, via: string): boolean {
  const i = via.lastIndexOf(':');
  const host = via.slice(0, i).replace(/^\[|\]$/g, '');
  const port = Number(via.slice(i + 1));
  const named = (l as { hostname?: string }).hostname;
  if (named !== undefined) return named === host;
  return l.address === host && (l.port === undefined || l.port === port);
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}

