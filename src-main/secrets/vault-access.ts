// Opens the vault on first need (so the keychain is touched only when a token is), remembers a
// success, and retries after a failure: a locked keychain that gets unlocked starts working
// without restarting the app.
import { join } from 'node:path';
import type { SecretStore } from './keychain';
import { deriveKey } from './crypto';
import { loadOrCreateMasterKey } from './master-key';
import { Vault, type StoreProblem } from './vault';

export class VaultAccess {
  private opening: Promise<Vault> | undefined;
  private storeKeyValue: Buffer | undefined;
  problem: StoreProblem | undefined;

  constructor(
    private readonly store: SecretStore,
    private readonly service: string,
    private readonly dataDir: string,
  ) {}

  get(): Promise<Vault> {
    this.opening ??= this.open().catch((e) => {
      this.opening = undefined;
      throw e;
    });
    return this.opening;
  }

  /** The local store's key: an HKDF sub-key of the same keychain-held master key (one OS prompt). */
  async storeKey(): Promise<Buffer> {
    await this.get();
    return this.storeKeyValue!;
  }

  private async open(): Promise<Vault> {
    const { key } = await loadOrCreateMasterKey(this.store, this.service);
    this.storeKeyValue = deriveKey(key, 'store');
    const { vault, problem } = await Vault.open(join(this.dataDir, 'vault.json'), key);
    this.problem = problem;
    return vault;
  }
}

/** Vault entry ids. The profile prefix lets removing a profile remove all of its tokens. */
export const entryIds = {
  profilePrefix: (profileId: string) => `profile:${profileId}:`,
  partnerToken: (profileId: string) => `profile:${profileId}:partner`,
  customerToken: (profileId: string, customerAuthId: string) => `profile:${profileId}:customer:${customerAuthId}`,
};
