// "Copy diagnostics" (src-main/diagnostics.ts) and the error journal that feeds it
// (src-main/net/error-journal.ts), under Node: what the report says, what it never says, the ring
// buffer's bound and its once-per-error rule, and the log's query-redacted paths.
import { describe, expect, it } from 'vitest';
import { buildDiagnostics, type DiagnosticsInput } from '../../src-main/diagnostics';
import { ErrorJournal, JOURNAL_SIZE } from '../../src-main/net/error-journal';
import { AppError } from '../../src-main/net/errors';
import { redactedPath } from '../../src-main/net/provider-failure';

const base = (over: Partial<DiagnosticsInput> = {}): DiagnosticsInput => ({
  now: new Date('2026-12-02T10:00:00Z'),
  appVersion: '0.1.0',
  versions: { electron: '45.4.1', chrome: '142.0.7444.52', node: '22.20.0' },
  os: { type: 'Linux', release: '6.1.0-13-amd64', arch: 'x64' },
  locale: 'en-GB',
  profileProviders: ['vobiz', 'vobiz', 'voipbin'],
  network: { online: true, proxy: 'direct', envProxyUnusable: false, caFile: null, extraCaEnv: false },
  errors: [],
  ...over,
});

describe('the diagnostics report', () => {
  it('names the versions, the OS, the locale, the profiles per provider and the network', () => {
    const r = buildDiagnostics(base());
    expect(r.text).toContain('App version: 0.1.0\n');
    expect(r.text).toContain('Electron: 45.4.1\nChrome: 142.0.7444.52\nNode: 22.20.0\n');
    expect(r.text).toContain('OS: Linux 6.1.0-13-amd64 (x64)\n');
    expect(r.text).toContain('Locale: en-GB\n');
    expect(r.text).toContain('Profiles: 3 (Vobiz 2, VoIPBIN 1, Vocobase 0)\n');
    expect(r.text).toContain('Network: online; proxy: direct; company CA file: none; NODE_EXTRA_CA_CERTS: not set\n');
    const corporate = buildDiagnostics(base({ network: { online: false, proxy: 'env', envProxyUnusable: true, caFile: { certificates: 2, expired: 1 }, extraCaEnv: true } }));
    expect(corporate.text).toContain('Network: offline; proxy: from the environment (unusable: requests fail); company CA file: 2 certificates (1 expired); NODE_EXTRA_CA_CERTS: set\n');
    expect(buildDiagnostics(base({ network: { online: true, proxy: 'system', envProxyUnusable: false, caFile: { certificates: 1, expired: 0 }, extraCaEnv: false } })).text).toContain("proxy: the system's; company CA file: 1 certificate;");
    expect(r.text).toContain('Recent errors: none\n');
    expect(r.errors).toBe(0);
    expect(r.lines).toBe(r.text.trimEnd().split('\n').length);
    expect(buildDiagnostics(base({ versions: { node: '20.19.0' }, network: null })).text).toMatch(/Electron: not running in Electron\n[\s\S]*Network: unknown\n/);
  });

  it('lists each recent error by time, provider, code, status, request id and what was asked; nothing else of it', () => {
    const j = new ErrorJournal(JOURNAL_SIZE, () => new Date('2026-12-02T09:59:00Z'));
    // The message names a customer and a server's words: none of it may be reported.
    j.record(new AppError('FORBIDDEN', 'Kestrel Freight (MA_KESTREL01) is not allowed: "Invalid token t0ken-zzz"', { status: 403 }), { operation: 'GET the SIP credential list', provider: 'vobiz', status: 403, requestId: 'req_0123abcd' });
    j.record(new AppError('OFFLINE', 'Could not reach api.example'), { operation: 'listCustomers' });
    const r = buildDiagnostics(base({ errors: j.list() }));
    expect(r.errors).toBe(2);
    expect(r.text).toContain('Recent errors (2, oldest first):\n');
    expect(r.text).toContain('- 2026-12-02T09:59:00.000Z | Vobiz | FORBIDDEN | HTTP 403 | request req_0123abcd | GET the SIP credential list\n');
    expect(r.text).toContain('- 2026-12-02T09:59:00.000Z | Trunkdesk | OFFLINE | no HTTP status | no request id | listCustomers\n');
    for (const never of ['Kestrel', 'MA_KESTREL01', 't0ken-zzz', 'api.example', 'Invalid']) expect(r.text).not.toContain(never);
  });

  it('shows values from the OS only as plain characters', () => {
    const r = buildDiagnostics(base({ os: { type: 'Linux\nInjected: yes', release: '<b>6</b>', arch: 'x64' }, locale: 'en-GB"; rm' }));
    expect(r.text).toContain('OS: LinuxInjected: yes b6/b (x64)\n');
    expect(r.text).toContain('Locale: en-GB rm\n');
  });
});

describe('the error journal', () => {
  it('keeps the last 20, records an error once however often it is seen, and drops request ids that are not ids', () => {
    const j = new ErrorJournal();
    for (let i = 0; i < 25; i++) j.record(new AppError('UPSTREAM', `e${i}`, { status: 500 + (i % 4) }), { operation: `op${i}` });
    expect(j.list().map((e) => e.operation)).toEqual(Array.from({ length: 20 }, (_, i) => `op${i + 5}`));
    const once = new AppError('TIMEOUT', 'slow');
    expect(j.record(once, { operation: 'GET the customer list', provider: 'voipbin' })).toBe(true);
    expect(j.record(once, { operation: 'listCustomers' })).toBe(false);
    expect(j.list().at(-1)).toMatchObject({ operation: 'GET the customer list', provider: 'voipbin', code: 'TIMEOUT' });
    j.record(new AppError('UPSTREAM', 'x'), { operation: 'a', requestId: 'Kestrel Freight <script>' });
    j.record(new Error('not an AppError'), { operation: 'b', requestId: 'x'.repeat(200) });
    expect(j.list().at(-2)).not.toHaveProperty('requestId');
    expect(j.list().at(-1)).toMatchObject({ code: 'INTERNAL' });
    expect(j.list().at(-1)).not.toHaveProperty('requestId');
  });

  it("logs a URL's path with every query value redacted", () => {
    expect(redactedPath('https://api.example/voipbin/v1.0/extensions?page_size=100&accesskey=vb_secret&page_token=abc')).toBe('/voipbin/v1.0/extensions?page_size=[redacted]&accesskey=[redacted]&page_token=[redacted]');
    expect(redactedPath('https://api.example/api/v1/partner/me')).toBe('/api/v1/partner/me');
    expect(redactedPath('not a url')).toBe('(unparsable URL)');
  });
});
