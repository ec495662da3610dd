// The undici dispatcher each request goes out on: the one place that decides how the app reaches
// a server. Precedence, as the admin expects it of any desktop tool: the environment's proxy
// (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, through undici's EnvHttpProxyAgent), else the system's
// proxy as Electron resolves it for that URL (PAC, WPAD or fixed settings), else direct.
//
// Every dispatcher (direct or proxied) has the same connection limits and timeouts, and trusts
// the same certificates: Node's default store (which holds NODE_EXTRA_CA_CERTS when it was set at
// start-up) plus the CA file chosen in Settings → Network. Changing that file rebuilds them all.
import tls from 'node:tls';
import { readFileSync } from 'node:fs';
import { Agent, EnvHttpProxyAgent, ProxyAgent, type Dispatcher } from 'undici';
import type { NetworkSettingsDTO } from '../../src-preload/contract';
import { AppError } from './errors';
import { bypassesProxy, chooseRoute, describeProxyUrl, envProxy, envProxyProblem, parsePacResult, routeLabel, routeUri, type EnvProxy, type EnvProxyProblem, type Route } from './proxy';
import { log } from './redact';
import { rememberSecret } from './scrub';

/** Electron's session.resolveProxy: a PAC-style answer for a URL. */
export type ResolveProxy = (url: string) => Promise<string>;

export interface AgentLimits {
  connections: number;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  keepAliveTimeoutMs?: number;
}

export interface DispatcherOptions {
  limits: AgentLimits;
  /** Read once, here; tests pass their own so nothing leaks between them. Default process.env. */
  env?: Record<string, string | undefined>;
  /** Absent (Node, tests): no system proxy, so direct unless the environment names one. */
  resolveProxy?: ResolveProxy;
  /** PEM certificates to trust besides the default store. */
  extraCa?: string[];
  /** How long a system-proxy answer is kept per origin (default 60 s). */
  ttlMs?: number;
  now?: () => number;
}

/** How one request goes out, and so what the admin and an error message may say about it. */
export interface Way {
  dispatcher: Dispatcher;
  source: 'env' | 'system' | 'direct';
  /** host:port of the proxy, never its credentials; null when direct. */
  via: string | null;
}

/** What HttpClient asks for: the way for a URL. */
export interface DispatcherSource {
  forUrl(url: string): Promise<Way>;
  close(): Promise<void>;
}

/** A fixed dispatcher (tests, benchmarks): always direct as far as anyone can tell. */
export function fixedSource(dispatcher: Dispatcher): DispatcherSource {
  return { forUrl: async () => ({ dispatcher, source: 'direct', via: null }), close: () => dispatcher.close() };
}

export class Dispatchers implements DispatcherSource {
  private readonly env: EnvProxy | undefined;
  /** An environment proxy URL that cannot be used, per scheme: requests it would carry fail, naming the variable. */
  private readonly envProblems: { https: EnvProxyProblem | null; http: EnvProxyProblem | null };
  private readonly ttlMs: number;
  private readonly now: () => number;
  private extraCa: string[];
  /** One dispatcher per route (direct, or a proxy URI), shared by every origin that takes it. */
  private pool = new Map<string, Dispatcher>();
  private envAgent: Dispatcher | undefined;
  private readonly resolved = new Map<string, { route: Route; until: number }>();
  private readonly warned = new Set<string>();
  private lastOrigin: string | undefined;
  private closed = false;

  constructor(private readonly o: DispatcherOptions) {
    const env = o.env ?? process.env;
    this.env = envProxy(env);
    this.envProblems = { https: envProxyProblem(env, true), http: envProxyProblem(env, false) };
    for (const p of new Set([this.envProblems.https, this.envProblems.http])) if (p) log.warn(unusableEnvProxyText(p));
    this.ttlMs = o.ttlMs ?? 60_000;
    this.now = o.now ?? Date.now;
    this.extraCa = o.extraCa ?? [];
    // Credentials in a proxy URL are secrets like any token: known to the scrubber before any
    // request or log line could carry them.
    if (this.env) for (const uri of [this.env.httpProxy, this.env.httpsProxy]) for (const s of describeProxyUrl(uri)?.secrets ?? []) rememberSecret(s);
  }

  async forUrl(url: string): Promise<Way> {
    const origin = originOf(url);
    this.lastOrigin = origin;
    if (this.env) {
      const https = new URL(url).protocol === 'https:';
      const uri = https ? this.env.httpsProxy : this.env.httpProxy;
      const proxied = !!uri && !bypassesProxy(url, this.env.noProxy);
      const problem = this.envProblems[https ? 'https' : 'http'];
      if (problem && proxied) throw unusableEnvProxy(problem);
      // NO_PROXY still leaves a host direct when the proxy itself is unusable.
      if (problem) return { dispatcher: this.dispatcherFor({ kind: 'direct' }), source: 'direct', via: null };
      const via = proxied ? (describeProxyUrl(uri)?.label ?? null) : null;
      return { dispatcher: this.envDispatcher(), source: via ? 'env' : 'direct', via };
    }
    const route = await this.systemRoute(origin);
    if (route.kind === 'direct') return { dispatcher: this.dispatcherFor(route), source: 'direct', via: null };
    return { dispatcher: this.dispatcherFor(route), source: 'system', via: routeLabel(route) };
  }

  /**
   * What the admin is told is in effect. The environment's proxy is one setting for every server
   * (NO_PROXY said beside it); the system's can differ per server, so it is the answer for the
   * last server asked (or `url`), and before any request, for none.
   */
  async describe(url?: string): Promise<ProxyDescription> {
    if (this.env) {
      const problem = this.envProblems.https ?? this.envProblems.http;
      const noProxy = this.env.noProxy || null;
      if (problem) return { source: 'env', via: null, scheme: null, resolvedFor: null, noProxy, problem: unusableEnvProxyText(problem) };
      const uri = this.env.httpsProxy || this.env.httpProxy;
      const label = describeProxyUrl(uri)?.label ?? null;
      return { source: label ? 'env' : 'direct', via: label, scheme: label ? schemeOf(uri) : null, resolvedFor: null, noProxy, problem: null };
    }
    const target = url ?? this.lastOrigin;
    if (!this.o.resolveProxy) return { source: 'direct', via: null, scheme: null, resolvedFor: null, noProxy: null, problem: null };
    // The OS decides per server, and nothing was sent yet: say whose settings apply.
    if (!target) return { source: 'system', via: null, scheme: null, resolvedFor: null, noProxy: null, problem: null };
    const way = await this.forUrl(target);
    return { source: way.source, via: way.via, scheme: way.via ? this.schemeOfResolved(originOf(target)) : null, resolvedFor: new URL(target).host, noProxy: null, problem: null };
  }

  get fromEnvironment(): boolean {
    return this.env !== undefined;
  }

  /** A new CA list: every dispatcher is built again with it; the old ones finish what they carry. */
  setExtraCa(pems: string[]): void {
    this.extraCa = pems;
    const old = [...this.pool.values(), ...(this.envAgent ? [this.envAgent] : [])];
    this.pool = new Map();
    this.envAgent = undefined;
    for (const d of old) void d.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.pool.values(), ...(this.envAgent ? [this.envAgent] : [])];
    this.pool.clear();
    this.envAgent = undefined;
    await Promise.all(all.map((d) => d.close().catch(() => undefined)));
  }

  private async systemRoute(origin: string): Promise<Route> {
    if (!this.o.resolveProxy) return { kind: 'direct' };
    const hit = this.resolved.get(origin);
    if (hit && hit.until > this.now()) return hit.route;
    let route: Route = { kind: 'direct' };
    try {
      const answer = await this.o.resolveProxy(origin);
      const chosen = chooseRoute(parsePacResult(answer));
      route = chosen.route;
      for (const s of chosen.skipped) this.warnOnce(`proxy:${s}`, `the system proxy offers "${s}", which Trunkdesk cannot use (it speaks HTTP and HTTPS proxies, not SOCKS); trying the next one, else direct`);
    } catch (e) {
      this.warnOnce(`resolve:${origin}`, 'could not ask the system for its proxy; going direct', e);
    }
    this.resolved.set(origin, { route, until: this.now() + this.ttlMs });
    return route;
  }

  private schemeOfResolved(origin: string): string | null {
    const r = this.resolved.get(origin)?.route;
    return r && r.kind === 'proxy' ? r.scheme : null;
  }

  private warnOnce(key: string, msg: string, extra?: unknown): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    log.warn(msg, extra);
  }

  private envDispatcher(): Dispatcher {
    this.assertOpen();
    if (!this.envAgent) {
      const env = this.env!;
      // Explicit values: undici would otherwise read process.env itself, at another moment. An
      // unusable URL is left out ('' is no proxy to undici; its requests never get here), since
      // undici would throw on it while building the agent for the other scheme too.
      const httpProxy = this.envProblems.http ? '' : env.httpProxy;
      const httpsProxy = this.envProblems.https ? '' : env.httpsProxy;
      this.envAgent = new EnvHttpProxyAgent({ ...this.agentOptions(), ...this.proxyTls(), httpProxy, httpsProxy, noProxy: env.noProxy });
    }
    return this.envAgent;
  }

  private dispatcherFor(route: Route): Dispatcher {
    this.assertOpen();
    const key = route.kind === 'direct' ? 'direct' : routeUri(route);
    let d = this.pool.get(key);
    if (!d) {
      d = route.kind === 'direct' ? new Agent(this.agentOptions()) : new ProxyAgent({ ...this.agentOptions(), ...this.proxyTls(), uri: routeUri(route) });
      this.pool.set(key, d);
    }
    return d;
  }

  private assertOpen(): void {
    if (this.closed) throw Object.assign(new Error('The HTTP client is closed.'), { code: 'UND_ERR_CLOSED' });
  }

  /** undefined: Node's default store as it is (with NODE_EXTRA_CA_CERTS). A list replaces it, so it carries the defaults too. */
  private ca(): string[] | undefined {
    return this.extraCa.length ? [...defaultCertificates(), ...this.extraCa] : undefined;
  }

  private agentOptions() {
    const l = this.o.limits;
    const ca = this.ca();
    return {
      connections: l.connections,
      keepAliveTimeout: l.keepAliveTimeoutMs ?? 30_000,
      connect: { timeout: l.connectTimeoutMs, ...(ca ? { ca } : {}) },
      headersTimeout: l.headersTimeoutMs,
      bodyTimeout: l.bodyTimeoutMs,
    };
  }

  /**
   * A ProxyAgent makes its own two connections: to the proxy (proxyTls, which also carries the
   * connect timeout) and, through the tunnel, TLS to the server (requestTls). Both trust the same CAs.
   */
  private proxyTls() {
    const ca = this.ca();
    const t = { timeout: this.o.limits.connectTimeoutMs, ...(ca ? { ca } : {}) };
    return { proxyTls: t, requestTls: t };
  }
}

/** What the admin is told about the proxy in effect: the contract's own shape. */
export type ProxyDescription = NetworkSettingsDTO['proxy'];

function unusableEnvProxyText(p: EnvProxyProblem): string {
  return `${p.variable} is set to a proxy Trunkdesk cannot use: ${p.reason}.`;
}

function unusableEnvProxy(p: EnvProxyProblem): AppError {
  return new AppError('VALIDATION', unusableEnvProxyText(p), {
    hint: `Set it as ${p.variable}=http://proxy.example.com:3128 (with user:password@ before the host if the proxy asks for a sign-in), or unset it to use the system's proxy, then restart Trunkdesk. Nothing was sent.`,
    retryable: false,
  });
}

/**
 * Node's default trust store: its bundled roots plus NODE_EXTRA_CA_CERTS. Node 22.15+ (Electron)
 * says so itself; on older Node the extra file is read as Node read it at start-up.
 */
export function defaultCertificates(env: Record<string, string | undefined> = process.env): string[] {
  const get = (tls as unknown as { getCACertificates?: (kind: string) => string[] }).getCACertificates;
  if (typeof get === 'function') return get('default');
  const extra: string[] = [];
  if (env.NODE_EXTRA_CA_CERTS) {
    try {
      extra.push(...splitPem(readFileSync(env.NODE_EXTRA_CA_CERTS, 'utf8')));
    } catch {
      // Node itself warned at start-up and went on without it; so do we.
    }
  }
  return [...tls.rootCertificates, ...extra];
}

export function splitPem(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

function originOf(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}

function schemeOf(uri: string): string | null {
  try {
    return new URL(uri).protocol.replace(':', '');
  } catch {
    return null;
  }
}
