// The provider simulator: one HTTP server on loopback for three providers, each at its own mount:
//   Vobiz     /api/v1/partner/*, /api/v1/{Account,account}/*   (shared/api/vobiz.md)
//   VoIPBIN   /voipbin/auth/login, /voipbin/v1.0/*             (shared/api/voipbin_vocobase.md §1)
//   Vocobase  /vocobase/api/v2/*                               (shared/api/voipbin_vocobase.md §2)
// It follows the docs (auth, paging, error shapes, validation, rate limits) and can misbehave on
// demand (faults, applied to all three).
//
// Request flow: /__sim/* admin → request log → latency → fault queue (canned answers and socket
// faults short-circuit, unless afterHandler) → route → drift/truncate of the real answer → send.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { seedState } from './data';
import { driftBody } from './drift';
import { envelope, HttpFailure, partnerError, toWire, vocobaseError, voipbinError, voipbinStatusFor, type SimResponse, type WireResponse } from './errors';
import { htmlFaultResponse, normaliseFaults, providerOf, providerStatusFaultResponse, statusFaultResponse, takeRule, type Provider } from './faults';
import { echoResponse, echoResponseFor, hugeBody, requestSecrets, trickle } from './hostile';
import { fresh } from './ids';
import { addCredential, addCustomer, addPartner, clearState, type NewCredential, type NewCustomer, type NewPartner } from './records';
import { isRecord, matchRoute, type RequestContext, type Route } from './router';
import type {
  CredentialRecord,
  CustomerRecord,
  FaultConfig,
  FaultRule,
  PartnerRecord,
  SimState,
  VocobaseConnectionRecord,
  VoipbinAgentRecord,
  VoipbinCustomerRecord,
  VoipbinExtensionRecord,
  VoipbinTrunkRecord,
} from './types';
import { FixedWindows, TokenBuckets, type BucketStats, type WindowStats } from './rate-limit';
import { credentialRoutes } from './vobiz-credentials';
import { partnerRoutes } from './vobiz-partner';
import { seedVocobase } from './vocobase-data';
import { VOCOBASE_PREFIX, vocobaseDispatch, vocobaseKeyId, type VocobaseRuntime } from './vocobase';
import { addVocobaseConnection, addVocobasePartner, clearVocobase, emptyVocobase, type NewVocobaseConnection, type NewVocobasePartner } from './vocobase-records';
import { VOIPBIN_PREFIX, voipbinDispatch, type VoipbinRuntime } from './voipbin';
import { seedVoipbin } from './voipbin-data';
import {
  addVoipbinAccessKey,
  addVoipbinAgent,
  addVoipbinCustomer,
  addVoipbinExtension,
  addVoipbinTrunk,
  clearVoipbin,
  emptyVoipbin,
  type NewVoipbinAccessKey,
  type NewVoipbinAgent,
  type NewVoipbinCustomer,
  type NewVoipbinExtension,
  type NewVoipbinTrunk,
} from './voipbin-records';

export type { CredentialRecord, CustomerRecord, FaultConfig, FaultRule, PartnerRecord, SimState } from './types';
export type {
  VocobaseCallRecord,
  VocobaseConnectionRecord,
  VocobasePartnerRecord,
  VoipbinAccesskeyRecord,
  VoipbinAgentRecord,
  VoipbinCustomerRecord,
  VoipbinExtensionRecord,
  VoipbinTrunkRecord,
} from './types';
export type { NewCredential, NewCustomer, NewPartner } from './records';
export type { NewVoipbinAccessKey, NewVoipbinAgent, NewVoipbinCustomer, NewVoipbinExtension, NewVoipbinTrunk } from './voipbin-records';
export type { NewVocobaseConnection, NewVocobasePartner } from './vocobase-records';
export type { BucketStats, WindowStats } from './rate-limit';
export { DEMO_PARTNERS, type DemoPartner } from './data';
export { DEMO_VOIPBIN, type DemoVoipbinLogin } from './voipbin-data';
export { DEMO_VOCOBASE } from './vocobase-data';

export interface StartOptions {
  port?: number; // default 0 (a free port)
  host?: string; // default 127.0.0.1
  seed?: boolean; // default true: load the demo data (also what reset() reloads)
  quiet?: boolean; // default false: one log line per API request (never headers or bodies)
  /** Serve https with this key and certificate (PEM), as a real provider or a TLS-inspecting proxy would. */
  tls?: { key: string; cert: string };
}

export interface RequestLogEntry {
  method: string;
  path: string; // path + query
  headers: Record<string, string | undefined>; // lower-case names, raw values (tests look for leaked tokens)
  at: number; // epoch ms
  /** The X-Request-Id this request was answered with (and the error bodies' request id). */
  requestId: string;
}

export interface Simulator {
  url: string;
  partnerBaseUrl: string;
  /** origin + '/voipbin': append '/auth/login' or '/v1.0/…'. */
  voipbinBaseUrl: string;
  /** origin + '/vocobase/api/v2'. */
  vocobaseBaseUrl: string;
  close(): Promise<void>;
  addPartner(p: NewPartner): PartnerRecord;
  addCustomer(partnerAuthId: string, c: NewCustomer): CustomerRecord;
  /** Seeds a credential without the API (e.g. one with inUse: true). */
  addCredential(customerAuthId: string, c: NewCredential): CredentialRecord;
  addVoipbinCustomer(c: NewVoipbinCustomer): VoipbinCustomerRecord;
  /** An agent login of that customer; permission 32 admin (default), 64 manager, 16 plain agent. */
  addVoipbinAgent(customerId: string, a: NewVoipbinAgent): VoipbinAgentRecord;
  /** Returns the full `vb_…` token (only its hash is stored). */
  addVoipbinAccessKey(customerId: string, opts?: NewVoipbinAccessKey): string;
  /** O(1); skips the plan limit. Give explicit tmCreate values distinct per customer (or none: now, strictly increasing). */
  addExtension(customerId: string, e: NewVoipbinExtension): VoipbinExtensionRecord;
  addTrunk(customerId: string, t: NewVoipbinTrunk): VoipbinTrunkRecord;
  /** Returns the full `rg_live_…` key (only its hash is stored). */
  addVocobasePartner(p: NewVocobasePartner): string;
  /** The partner by id or by its full key. */
  addVocobaseConnection(partnerIdOrKey: string, c: NewVocobaseConnection): VocobaseConnectionRecord;
  voipbin: {
    /** Rate-limiter counters for one customer id, or summed over all. */
    stats(customerId?: string): BucketStats;
  };
  vocobase: {
    /** Per-key counters ("a simulator that counts per minute"). */
    stats(key: string): WindowStats;
  };
  setFaults(f: FaultConfig): void;
  /** Reloads the seeds of all three providers (or empties the state when started with seed:false), clears faults, the request log and the rate-limit counters. */
  reset(): void;
  /** API requests only (not /__sim/*), last 1000. */
  requests: RequestLogEntry[];
  /** API requests being answered now, and the most seen at once (writes apart), since the last reset. */
  inFlight: InFlightStats;
  /** Every secret an `echo` fault has sent back, for the canary sweep to look for. */
  echoed: string[];
  state: SimState;
}

export interface InFlightStats {
  readonly now: number;
  readonly peak: number;
  /** The most POST/PUT/DELETE requests answered at once: how parallel a bulk write really ran. */
  readonly peakWrites: number;
  reset(): void;
}

/** Counts requests from arrival to the end of their handling (latency included). */
class InFlight implements InFlightStats {
  now = 0;
  peak = 0;
  private writes = 0;
  peakWrites = 0;

  async track(method: string, work: () => Promise<void>): Promise<void> {
    const write = method !== 'GET';
    this.now++;
    this.peak = Math.max(this.peak, this.now);
    if (write) this.peakWrites = Math.max(this.peakWrites, ++this.writes);
    try {
      await work();
    } finally {
      this.now--;
      if (write) this.writes--;
    }
  }

  reset(): void {
    this.peak = this.now;
    this.peakWrites = this.writes;
  }
}

const PARTNER_BASE = '/api/v1/partner';
const REQUEST_LOG_MAX = 1000;
const BODY_MAX_BYTES = 1024 * 1024;

export async function startSimulator(opts: StartOptions = {}): Promise<Simulator> {
  const host = opts.host ?? '127.0.0.1';
  const seed = opts.seed ?? true;
  const state: SimState = { partners: [], customers: [], credentials: [], voipbin: emptyVoipbin(), vocobase: emptyVocobase() };
  const voipbinRt: VoipbinRuntime = { jwtSecret: randomBytes(32), buckets: new TokenBuckets() };
  const vocobaseRt: VocobaseRuntime = { windows: new FixedWindows() };
  const requests: RequestLogEntry[] = [];
  const echoed: string[] = [];
  const jwtSecret = randomBytes(32); // per instance: a JWT from another sim run is "invalid_token"
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new InFlight();
  let faults: FaultConfig = normaliseFaults({});
  let closed = false;

  const log = (line: string): void => {
    if (!opts.quiet) console.log(`[sim] ${line}`);
  };

  function reset(): void {
    if (seed) {
      seedState(state);
      seedVoipbin(state.voipbin);
      seedVocobase(state.vocobase);
    } else {
      clearState(state);
      clearVoipbin(state.voipbin);
      clearVocobase(state.vocobase);
    }
    voipbinRt.buckets.reset();
    vocobaseRt.windows.reset();
    faults = normaliseFaults({});
    requests.length = 0;
    inFlight.reset();
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
    switch (providerOf(path)) {
      case 'voipbin':
        return voipbinDispatch(ctx, path.slice(VOIPBIN_PREFIX.length), rawBody, voipbinRt);
      case 'vocobase': {
        const rel = path.startsWith(`${VOCOBASE_PREFIX}/`) ? path.slice(VOCOBASE_PREFIX.length) : undefined;
        return vocobaseDispatch(ctx, rel, rawBody, vocobaseRt);
      }
      default:
        break;
    }
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
  function applyCanned(rule: FaultRule, req: IncomingMessage, res: ServerResponse, requestId: string, rawBody: string, provider: Provider): void {
    switch (rule.kind) {
      case 'status':
        return send(res, toWire(provider === 'vobiz' ? statusFaultResponse(rule) : providerStatusFaultResponse(provider, rule), requestId));
      case 'echo': {
        const secrets = requestSecrets(req, rawBody);
        echoed.push(...secrets);
        return send(res, toWire(provider === 'vobiz' ? echoResponse(rule, secrets) : echoResponseFor(provider, rule, secrets), requestId));
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
    const provider = providerOf(url.pathname);
    const shown = redactQuery(pathWithQuery); // log lines never carry ?token= / ?accesskey= values
    requests.push({ method, path: pathWithQuery, headers: flattenHeaders(req), at: started, requestId });
    if (requests.length > REQUEST_LOG_MAX) requests.splice(0, requests.length - REQUEST_LOG_MAX);

    let rawBody: string;
    try {
      rawBody = await readBody(req);
    } catch {
      send(res, toWire(providerError(provider, 413, 'PAYLOAD_TOO_LARGE', 'Request body too large.'), requestId));
      return;
    }
    if (faults.latencyMs && faults.latencyMs > 0) await delay(faults.latencyMs);
    if (closed) return;

    const rule = takeRule(faults, method, pathWithQuery);
    const canned = rule && ['status', 'html', 'reset', 'hang', 'echo', 'trickle', 'huge'].includes(rule.kind);
    if (rule && canned && !rule.afterHandler) {
      log(`${method} ${shown} → fault ${rule.kind}${rule.status ? ` ${rule.status}` : ''}`);
      applyCanned(rule, req, res, requestId, rawBody, provider);
      return;
    }

    const ctx: RequestContext = { method, url, headers: req.headers, body: undefined, state, faults, jwtSecret, nowMs: Date.now() };
    let { response, routeName } = dispatch(ctx, rawBody);
    if (rule && canned) {
      // afterHandler: the real handler ran (a write took effect); the client sees the fault.
      log(`${method} ${shown} → ${response.status} hidden by fault ${rule.kind}`);
      applyCanned(rule, req, res, requestId, rawBody, provider);
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
    log(`${method} ${shown} → ${wire.status}${rule ? ` (fault ${rule.kind})` : ''} ${Date.now() - started}ms`);
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
          return reply(200, {
            ok: true,
            partners: state.partners.length,
            customers: state.customers.length,
            credentials: state.credentials.length,
            voipbin: { customers: state.voipbin.customers.length, agents: state.voipbin.agents.length, extensions: state.voipbin.extensions.length, trunks: state.voipbin.trunks.length, accesskeys: state.voipbin.accesskeys.length },
            vocobase: { partners: state.vocobase.partners.length, connections: state.vocobase.connections.length, calls: state.vocobase.calls.length },
          });
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
        case 'POST /__sim/voipbin/customers':
          if (!isRecord(body)) return reply(400, { error: 'body must be a customer object' });
          return reply(201, addVoipbinCustomer(state.voipbin, body as NewVoipbinCustomer));
        case 'POST /__sim/voipbin/agents': {
          const { customerId, ...agent } = withCustomer(body);
          const { password: _password, ...shown } = addVoipbinAgent(state.voipbin, customerId, agent as NewVoipbinAgent);
          return reply(201, shown);
        }
        case 'POST /__sim/voipbin/accesskeys': {
          const { customerId, ...opts } = withCustomer(body);
          const token = addVoipbinAccessKey(state.voipbin, customerId, opts as NewVoipbinAccessKey);
          const { tokenHash: _hash, ...accesskey } = state.voipbin.accesskeys[state.voipbin.accesskeys.length - 1]!;
          return reply(201, { token, accesskey });
        }
        case 'POST /__sim/voipbin/extensions': {
          const { customerId, ...extension } = withCustomer(body);
          return reply(201, addVoipbinExtension(state.voipbin, customerId, extension as NewVoipbinExtension));
        }
        case 'POST /__sim/voipbin/trunks': {
          const { customerId, ...trunk } = withCustomer(body);
          return reply(201, addVoipbinTrunk(state.voipbin, customerId, trunk as NewVoipbinTrunk));
        }
        case 'GET /__sim/voipbin/stats':
          return reply(200, {
            total: voipbinRt.buckets.stats(),
            customers: state.voipbin.customers.map((c) => ({ customerId: c.id, name: c.name, ...voipbinRt.buckets.stats(c.id) })),
          });
        case 'POST /__sim/vocobase/partners': {
          if (!isRecord(body)) return reply(400, { error: 'body must be a partner object' });
          const key = addVocobasePartner(state.vocobase, body as NewVocobasePartner);
          const { keyHash: _hash, ...partner } = state.vocobase.partners[state.vocobase.partners.length - 1]!;
          return reply(201, { key, partner });
        }
        case 'POST /__sim/vocobase/connections': {
          if (!isRecord(body) || typeof body.partnerId !== 'string') return reply(400, { error: 'body needs partnerId (a partner id or its key)' });
          const { partnerId, ...connection } = body;
          const { outboundPasswordHash: _p, secretHashes: _s, ...shown } = addVocobaseConnection(state.vocobase, partnerId, connection as NewVocobaseConnection);
          return reply(201, shown);
        }
        case 'GET /__sim/vocobase/stats':
          // Per partner, by key hash (no keys in the answer).
          return reply(200, {
            partners: state.vocobase.partners.map((p) => ({ partnerId: p.id, name: p.displayName, keyPrefix: p.keyPrefix, ...vocobaseRt.windows.stats(p.keyHash) })),
          });
        default:
          return reply(404, { error: `no admin route ${key}` });
      }
    } catch (err) {
      return reply(400, { error: err instanceof Error ? err.message : String(err) });
    }
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const pathWithQuery = req.url ?? '/';
    const url = new URL(pathWithQuery, 'http://sim.invalid');
    const isAdmin = url.pathname === '/__sim' || url.pathname.startsWith('/__sim/');
    const work = isAdmin ? handleAdmin(req, res, method, url.pathname) : inFlight.track(method, () => handleApi(req, res, method, pathWithQuery, url));
    work.catch((err: unknown) => {
      console.error('[sim] handler crashed:', err instanceof Error ? err.stack ?? err.message : 'unknown error');
      send(res, toWire(providerError(providerOf(url.pathname), 500, 'INTERNAL_ERROR', 'Simulator error.'), fresh.requestId()));
    });
  };
  const server = opts.tls ? createTlsServer({ key: opts.tls.key, cert: opts.tls.cert }, onRequest) : createServer(onRequest);

  reset();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `${opts.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: origin,
    partnerBaseUrl: origin + PARTNER_BASE,
    voipbinBaseUrl: origin + VOIPBIN_PREFIX,
    vocobaseBaseUrl: origin + VOCOBASE_PREFIX,
    requests,
    inFlight,
    echoed,
    state,
    addPartner: (p) => addPartner(state, p),
    addCustomer: (partnerAuthId, c) => addCustomer(state, partnerAuthId, c),
    addCredential: (customerAuthId, c) => addCredential(state, customerAuthId, c),
    addVoipbinCustomer: (c) => addVoipbinCustomer(state.voipbin, c),
    addVoipbinAgent: (customerId, a) => addVoipbinAgent(state.voipbin, customerId, a),
    addVoipbinAccessKey: (customerId, o) => addVoipbinAccessKey(state.voipbin, customerId, o),
    addExtension: (customerId, e) => addVoipbinExtension(state.voipbin, customerId, e),
    addTrunk: (customerId, t) => addVoipbinTrunk(state.voipbin, customerId, t),
    addVocobasePartner: (p) => addVocobasePartner(state.vocobase, p),
    addVocobaseConnection: (partner, c) => addVocobaseConnection(state.vocobase, partner, c),
    voipbin: { stats: (customerId) => voipbinRt.buckets.stats(customerId) },
    vocobase: { stats: (key) => vocobaseRt.windows.stats(vocobaseKeyId(key)) },
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

/** `{customerId, ...rest}` of an admin body, or a thrown error (→ 400). */
function withCustomer(body: unknown): Record<string, unknown> & { customerId: string } {
  if (!isRecord(body) || typeof body.customerId !== 'string') throw new Error('body needs customerId');
  return body as Record<string, unknown> & { customerId: string };
}

/** An error in the provider's own shape, for answers outside the route modules (413, crash). */
function providerError(provider: Provider, status: number, code: string, message: string): SimResponse {
  if (provider === 'voipbin') return { ...voipbinError(voipbinStatusFor(status), code, message), status };
  if (provider === 'vocobase') return vocobaseError(status, code, message);
  return envelope(status, code, message);
}

const SECRET_QUERY = /^(token|accesskey|access_key|api_key|apikey|key|password|secret|auth_token|jwt)$/i;

/** path?query with the values of credential-looking query parameters replaced by ***. */
export function redactQuery(pathWithQuery: string): string {
  const q = pathWithQuery.indexOf('?');
  if (q === -1) return pathWithQuery;
  const parts = pathWithQuery
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq === -1 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        /* keep raw */
      }
      return eq !== -1 && SECRET_QUERY.test(name) ? `${rawName}=***` : pair;
    });
  return `${pathWithQuery.slice(0, q)}?${parts.join('&')}`;
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
