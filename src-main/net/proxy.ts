// Which proxy a request goes through, as pure functions: the proxy the environment names
// (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, lower-case first, as curl and undici read them), and the
// answer Electron's session.resolveProxy gives for the OS's proxy settings, a PAC-style list
// ("PROXY host:port; DIRECT"). dispatchers.ts turns the chosen route into an undici dispatcher.

/** A proxy as undici takes it (its URI), and as the admin may see it (host:port, never credentials). */
export interface ProxyRoute {
  kind: 'proxy';
  scheme: 'http' | 'https';
  host: string;
  port: number;
}
export type Route = ProxyRoute | { kind: 'direct' };

/** The PAC result's entries in order; an entry we cannot use is kept as `unsupported` so the caller can say so. */
export type PacEntry = Route | { kind: 'unsupported'; text: string };

const DEFAULT_PORT: Record<string, number> = { PROXY: 80, HTTP: 80, HTTPS: 443 };

/**
 * Chromium's proxy answer: entries split by ';', each "DIRECT" or "<TYPE> host[:port]" with TYPE
 * PROXY (= HTTP), HTTP, HTTPS, SOCKS (= SOCKS v4 in Chromium), SOCKS4 or SOCKS5. We use HTTP and
 * HTTPS proxies; every SOCKS entry (and QUIC, and anything else) is unsupported: undici 7 has
 * SOCKS v5 only as an experimental agent, not one to send partner tokens through.
 */
export function parsePacResult(text: string): PacEntry[] {
  const out: PacEntry[] = [];
  for (const raw of text.split(';')) {
    const entry = raw.trim();
    if (!entry) continue;
    const [typeRaw, where, ...rest] = entry.split(/\s+/);
    const type = (typeRaw ?? '').toUpperCase();
    if (type === 'DIRECT' && !where) {
      out.push({ kind: 'direct' });
      continue;
    }
    const hp = where && rest.length === 0 ? splitHostPort(where, DEFAULT_PORT[type] ?? 0) : undefined;
    const scheme = type === 'PROXY' || type === 'HTTP' ? 'http' : type === 'HTTPS' ? 'https' : undefined;
    if (!hp || !scheme) out.push({ kind: 'unsupported', text: entry.slice(0, 80) });
    else out.push({ kind: 'proxy', scheme, host: hp.host, port: hp.port });
  }
  return out;
}

/** The first usable entry (Chromium's fall-back order); none usable, or an empty answer, is direct. */
export function chooseRoute(entries: PacEntry[]): { route: Route; skipped: string[] } {
  const skipped: string[] = [];
  for (const e of entries) {
    if (e.kind === 'unsupported') skipped.push(e.text);
    else return { route: e, skipped };
  }
  return { route: { kind: 'direct' }, skipped };
}

function splitHostPort(s: string, defaultPort: number): { host: string; port: number } | undefined {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^\s:[\]/@]+)(?::(\d{1,5}))?$/.exec(s);
  if (!m) return undefined;
  const port = m[2] ? Number(m[2]) : defaultPort;
  if (!port || port > 65535) return undefined;
  return { host: m[1]!, port };
}

export function routeUri(r: ProxyRoute): string {
  return `${r.scheme}://${r.host}:${r.port}`;
}

/** host:port, for the admin and for logs: what `via` a request went, never who signed in to it. */
export function routeLabel(r: ProxyRoute): string {
  return `${r.host}:${r.port}`;
}

/** The proxy the environment names, as undici's EnvHttpProxyAgent will read it (lower-case first). */
export interface EnvProxy {
  httpsProxy: string;
  httpProxy: string;
  noProxy: string;
}

/**
 * The variables each scheme's proxy is read from, in order (lower case first; as undici, https
 * requests fall back to the http proxy when no https one is named). envProxy takes the values,
 * envProxyProblem names the variable: one order for both.
 */
const PROXY_VARIABLES = {
  http: ['http_proxy', 'HTTP_PROXY'],
  https: ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'],
} as const;

/** The first of `names` set to a non-empty value. */
function firstSet(env: Record<string, string | undefined>, names: readonly string[]): string | undefined {
  return names.find((n) => env[n]);
}

export function envProxy(env: Record<string, string | undefined>): EnvProxy | undefined {
  const value = (names: readonly string[]) => env[firstSet(env, names) ?? ''] ?? '';
  const httpProxy = value(PROXY_VARIABLES.http);
  const httpsProxy = value(PROXY_VARIABLES.https);
  const noProxy = value(['no_proxy', 'NO_PROXY']);
  return httpProxy || httpsProxy ? { httpProxy, httpsProxy, noProxy } : undefined;
}

/** What is wrong with a proxy URL from the environment (one Trunkdesk will not send through). */
export interface EnvProxyProblem {
  /** The variable it came from, e.g. HTTPS_PROXY: named to the admin, never its value (it may carry a password). */
  variable: string;
  reason: string;
}

/**
 * Why an environment proxy URL cannot be used, or null when it can. Such a proxy is an error, not
 * a silent direct connection: the admin set it, and going around it could break the company's rules.
 * SOCKS is refused for the reason system-proxy SOCKS entries are skipped (see parsePacResult).
 */
export function proxyUrlProblem(uri: string): string | null {
  // "proxy.corp:3128" (no scheme, the usual slip) parses as a URL of scheme "proxy.corp:".
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) return 'it must start with http:// or https://';
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return 'it is not a URL';
  }
  if (u.protocol === 'http:' || u.protocol === 'https:') return null; // the URL parser requires their host
  if (/^socks/i.test(u.protocol)) return 'it names a SOCKS proxy, and Trunkdesk speaks HTTP and HTTPS proxies only';
  return 'it must start with http:// or https://';
}

/** The problem of the environment proxy that `https` (or plain http) requests take, naming its variable. */
export function envProxyProblem(env: Record<string, string | undefined>, https: boolean): EnvProxyProblem | null {
  const variable = firstSet(env, PROXY_VARIABLES[https ? 'https' : 'http']);
  if (!variable) return null;
  const reason = proxyUrlProblem(env[variable]!);
  return reason ? { variable, reason } : null;
}

/**
 * A proxy URL from the environment, split into what the admin may see and what is a secret.
 * `http://user:pass@proxy:3128` → label `proxy:3128`, secrets [pass, user:pass, its Basic form].
 */
export function describeProxyUrl(uri: string): { label: string; secrets: string[] } | undefined {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return undefined;
  }
  const secrets: string[] = [];
  if (u.password) {
    const user = safeDecode(u.username);
    const pass = safeDecode(u.password);
    secrets.push(pass, u.password, `${user}:${pass}`, Buffer.from(`${user}:${pass}`).toString('base64'));
  }
  const port = u.port || (u.protocol === 'https:' ? '443' : '80');
  return { label: `${u.hostname}:${port}`, secrets };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Whether NO_PROXY leaves this URL direct, by the same rules as undici's EnvHttpProxyAgent. */
export function bypassesProxy(url: string, noProxy: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const value = noProxy.trim();
  if (!value) return false;
  if (value === '*') return true;
  const host = u.host.replace(/:\d*$/, '').toLowerCase();
  const port = Number(u.port) || (u.protocol === 'https:' ? 443 : 80);
  for (const raw of value.split(/[,\s]/)) {
    if (!raw) continue;
    const m = /^(.+?)(?::(\d+))?$/.exec(raw.replace(/^\*?\./, '').toLowerCase());
    if (!m) continue;
    if (m[2] && Number(m[2]) !== port) continue;
    if (host === m[1] || host.endsWith(`.${m[1]}`)) return true;
  }
  return false;
}
