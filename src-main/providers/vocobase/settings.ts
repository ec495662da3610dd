// What a PBX needs to know about a Vocobase SIP connection (a carrier trunk Vocobase dials out
// through and accepts calls from). Never a password: Vocobase does not return it, and we keep none.
import type { SipCredential } from '../provider';

export function vocobaseSettings(c: SipCredential): Array<{ label: string; value: string }> {
  const x = c.extra ?? {};
  const one = (v: string | string[] | null | undefined): string | null => (Array.isArray(v) ? (v.length ? v.join(', ') : null) : v || null);
  const rows: Array<{ label: string; value: string | null }> = [
    { label: 'Name', value: c.name },
    { label: 'SIP host', value: one(x.sipHost) ?? c.realm },
    { label: 'Outbound username', value: c.username || null },
    { label: 'Transport', value: one(x.transport) },
    { label: 'DID number', value: one(x.didNumber) },
    { label: 'Inbound source IPs', value: one(x.sourceIps) },
    { label: 'Connection id', value: one(x.connectionId) },
  ];
  return rows.filter((r): r is { label: string; value: string } => r.value !== null && r.value !== '');
}
