import { describe, expect, it } from 'vitest';
import { bypassesProxy, chooseRoute, describeProxyUrl, envProxy, envProxyProblem, parsePacResult, proxyUrlProblem } from '../../src-main/net/proxy';
import { Dispatchers } from '../../src-main/net/dispatchers';
import { scrubText } from '../../src-main/net/scrub';

const LIMITS = { connections: 2, connectTimeoutMs: 1000, headersTimeoutMs: 1000, bodyTimeoutMs: 1000 };

describe('the system proxy answer (PAC result)', () => {
  it('reads every form Chromium gives', () => {
    expect(parsePacResult('DIRECT')).toEqual([{ kind: 'direct' }]);
    expect(parsePacResult('PROXY proxy.corp:3128; DIRECT')).toEqual([{ kind: 'proxy', scheme: 'http', host: 'proxy.corp', port: 3128 }, { kind: 'direct' }]);
    expect(parsePacResult('HTTPS secure.corp:8443')).toEqual([{ kind: 'proxy', scheme: 'https', host: 'secure.corp', port: 8443 }]);
    expect(parsePacResult('proxy a.b')).toEqual([{ kind: 'proxy', scheme: 'http', host: 'a.b', port: 80 }]);
    expect(parsePacResult('HTTPS a.b')).toEqual([{ kind: 'proxy', scheme: 'https', host: 'a.b', port: 443 }]);
    expect(parsePacResult('PROXY [::1]:8080')).toEqual([{ kind: 'proxy', scheme: 'http', host: '[::1]', port: 8080 }]);
    expect(parsePacResult('')).toEqual([]);
  });
  it('keeps what it cannot use as unsupported, so it can say so', () => {
    expect(parsePacResult('SOCKS s:1080; SOCKS5 127.0.0.1:1080; QUIC q:443; PROXY p:99999; PROXY u@p:1; PROXY a b')).toEqual([
      { kind: 'unsupported', text: 'SOCKS s:1080' },
      { kind: 'unsupported', text: 'SOCKS5 127.0.0.1:1080' },
      { kind: 'unsupported', text: 'QUIC q:443' },
      { kind: 'unsupported', text: 'PROXY p:99999' },
      { kind: 'unsupported', text: 'PROXY u@p:1' },
      { kind: 'unsupported', text: 'PROXY a b' },
    ]);
  });
  it('takes the first usable entry, else direct', () => {
    expect(chooseRoute(parsePacResult('SOCKS s:1080; PROXY p:8080; DIRECT'))).toEqual({ route: { kind: 'proxy', scheme: 'http', host: 'p', port: 8080 }, skipped: ['SOCKS s:1080'] });
    expect(chooseRoute(parsePacResult('SOCKS5 s:1080'))).toEqual({ route: { kind: 'direct' }, skipped: ['SOCKS5 s:1080'] });
    expect(chooseRoute([]).route).toEqual({ kind: 'direct' });
  });
});

describe('the environment proxy', () => {
  it('reads lower-case first, and https falls back to the http proxy', () => {
    expect(envProxy({})).toBeUndefined();
    expect(envProxy({ NO_PROXY: 'x' })).toBeUndefined();
    expect(envProxy({ https_proxy: 'http://a:1', HTTPS_PROXY: 'http://b:2', NO_PROXY: 'n' })).toEqual({ httpsProxy: 'http://a:1', httpProxy: '', noProxy: 'n' });
    expect(envProxy({ HTTP_PROXY: 'http://c:3' })).toEqual({ httpsProxy: 'http://c:3', httpProxy: 'http://c:3', noProxy: '' });
  });
  it('shows a proxy without its credentials, and knows them as secrets', () => {
    expect(describeProxyUrl('http://alice:s%40cret-Pw@proxy.corp:3128')).toEqual({
      label: 'proxy.corp:3128',
      secrets: ['s@cret-Pw', 's%40cret-Pw', 'alice:s@cret-Pw', Buffer.from('alice:s@cret-Pw').toString('base64')],
    });
    expect(describeProxyUrl('http://proxy.corp')?.label).toBe('proxy.corp:80');
  });
  it('NO_PROXY as undici reads it', () => {
    expect(bypassesProxy('https://127.0.0.1:8443/x', '127.0.0.1')).toBe(true);
    expect(bypassesProxy('https://api.vobiz.ai/x', '.vobiz.ai')).toBe(true);
    expect(bypassesProxy('https://api.vobiz.ai/x', '*.vobiz.ai')).toBe(true);
    expect(bypassesProxy('https://api.vobiz.ai/x', 'vobiz.ai:80')).toBe(false);
    expect(bypassesProxy('https://evilvobiz.ai/x', 'vobiz.ai')).toBe(false);
    expect(bypassesProxy('https://x/x', '*')).toBe(true);
    expect(bypassesProxy('https://x/x', '')).toBe(false);
  });
  it('remembers the credentials of an environment proxy the moment the dispatchers are built', async () => {
    const d = new Dispatchers({ limits: LIMITS, env: { HTTPS_PROXY: 'http://bob:Proxy-Canary-7731@p.corp:8080' } });
    expect(scrubText('Proxy-Authorization for bob:Proxy-Canary-7731')).not.toContain('Proxy-Canary-7731');
    const way = await d.forUrl('https://api.example/x');
    expect(way).toMatchObject({ source: 'env', via: 'p.corp:8080' });
    await d.close();
  });
});

describe('an environment proxy that cannot be used', () => {
  it('says why: SOCKS, another scheme, no scheme, not a URL', () => {
    expect(proxyUrlProblem('http://p.corp:3128')).toBeNull();
    expect(proxyUrlProblem('https://u:p@p.corp')).toBeNull();
    expect(proxyUrlProblem('socks5://p.corp:1080')).toMatch(/SOCKS/);
    expect(proxyUrlProblem('SOCKS4A://p.corp:1080')).toMatch(/SOCKS/);
    expect(proxyUrlProblem('ftp://p.corp')).toBe('it must start with http:// or https://');
    expect(proxyUrlProblem('p.corp:3128')).toBe('it must start with http:// or https://');
    expect(proxyUrlProblem('127.0.0.1:3128')).toBe('it must start with http:// or https://');
    expect(proxyUrlProblem('http://')).toBe('it is not a URL');
    expect(proxyUrlProblem('http://[oops')).toBe('it is not a URL');
  });
  it('names the variable the request would take, in envProxy\'s order', () => {
    expect(envProxyProblem({ https_proxy: 'socks5://a', HTTPS_PROXY: 'http://ok' }, true)).toMatchObject({ variable: 'https_proxy' });
    expect(envProxyProblem({ HTTP_PROXY: 'p:1' }, true)).toMatchObject({ variable: 'HTTP_PROXY' });
    expect(envProxyProblem({ HTTPS_PROXY: 'p:1' }, false)).toBeNull();
    expect(envProxyProblem({ HTTPS_PROXY: 'http://ok:1' }, true)).toBeNull();
    expect(envProxyProblem({}, true)).toBeNull();
  });
  it('fails the requests it would carry (not direct, not its value in the words), while NO_PROXY hosts and the other scheme still go', async () => {
    const d = new Dispatchers({ limits: LIMITS, env: { HTTPS_PROXY: 'socks5://bob:Socks-Canary-31@s.corp:1080', HTTP_PROXY: 'http://h.corp:3128', NO_PROXY: 'inside.example' } });
    const refused = await d.forUrl('https://api.example/x').then(() => null, (e: unknown) => e);
    expect(refused).toMatchObject({ code: 'VALIDATION', retryable: false, message: 'HTTPS_PROXY is set to a proxy Trunkdesk cannot use: it names a SOCKS proxy, and Trunkdesk speaks HTTP and HTTPS proxies only.' });
    expect(JSON.stringify([(refused as Error).message, (refused as { hint: string }).hint])).not.toMatch(/Socks-Canary|s\.corp/);
    expect(await d.forUrl('https://inside.example/x')).toMatchObject({ source: 'direct', via: null });
    expect(await d.forUrl('http://api.example/x')).toMatchObject({ source: 'env', via: 'h.corp:3128' });
    expect(await d.describe()).toMatchObject({ source: 'env', via: null, problem: expect.stringMatching(/^HTTPS_PROXY is set to a proxy/) });
    await d.close();
  });
});

describe('the dispatchers: env > system > direct', () => {
  it('asks the system once per origin within the TTL, and again after it', async () => {
    let now = 0;
    const asked: string[] = [];
    const d = new Dispatchers({ limits: LIMITS, env: {}, ttlMs: 1000, now: () => now, resolveProxy: async (u) => (asked.push(u), 'PROXY 127.0.0.1:3128') });
    expect(await d.forUrl('https://a.example/x?y')).toMatchObject({ source: 'system', via: '127.0.0.1:3128' });
    await d.forUrl('https://a.example/other');
    expect(asked).toEqual(['https://a.example']);
    now = 1001;
    await d.forUrl('https://a.example/x');
    expect(asked).toEqual(['https://a.example', 'https://a.example']);
    await d.close();
  });
  it('the environment wins over the system; NO_PROXY leaves a host direct', async () => {
    const asked: string[] = [];
    const d = new Dispatchers({ limits: LIMITS, env: { HTTPS_PROXY: 'http://e:1', NO_PROXY: 'direct.example' }, resolveProxy: async (u) => (asked.push(u), 'PROXY s:2') });
    expect(await d.forUrl('https://a.example/')).toMatchObject({ source: 'env', via: 'e:1' });
    expect(await d.forUrl('https://direct.example/')).toMatchObject({ source: 'direct', via: null });
    expect(asked).toEqual([]);
    await d.close();
  });
  it('no resolver, a failing one or an unusable answer is direct', async () => {
    for (const resolveProxy of [undefined, async () => Promise.reject(new Error('no')), async () => 'SOCKS5 s:1']) {
      const d = new Dispatchers({ limits: LIMITS, env: {}, ...(resolveProxy ? { resolveProxy } : {}) });
      expect(await d.forUrl('https://a.example/')).toMatchObject({ source: 'direct', via: null });
      await d.close();
    }
  });
});
