// The harness (design.md §7): the real main services and IPC router, the built preload bundle and
// the built renderer, together in Debian's Chromium. Only Electron's transport is replaced: the
// preload's require('electron') gets a stand-in whose ipcRenderer.invoke crosses to Node through
// Playwright's exposeBinding, where the real dispatcher checks the sender (the calling frame's
// real URL and whether it is our page) before any handler runs.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { EVENT_CHANNEL } from '../../src-preload/channels';
import { forwardEvents } from '../../src-main/ipc/outgoing';
import { createDispatcher, type Handlers } from '../../src-main/ipc/router';
import type { IpcSenderInfo } from '../../src-main/ipc/trusted-sender';
import { keytarStore, type SecretStore } from '../../src-main/secrets/keychain';
import { createServices, type AppServices } from '../../src-main/services';
import { serveDir, type StaticServer } from './static-server';
import { TestPlatform } from './test-platform';

export const ROOT = resolve(__dirname, '../..');
/** What Electron's app.getVersion() answers: package.json's version. */
export const APP_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface HarnessOptions {
  dataDir?: string;
  /** Keychain service name; tests use a unique one so runs never see each other's keys. */
  keychainService?: string;
  secrets?: SecretStore;
  headless?: boolean;
  /** Window size; default 1280×820. */
  viewport?: { width: number; height: number };
  /** Extra pages served from the same origin (e.g. a test page), path -> html. */
  extraPages?: Record<string, string>;
  /** How often main knocks on an unreachable provider to come back online (main's default: 5 s). */
  probeEveryMs?: number;
  /**
   * The browser's locale and time zone (Playwright's context emulation), as the admin's OS would
   * set them: the renderer formats every date and number in these. Default: Chromium's own.
   */
  locale?: string;
  timezoneId?: string;
  /** The environment main reads its proxy from (default process.env, as the app does). */
  env?: Record<string, string | undefined>;
  /** The OS's proxy answer, as Electron's session.resolveProxy gives it (default: none). */
  resolveProxy?: (url: string) => Promise<string>;
  /** Tests only: wrap the real handlers (e.g. a deliberately leaky one for the canary's negative control). */
  wrapHandlers?: (real: Handlers) => Handlers;
}

export interface Harness {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  /** The origin the renderer is served from (our "app origin" in the harness). */
  origin: string;
  dataDir: string;
  keychainService: string;
  services: AppServices;
  /** The clipboard and save dialog main sees (stand-ins for the OS ones). */
  platform: TestPlatform;
  /** Every answer that crossed the bridge, and every event, as the JSON the renderer received. */
  bridgeLog: string[];
  /** Every console message and page error the renderer produced. */
  consoleLog: string[];
  /** Serve a page from another origin, to play a foreign sender. */
  serveForeign(html: string): Promise<string>;
  close(): Promise<void>;
}

export function builtPreload(): string {
  const file = join(ROOT, 'out/preload/index.cjs');
  if (!existsSync(file) || !existsSync(join(ROOT, 'out/renderer/index.html'))) {
    throw new Error('The app is not built: run `npm run build` first (the harness loads the built preload and renderer).');
  }
  return readFileSync(file, 'utf8');
}

/** Wraps the CommonJS preload so it runs with a stand-in `electron` module, before any page script. */
export function preloadInitScript(preloadSource: string): string {
  return `(() => {
  const listeners = new Map();
  const electron = {
    ipcRenderer: {
      invoke: (channel, payload) => window.__trunkdeskInvoke(channel, payload === undefined ? null : payload),
      on: (channel, fn) => { if (!listeners.has(channel)) listeners.set(channel, new Set()); listeners.get(channel).add(fn); },
      removeListener: (channel, fn) => { listeners.get(channel)?.delete(fn); },
    },
    contextBridge: {
      exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: api, writable: false, configurable: false }),
    },
  };
  Object.defineProperty(window, '__trunkdeskDeliver', {
    value: (channel, payload) => { for (const fn of listeners.get(channel) ?? []) fn({}, payload); },
  });
  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error('a sandboxed preload cannot require ' + name);
  };
  const module = { exports: {} };
  (function (require, module, exports) {\n${preloadSource}\n})(require, module, module.exports);
})();`;
}

export async function startHarness(o: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH).`);
  const preload = builtPreload();
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'trunkdesk-harness-'));
  const keychainService = o.keychainService ?? `Trunkdesk Test ${process.pid}-${Date.now()}`;
  const platform = new TestPlatform();
  platform.resolveProxy = o.resolveProxy;
  const services = await createServices({
    platform,
    env: o.env ?? process.env,
    dataDir,
    secrets: o.secrets ?? keytarStore(),
    keychainService,
    http: { maxRetries: 1, baseDelayMs: 50, maxDelayMs: 500, headersTimeoutMs: 5_000, bodyTimeoutMs: 5_000, connectTimeoutMs: 3_000 },
    // The log folder inside the data folder, so every file sweep of the data folder reads the logs too.
    logs: { dir: join(dataDir, 'logs') },
    app: { version: APP_VERSION, ...(o.locale !== undefined ? { locale: o.locale } : {}) },
    ...(o.probeEveryMs !== undefined ? { probeEveryMs: o.probeEveryMs } : {}),
  });
  const server: StaticServer = await serveDir(join(ROOT, 'out/renderer'), o.extraPages);
  const foreign: StaticServer[] = [];
  // --lang too: Chromium draws a native date input in its UI language, which Playwright's locale
  // emulation (Intl, navigator.language) does not reach; Electron sets both from the OS. (A
  // Chromium with only en-US.pak, as Debian's without chromium-l10n, still draws mm/dd/yyyy.)
  const args = o.locale !== undefined ? [...CHROMIUM_ARGS, `--lang=${o.locale}`] : CHROMIUM_ARGS;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args, headless: o.headless ?? true });
  const context = await browser.newContext({
    viewport: o.viewport ?? { width: 1280, height: 820 },
    ...(o.locale !== undefined ? { locale: o.locale } : {}),
    ...(o.timezoneId !== undefined ? { timezoneId: o.timezoneId } : {}),
  });
  const bridgeLog: string[] = [];
  const consoleLog: string[] = [];
  let page!: Page;
  const dispatch = createDispatcher(
    o.wrapHandlers ? o.wrapHandlers(services.handlers) : services.handlers,
    {
      origins: [server.origin],
      // Our "window" is the one page the harness opened; any other page is a foreign webContents.
      isOurWebContents: (id) => id === 1,
    },
  );
  await context.exposeBinding('__trunkdeskInvoke', async (source, channel: string, payload: unknown) => {
    const event: IpcSenderInfo = {
      sender: { id: source.page === page ? 1 : 2 },
      senderFrame: { url: source.frame.url(), parent: source.frame.parentFrame() ? {} : null },
    };
    const result = await dispatch(String(channel), event, payload);
    bridgeLog.push(JSON.stringify(result));
    return result;
  });
  await context.addInitScript({ content: preloadInitScript(preload) });
  page = await context.newPage();
  page.on('console', (m) => consoleLog.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => consoleLog.push(`pageerror: ${e.message}`));
  const offEvents = forwardEvents(services.events, (e) => {
    bridgeLog.push(JSON.stringify(e));
    void page.evaluate(([ch, ev]) => (window as unknown as { __trunkdeskDeliver(c: string, p: unknown): void }).__trunkdeskDeliver(ch, ev), [EVENT_CHANNEL, e] as const).catch(() => undefined);
  });
  await page.goto(`${server.origin}/index.html`);
  let closed = false;
  return {
    page,
    context,
    browser,
    origin: server.origin,
    dataDir,
    keychainService,
    services,
    platform,
    bridgeLog,
    consoleLog,
    async serveForeign(html) {
      const s = await serveDir(join(ROOT, 'out/renderer'), { '/foreign.html': html });
      foreign.push(s);
      return `${s.origin}/foreign.html`;
    },
    async close() {
      // Idempotent: a test may close a harness early to "restart" the app, and afterEach again.
      if (closed) return;
      closed = true;
      offEvents();
      await browser.close().catch(() => undefined);
      await server.close();
      for (const s of foreign) await s.close();
      await services.close();
      // A data directory the harness made is its own to remove; one a caller passed is theirs.
      if (!o.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
