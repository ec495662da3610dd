import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKey, keyFingerprint, open, seal } from '../../src-main/secrets/crypto';

describe('vault crypto', () => {
  const master = randomBytes(32);
  const key = deriveKey(master, 'vault');

  it('round-trips and never stores the plaintext', () => {
    const s = seal(key, Buffer.from('tok-canary-123'), 'profile:p1:partner');
    expect(JSON.stringify(s)).not.toContain('tok-canary-123');
    expect(open(key, s, 'profile:p1:partner')?.toString()).toBe('tok-canary-123');
  });
  it('a blob moved to another entry id does not open (associated data)', () => {
    const s = seal(key, Buffer.from('tok'), 'profile:p1:partner');
    expect(open(key, s, 'profile:p2:partner')).toBeNull();
  });
  it('a tampered blob does not open', () => {
    const s = seal(key, Buffer.from('tok'), 'a');
    const ct = Buffer.from(s.ct, 'base64');
    ct[0]! ^= 1;
    expect(open(key, { ...s, ct: ct.toString('base64') }, 'a')).toBeNull();
  });
  it('sub-keys differ by purpose and fingerprints tell keys apart', () => {
    expect(deriveKey(master, 'cache').equals(key)).toBe(false);
    expect(keyFingerprint(key)).not.toBe(keyFingerprint(deriveKey(randomBytes(32), 'vault')));
  });
});
