// What a phone or PBX needs for a VoIPBIN credential (api/voipbin_vocobase.md §1.7, §1.3): the
// realm is {customer_id}.{registrar base} (configurable per profile; the production base is an
// undocumented env var, so `registrar.voipbin.net` is only the default), UDP 5060; a trunk is
// reached at {domain_name}.trunk.voipbin.net. Never a password.
import { VOIPBIN_DEFAULT_REALM_BASE } from '../../../src-preload/contract';
import type { ProfileSettings, SipCredential } from '../provider';

export const realmBaseOf = (settings: ProfileSettings | undefined): string => settings?.realmBase?.trim() || VOIPBIN_DEFAULT_REALM_BASE;
export const extensionRealm = (customerId: string, settings: ProfileSettings | undefined): string => `${customerId}.${realmBaseOf(settings)}`;
export const trunkDomain = (domainName: string): string => `${domainName}.trunk.voipbin.net`;

export function settingsFor(c: SipCredential, settings: ProfileSettings): Array<{ label: string; value: string }> {
  const extra = c.extra ?? {};
  if (c.kind === 'trunk') {
    const domainName = one(extra.domainName);
    const out = [{ label: 'Username', value: c.username }];
    const domain = domainName ? trunkDomain(domainName) : c.realm;
    if (domain) out.push({ label: 'SIP domain', value: domain });
    out.push({ label: 'Auth types', value: many(extra.authTypes).join(', ') || 'basic' });
    out.push({ label: 'Allowed IPs', value: many(extra.allowedIps).join(', ') || 'Any (password only)' });
    return out;
  }
  const customerId = one(extra.customerId);
  const realm = customerId ? extensionRealm(customerId, settings) : c.realm;
  const out = [
    { label: 'Username', value: c.username },
    { label: 'Auth ID', value: c.username },
  ];
  if (realm) out.push({ label: 'Realm / domain', value: realm });
  out.push({ label: 'Registrar', value: realmBaseOf(settings) }, { label: 'Transport', value: 'UDP 5060' });
  if (realm) out.push({ label: 'Inbound URI', value: `sip:${c.username}@${realm}` });
  const directHash = one(extra.directHash);
  if (directHash) out.push({ label: 'Direct URI', value: `sip:${directHash}@sip.voipbin.net` });
  return out;
}

const one = (v: string | string[] | null | undefined): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const many = (v: string | string[] | null | undefined): string[] => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []);
