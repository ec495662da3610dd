// The local store's file format: sealed, bound to its place, versioned.
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindingOf, readSealed, STORE_FORMAT, writeSealed } from '../../src-main/store/sealed-file';
import { tempDir } from '../support/tmp';

const key = randomBytes(32);
const asIs = (json: unknown) => json as { hello: string };

describe('sealed store files', () => {
  it('open under their own key and binding, and hold no plaintext', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.bin');
    await writeSealed(file, key, bindingOf(['p_1', 'MA_1', 'credentials']), { hello: 'plaintext-marker' });
    expect(readFileSync(file).includes('plaintext-marker')).toBe(false);
    expect(readFileSync(file).subarray(0, 5)).toEqual(Buffer.from([0x54, 0x44, 0x53, 0x31, STORE_FORMAT]));
    expect(await readSealed(file, key, (f) => bindingOf(['p_1', 'MA_1', 'credentials'], f), asIs)).toEqual({ kind: 'ok', value: { hello: 'plaintext-marker' } });
  });

  it('do not open at another place, under another key, damaged, or in a format from the future, and are kept aside', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.bin');
    const cases: Array<[string, (f: string) => void, Buffer, string[]]> = [
      ['another profile', () => undefined, key, ['p_2', 'MA_1', 'credentials']],
      ['another key', () => undefined, randomBytes(32), ['p_1', 'MA_1', 'credentials']],
      ['a flipped byte', (f) => { const b = readFileSync(f); b.writeUInt8(b.readUInt8(40) ^ 1, 40); writeFileSync(f, b); }, key, ['p_1', 'MA_1', 'credentials']],
      ['a newer format', (f) => { const b = readFileSync(f); b.writeUInt8(STORE_FORMAT + 1, 4); writeFileSync(f, b); }, key, ['p_1', 'MA_1', 'credentials']],
      ['truncated', (f) => writeFileSync(f, readFileSync(f).subarray(0, 20)), key, ['p_1', 'MA_1', 'credentials']],
    ];
    for (const [what, damage, readKey, place] of cases) {
      await writeSealed(file, key, bindingOf(['p_1', 'MA_1', 'credentials']), { hello: what });
      damage(file);
      const r = await readSealed(file, readKey, (f) => bindingOf(place, f), asIs);
      expect(r.kind, what).toBe('unreadable');
      expect(existsSync(file), what).toBe(false);
      if (r.kind === 'unreadable') expect(existsSync(r.keptAt), what).toBe(true);
    }
    expect(readdirSync(dir).filter((n) => n.includes('.unreadable-')).length).toBeGreaterThanOrEqual(1);
  });

  it('hand the file’s format to the reader, which is where an older format is migrated', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.bin');
    await writeSealed(file, key, bindingOf(['x']), { hello: 'v' });
    const seen: number[] = [];
    await readSealed(file, key, (f) => bindingOf(['x'], f), (json, format) => (seen.push(format), asIs(json)));
    expect(seen).toEqual([STORE_FORMAT]);
    copyFileSync(file, join(dir, 'copy.bin'));
    expect((await readSealed(join(dir, 'copy.bin'), key, (f) => bindingOf(['x'], f), asIs)).kind).toBe('ok');
  });
});
