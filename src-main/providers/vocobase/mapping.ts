// Vocobase's field names stop here: /config becomes the partner profile and its one account,
// a telephony connection with provider "sip" becomes a SipCredential of kind "connection".
import { NO_PARTNER_FIELDS, type Account, type PartnerProfile, type SipCredential } from '../provider';
import { driftError } from './errors';
import { ConnectionBody, connectionItems, type ConfigBody } from './schemas';
import type { ConnectionRequest } from './validation';

/** `status` of /config: active unless it says otherwise (suspended, pending approval, …). */
export function isActiveStatus(status: string | null): boolean {
  if (status === null) return true;
  return /^(active|approved|enabled|live|ok)$/i.test(status.trim());
}

/** The account id: the config `name` as a safe slug (letters, digits, `_`, `-`; ≤ 80; starts alphanumeric). */
export function accountSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'vocobase-account';
}

export const displayName = (c: ConfigBody): string => c.display_name ?? c.name;

export function toProfile(c: ConfigBody): PartnerProfile {
  return {
    ...NO_PARTNER_FIELDS,
    id: null,
    name: displayName(c),
    authId: c.name,
    email: null,
    phone: null,
    isActive: isActiveStatus(c.status),
    isVerified: false,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

export function toAccount(c: ConfigBody): Account {
  return {
    id: accountSlug(c.name),
    name: displayName(c),
    email: null,
    phone: null,
    company: null,
    country: null,
    isActive: isActiveStatus(c.status),
    balance: null,
    createdAt: c.created_at,
    token: null,
  };
}

/** `conn_<id>`, in characters safe for a URL path, a file name and the IPC id rule (≤ 100). */
export const credentialId = (connectionId: string): string => `conn_${connectionId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 95)}`;

export const isSip = (provider: string | null): boolean => (provider ?? '').trim().toLowerCase() === 'sip';

/**
 * A connection as a SipCredential. Vocobase never returns the outbound password, so there is no
 * secret. `sent`: the create request, to fill what the create answer leaves out (§2.2: it
 * carries id, name, status and phone numbers, not the SIP fields).
 */
export function toSipCredential(c: ConnectionBody, sent?: ConnectionRequest): SipCredential {
  const sipHost = c.sip_host ?? sent?.sip_host ?? null;
  const sourceIps = c.source_ips.length > 0 ? c.source_ips : (sent?.source_ips ?? []);
  return {
    id: credentialId(c.id),
    kind: 'connection',
    username: c.outbound_username ?? sent?.outbound_username ?? '',
    name: c.name ?? sent?.name ?? null,
    realm: sipHost,
    enabled: (c.status ?? 'ACTIVE').trim().toUpperCase() === 'ACTIVE',
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    extra: {
      sipHost,
      sourceIps,
      didNumber: c.did_number ?? c.phone_numbers.find((p) => p.phone_number)?.phone_number ?? sent?.did_number ?? null,
      transport: (c.transport ?? c.sip_transport)?.toUpperCase() ?? sent?.transport ?? null,
      connectionId: c.connection_id ?? c.id,
    },
  };
}

/** The SIP connections of a GET /telephony/connections `data`, whatever key holds them. */
export function sipConnections(data: unknown, what = 'the SIP connection list'): SipCredential[] {
  const items = connectionItems(data);
  if (!items) throw driftError(what, 'no list of connections in data');
  const out: SipCredential[] = [];
  for (const [i, item] of items.entries()) {
    // Non-SIP connections (twilio, plivo, …) are not this app's business, whatever else they hold.
    const provider = item && typeof item === 'object' ? (item as Record<string, unknown>).provider : undefined;
    if (typeof provider !== 'string' || !isSip(provider)) continue;
    const parsed = ConnectionBody.safeParse(item);
    if (!parsed.success) throw driftError(what, [i, ...parsed.error.issues[0]!.path].join('.'));
    out.push(toSipCredential(parsed.data));
  }
  return out;
}
