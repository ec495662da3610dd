// AES-256-GCM sealing with associated data, and HKDF sub-keys from the master key. The entry
// id (or cache key) is the associated data, so a sealed blob moved to another entry fails to open.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

export interface Sealed {
  iv: string;
  tag: string;
  ct: string;
}

export function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `trunkdesk/${purpose}/v1`, 32));
}

/** A short public fingerprint of a key, to tell "sealed under another key" from "damaged". */
export function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update('trunkdesk/fingerprint').update(key).digest('hex').slice(0, 16);
}

export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([c.update(plaintext), c.final()]);
  return { iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), ct: ct.toString('base64') };
}

/** Returns null when the blob does not open under this key and aad (tampered, swapped, wrong key). */
export function open(key: Buffer, sealed: Sealed, aad: string): Buffer | null {
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(sealed.ct, 'base64')), d.final()]);
  } catch {
    return null;
  }
}
