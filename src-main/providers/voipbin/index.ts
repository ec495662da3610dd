// VoIPBIN as a Provider (providers/provider.ts): the only way the rest of main reaches this folder.
// A profile is one VoIPBIN customer (its own account, no sub-accounts), signed in with a username
// and password (the provider keeps the JWT fresh itself) or an access key; its credentials are
// extensions and trunks, each returned with its password in clear.
import { VOIPBIN_DEFAULT_REALM_BASE, type ProviderCapsDTO } from '../../../src-preload/contract';
import type { Connection } from './session';
import type { PartnerCredentials, Provider } from '../provider';
import type { HttpClient } from '../../net/http';
import { VOIPBIN_FETCH_LIMITS, VoipbinAccountClient } from './account';
import { VoipbinPartnerClient } from './partner';
import { limiterFor } from './rate-limit';
import { normaliseBaseUrl, voipbinCredentials } from './session';
import { settingsFor } from './settings';

const kindCaps = (kind: 'extension' | 'trunk', label: string) => ({
  kind,
  label,
  create: true,
  toggle: false,
  changePassword: true,
  rename: true,
  delete: true,
  revealPassword: true,
});

export const VOIPBIN_CAPS: ProviderCapsDTO = {
  provider: 'voipbin',
  label: 'VoIPBIN',
  accounts: 'self',
  canCreateAccounts: false,
  kinds: [kindCaps('extension', 'Extension'), kindCaps('trunk', 'Trunk')],
};

/** One connection: the normalised base URL, the checked credentials and the customer's shared limiter. */
export function voipbinConnection(http: HttpClient, baseUrl: string, credentials: PartnerCredentials, now: () => number = Date.now): Connection {
  const creds = voipbinCredentials(credentials);
  const base = normaliseBaseUrl(baseUrl);
  return { http, baseUrl: base, creds, limiter: limiterFor(base, creds), now };
}

export const voipbinProvider: Provider = {
  id: 'voipbin',
  name: 'VoIPBIN',
  fetchLimits: VOIPBIN_FETCH_LIMITS,
  caps: VOIPBIN_CAPS,
  accountAuth: 'profile',
  defaultRealmBase: VOIPBIN_DEFAULT_REALM_BASE,
  partner(http, baseUrl, credentials) {
    return new VoipbinPartnerClient(voipbinConnection(http, baseUrl, credentials));
  },
  account(http, baseUrl, account, _memo, settings) {
    return new VoipbinAccountClient(voipbinConnection(http, baseUrl, account.credentials), account.id, settings);
  },
  settingsFor,
};

export { VoipbinAccountClient } from './account';
export { VoipbinPartnerClient } from './partner';
