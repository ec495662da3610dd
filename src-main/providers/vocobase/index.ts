// Vocobase as a Provider (providers/provider.ts): the only way the rest of main reaches this folder.
// One API key, one partner account (its own), and its SIP carrier connections as the credentials
// (api/voipbin_vocobase.md §2). Connections can be listed and created; the API documents no way
// to change or delete one.
import { AppError } from '../../net/errors';
import type { FetchLimits, PartnerCredentials, Provider } from '../provider';
import { VocobaseAccountClient, VocobasePartnerClient } from './client';
import { vocobaseSettings } from './settings';

export { configureVocobaseLimits, vocobaseLimits, type VocobaseLimitOptions } from './limits';
export { VocobaseAccountClient, VocobasePartnerClient } from './client';

/** The whole list comes in one answer; one request at a time keeps well inside 60 a minute. */
export const VOCOBASE_FETCH_LIMITS: FetchLimits = { probePageSize: 1000, startConcurrency: 1, maxConcurrency: 1 };

function apiKeyOf(credentials: PartnerCredentials): string {
  if (credentials.kind !== 'apikey') throw new AppError('INTERNAL', 'A Vocobase profile signs in with an API key.', { retryable: false });
  return credentials.key;
}

export const vocobaseProvider: Provider = {
  id: 'vocobase',
  name: 'Vocobase',
  fetchLimits: VOCOBASE_FETCH_LIMITS,
  caps: {
    provider: 'vocobase',
    label: 'Vocobase',
    accounts: 'self',
    canCreateAccounts: false,
    kinds: [{ kind: 'connection', label: 'SIP connection', create: true, toggle: false, changePassword: false, rename: false, delete: false, revealPassword: false }],
  },
  accountAuth: 'profile',
  partner: (http, baseUrl, credentials) => new VocobasePartnerClient(http, baseUrl, apiKeyOf(credentials)),
  account: (http, baseUrl, account) => new VocobaseAccountClient(http, baseUrl, apiKeyOf(account.credentials)),
  settingsFor: (c) => vocobaseSettings(c),
};
