// Each customer's credentials in list order (newest first), indexed once per change of the
// credential array, so a page request costs O(page) and not O(all credentials): the simulator
// must not make the client look slower than the real API. Every change to the array (add, delete,
// reseed) calls invalidateCredentialIndex; a change of length is caught as well.
import type { CredentialRecord } from './types';

const indexes = new WeakMap<CredentialRecord[], { length: number; byAccount: Map<string, CredentialRecord[]> }>();

export const invalidateCredentialIndex = (all: CredentialRecord[]): boolean => indexes.delete(all);

export function credentialsInListOrder(all: CredentialRecord[], accountId: string): CredentialRecord[] {
  let index = indexes.get(all);
  if (!index || index.length !== all.length) {
    const byAccount = new Map<string, CredentialRecord[]>();
    for (const c of all) {
      const list = byAccount.get(c.accountId);
      if (list) list.push(c);
      else byAccount.set(c.accountId, [c]);
    }
    for (const list of byAccount.values()) list.sort(newestFirst);
    index = { length: all.length, byAccount };
    indexes.set(all, index);
  }
  return index.byAccount.get(accountId) ?? [];
}

function newestFirst(a: CredentialRecord, b: CredentialRecord): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
