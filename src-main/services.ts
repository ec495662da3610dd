// Builds every main-side service from a data directory, a secret store and the platform's
// clipboard and save dialog. Electron's main (index.ts) and the test harness both call this, so
// tests run the very same wiring.
import { CredentialService } from './credentials/service';
import { PendingSecrets } from './credentials/pending-secrets';
import { createHandlers } from './handlers';
import type { Handlers } from './ipc/router';
import { CredentialSearch } from './credentials/search';
import { Connectivity } from './net/connectivity';
import { Dispatchers } from './net/dispatchers';
import { HttpClient, httpLimits, type HttpOptions } from './net/http';
import { removeStaleTempFiles } from './fs/atomic';
import { vobizProvider } from './providers/vobiz';
import { voipbinProvider } from './providers/voipbin';
import { vocobaseProvider } from './providers/vocobase';
import { LocalStore } from './store/local-store';
import { SyncEngine } from './sync/engine';
import type { Platform } from './platform';
import { ProfileStore } from './profiles/store';
import type { SecretStore } from './secrets/keychain';
import { VaultAccess } from './secrets/vault-access';
import { CustomerService } from './services/customers';
import { DeepLinkInbox } from './services/deep-links';
import { EventBus } from './services/events';
import { NetworkService, NetworkSettings } from './services/network';
import { PartnerAccess } from './services/partner-access';
import { QuickSwitch } from './services/quick-switch';
import { ProfileService } from './services/profiles';
import { SessionStore } from './services/sessions';
import { DiagnosticsService, recordHandlerFailures, type AppInfo } from './services/diagnostics';
import { ErrorJournal } from './net/error-journal';
import { currentLogSink, log, setLogSink } from './net/redact';
import { LogFile, type LogFileOptions } from './logs/log-file';

export interface AppServices {
  handlers: Handlers;
  events: EventBus;
  profiles: ProfileService;
  customers: CustomerService;
  credentials: CredentialService;
  sync: SyncEngine;
  connectivity: Connectivity;
  store: LocalStore;
  /** The rotating log file, when the app was given a log folder. */
  logFile: LogFile | null;
  /** Accepted trunkdesk:// links on their way to the window. */
  links: DeepLinkInbox;
  close(): Promise<void>;
}

export interface ServiceOptions {
  dataDir: string;
  secrets: SecretStore;
  /** Keychain service name: `Trunkdesk` when packaged, `Trunkdesk Dev` otherwise. */
  keychainService: string;
  platform: Platform;
  http?: HttpOptions;
  /** The environment the proxy is read from (default process.env); tests pass their own. */
  env?: Record<string, string | undefined>;
  /** How often to knock on an unreachable provider to come back online (default 5 s). */
  probeEveryMs?: number;
  /**
   * The log folder (Electron: app.getPath('logs'); tests: a folder of their own) and its rotation.
   * Without one, main logs to the console only.
   */
  logs?: LogFileOptions;
  /** What "Copy diagnostics" says about the app (Electron: app.getVersion() and app.getLocale()). */
  app?: Partial<AppInfo>;
}

export async function createServices(o: ServiceOptions): Promise<AppServices> {
  // The log file first, so everything below logs into it. One app per process: it is main's log.
  const logFile = o.logs ? new LogFile(o.logs) : null;
  if (logFile) setLogSink(logFile);
  const app: AppInfo = { version: o.app?.version ?? 'development', locale: o.app?.locale ?? Intl.DateTimeFormat().resolvedOptions().locale };
  const v = process.versions;
  log.info(`Trunkdesk ${app.version} starting (Electron ${v.electron ?? '-'}, Node ${v.node}, ${process.platform} ${process.arch})`);
  const journal = new ErrorJournal();
  const connectivity = new Connectivity(o.probeEveryMs);
  const providers = { vobiz: vobizProvider, voipbin: voipbinProvider, vocobase: vocobaseProvider };
  // The pool must allow as many connections per origin as the sync engine may run at once.
  const connectionsPerOrigin = Math.max(...Object.values(providers).map((p) => p.fetchLimits.maxConcurrency));
  const h: HttpOptions = { connectionsPerOrigin, ...o.http };
  // App-wide, not per profile: one proxy and one set of trusted CAs for every provider.
  const networkSettings = await NetworkSettings.open(`${o.dataDir}/network.json`);
  const dispatchers = new Dispatchers({
    limits: httpLimits(h),
    env: o.env ?? process.env,
    ...(o.platform.resolveProxy ? { resolveProxy: o.platform.resolveProxy } : {}),
    extraCa: NetworkService.extraCa(networkSettings),
  });
  const network = new NetworkService(networkSettings, dispatchers, o.platform.openDialog, o.env ?? process.env);
  const http = new HttpClient({ ...h, ...(o.http?.dispatcher ? {} : { dispatchers }), connectivity, journal });
  // Coming back: any HTTP answer from the origin that failed (no credentials are sent).
  connectivity.probe = async (url) => void (await http.request({ method: 'GET', url }));
  const events = new EventBus();
  connectivity.on((e) => events.emit(e));
  const sessions = new SessionStore(events);
  // One app per data directory (index.ts holds the single-instance lock first), so any temp file
  // here is a killed write's leftover: the state it belonged to is intact, the file only takes space.
  const stale = await removeStaleTempFiles(o.dataDir);
  if (stale > 0) log.info(`removed ${stale} temp file(s) an interrupted write left behind`);
  const store = await ProfileStore.open(`${o.dataDir}/profiles.json`);
  const vaults = new VaultAccess(o.secrets, o.keychainService, o.dataDir);
  const local = new LocalStore(o.dataDir, () => vaults.storeKey());
  // The one place a provider is named: each profile says which one it speaks through.
  const access = new PartnerAccess(store, vaults, sessions, http, providers, connectivity);
  const customers = new CustomerService(access, local);
  const sync = new SyncEngine(customers, local, events);
  const profiles = new ProfileService(access, events, local, sync);
  const pending = new PendingSecrets(o.platform.clipboard);
  const credentials = new CredentialService(customers, local, sync, pending, events, o.platform, connectivity);
  const search = new CredentialSearch(customers, local);
  const quickSwitch = new QuickSwitch(profiles, customers);
  const diagnostics = new DiagnosticsService({ app, journal, profiles, connectivity, platform: o.platform, logFile, network });
  const links = new DeepLinkInbox(events);
  let closed = false;
  return {
    handlers: recordHandlerFailures(createHandlers({ profiles, customers, credentials, pending, sync, search, connectivity, store: local, quickSwitch, diagnostics, links, network }), journal),
    events,
    profiles,
    customers,
    credentials,
    sync,
    connectivity,
    store: local,
    logFile,
    links,
    close: async () => {
      // Idempotent: a test "restarts" the app by closing it, and closes everything again after.
      if (closed) return;
      closed = true;
      connectivity.stop();
      sessions.clear();
      await http.close();
      // The client closes the dispatchers it took; a test's fixed dispatcher leaves ours to close here.
      if (o.http?.dispatcher) await dispatchers.close();
      log.info('Trunkdesk stopped');
      if (logFile) {
        if (currentLogSink() === logFile) setLogSink(null);
        await logFile.close();
      }
    },
  };
}
