// The one HTTP client of the app. One undici dispatcher (keep-alive, bounded connections per
// origin, connect/headers/body timeouts; proxy from HTTPS_PROXY/NO_PROXY when set), and an overall
// deadline per attempt: undici's body timeout counts idle time only, so a server that trickles a
// byte every few seconds would otherwise hold a call (and a pooled connection) forever. Transport
// failures become AppErrors with words for the admin. GETs, and only GETs, are retried on
// 429/502/503/504 and connection resets, honouring Retry-After with capped, jittered backoff:
// a write that failed has an unknown outcome and must be checked by the caller, not repeated.
import { Agent, EnvHttpProxyAgent, request, type Dispatcher } from 'undici';
import { isSafeBaseUrl } from '../../src-preload/contract';
import { isUnreachable, type Connectivity } from './connectivity';
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
  dispatcher?: Dispatcher;
  /** Told of every outcome, so the app knows when it is offline and when it is back. */
  connectivity?: Connectivity;
  /** Where the providers' transports record failed calls (net/provider-failure.ts); one of its own by default. */
  journal?: ErrorJournal;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export class HttpClient {
  private readonly dispatcher: Dispatcher;
  private readonly opts: Required<Omit<HttpOptions, 'dispatcher' | 'connectivity' | 'journal'>>;
  private readonly connectivity: Connectivity | undefined;
  /** The app's recent errors: every transport that uses this client reports its failed calls here. */
  readonly journal: ErrorJournal;

  constructor(options: HttpOptions = {}) {
    this.opts = {
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      headersTimeoutMs: options.headersTimeoutMs ?? 20_000,
      bodyTimeoutMs: options.bodyTimeoutMs ?? 30_000,
      deadlineMs: options.deadlineMs ?? 45_000,
      connectionsPerOrigin: options.connectionsPerOrigin ?? 6,
      maxRetries: options.maxRetries ?? 2,
      baseDelayMs: options.baseDelayMs ?? 500,
      maxDelayMs: options.maxDelayMs ?? 8_000,
      sleep: options.sleep ?? abortableSleep,
    };
    this.dispatcher = options.dispatcher ?? makeDispatcher(this.opts);
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
      try {
        res = await this.once(req);
        this.connectivity?.reachable();
      } catch (e) {
        const err = e instanceof AppError ? e : transportError(e, req);
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
    await this.dispatcher.close();
  }

  private backoff(attempt: number): number {
    const exp = Math.min(this.opts.maxDelayMs, this.opts.baseDelayMs * 2 ** attempt);
    return Math.round(exp / 2 + Math.random() * (exp / 2));
  }

  /** One attempt under the overall deadline; the caller's own signal still cancels it. */
  private async once(req: HttpRequest): Promise<HttpResponse> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.opts.deadlineMs);
    const signal = req.signal ? AbortSignal.any([req.signal, deadline.signal]) : deadline.signal;
    try {
      return await this.send(req, signal);
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

  private async send(req: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
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
      dispatcher: this.dispatcher,
      headersTimeout: this.opts.headersTimeoutMs,
      bodyTimeout: this.opts.bodyTimeoutMs,
    });
    const text = await readCapped(res.body);
    const outHeaders: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(res.headers)) outHeaders[k] = Array.isArray(v) ? v.join(', ') : v;
    return { status: res.statusCode, headers: outHeaders, text };
  }
}

function makeDispatcher(o: Required<Omit<HttpOptions, 'dispatcher' | 'connectivity' | 'journal'>>): Dispatcher {
  const agentOpts = {
    connections: o.connectionsPerOrigin,
    keepAliveTimeout: 30_000,
    connect: { timeout: o.connectTimeoutMs },
    headersTimeout: o.headersTimeoutMs,
    bodyTimeout: o.bodyTimeoutMs,
  };
  const env = process.env;
  const proxied = env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy;
  return proxied ? new EnvHttpProxyAgent(agentOpts) : new Agent(agentOpts);
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

function transportError(e: unknown, req: HttpRequest): AppError {
  const code = (e as { code?: string })?.code ?? '';
  const name = (e as { name?: string })?.name ?? '';
  const host = safeHost(req.url);
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

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}

