// "Copy diagnostics": the plain-text report an admin pastes into a support email. Pure: it is
// handed everything it shows (services.ts gathers it), so tests/unit/diagnostics.test.ts checks
// exactly what it says and what it leaves out.
//
// What it holds: the app, Electron, Chrome and Node versions, the OS, the locale, how many
// profiles of each provider, whether the app is online, where the proxy comes from (and whether
// the environment's is unusable), how many company CA certificates it trusts, and the last errors
// (time, provider, code, HTTP status, the provider's request id, a fixed description of the call). What it never holds: a secret, a profile's or customer's
// name, an auth ID, a username, an email, a URL or path (paths carry account ids), a proxy's
// address (it may carry a password), an error's message (it may quote a customer or a server),
// a file path (it names the OS user). The text is scrubbed once more on its way out (handlers).
import type { ProviderName } from '../src-preload/contract';
import { PROVIDERS, PROVIDER_LABELS } from '../src-preload/contract';
import type { JournalEntry } from './net/error-journal';

export interface DiagnosticsInput {
  now: Date;
  appVersion: string;
  /** process.versions: electron and chrome are absent outside Electron. */
  versions: { electron?: string | undefined; chrome?: string | undefined; node?: string | undefined };
  os: { type: string; release: string; arch: string };
  locale: string;
  /** The provider of every profile (names, ids and accounts are not needed, and not taken). */
  profileProviders: readonly ProviderName[];
  network: NetworkFacts | null;
  errors: readonly JournalEntry[];
  /** Log lines the log file had to drop (full disk), when it has a log file. */
  droppedLogLines?: number;
}

/** The network as support needs it: where requests go out, never to which address (it may carry a password). */
export interface NetworkFacts {
  online: boolean;
  proxy: 'env' | 'system' | 'direct';
  /** The environment names a proxy Trunkdesk will not use (SOCKS, no scheme, not a URL). */
  envProxyUnusable: boolean;
  /** The company CA file chosen in Settings → Network: its certificates, and how many have expired. */
  caFile: { certificates: number; expired: number } | null;
  extraCaEnv: boolean;
}

const PROXY_WORDS: Record<NetworkFacts['proxy'], string> = { env: 'from the environment', system: "the system's", direct: 'direct' };

function networkLine(n: NetworkFacts | null): string {
  if (!n) return 'unknown';
  const proxy = `${PROXY_WORDS[n.proxy]}${n.envProxyUnusable ? ' (unusable: requests fail)' : ''}`;
  const ca = n.caFile ? `${n.caFile.certificates} certificate${n.caFile.certificates === 1 ? '' : 's'}${n.caFile.expired ? ` (${n.caFile.expired} expired)` : ''}` : 'none';
  return `${n.online ? 'online' : 'offline'}; proxy: ${proxy}; company CA file: ${ca}; NODE_EXTRA_CA_CERTS: ${n.extraCaEnv ? 'set' : 'not set'}`;
}

export interface Diagnostics {
  text: string;
  lines: number;
  errors: number;
}

/** Only the characters a version, an OS name or a locale is made of: a value from the OS is shown, never trusted. */
const plain = (s: string | undefined, max = 60): string => (s ? s.replace(/[^A-Za-z0-9 ._:+\-()/#]/g, '').slice(0, max) || 'unknown' : 'unknown');

export function buildDiagnostics(d: DiagnosticsInput): Diagnostics {
  const counts = PROVIDERS.map((p) => `${PROVIDER_LABELS[p]} ${d.profileProviders.filter((x) => x === p).length}`).join(', ');
  const lines = [
    'Trunkdesk diagnostics',
    `Generated: ${d.now.toISOString()}`,
    '',
    `App version: ${plain(d.appVersion)}`,
    `Electron: ${plain(d.versions.electron ?? 'not running in Electron')}`,
    `Chrome: ${plain(d.versions.chrome ?? 'not running in Electron')}`,
    `Node: ${plain(d.versions.node)}`,
    `OS: ${plain(d.os.type)} ${plain(d.os.release)} (${plain(d.os.arch)})`,
    `Locale: ${plain(d.locale, 35)}`,
    `Profiles: ${d.profileProviders.length} (${counts})`,
    `Network: ${networkLine(d.network)}`,
  ];
  if (d.droppedLogLines) lines.push(`Log lines dropped (disk full or too slow): ${d.droppedLogLines}`);
  lines.push('', d.errors.length === 0 ? 'Recent errors: none' : `Recent errors (${d.errors.length}, oldest first):`);
  for (const e of d.errors) {
    const parts = [plain(e.at, 30), e.provider ? PROVIDER_LABELS[e.provider] : 'Trunkdesk', e.code, e.status !== undefined ? `HTTP ${e.status}` : 'no HTTP status', e.requestId ? `request ${plain(e.requestId, 80)}` : 'no request id', plain(e.operation, 60)];
    lines.push(`- ${parts.join(' | ')}`);
  }
  const text = lines.join('\n') + '\n';
  return { text, lines: lines.length, errors: d.errors.length };
}
