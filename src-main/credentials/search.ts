// "Which customer owns SIP user X?": usernames containing the query, across every stored account
// of a profile, with the customer each belongs to. Runs on the local store, so it works offline
// and costs one scan of the precomputed lowercase usernames per keystroke.
import { toCredentialDTO } from './dto';
import type { CredentialSearchDTO } from '../../src-preload/contract';
import type { CustomerService } from '../services/customers';
import type { LocalStore } from '../store/local-store';

export class CredentialSearch {
  constructor(
    private readonly customers: CustomerService,
    private readonly store: LocalStore,
  ) {}

  async search(profileId: string, query: string, limit: number): Promise<CredentialSearchDTO> {
    const accounts = await this.customers.storedAccounts(profileId);
    const lists = await this.store.allCredentials(profileId, accounts.map((a) => a.authId));
    const names = new Map(accounts.map((a) => [a.authId, a.name]));
    const filter = { username: query };
    const items: CredentialSearchDTO['items'] = [];
    let total = 0;
    let oldest: string | null = null;
    for (const { accountId, list } of lists) {
      if (oldest === null || list.fetchedAt < oldest) oldest = list.fetchedAt;
      const hits = list.index.view({ field: 'username', dir: 'asc' }, filter);
      total += hits.length;
      for (const i of hits) {
        if (items.length >= limit) break;
        items.push({ customerAuthId: accountId, customerName: names.get(accountId) ?? accountId, credential: toCredentialDTO(list.items[i]!) });
      }
    }
    return { profileId, query, total, items, accountsSearched: lists.length, oldestFetchedAt: oldest };
  }
}
