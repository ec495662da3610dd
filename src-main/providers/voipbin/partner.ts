// The partner side of a VoIPBIN profile. VoIPBIN has no sub-accounts: the profile's one account
// is its own customer, reached with the profile's own credentials.
import { AppError } from '../../net/errors';
import type { Account, NewAccount, PartnerApi, PartnerProfile } from '../provider';
import { customerToAccount, customerToProfile, fetchCustomer } from './customer';
import type { Connection } from './session';

export class VoipbinPartnerClient implements PartnerApi {
  constructor(private readonly conn: Connection) {}

  async me(signal?: AbortSignal): Promise<PartnerProfile> {
    return customerToProfile(await fetchCustomer(this.conn, signal));
  }

  async listAccounts(q: { page: number; perPage: number; search: string }, signal?: AbortSignal): Promise<{ rows: Account[]; total: number }> {
    const account = customerToAccount(await fetchCustomer(this.conn, signal));
    const s = q.search.trim().toLowerCase();
    if (s && ![account.name, account.email ?? '', account.id].some((v) => v.toLowerCase().includes(s))) return { rows: [], total: 0 };
    return { rows: q.page <= 1 ? [account] : [], total: 1 };
  }

  async getAccount(accountId: string, signal?: AbortSignal): Promise<Account> {
    const account = customerToAccount(await fetchCustomer(this.conn, signal));
    if (account.id !== accountId) {
      throw new AppError('NOT_FOUND', 'This VoIPBIN profile has one account, and it is not that one.', {
        hint: 'Refresh the list: the profile may now sign in to another VoIPBIN customer.',
      });
    }
    return account;
  }

  async createAccount(_a: NewAccount): Promise<Account> {
    throw new AppError('FORBIDDEN', 'VoIPBIN profiles have one account: their own.', {
      hint: 'To manage another VoIPBIN customer, add a profile with its login or access key.',
      retryable: false,
    });
  }
}
