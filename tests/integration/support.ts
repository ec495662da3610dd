// Shared set-up for integration tests: the real main services behind the real IPC router, with a
// real keychain service of the test's own; `call` goes through sender check, parsing and scrubbing
// exactly as a renderer's call does.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { ipcName, type Channel } from '../../src-preload/channels';
import type { Result } from '../../src-preload/contract';
import type { HttpOptions } from '../../src-main/net/http';
import type { LogFileOptions } from '../../src-main/logs/log-file';
import { createDispatcher } from '../../src-main/ipc/router';
import { keytarStore } from '../../src-main/secrets/keychain';
import { MASTER_KEY_ACCOUNT } from '../../src-main/secrets/master-key';
import { createServices, type AppServices } from '../../src-main/services';
import { TestPlatform } from '../harness/test-platform';
import { startSimulator, type Simulator } from '../sim/server';
import { tempDir, uniqueService } from '../support/tmp';

const ORIGIN = 'http://127.0.0.1:1';
const SENDER = { sender: { id: 1 }, senderFrame: { url: `${ORIGIN}/index.html`, parent: null } };
const keychains: string[] = [];
afterAll(async () => {
  for (const k of keychains) await keytarStore().delete(k, MASTER_KEY_ACCOUNT).catch(() => undefined);
});

export type Call = (c: Channel, input: unknown) => Promise<Result<Record<string, unknown>>>;

export interface MainApp {
  services: AppServices;
  call: Call;
  dataDir: string;
  keychainService: string;
  platform: TestPlatform;
  /** The app's log folder (a temp folder of its own). */
  logDir: string;
}

/** The real services behind the real router; pass dataDir and keychainService to "restart" one. */
export async function mainApp(
  o: {
    dataDir?: string;
    keychainService?: string;
    http?: HttpOptions;
    probeEveryMs?: number;
    /** The environment the proxy is read from; default none, so no test sees a developer's own proxy. */
    env?: Record<string, string | undefined>;
    /** The OS's proxy answer (Electron's resolveProxy); default none. */
    resolveProxy?: (url: string) => Promise<string>;
    logs?: Partial<LogFileOptions>;
  } = {},
): Promise<MainApp> {
  const dataDir = o.dataDir ?? tempDir();
  const logDir = o.logs?.dir ?? tempDir('trunkdesk-logs-');
  const keychainService = o.keychainService ?? uniqueService('main');
  keychains.push(keychainService);
  const platform = new TestPlatform();
  platform.resolveProxy = o.resolveProxy;
  const services = await createServices({
    env: o.env ?? {},
    dataDir,
    secrets: keytarStore(),
    keychainService,
    platform,
    http: o.http ?? { maxRetries: 0 },
    logs: { ...o.logs, dir: logDir },
    ...(o.probeEveryMs ? { probeEveryMs: o.probeEveryMs } : {}),
  });
  const dispatch = createDispatcher(services.handlers, { origins: [ORIGIN], isOurWebContents: (id) => id === 1 });
  const call: Call = (c, input) => dispatch(ipcName(c), SENDER, input) as Promise<Result<Record<string, unknown>>>;
  return { services, call, dataDir, keychainService, platform, logDir };
}

/** The value of an ok Result, or a thrown error naming what main said. */
export function ok<T = Record<string, unknown>>(r: Result<Record<string, unknown>>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/**
 * One simulator for the file (reset before each test) and a fresh app per test, closed after it.
 * Returns getters: the values are made in the hooks.
 */
export function simulatorAndApp(o: Parameters<typeof mainApp>[0] = {}): { sim: () => Simulator; app: () => MainApp } {
  let sim: Simulator | undefined;
  let app: MainApp | undefined;
  beforeAll(async () => void (sim = await startSimulator({ quiet: true })));
  afterAll(async () => void (await sim?.close()));
  beforeEach(async () => {
    sim!.reset();
    app = await mainApp(o);
  });
  afterEach(async () => void (await app?.services.close()));
  return { sim: () => sim!, app: () => app! };
}
