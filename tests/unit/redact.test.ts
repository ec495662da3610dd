import { describe, expect, it } from 'vitest';
import { redact, rememberSecret } from '../../src-main/net/redact';
import { knownSecretCount, scrubDeep, scrubText } from '../../src-main/net/scrub';
import { serverText } from '../../src-main/net/server-text';

describe('redact', () => {
  it('scrubs auth headers, query tokens, JSON token fields and JWTs', () => {
    const line = redact(
      'X-Auth-Token: s3cr3t-value Authorization: Bearer abc.def.ghi url=/x?token=tok123&accesskey=ak456 plain token=tok789 {"auth_token":"MA_tok","password":"pw"} eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlMTIz',
    );
    for (const secret of ['s3cr3t-value', 'abc.def.ghi', 'tok123', 'ak456', 'tok789', 'MA_tok', '"pw"', 'eyJhbGciOiJIUzI1NiJ9']) {
      expect(line).not.toContain(secret);
    }
  });
  it('scrubs a remembered secret wherever it appears', () => {
    rememberSecret('canary-9f8e7d6c');
    expect(redact('failed: canary-9f8e7d6c in path /x/canary-9f8e7d6c')).toBe('failed: [redacted] in path /x/[redacted]');
  });
});

describe('the secret scrubber (everything that leaves main passes it)', () => {
  it('replaces a known secret raw, URL-encoded and JSON-escaped, and leaves other text alone', () => {
    const s = 'Tok/en+"q\\9xYz';
    rememberSecret(s);
    const text = `a ${s} b ${encodeURIComponent(s)} c ${JSON.stringify(s).slice(1, -1)} d Tok/en`;
    expect(scrubText(text)).toBe('a [redacted] b [redacted] c [redacted] d Tok/en');
  });

  it('finds the longer of two secrets that share a prefix, and secrets that touch', () => {
    rememberSecret('shareAAAA1');
    rememberSecret('shareAAAA1-longer');
    expect(scrubText('xshareAAAA1-longershareAAAA1y')).toBe('x[redacted][redacted]y');
  });

  it('scrubs every string of a value deeply, except what a channel exists to disclose', () => {
    rememberSecret('deep-secret-77');
    const v = { a: ['ok', 'has deep-secret-77 inside'], b: { c: 'deep-secret-77' }, n: 3, t: true, z: null };
    expect(scrubDeep(v)).toEqual({ a: ['ok', 'has [redacted] inside'], b: { c: '[redacted]' }, n: 3, t: true, z: null });
    expect(scrubDeep({ password: 'deep-secret-77' }, new Set(['deep-secret-77']))).toEqual({ password: 'deep-secret-77' });
  });

  it('ignores values too short to tell from ordinary words, and stays bounded under a flood', () => {
    rememberSecret('abc');
    expect(scrubText('abc abc')).toBe('abc abc');
    const before = knownSecretCount();
    for (let i = 0; i < 25_000; i++) rememberSecret(`flood-${i}-secret`);
    expect(knownSecretCount()).toBeLessThanOrEqual(20_000);
    expect(knownSecretCount()).toBeGreaterThan(before);
    expect(scrubText('flood-24999-secret')).toBe('[redacted]');
  });
});

describe('server text shown to the user', () => {
  it('is scrubbed before it is clipped, so a secret the cap would cut in half is still cut out whole', () => {
    const jwt = `eyJhbGciOiJIUzI1NiJ9.${'eyJhZ2VudCI6'.repeat(30)}.c2lnbmF0dXJl`;
    rememberSecret(jwt);
    const said = serverText(`Rejected credentials ${jwt} and more`, 200);
    expect(said).toBe('Rejected credentials [redacted] and more');
    // Clipped after scrubbing: the cap counts the words left, and no piece of the JWT survives.
    const long = serverText(`${'x'.repeat(190)} ${jwt}`, 200);
    expect(long).toBe(`${'x'.repeat(190)} [redacted…`);
    expect(long).not.toContain('eyJhbGci');
  });
});

describe('secrets scrubbed by their documented shape', () => {
  // Values main was never told (a key rotated away before a restart, then echoed in a stored name).
  const vocobase = 'rg_live_Zq8pL2mN4vB6xC9dF1gH3jK5';
  const voipbin = 'vb_R7tY9uI1oP3aS5dF7gH9jK2';
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJjdXN0b21lcl9pZCI6IjEyMyJ9.QmFkU2lnbmF0dXJlMTIz';

  it('replaces a Vocobase key, a VoIPBIN access key and a JWT that main does not know', () => {
    const text = `trunk ${vocobase}, key ${voipbin}; session=${jwt}.`;
    expect(scrubText(text)).toBe('trunk [redacted], key [redacted]; session=[redacted].');
    expect(scrubDeep({ name: `office ${vocobase}`, list: [voipbin] })).toEqual({ name: 'office [redacted]', list: ['[redacted]'] });
    expect(redact(`said ${vocobase}`)).toBe('said [redacted]');
  });

  it('keeps what only looks close: the prefix VoIPBIN shows openly, short names, words inside others', () => {
    for (const plain of ['vb_a3Bf9xKm', 'vb_office1', 'rg_live_short', 'alice_vb_1234567890abcdefgh', 'sip-user_01', 'eyJ.abc.def']) {
      expect(scrubText(plain)).toBe(plain);
    }
  });

  it('leaves a disclosed value as it is, whatever its shape', () => {
    expect(scrubDeep({ key: voipbin }, new Set([voipbin]))).toEqual({ key: voipbin });
  });
});
