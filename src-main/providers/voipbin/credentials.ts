// VoIPBIN's extension and trunk fields stop here: both become the app's SipCredential, with the
// clear-text password as `secret` (handed to the scrubber at once) and what full-replace updates
// and the settings panel need in `extra`.
import { rememberSecret } from '../../net/scrub';
import type { ProfileSettings, SipCredential } from '../provider';
import { credentialId } from './ids';
import type { ExtensionBody, TrunkBody } from './schemas';
import { extensionRealm, trunkDomain } from './settings';
import { parseVoipbinTime } from './time';

export function extensionToCredential(e: ExtensionBody, fallbackCustomerId: string, settings: ProfileSettings | undefined): SipCredential {
  rememberSecret(e.password);
  const customerId = e.customer_id ?? fallbackCustomerId;
  const username = (e.extension || e.username)!;
  return {
    id: credentialId('extension', e.id),
    kind: 'extension',
    username,
    name: e.name || null,
    realm: extensionRealm(customerId, settings),
    // VoIPBIN has no way to disable an extension: every one that exists is live.
    enabled: true,
    createdAt: parseVoipbinTime(e.tm_create),
    updatedAt: parseVoipbinTime(e.tm_update),
    secret: e.password ?? null,
    extra: { detail: e.detail, customerId, directHash: e.direct_hash },
  };
}

export function trunkToCredential(t: TrunkBody): SipCredential {
  rememberSecret(t.password);
  return {
    id: credentialId('trunk', t.id),
    kind: 'trunk',
    username: t.username,
    name: t.name || null,
    realm: trunkDomain(t.domain_name),
    enabled: true,
    createdAt: parseVoipbinTime(t.tm_create),
    updatedAt: parseVoipbinTime(t.tm_update),
    secret: t.password ?? null,
    extra: { detail: t.detail, domainName: t.domain_name, authTypes: t.auth_types, allowedIps: t.allowed_ips },
  };
}
