// trunkdesk:// links (src-main/deep-link.ts) are hostile input: any page or app can open one. Only
// trunkdesk://open?profile=<id>[&customer=<id>] is accepted, with the contract's id rules; every
// other scheme, action, parameter, encoding trick, size or character is refused, a link with a
// secret in it above all, and what is logged names the reason and parameter names, never a value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeRefusal, linkFromArgv, MAX_LINK_LENGTH, parseDeepLink, protocolClientArgs, type RefusalReason } from '../../src-main/deep-link';
import { DeepLinkDTO } from '../../src-preload/contract';

const P = 'p_abcdef012345';
const C = 'MA_NW000001';

const accepted = (raw: unknown) => {
  const r = parseDeepLink(raw);
  if (!r.ok) throw new Error(`refused ${String(raw)}: ${r.reason}`);
  return r.link;
};
const reason = (raw: unknown): RefusalReason | 'accepted' => {
  const r = parseDeepLink(raw);
  return r.ok ? 'accepted' : r.reason;
};

describe('parseDeepLink: the accepted form', () => {
  it('a profile', () => {
    expect(accepted(`trunkdesk://open?profile=${P}`)).toEqual({ profileId: P });
  });

  it('a profile and a customer (a Vobiz MA_ id, a VoIPBIN UUID, a Vocobase name)', () => {
    expect(accepted(`trunkdesk://open?profile=${P}&customer=${C}`)).toEqual({ profileId: P, accountId: C });
    expect(accepted(`trunkdesk://open?customer=${C}&profile=${P}`)).toEqual({ profileId: P, accountId: C });
    const uuid = '5e4a0680-804e-11ec-8477-2fea5968d85b';
    expect(accepted(`trunkdesk://open?profile=${P}&customer=${uuid}`)).toEqual({ profileId: P, accountId: uuid });
    expect(accepted(`trunkdesk://open?profile=${P}&customer=acme_voice`)).toEqual({ profileId: P, accountId: 'acme_voice' });
  });

  it('with the slash browsers and Windows add after the action, and an upper-case scheme', () => {
    expect(accepted(`trunkdesk://open/?profile=${P}`)).toEqual({ profileId: P });
    expect(accepted(`TrunkDesk://open?profile=${P}`)).toEqual({ profileId: P });
  });

  it('what it returns is exactly the contract DTO the renderer is sent', () => {
    expect(DeepLinkDTO.safeParse(accepted(`trunkdesk://open?profile=${P}&customer=${C}`)).success).toBe(true);
  });
});

describe('parseDeepLink: refused', () => {
  const cases: Array<[string, unknown, RefusalReason]> = [
    ['not a string', 42, 'not-a-string'],
    ['an object', { href: `trunkdesk://open?profile=${P}` }, 'not-a-string'],
    ['empty', '', 'unsafe-characters'],
    ['another scheme: https', `https://open?profile=${P}`, 'wrong-scheme'],
    ['javascript:', `javascript:alert(1)//trunkdesk://open?profile=${P}`, 'wrong-scheme'],
    ['javascript: dressed as our host', `javascript://open?profile=${P}%0aalert(1)`, 'wrong-scheme'],
    ['file:', 'file:///etc/passwd', 'wrong-scheme'],
    ['data:', 'data:text/html,<script>alert(1)</script>', 'wrong-scheme'],
    ['a look-alike scheme', `trunkdesk2://open?profile=${P}`, 'wrong-scheme'],
    ['the scheme without //', `trunkdesk:open?profile=${P}`, 'wrong-action'],
    ['another action', `trunkdesk://delete?profile=${P}`, 'wrong-action'],
    ['an upper-case action', `trunkdesk://OPEN?profile=${P}`, 'wrong-action'],
    ['a path', `trunkdesk://open/customers?profile=${P}`, 'wrong-action'],
    ['path traversal', `trunkdesk://open/../../etc/passwd?profile=${P}`, 'wrong-action'],
    ['encoded traversal', `trunkdesk://open/%2e%2e/%2e%2e/etc?profile=${P}`, 'wrong-action'],
    ['traversal in the host', `trunkdesk://open%2F..%2F..?profile=${P}`, 'wrong-action'],
    ['a port', `trunkdesk://open:8080?profile=${P}`, 'wrong-action'],
    ['credentials in the authority', `trunkdesk://admin:hunter2@open?profile=${P}`, 'has-credentials'],
    ['a user in the authority', `trunkdesk://token@open?profile=${P}`, 'has-credentials'],
    ['a fragment', `trunkdesk://open?profile=${P}#customer=${C}`, 'has-fragment'],
    ['no profile', 'trunkdesk://open', 'bad-profile'],
    ['a customer only', `trunkdesk://open?customer=${C}`, 'bad-profile'],
    ['a malformed profile id', 'trunkdesk://open?profile=p_ABC', 'bad-profile'],
    ['a traversal profile id', 'trunkdesk://open?profile=../../p_abcdef012345', 'bad-profile'],
    ['an encoded traversal id', 'trunkdesk://open?profile=p_abcdef012345%2F..%2F..', 'bad-profile'],
    ['a profile id with a NUL', 'trunkdesk://open?profile=p_abcdef012345%00', 'bad-profile'],
    ['a profile id with a newline', 'trunkdesk://open?profile=p_abcdef012345%0A', 'bad-profile'],
    ['an empty profile', 'trunkdesk://open?profile=', 'bad-profile'],
    ['a profile id too long', `trunkdesk://open?profile=p_${'a'.repeat(33)}`, 'bad-profile'],
    ['a malformed customer', `trunkdesk://open?profile=${P}&customer=MA_X/../..`, 'bad-customer'],
    ['a customer with markup', `trunkdesk://open?profile=${P}&customer=%3Cimg%20src=x%3E`, 'bad-customer'],
    ['a customer with a bidi override', `trunkdesk://open?profile=${P}&customer=MA_%E2%80%AEevil`, 'bad-customer'],
    ['a customer with a space (+)', `trunkdesk://open?profile=${P}&customer=MA+1`, 'bad-customer'],
    ['an empty customer', `trunkdesk://open?profile=${P}&customer=`, 'bad-customer'],
    ['a customer id too long', `trunkdesk://open?profile=${P}&customer=MA_${'A'.repeat(80)}`, 'bad-customer'],
    ['an extra parameter', `trunkdesk://open?profile=${P}&tab=credentials`, 'unknown-parameter'],
    ['a redirect parameter', `trunkdesk://open?profile=${P}&next=https://evil.example`, 'unknown-parameter'],
    ['a polluting parameter', `trunkdesk://open?profile=${P}&__proto__=x`, 'unknown-parameter'],
    ['a repeated profile', `trunkdesk://open?profile=${P}&profile=p_zzzzzzzzzzzz`, 'repeated-parameter'],
    ['a repeated customer', `trunkdesk://open?profile=${P}&customer=${C}&customer=MA_OTHER01`, 'repeated-parameter'],
    ['a space', `trunkdesk://open?profile=${P} `, 'unsafe-characters'],
    ['a tab inside', `trunkdesk://open?pro\tfile=${P}`, 'unsafe-characters'],
    ['a newline (header or log injection)', `trunkdesk://open?profile=${P}\r\nX: y`, 'unsafe-characters'],
    ['a raw bidi override', `trunkdesk://open?profile=${P}&customer=MA_\u202Eevil`, 'unsafe-characters'],
    ['an isolate', `trunkdesk://open?profile=\u2066${P}`, 'unsafe-characters'],
    ['a look-alike letter (Cyrillic о)', `trunkdesk://\u043Epen?profile=${P}`, 'unsafe-characters'],
    ['a full-width scheme', `ｔrunkdesk://open?profile=${P}`, 'unsafe-characters'],
    ['an emoji', `trunkdesk://open?profile=${P}&customer=MA_😀`, 'unsafe-characters'],
    ['a zero-width space', `trunkdesk://open?profile=p_abc\u200Bdef012345`, 'unsafe-characters'],
    ['a NUL', `trunkdesk://open?profile=${P}\u0000`, 'unsafe-characters'],
    ['not a URL', 'trunkdesk', 'not-a-url'],
    ['just the scheme', 'trunkdesk:', 'wrong-action'],
  ];
  for (const [what, raw, why] of cases) {
    it(`${what}: ${why}`, () => {
      expect(reason(raw)).toBe(why);
    });
  }

  it('huge strings are refused by length before any parsing, quickly', () => {
    const started = Date.now();
    for (const raw of [
      `trunkdesk://open?profile=${P}&customer=${'A'.repeat(10_000_000)}`,
      'trunkdesk://' + 'open/'.repeat(200_000),
      `trunkdesk://open?${'a=1&'.repeat(500_000)}profile=${P}`,
    ]) {
      expect(reason(raw)).toBe('too-long');
    }
    expect(Date.now() - started).toBeLessThan(500);
    expect(reason(`trunkdesk://open?profile=${P}&customer=${'A'.repeat(MAX_LINK_LENGTH)}`)).toBe('too-long');
  });
});

describe('a link never carries a secret', () => {
  const secretParams = ['token', 'api_token', 'accessToken', 'key', 'apikey', 'accesskey', 'password', 'pass', 'passwd', 'secret', 'auth', 'authorization', 'jwt', 'bearer', 'session', 'cookie', 'credential', 'sig', 'TOKEN'];
  for (const name of secretParams) {
    it(`refuses ${name}=…, even beside a valid profile and customer`, () => {
      expect(reason(`trunkdesk://open?profile=${P}&customer=${C}&${name}=abc123secret`)).toBe('secret-parameter');
      expect(reason(`trunkdesk://open?${name}=abc123secret&profile=${P}`)).toBe('secret-parameter');
    });
  }

  it('refuses a secret-named parameter whatever else is wrong (the secret is the reason logged)', () => {
    expect(reason(`trunkdesk://open?token=x&token=y`)).toBe('secret-parameter');
    expect(reason(`trunkdesk://open?api%5Fkey=x&profile=${P}`)).toBe('secret-parameter');
  });

  it('what is logged names the reason and the parameter names, never a value or the link', () => {
    const value = 'vb_SuperSecretAccessKey123';
    const r = parseDeepLink(`trunkdesk://open?profile=${P}&accesskey=${value}`);
    expect(r.ok).toBe(false);
    const line = describeRefusal(r as Extract<typeof r, { ok: false }>);
    expect(line).toBe('refused a trunkdesk:// link: secret-parameter (parameters: profile, accesskey)');
    expect(line).not.toContain(value);
    expect(line).not.toContain(P);
  });

  it('a hostile parameter name is not logged as it is', () => {
    const r = parseDeepLink(`trunkdesk://open?profile=${P}&%3Cscript%3E=1&${'x'.repeat(40)}=2`);
    expect(r.ok).toBe(false);
    const line = describeRefusal(r as Extract<typeof r, { ok: false }>);
    expect(line).toBe('refused a trunkdesk:// link: unknown-parameter (parameters: profile, ?, ?)');
  });
});

describe('parseDeepLink under random input', () => {
  it('never throws, and accepts only links whose ids follow the contract', () => {
    const arb = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.constantFrom('trunkdesk://open?', 'trunkdesk://open/?', 'trunkdesk://', 'TRUNKDESK://open?'), fc.string({ maxLength: 120 })).map(([a, b]) => a + b),
      fc
        .tuple(fc.stringMatching(/^p_[a-z0-9]{8,34}$/), fc.option(fc.stringMatching(/^[A-Za-z0-9_%./-]{0,90}$/)))
        .map(([p, c]) => `trunkdesk://open?profile=${p}${c === null ? '' : `&customer=${c}`}`),
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const r = parseDeepLink(raw);
        if (r.ok) {
          expect(DeepLinkDTO.safeParse(r.link).success).toBe(true);
          expect(raw.toLowerCase().startsWith('trunkdesk://open')).toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('linkFromArgv', () => {
  it('finds the link wherever Chromium put its own switches', () => {
    const link = `trunkdesk://open?profile=${P}`;
    expect(linkFromArgv(['C:\\Program Files\\Trunkdesk\\Trunkdesk.exe', link])).toBe(link);
    expect(linkFromArgv(['/usr/bin/electron', '/home/a/trunkdesk', '--allow-file-access-from-files', link, '--original-process-start-time=1'])).toBe(link);
    expect(linkFromArgv(['trunkdesk', `TRUNKDESK://open?profile=${P}`])).toBe(`TRUNKDESK://open?profile=${P}`);
  });

  it('no link: undefined; the executable itself is never taken for one', () => {
    expect(linkFromArgv(['/opt/Trunkdesk/trunkdesk'])).toBeUndefined();
    expect(linkFromArgv(['trunkdesk://open?profile=p_abcdef012345'])).toBeUndefined();
    expect(linkFromArgv([])).toBeUndefined();
    expect(linkFromArgv(['/opt/Trunkdesk/trunkdesk', '--trunkdesk://x', 'https://trunkdesk.example'])).toBeUndefined();
  });
});

describe('protocolClientArgs', () => {
  const base = { execPath: '/usr/lib/electron/electron', appPath: '/home/a/trunkdesk' };
  it('packaged, on every system: the OS starts the app itself', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) expect(protocolClientArgs({ ...base, platform, packaged: true })).toEqual([]);
  });
  it('from source on Windows and Linux: Electron is started with the app folder', () => {
    for (const platform of ['win32', 'linux'] as const) expect(protocolClientArgs({ ...base, platform, packaged: false })).toEqual([base.execPath, [base.appPath]]);
  });
  it('from source on macOS (the bundle declares the scheme), or with no app path: no arguments', () => {
    expect(protocolClientArgs({ ...base, platform: 'darwin', packaged: false })).toEqual([]);
    expect(protocolClientArgs({ ...base, appPath: undefined, platform: 'win32', packaged: false })).toEqual([]);
  });
});
