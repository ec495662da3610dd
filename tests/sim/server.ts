// The Vobiz provider simulator: an HTTP server on loopback that follows shared/api/vobiz.md
// (auth scopes, paging envelopes, error shapes, validation) and can misbehave on demand (faults).
//
// Request flow: /__sim/* admin → request log → latency → fault queue (canned answers and socket
// faults short-circuit, unless afterHandler) → route → drift/truncate of the real answer → send.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { seedState } from './data';
import { driftBody } from './drift';
import { envelope, HttpFailure, partnerError, toWire, type SimResponse, type WireResponse } from './errors';
import { htmlFaultResponse, normaliseFaults, statusFaultResponse, takeRule } from './faults';
import { echoResponse, hugeBody, requestSecrets, trickle } from './hostile';
import { fresh } from './ids';
import { addCredential, addCustomer, addPartner, clearState, type NewCredential, type NewCustomer, type NewPartner } from './records';
import { isRecord, matchRoute, type RequestContext, type Route } from './router';
import type { CredentialRecord, CustomerRecord, FaultConfig, FaultRule, PartnerRecord, SimState } from './types';
import { credentialRoutes } from './vobiz-credentials';
import { partnerRoutes } from './vobiz-partner';

export type { CredentialRecord, CustomerRecord, FaultConfig, FaultRule, PartnerRecord, SimState } from './types';
export type { NewCredential, NewCustomer, NewPartner } from './records';
export { DEMO_PARTNERS, type DemoPartner } from './data';

export interface StartOptions {
  port?: number; // default 0 (a free port)
  host?: string; // default 127.0.0.1
  seed?: boolean; // default true: load the demo data (also what reset() reloads)
  quiet?: boolean; // default false: one log line per API request (never headers or bodies)
}

export interface RequestLogEntry {
  method: string;
  path: string; // path + query
  headers: Record<string, string | undefined>; // lower-case names, raw values (tests look for leaked tokens)
  at: number; // epoch ms
}

export interface Simulator {
  url: string;
  partnerBaseUrl: string;
  close(): Promise<void>;
  addPartner(p: NewPartner): PartnerRecord;
  addCustomer(partnerAuthId: string, c: NewCustomer): CustomerRecord;
  /** Seeds a credential without the API (e.g. one with inUse: true). */
  addCredential(customerAuthId: string, c: NewCredential): CredentialRecord;
  setFaults(f: FaultConfig): void;
  /** Reloads the seed (or empties the state when started with seed:false), clears faults and the request log. */
  reset(): void;
  /** API requests only (not /__sim/*), last 1000. */
  requests: RequestLogEntry[];
  /** Every secret an `echo` fault has sent back, for the canary sweep to look for. */
  echoed: string[];
  state: SimState;
}

const PARTNER_BASE = '/api/v1/partner';
const REQUEST_LOG_MAX = 1000;
const BODY_MAX_BYTES = 1024 * 1024;

export async function startSimulator(opts: StartOptions = {}): Promise<Simulator> {
  const host = opts.host ?? '127.0.0.1';
  const seed = opts.seed ?? true;
  const state: SimState = { partners: [], customers: [], credentials: [] };
  const requests: RequestLogEntry[] = [];
  const echoed: string[] = [];
  const jwtSecret = randomBytes(32); // per instance: a JWT from another sim run is "invalid_token"
  const timers = new Set<NodeJS.Timeout>();
  let faults: FaultConfig = normaliseFaults({});
  let closed = false;

  const log = (line: string): void => {
    if (!opts.quiet) console.log(`[vobiz-sim] ${line}`);
  };

  function reset(): void {
    if (seed) seedState(state);
    else clearState(state);
    faults = normaliseFaults({});
    requests.length = 0;
  }

  function delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });
  }

  function send(res: ServerResponse, wire: WireResponse): void {
    if (closed || res.destroyed || res.headersSent) return;
    const headers: Record<string, string> = { ...wire.headers };
    if (wire.status !== 204 && wire.status !== 304) headers['Content-Length'] = String(Buffer.byteLength(wire.text));
    res.writeHead(wire.status, headers);
    res.end(wire.text);
  }

  /** Routes within one API family; 405 when the path exists with other methods, else 404. */
  function route(routes: readonly Route[], rel: string, ctx: RequestContext, rawBody: string): { response: SimResponse; routeName?: string } {
    const match = matchRoute(routes, ctx.method, rel);
    if (!match.found) {
      if (match.allowed.length > 0) {
        const response = envelope(405, 'METHOD_NOT_ALLOWED', `${ctx.method} is not allowed on ${ctx.url.pathname}`);
        return { response: { ...response, headers: { Allow: match.allowed.join(', ') } } };
      }
      return { response: notFound(ctx) };
    }
    if (rawBody.trim() !== '') {
      try {
        ctx.body = JSON.parse(rawBody);
      } catch {
        return { response: envelope(400, 'BAD_REQUEST', 'Request body is not valid JSON.'), routeName: match.route.name };
      }
    }
    try {
      return { response: match.route.handle(ctx, match.params), routeName: match.route.name };
    } catch (err) {
      if (err instanceof HttpFailure) return { response: err.response, routeName: match.route.name };
      throw err;
    }
  }

  function notFound(ctx: RequestContext): SimResponse {
    return envelope(404, 'NOT_FOUND', `No route for ${ctx.method} ${ctx.url.pathname}`);
  }

  function dispatch(ctx: RequestContext, rawBody: string): { response: SimResponse; routeName?: string } {
    const path = ctx.url.pathname;
    // The outdated base path from the old docs (vobiz.md §1): always 404, whatever the credentials.
    if (path === '/partner/v1' || path.startsWith('/partner/v1/')) {
      return { response: partnerError(404, 'not_found', `No route for ${path} — the partner API lives under ${PARTNER_BASE}`) };
    }
    if (path.startsWith(`${PARTNER_BASE}/`)) return route(partnerRoutes, path.slice(PARTNER_BASE.length), ctx, rawBody);
    const account = /^\/api\/v1\/(Account|account)(\/.*)$/.exec(path);
    if (account) {
      // Whether the live server is case-insensitive is unknown (vobiz.md §7.1): switchable.
      const casing = ctx.faults.pathCasing ?? 'both';
      const upper = account[1] === 'Account';
      if ((casing === 'upper-only' && !upper) || (casing === 'lower-only' && upper)) return { response: notFound(ctx) };
      return route(credentialRoutes, account[2] ?? '', ctx, rawBody);
    }
    return { response: notFound(ctx) };
  }

  /** Answers a rule of kind status/html/reset/hang. */
  function applyCanned(rule: FaultRule, req: IncomingMessage, res: ServerResponse, requestId: string, rawBody: string): void {
    switch (rule.kind) {
      case 'status':
        return send(res, toWire(statusFaultResponse(rule), requestId));
      case 'echo': {
        const secrets = requestSecrets(req, rawBody);
        echoed.push(...secrets);
        return send(res, toWire(echoResponse(rule, secrets), requestId));
      }
      case 'trickle':
        return trickle(rule, res, timers);
      case 'huge':
        return send(res, toWire(hugeBody(rule), requestId));
      case 'html':
        return send(res, toWire(htmlFaultResponse(rule), requestId));
      case 'reset':
        // A TCP RST (ECONNRESET at the client) rather than a polite FIN.
        if (typeof req.socket.resetAndDestroy === 'function') req.socket.resetAndDestroy();
        else req.socket.destroy();
        return;
      case 'hang':
        return; // never answered; close() destroys the socket
      default:
        return;
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, pathWithQuery: string, url: URL): Promise<void> {
    const requestId = fresh.requestId();
    const started = Date.now();
    requests.push({ method, path: pathWithQuery, headers: flattenHeaders(req), at: started });
    if (requests.length > REQUEST_LOG_MAX) requests.splice(0, requests.length - REQUEST_LOG_MAX);

    let rawBody: string;
    try {
      rawBody = await readBody(req);
    } catch {
      send(res, toWire(envelope(413, 'PAYLOAD_TOO_LARGE', 'Request body too large.'), requestId));
      return;
    }
    if (faults.latencyMs && faults.latencyMs > 0) await delay(faults.latencyMs);
    if (closed) return;

    const rule = takeRule(faults, method, pathWithQuery);
    const canned = rule && ['status', 'html', 'reset', 'hang', 'echo', 'trickle', 'huge'].includes(rule.kind);
    if (rule && canned && !rule.afterHandler) {
      log(`${method} ${pathWithQuery} → fault ${rule.kind}${rule.status ? ` ${rule.status}` : ''}`);
      applyCanned(rule, req, res, requestId, rawBody);
      return;
    }

    const ctx: RequestContext = { method, url, headers: req.headers, body: undefined, state, faults, jwtSecret, nowMs: Date.now() };
    let { response, routeName } = dispatch(ctx, rawBody);
    if (rule && canned) {
      // afterHandler: the real handler ran (a write took effect); the client sees the fault.
      log(`${method} ${pathWithQuery} → ${response.status} hidden by fault ${rule.kind}`);
      applyCanned(rule, req, res, requestId, rawBody);
      return;
    }
    if (rule?.kind === 'drift' && response.kind === 'json' && response.status < 300 && routeName) {
      response = { ...response, body: driftBody(routeName, response.body, rule.variant) };
    }
    const wire = toWire(response, requestId);
    if (rule?.kind === 'truncate' && wire.text.length > 0) {
      // Valid HTTP framing (Content-Length matches) around invalid JSON: a parse error, not a socket error.
      wire.text = wire.text.slice(0, Math.floor(wire.text.length / 2));
    }
    log(`${method} ${pathWithQuery} → ${wire.status}${rule ? ` (fault ${rule.kind})` : ''} ${Date.now() - started}ms`);
    send(res, wire);
  }

  async function handleAdmin(req: IncomingMessage, res: ServerResponse, method: string, path: string): Promise<void> {
    const reply = (status: number, body: unknown): void =>
      send(res, { status, headers: { 'Content-Type': 'application/json' }, text: JSON.stringify(body) });
    let body: unknown;
    try {
      const raw = await readBody(req);
      body = raw.trim() === '' ? {} : JSON.parse(raw);
    } catch {
      return reply(400, { error: 'body must be JSON' });
    }
    const key = `${method} ${path}`;
    try {
      switch (key) {
        case 'GET /__sim/health':
          return reply(200, { ok: true, partners: state.partners.length, customers: state.customers.length, credentials: state.credentials.length });
        case 'GET /__sim/faults':
          return reply(200, faults);
        case 'POST /__sim/faults':
          if (!isRecord(body)) return reply(400, { error: 'body must be a FaultConfig object' });
          faults = normaliseFaults(body as FaultConfig);
          return reply(200, { ok: true, faults });
        case 'POST /__sim/reset':
          reset();
          return reply(200, { ok: true });
        case 'POST /__sim/partners':
          if (!isRecord(body)) return reply(400, { error: 'body must be a partner object' });
          return reply(201, addPartner(state, body as NewPartner));
        case 'POST /__sim/customers': {
          if (!isRecord(body) || typeof body.partnerAuthId !== 'string') return reply(400, { error: 'body needs partnerAuthId' });
          const { partnerAuthId, ...customer } = body;
          return reply(201, addCustomer(state, partnerAuthId, customer as NewCustomer));
        }
        default:
          return reply(404, { error: `no admin route ${key}` });
      }
    } catch (err) {
      return reply(400, { error: err instanceof Error ? err.message : String(err) });
    }
  }

  const server = createServer((req, res) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const pathWithQuery = req.url ?? '/';
    const url = new URL(pathWithQuery, 'http://sim.invalid');
    const isAdmin = url.pathname === '/__sim' || url.pathname.startsWith('/__sim/');
    const work = isAdmin ? handleAdmin(req, res, method, url.pathname) : handleApi(req, res, method, pathWithQuery, url);
    work.catch((err: unknown) => {
      console.error('[vobiz-sim] handler crashed:', err);
      send(res, toWire(envelope(500, 'INTERNAL_ERROR', 'Simulator error.'), fresh.requestId()));
    });
  });

  reset();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: origin,
    partnerBaseUrl: origin + PARTNER_BASE,
    requests,
    echoed,
    state,
    addPartner: (p) => addPartner(state, p),
    addCustomer: (partnerAuthId, c) => addCustomer(state, partnerAuthId, c),
    addCredential: (customerAuthId, c) => addCredential(state, customerAuthId, c),
    reset,
    setFaults(f: FaultConfig) {
      faults = normaliseFaults(f);
    },
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive and hanging sockets would otherwise hold close() (and the test run) open.
        server.closeAllConnections();
      });
    },
  };
}

function flattenHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_MAX_BYTES) {
        reject(new Error('body too large'));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
