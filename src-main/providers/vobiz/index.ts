// Vobiz as a Provider (providers/provider.ts): the only way the rest of main reaches this folder.
import type { Provider } from '../provider';
import { VOBIZ_FETCH_LIMITS, VobizAccountClient, type PathCasing } from './account';
import { partnerTokenAuth, type PartnerAuth } from './auth';
import { VobizPartnerClient } from './partner';

export const vobizProvider: Provider = {
  name: 'Vobiz',
  fetchLimits: VOBIZ_FETCH_LIMITS,
  partner(http, baseUrl, credentials) {
    const auth: PartnerAuth = credentials.kind === 'token' ? partnerTokenAuth(credentials.authId, credentials.token) : { scope: 'partner', kind: 'jwt', accessToken: credentials.accessToken };
    return new VobizPartnerClient(http, baseUrl, auth);
  },
  login: (http, baseUrl, email, password) => VobizPartnerClient.login(http, baseUrl, email, password),
  account(http, baseUrl, account, memo) {
    const casing: PathCasing = memo.get() === 'account' ? 'account' : 'Account';
    return new VobizAccountClient(http, baseUrl, { scope: 'customer', authId: account.id, token: account.token }, casing, (c) => memo.set(c));
  },
};
