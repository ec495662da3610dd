// One random 256-bit master key per install, held in the OS keychain (design.md §3). One
// keychain item means one OS prompt, however many profiles and customers there are.
import { randomBytes } from 'node:crypto';
import { AppError } from '../net/errors';
import type { SecretStore } from './keychain';

export const MASTER_KEY_ACCOUNT = 'vault-master-key';

export interface MasterKey {
  key: Buffer;
  /** True when no key existed and this one was just made (a new install, or a lost item). */
  created: boolean;
}

export async function loadOrCreateMasterKey(store: SecretStore, service: string): Promise<MasterKey> {
  const existing = await store.get(service, MASTER_KEY_ACCOUNT);
  if (existing !== null) {
    const key = Buffer.from(existing, 'base64');
    if (key.length !== 32) {
      // Never overwrite: it may be another tool's item with our name, or a damaged one.
      throw new AppError('KEYCHAIN_UNAVAILABLE', `The keychain item “${service} / ${MASTER_KEY_ACCOUNT}” is not a Trunkdesk key.`, {
        hint: 'Remove or rename that keychain item, then restart Trunkdesk and re-enter your tokens.',
        retryable: false,
      });
    }
    return { key, created: false };
  }
  const key = randomBytes(32);
  await store.set(service, MASTER_KEY_ACCOUNT, key.toString('base64'));
  return { key, created: true };
}
