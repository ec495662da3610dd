// The vault: every token the app holds, each sealed with AES-256-GCM under a key derived from the
// keychain's master key, with its entry id as associated data, in one file written atomically.
// Reading never destroys: an unreadable file is kept aside and reported, and the caller learns
// which tokens must be entered again.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { TokenState } from '../../src-preload/contract';
import { keepAside, writeFileAtomically } from '../fs/atomic';
import { AppError } from '../net/errors';
import { rememberSecret } from '../net/scrub';
import { deriveKey, keyFingerprint, open, seal } from './crypto';

const SealedEntry = z.strictObject({ iv: z.string(), tag: z.string(), ct: z.string() });
const VaultFile = z.strictObject({
  version: z.literal(1),
  keyId: z.string(),
  entries: z.record(z.string(), SealedEntry),
});
type VaultFile = z.infer<typeof VaultFile>;

export interface StoreProblem {
  message: string;
  hint?: string;
}

export class Vault {
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly key: Buffer,
    private data: VaultFile,
  ) {}

  static async open(file: string, masterKey: Buffer): Promise<{ vault: Vault; problem?: StoreProblem }> {
    const key = deriveKey(masterKey, 'vault');
    const keyId = keyFingerprint(key);
    const empty: VaultFile = { version: 1, keyId, entries: {} };
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { vault: new Vault(file, key, empty) };
      throw new AppError('INTERNAL', 'The token vault file could not be read.', { hint: `Check the permissions of ${file}.`, cause: e });
    }
    let parsed: VaultFile | undefined;
    try {
      const r = VaultFile.safeParse(JSON.parse(text));
      if (r.success) parsed = r.data;
    } catch {
      /* handled below */
    }
    if (!parsed) {
      const aside = await keepAside(file, 'corrupt');
      return {
        vault: new Vault(file, key, empty),
        problem: {
          message: 'The file holding your saved tokens was damaged, so the tokens cannot be used.',
          hint: `It was kept at ${aside}. Replace each profile's token to continue; your profiles are unchanged.`,
        },
      };
    }
    if (parsed.keyId !== keyId) {
      // Sealed under a master key the keychain no longer has (the item was deleted, or this is
      // another machine's file). Nothing can open it; keep it in case the old key comes back.
      const aside = await keepAside(file, 'unreadable');
      return {
        vault: new Vault(file, key, empty),
        problem: {
          message: "Your saved tokens were locked with a key that is no longer in this computer's keychain.",
          hint: `Replace each profile's token to continue; your profiles are unchanged. The old vault was kept at ${aside}.`,
        },
      };
    }
    return { vault: new Vault(file, key, parsed) };
  }

  state(id: string): TokenState {
    const entry = this.data.entries[id];
    if (!entry) return 'missing';
    return open(this.key, entry, id) ? 'stored' : 'unreadable';
  }

  /** The secret for an entry; a clear error when there is none or it does not open. */
  get(id: string): string {
    const entry = this.data.entries[id];
    if (!entry) {
      throw new AppError('UNAUTHORIZED', 'No token is stored for this profile.', { hint: 'Enter the token again in the profile settings.' });
    }
    const plain = open(this.key, entry, id);
    if (!plain) {
      throw new AppError('UNAUTHORIZED', 'The stored token could not be unlocked.', {
        hint: 'It may have been damaged. Enter the token again in the profile settings.',
      });
    }
    const value = plain.toString('utf8');
    rememberSecret(value);
    return value;
  }

  set(id: string, secret: string): Promise<void> {
    return this.setMany([[id, secret]]);
  }

  /** Several entries in one write: one file rewrite and fsync, not one per entry (a Sync all keeps hundreds of customer tokens). */
  setMany(entries: ReadonlyArray<readonly [id: string, secret: string]>): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    for (const [, secret] of entries) rememberSecret(secret);
    return this.write((d) => {
      const next = { ...d.entries };
      for (const [id, secret] of entries) next[id] = seal(this.key, Buffer.from(secret, 'utf8'), id);
      return { ...d, entries: next };
    });
  }

  /** Delete every entry whose id starts with prefix (e.g. all of one profile's tokens). */
  deleteWhere(prefix: string): Promise<void> {
    return this.write((d) => ({
      ...d,
      entries: Object.fromEntries(Object.entries(d.entries).filter(([k]) => !k.startsWith(prefix))),
    }));
  }

  ids(): string[] {
    return Object.keys(this.data.entries);
  }

  /** Writes are serialised, and memory changes only after the file is safely on disk. */
  private write(change: (d: VaultFile) => VaultFile): Promise<void> {
    const run = this.chain.then(async () => {
      const next = change(this.data);
      await writeFileAtomically(this.file, JSON.stringify(next));
      this.data = next;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }
}
