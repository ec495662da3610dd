// Vobiz as a Provider (providers/provider.ts): the only way the rest of main reaches this folder.
import { AppError } from '../../net/errors';
import type { Provider } from '../provider';
import { VOBIZ_FETCH_LIMITS, VobizAccountClient, type PathCasing } from './account';
import { partnerTokenAuth, type PartnerAuth } from './auth';
import { VobizPartnerClient } from './partner';

export const vobizProvider: Provider = {
  id: 'vobiz',
  name: 'Vobiz',
  fetchLimits: VOBIZ_FETCH_LIMITS,
  caps: {
    provider: 'vobiz',
    label: 'Vobiz',
    accounts: 'many',
    canCreateAccounts: true,
    kinds: [{ kind: 'sip', label: 'SIP credential', create: true, toggle: true, changePassword: true, rename: false, delete: true, revealPassword: false }],
  },
  accountAuth: 'account-token',
  partner(http, baseUrl, credentials) {
    if (credentials.kind === 'token') return new VobizPartnerClient(http, baseUrl, partnerTokenAuth(credentials.authId, credentials.token));
    if (credentials.kind === 'session') {
      const auth: PartnerAuth = { scope: 'partner', kind: 'jwt', accessToken: credentials.accessToken };
      return new VobizPartnerClient(http, baseUrl, auth);
    }
    throw new AppError('INTERNAL', 'A Vobiz profile signs in with a partner token or email and password.', { retryable: false });
  },
  login: (http, baseUrl, email, password) => VobizPartnerClient.login(http, baseUrl, email, password),
  account(http, baseUrl, account, memo) {
    if (account.credentials.kind !== 'token') throw new AppError('INTERNAL', "A Vobiz customer is reached with its own API token.", { retryable: false });
    const casing: PathCasing = memo.get() === 'account' ? 'account' : 'Account';
    return new VobizAccountClient(http, baseUrl, { scope: 'customer', authId: account.id, token: account.credentials.token }, casing, (c) => memo.set(c));
  },
  settingsFor(c) {
    const rows = [{ label: 'Username', value: c.username }];
    // A Vobiz phone registers at the customer's SIP domain: the realm is also the registrar.
    if (c.realm) rows.push({ label: 'Realm / SIP domain', value: c.realm }, { label: 'Registrar', value: c.realm });
    return rows;
  },
};
