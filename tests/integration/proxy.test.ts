// Issue 11 §4: every provider's HTTP through a real forward proxy on loopback (TooTallNate's
// `proxy`), to the simulator behind TLS with a throwaway CA, as a corporate network has it. The
// proxy records everything it sees (request lines, CONNECT targets and headers, and every byte in
// both directions); the canaries (tokens, password, API key) must be in none of it. Proxy
// settings are handed to main explicitly (never through process.env), so no other test sees them.
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { createProxy, type ProxyServer } from 'proxy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PARTNERS } from '../sim/data';
import { startSimulator, type Simulator } from '../sim/server';
import { DEMO_VOCOBASE } from '../sim/vocobase-data';
import { DEMO_VOIPBIN } from '../sim/voipbin-data';
import { makeTestCa, type TestCa } from '../support/certs';
import { tempDir } from '../support/tmp';
import { mainApp, ok, type MainApp } from './support';

const NORTHWIND = DEMO_PARTNERS.find((p) => p.authId === 'PA_NWND2026')!;
const VOIPBIN = DEMO_VOIPBIN.logins.admin;
const VOCOBASE = DEMO_VOCOBASE.cinder;
const CANARIES = [NORTHWIND.token, VOIPBIN.password, VOCOBASE.key];

/** A forward proxy that records what it sees. */
interface Seen {
  proxy: ProxyServer;
  url: string;
  port: number;
  connects: Array<{ target: string; headers: Record<string, string | string[] | undefined> }>;
  requestLines: string[];
  /** Every byte each way, client to proxy and proxy to client, tunnels included. */
  bytes: Buffer[];
  reset(): void;
  close(): Promise<void>;
}

async function recordingProxy(opts: { refuse?: boolean } = {}): Promise<Seen> {
  const proxy = createProxy(createServer());
  if (opts.refuse) proxy.authenticate = () => false; // every request: 407 Proxy Authentication Required
  const seen = { connects: [] as Seen['connects'], requestLines: [] as string[], bytes: [] as Buffer[] };
  const sockets = new Set<Socket>();
  proxy.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (b: Buffer) => seen.bytes.push(Buffer.from(b)));
    const write = socket.write.bind(socket) as (...a: unknown[]) => boolean;
    socket.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) seen.bytes.push(Buffer.from(chunk as string));
      return write(chunk, ...rest);
    }) as Socket['write'];
  });
  proxy.on('connect', (req) => seen.connects.push({ target: req.url ?? '', headers: req.headers }));
  proxy.on('request', (req) => seen.requestLines.push(`${req.method} ${req.url}`));
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const port = (proxy.address() as AddressInfo).port;
  return {
    proxy,
    port,
    url: `http://127.0.0.1:${port}`,
    ...seen,
    reset() {
      seen.connects.length = 0;
      seen.requestLines.length = 0;
      seen.bytes.length = 0;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        proxy.close(() => r());
      }),
  };
}

let ca: TestCa;
let otherCa: TestCa;
let sim: Simulator;
let simPort: number;
let proxy: Seen;

beforeAll(async () => {
  ca = makeTestCa(tempDir());
  otherCa = makeTestCa(tempDir(), 'Some Other CA');
  sim = await startSimulator({ quiet: true, tls: { key: ca.key, cert: ca.cert } });
  simPort = Number(new URL(sim.url).port);
  proxy = await recordingProxy();
});
afterAll(async () => {
  await proxy?.close();
  await sim?.close();
});

/** Main with the CA chosen through Settings → Network (the open dialog's stand-in picks the file). */
async function appWith(o: Parameters<typeof mainApp>[0] & { caPath?: string | null }): Promise<MainApp> {
  const app = await mainApp(o);
  if (o.caPath !== null) {
    app.platform.nextOpenPath = o.caPath ?? ca.caPath;
    const r = await app.call('chooseCaCertificate', {});
    expect(r.ok, JSON.stringify(r)).toBe(true);
  }
  return app;
}

/** One profile of each provider, each added through its identity call, then a read of each. */
async function useEveryProvider(app: MainApp): Promise<void> {
  const added = [
    await app.call('addProfile', { displayName: 'Northwind', authId: NORTHWIND.authId, token: NORTHWIND.token, baseUrl: sim.partnerBaseUrl }),
    await app.call('addProviderProfile', { method: 'voipbin-login', displayName: 'Aurora', username: VOIPBIN.username, password: VOIPBIN.password, baseUrl: sim.voipbinBaseUrl }),
    await app.call('addProviderProfile', { method: 'vocobase-key', displayName: 'Cinder', apiKey: VOCOBASE.key, baseUrl: sim.vocobaseBaseUrl }),
  ];
  for (const r of added) expect(r.ok, JSON.stringify(r)).toBe(true);
  const { profiles } = ok<{ profiles: Array<{ id: string; displayName: string }> }>(await app.call('listProfiles', {}));
  expect(profiles.map((p) => p.displayName).sort()).toEqual(['Aurora', 'Cinder', 'Northwind']);
  for (const p of profiles) {
    expect((await app.call('switchProfile', { id: p.id })).ok).toBe(true);
    const partner = await app.call('getPartner', { profileId: p.id });
    expect(partner.ok, `${p.displayName}: ${JSON.stringify(partner)}`).toBe(true);
    const customers = await app.call('listCustomers', { profileId: p.id });
    expect(customers.ok, `${p.displayName}: ${JSON.stringify(customers)}`).toBe(true);
  }
}

function expectNoCanaryIn(seen: Seen): void {
  const everything = [Buffer.concat(seen.bytes).toString('latin1'), JSON.stringify(seen.connects), seen.requestLines.join('\n')].join('\n');
  for (const c of CANARIES) {
    expect(everything.includes(c), `the proxy saw ${c}`).toBe(false);
    expect(everything.includes(encodeURIComponent(c)), `the proxy saw ${c} URL-encoded`).toBe(false);
    expect(everything.includes(Buffer.from(c).toString('base64')), `the proxy saw ${c} in base64`).toBe(false);
  }
  // Nothing but a CONNECT in clear: no request line, no auth header name.
  expect(everything).not.toMatch(/x-auth-token|authorization: bearer|accesskey=/i);
}

describe('through a forward proxy on loopback, to the simulator behind TLS', () => {
  it('HTTPS_PROXY: every provider request goes through the proxy as a CONNECT, and the proxy sees no secret', async () => {
    proxy.reset();
    sim.reset();
    const app = await appWith({ env: { HTTPS_PROXY: proxy.url } });
    await useEveryProvider(app);
    await app.services.close();

    // The proxy saw only tunnels to the simulator, never a request it could read.
    expect(proxy.connects.length).toBeGreaterThan(0);
    expect(new Set(proxy.connects.map((c) => c.target))).toEqual(new Set([`127.0.0.1:${simPort}`]));
    expect(proxy.requestLines).toEqual([]);
    // The simulator saw the requests of all three providers, with their credentials.
    const paths = sim.requests.map((r) => r.path);
    expect(paths.some((p) => p.startsWith('/api/v1/partner/'))).toBe(true);
    expect(paths.some((p) => p.startsWith('/voipbin/'))).toBe(true);
    expect(paths.some((p) => p.startsWith('/vocobase/'))).toBe(true);
    expect(sim.requests.some((r) => r.headers['x-auth-token'] === NORTHWIND.token)).toBe(true);
    expectNoCanaryIn(proxy);
    // The recording is real: the TLS handshake's bytes are in it (a ClientHello starts 0x16 0x03).
    expect(Buffer.concat(proxy.bytes).includes(Buffer.from([0x16, 0x03]))).toBe(true);
  });

  it('negative control: a plain-http server through the same proxy shows the token, so the recording would catch a leak', async () => {
    const plain = await startSimulator({ quiet: true });
    proxy.reset();
    const app = await mainApp({ env: { HTTP_PROXY: proxy.url } });
    const r = await app.call('addProfile', { displayName: 'Northwind', authId: NORTHWIND.authId, token: NORTHWIND.token, baseUrl: plain.partnerBaseUrl });
    await app.services.close();
    await plain.close();
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect(() => expectNoCanaryIn(proxy)).toThrow(new RegExp(`the proxy saw ${NORTHWIND.token}`));
  });

  it('NO_PROXY=127.0.0.1 bypasses the proxy', async () => {
    proxy.reset();
    sim.reset();
    const app = await appWith({ env: { HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } });
    await useEveryProvider(app);
    const settings = await app.call('getNetworkSettings', {});
    await app.services.close();
    expect(proxy.connects).toEqual([]);
    expect(proxy.bytes).toEqual([]);
    expect(sim.requests.length).toBeGreaterThan(0);
    expect(ok<{ proxy: unknown }>(settings).proxy).toMatchObject({ source: 'env', via: `127.0.0.1:${proxy.port}`, noProxy: '127.0.0.1' });
  });

  it('without the CA, the request fails with the untrusted-certificate words, proxied or direct', async () => {
    for (const env of [{ HTTPS_PROXY: proxy.url }, {}]) {
      // A CA file is set, but another one: trusting it must not trust everything.
      const app = await appWith({ env, caPath: otherCa.caPath });
      const r = await app.call('addProfile', { displayName: 'Northwind', authId: NORTHWIND.authId, token: NORTHWIND.token, baseUrl: sim.partnerBaseUrl });
      await app.services.close();
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.message).toMatch(/^The server's certificate is not trusted on this computer/);
      expect(r.error.hint).toMatch(/add its CA certificate in Settings → Network/);
    }
    const bare = await appWith({ env: {}, caPath: null });
    const r = await bare.call('addProfile', { displayName: 'Northwind', authId: NORTHWIND.authId, token: NORTHWIND.token, baseUrl: sim.partnerBaseUrl });
    await bare.services.close();
    expect(!r.ok && r.error.message).toMatch(/certificate is not trusted/);
  });

  it('a CA change holds from the next request: a connection kept alive under the old trust is not reused', async () => {
    for (const env of [{}, { HTTPS_PROXY: proxy.url }]) {
      const app = await appWith({ env });
      const added = await app.call('addProfile', { displayName: 'Northwind', authId: NORTHWIND.authId, token: NORTHWIND.token, baseUrl: sim.partnerBaseUrl });
      expect(added.ok, JSON.stringify(added)).toBe(true);
      const { profiles } = ok<{ profiles: Array<{ id: string }> }>(await app.call('listProfiles', {}));
      const profileId = profiles[0]!.id;
      // The connection the add used is kept alive (keep-alive 30 s); removing the CA must end it.
      expect(ok<{ caFile: unknown }>(await app.call('clearCaCertificate', {})).caFile).toBeNull();
      const untrusted = await app.call('listCustomers', { profileId });
      // Chosen again: trusted again, at once.
      app.platform.nextOpenPath = ca.caPath;
      expect((await app.call('chooseCaCertificate', {})).ok).toBe(true);
      const trusted = await app.call('listCustomers', { profileId });
      await app.services.close();
      expect(!untrusted.ok && untrusted.error.message, `${JSON.stringify(env)}: ${JSON.stringify(untrusted)}`).toMatch(/^The server's certificate is not trusted on this computer/);
      expect(trusted.ok, JSON.stringify(trusted)).toBe(true);
    }
  });

  it("the system proxy (Electron's resolveProxy answering PROXY 127.0.0.1:port) is used the same way", async () => {
    proxy.reset();
    sim.reset();
    const asked: string[] = [];
    const app = await appWith({
      env: {},
      resolveProxy: async (url) => {
        asked.push(url);
        return `PROXY 127.0.0.1:${proxy.port}; DIRECT`;
      },
    });
    await useEveryProvider(app);
    const settings = await app.call('getNetworkSettings', {});
    await app.services.close();
    expect(asked).toContain(sim.url);
    // Asked once per origin (the answer is cached), not once per request.
    expect(asked.length).toBeLessThan(sim.requests.length);
    expect(new Set(proxy.connects.map((c) => c.target))).toEqual(new Set([`127.0.0.1:${simPort}`]));
    expect(proxy.requestLines).toEqual([]);
    expectNoCanaryIn(proxy);
    expect(ok<{ proxy: unknown }>(settings).proxy).toMatchObject({ source: 'system', via: `127.0.0.1:${proxy.port}`, scheme: 'http', resolvedFor: `127.0.0.1:${simPort}` });
  });

  it('the environment wins over the system proxy', async () => {
    const other = await recordingProxy();
    proxy.reset();
    const app = await appWith({ env: { HTTPS_PROXY: proxy.url }, resolveProxy: async () => `PROXY 127.0.0.1:${other.port}` });
    const r = await app.call('addProfile', { displayName: 'Northwind', authId: NORTHWIND.authId, token: NORTHWIND.token, baseUrl: sim.partnerBaseUrl });
    await app.services.close();
    await other.close();
    expect(r.ok).toBe(true);
    expect(proxy.connects.length).toBeGreaterThan(0);
    expect(other.connects).toEqual([]);
  });

  it('a proxy that refuses (407) or cannot be reached gives a clear error, and credentials in its URL stay secret', async () => {
    const refusing = await recordingProxy({ refuse: true });
    const secretPass = 'Proxy-Pass-Canary-4417';
    const app = await appWith({ env: { HTTPS_PROXY: `http://alice:${secretPass}@127.0.0.1:${refusing.port}` } });
    const r = await app.call('addProfile', { displayName: 'Northwind', authId: NORTHWIND.authId, token: NORTHWIND.token, baseUrl: sim.partnerBaseUrl });
    const settings = await app.call('getNetworkSettings', {});
    await app.services.close();
    await refusing.close();
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toBe(`The proxy 127.0.0.1:${refusing.port} refused to connect to 127.0.0.1:${simPort} (HTTP 407: it asks for a sign-in).`);
    expect(!r.ok && r.error.hint).toMatch(/user name and password in the proxy URL/);
    // The proxy was asked with the credentials (as it should be); nothing the renderer got has them.
    expect(refusing.connects[0]?.headers['proxy-authorization']).toBe(`Basic ${Buffer.from(`alice:${secretPass}`).toString('base64')}`);
    expect(JSON.stringify([r, settings])).not.toContain(secretPass);
    expect(ok<{ proxy: { via: string } }>(settings).proxy.via).toBe(`127.0.0.1:${refusing.port}`);

    // A proxy port nobody listens on.
    const gone = await recordingProxy();
    const port = gone.port;
    await gone.close();
    const app2 = await appWith({ env: { HTTPS_PROXY: `http://127.0.0.1:${port}` } });
    const r2 = await app2.call('addProfile', { displayName: 'Northwind', authId: NORTHWIND.authId, token: NORTHWIND.token, baseUrl: sim.partnerBaseUrl });
    await app2.services.close();
    expect(!r2.ok && r2.error.message).toBe(`Could not reach the proxy 127.0.0.1:${port} (ECONNREFUSED).`);
    expect(!r2.ok && r2.error.code).toBe('OFFLINE');
  });
});

describe('an environment proxy Trunkdesk cannot use', () => {
  it('SOCKS, no scheme or not a URL: every request it would carry fails naming the variable, never its value, and nothing is sent', async () => {
    // A listener where the SOCKS proxy would be: it must never see a connection (undici 7 would
    // otherwise speak its experimental SOCKS5 to it, or going direct would skip the company's proxy).
    const trap = createNetServer((s) => (trapped++, s.destroy()));
    let trapped = 0;
    await new Promise<void>((r) => trap.listen(0, '127.0.0.1', r));
    const trapPort = (trap.address() as AddressInfo).port;
    const secret = 'Socks-Pass-Canary-8810';
    try {
      for (const [variable, value, reason] of [
        ['HTTPS_PROXY', `socks5://bob:${secret}@127.0.0.1:${trapPort}`, 'it names a SOCKS proxy, and Trunkdesk speaks HTTP and HTTPS proxies only'],
        ['https_proxy', `127.0.0.1:${trapPort}`, 'it must start with http:// or https://'],
        ['HTTP_PROXY', `http://[${secret}`, 'it is not a URL'],
      ] as const) {
        const last = sim.requests.at(-1); // the log keeps the last 1000: compare its end, not its length
        const app = await appWith({ env: { [variable]: value } });
        const r = await app.call('addProfile', { displayName: 'Northwind', authId: NORTHWIND.authId, token: NORTHWIND.token, baseUrl: sim.partnerBaseUrl });
        const settings = ok<{ proxy: { source: string; via: string | null; problem: string | null } }>(await app.call('getNetworkSettings', {}));
        const listed = ok<{ profiles: unknown[] }>(await app.call('listProfiles', {}));
        await app.services.close();
        expect(r.ok, variable).toBe(false);
        expect(!r.ok && r.error).toMatchObject({ code: 'VALIDATION', message: `${variable} is set to a proxy Trunkdesk cannot use: ${reason}.` });
        expect(!r.ok && r.error.hint).toContain(`${variable}=http://proxy.example.com:3128`);
        expect(settings.proxy).toMatchObject({ source: 'env', via: null, problem: `${variable} is set to a proxy Trunkdesk cannot use: ${reason}.` });
        // Not sent through it, not sent around it; the profile was not added; its value is shown nowhere.
        expect(sim.requests.at(-1), variable).toBe(last);
        expect(listed.profiles).toEqual([]);
        expect(JSON.stringify([r, settings])).not.toContain(secret);
        expect(JSON.stringify([r, settings])).not.toContain(String(trapPort));
      }
      expect(trapped).toBe(0);

      // NO_PROXY still reaches its hosts directly.
      const app = await appWith({ env: { HTTPS_PROXY: `socks5://127.0.0.1:${trapPort}`, NO_PROXY: '127.0.0.1' } });
      const r = await app.call('addProfile', { displayName: 'Northwind', authId: NORTHWIND.authId, token: NORTHWIND.token, baseUrl: sim.partnerBaseUrl });
      await app.services.close();
      expect(r.ok, JSON.stringify(r)).toBe(true);
      expect(trapped).toBe(0);
    } finally {
      await new Promise<void>((r) => trap.close(() => r()));
    }
  });
});

describe('NODE_EXTRA_CA_CERTS', () => {
  // Node reads it once, at start-up, into its default store: so a child Node with it set (async:
  // the simulator answering it lives in this process).
  const run = (env: Record<string, string>, caFile = '') =>
    new Promise<{ stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', join(__dirname, 'fixtures/https-get.ts'), `${sim.partnerBaseUrl}/me`, caFile],
        { env: { PATH: process.env.PATH ?? '', TRUNKDESK_QUIET: '1', ...env }, encoding: 'utf8', timeout: 20_000 },
        (_e, stdout, stderr) => resolve({ stdout, stderr }),
      );
    });

  it('is trusted by the app’s connections, and still is beside a CA file chosen in settings', async () => {
    const [withEnv, withBoth, without] = await Promise.all([run({ NODE_EXTRA_CA_CERTS: ca.caPath }), run({ NODE_EXTRA_CA_CERTS: ca.caPath }, otherCa.caPath), run({})]);
    expect(withEnv.stdout.trim(), withEnv.stderr).toBe('401');
    expect(withBoth.stdout.trim(), withBoth.stderr).toBe('401');
    expect(without.stdout.trim(), without.stderr).toMatch(/^error UPSTREAM The server's certificate is not trusted/);
  });
});
