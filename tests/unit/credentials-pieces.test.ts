import { describe, expect, it } from 'vitest';
import { NewCustomerFields, SipPassword, SipUsername } from '../../src-preload/contract';
import { toCsv } from '../../src-main/credentials/csv';
import { CredentialIndex } from '../../src-main/credentials/view-index';
import { generateSipPassword } from '../../src-main/credentials/password-generator';
import { PendingSecrets } from '../../src-main/credentials/pending-secrets';
import { TestPlatform } from '../harness/test-platform';

describe('SIP credential rules (api/vobiz.md §4)', () => {
  it.each([
    ['sipuser01', true],
    ['office_phone_01', true],
    ['front-desk', true],
    ['acc.test', false],
    ['with space', false],
    ['', false],
    ['a'.repeat(65), false],
  ])('username %j valid: %s', (u, ok) => expect(SipUsername.safeParse(u).success).toBe(ok));

  it.each([
    ['Secret#123', true],
    ['short#1', false],
    ['NoSpecial123', false],
    ['nodigits#abc', false],
    ['Has space#1', false],
    ['Toolong#12345678901234', false],
    ['Ok~!@#$%^&*()_+a1', true],
    ['Bad=char#1a', false],
  ])('password %j valid: %s', (p, ok) => expect(SipPassword.safeParse(p).success).toBe(ok));

  it('the generator always satisfies the rules and does not repeat itself', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const p = generateSipPassword();
      expect(SipPassword.safeParse(p).success).toBe(true);
      seen.add(p);
    }
    expect(seen.size).toBe(500);
  });
});

describe('new customer rules', () => {
  it('country is ISO-2 (any case in, upper case out); phone is E.164', () => {
    expect(NewCustomerFields.country.parse('in')).toBe('IN');
    expect(NewCustomerFields.country.safeParse('XX').success).toBe(false);
    expect(NewCustomerFields.country.safeParse('IND').success).toBe(false);
    expect(NewCustomerFields.phone.safeParse('+919876543210').success).toBe(true);
    expect(NewCustomerFields.phone.safeParse('09876543210').success).toBe(false);
    expect(NewCustomerFields.password.safeParse('abcdefgh').success).toBe(false);
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 and neutralises spreadsheet formulas', () => {
    const csv = toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['=HYPERLINK("http://x")', null], ['-1', true]]);
    expect(csv).toBe('a,b\r\n"x,y","say ""hi"""\r\n"\'=HYPERLINK(""http://x"")",\r\n\'-1,true\r\n');
  });
});

describe('credential views', () => {
  const c = (username: string, enabled: boolean, createdAt: string) => ({ id: username, kind: 'sip' as const, username, name: null, realm: null, enabled, createdAt, updatedAt: createdAt });
  const items = [c('bravo', true, '2026-01-05T10:00:00Z'), c('alpha', false, '2026-02-01T00:00:00Z'), c('charlie', true, '2026-03-10T23:59:59Z')];
  const index = new CredentialIndex(items);
  const applyView = (_: unknown, sort?: Parameters<CredentialIndex['view']>[0], filter?: Parameters<CredentialIndex['view']>[1]) =>
    index.view(sort, filter).map((i) => items[i]!);
  it('an empty filter keeps everything, in stored order', () => {
    expect(applyView(items, undefined, { username: '' }).map((x) => x.username)).toEqual(['bravo', 'alpha', 'charlie']);
    expect(index.page(undefined, undefined, 1, 1)).toEqual({ items: [items[1]], total: 3 });
  });
  it('filters by username, enabled and inclusive date ranges; sorts both ways', () => {
    expect(applyView(items, undefined, { username: 'AL' }).map((x) => x.username)).toEqual(['alpha']);
    expect(applyView(items, undefined, { enabled: true }).map((x) => x.username)).toEqual(['bravo', 'charlie']);
    expect(applyView(items, undefined, { createdFrom: '2026-02-01', createdTo: '2026-03-10' }).map((x) => x.username)).toEqual(['alpha', 'charlie']);
    expect(applyView(items, { field: 'username', dir: 'desc' }).map((x) => x.username)).toEqual(['charlie', 'bravo', 'alpha']);
    expect(applyView(items, { field: 'createdAt', dir: 'asc' }).map((x) => x.username)).toEqual(['bravo', 'alpha', 'charlie']);
    expect(applyView(items, { field: 'enabled', dir: 'asc' })[0]!.username).toBe('alpha');
    // Filter and sort together, and a sort reused for the other direction.
    expect(applyView(items, { field: 'username', dir: 'asc' }, { enabled: true }).map((x) => x.username)).toEqual(['bravo', 'charlie']);
    expect(index.byId('charlie')?.username).toBe('charlie');
  });
});

describe('pending secrets', () => {
  it('copies to the clipboard and clears it later only if it still holds the password', async () => {
    const platform = new TestPlatform();
    const p = new PendingSecrets(platform.clipboard);
    const a = p.generate();
    await p.copy(a, 30);
    expect(platform.clipboardText).toBe(p.value(a));
    await new Promise((r) => setTimeout(r, 60));
    expect(platform.clipboardText).toBe('');
    const b = p.generate();
    await p.copy(b, 30);
    platform.clipboardText = 'something the admin copied since';
    await new Promise((r) => setTimeout(r, 60));
    expect(platform.clipboardText).toBe('something the admin copied since');
  });
  it('reveal shows a password once; it can still be copied until discarded', async () => {
    const platform = new TestPlatform();
    const p = new PendingSecrets(platform.clipboard);
    const id = p.generate();
    const shown = p.reveal(id);
    expect(shown).toMatch(/.{16}/);
    expect(() => p.reveal(id)).toThrow(/no longer available/);
    await p.copy(id, 60_000);
    expect(platform.clipboardText).toBe(shown);
    p.discard(id);
    await expect(p.copy(id)).rejects.toThrow(/no longer available/);
  });
});
