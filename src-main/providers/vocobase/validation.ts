// A new SIP connection, checked field by field before anything is sent (api/voipbin_vocobase.md
// §2.3): name 1–100 characters, outbound username and password both or neither, sip_host a host name or IP, source_ips IPv4 addresses or CIDRs,
// did_number E.164, transport UDP|TCP|TLS. Each failure names the app's field it belongs to.
import { isIPv4, isIPv6 } from 'node:net';
import { isPlainText } from '../../../src-preload/contract';
import { AppError } from '../../net/errors';
import { rememberSecret } from '../../net/scrub';
import type { NewCredential } from '../provider';

/** The create body, in Vocobase's field names. */
export interface ConnectionRequest {
  provider: 'sip';
  name: string;
  sip_host: string;
  /** Both or neither (a carrier that authenticates by source IP). */
  outbound_username?: string;
  outbound_password?: string;
  source_ips?: string[];
  did_number?: string;
  /** The JSON name of this field is not documented (§2.3 names only its values): `transport` is our guess. */
  transport?: 'UDP' | 'TCP' | 'TLS';
}

/** Vocobase's field names → the app's, for a VALIDATION_ERROR that names one. */
export const API_FIELDS: Record<string, string> = {
  sip_host: 'sipHost',
  outbound_username: 'username',
  outbound_password: 'password',
  source_ips: 'allowedIps',
  did_number: 'didNumber',
  transport: 'transport',
  sip_transport: 'transport',
  name: 'name',
};

export const E164 = /^\+[1-9]\d{6,14}$/;
const HOST_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

const invalid = (field: string, message: string): AppError => new AppError('VALIDATION', message, { field, retryable: false, hint: 'Correct the value and try again.' });

/** A host name (RFC 1123 labels, with at least one dot) or an IP, optionally with a :port. */
export function isSipHost(value: string): boolean {
  let host = value;
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(value);
  if (bracketed) return isIPv6(bracketed[1]!) && validPort(bracketed[2]);
  if (isIPv6(value)) return true;
  const withPort = /^(.*):(\d{1,5})$/.exec(value);
  if (withPort) {
    if (!validPort(withPort[2])) return false;
    host = withPort[1]!;
  }
  if (isIPv4(host)) return true;
  if (/^[\d.]+$/.test(host)) return false; // a mistyped IPv4 is not a host name
  if (host.length > 253) return false;
  const labels = host.replace(/\.$/, '').split('.');
  return labels.length >= 2 && labels.every((l) => HOST_LABEL.test(l)) && /[A-Za-z]/.test(labels.at(-1)!);
}

const validPort = (p: string | undefined) => p === undefined || (Number(p) >= 1 && Number(p) <= 65535);

/** An IPv4 address or an IPv4 CIDR (`/0`–`/32`). */
export function isIPv4OrCidr(value: string): boolean {
  const m = /^([^/]+)(?:\/(\d{1,2}))?$/.exec(value);
  if (!m || !isIPv4(m[1]!)) return false;
  return m[2] === undefined || Number(m[2]) <= 32;
}

/** The checked create body; the password is known to the scrubber from here on. */
export function connectionRequest(c: NewCredential): ConnectionRequest {
  if (c.kind !== 'connection') throw invalid('kind', 'Vocobase has SIP connections only: choose “SIP connection”.');
  // Known to the scrubber before anything can fail or be sent: a server may echo it in an error.
  rememberSecret(c.password);

  const name = (c.name ?? '').trim();
  if (!name) throw invalid('name', 'Give the SIP connection a name.');
  if (name.length > 100) throw invalid('name', 'Keep the name to 100 characters or fewer.');
  if (!isPlainText(name)) throw invalid('name', 'Use ordinary characters only: no control characters or direction overrides.');

  const sipHost = (c.sipHost ?? '').trim();
  if (!sipHost) throw invalid('sipHost', "Enter your carrier's SIP host (a host name such as sip.carrier.example, or an IP address).");
  if (!isSipHost(sipHost)) throw invalid('sipHost', 'The SIP host must be a host name such as sip.carrier.example or an IP address (a :port may follow).');

  // Outbound credentials go together; a carrier that authenticates by IP needs neither.
  const username = c.username.trim();
  const password = c.password;
  if (!username && password) throw invalid('username', 'Enter the outbound SIP username your carrier gave you, or leave both username and password empty for a carrier that authenticates by IP.');
  if (username && !password) throw invalid('password', 'Enter the outbound SIP password your carrier gave you.');
  if (username.length > 128 || !/^[\x21-\x7E]*$/.test(username)) throw invalid('username', 'Use letters, digits and ASCII punctuation only (up to 128): no spaces.');
  if (password.length > 128 || !/^[\x21-\x7E]*$/.test(password)) throw invalid('password', 'Use letters, digits and ASCII punctuation only (up to 128): no spaces.');

  const body: ConnectionRequest = { provider: 'sip', name, sip_host: sipHost };
  if (username) {
    body.outbound_username = username;
    body.outbound_password = password;
  }

  const ips = (c.allowedIps ?? []).map((ip) => ip.trim()).filter(Boolean);
  const bad = ips.find((ip) => !isIPv4OrCidr(ip));
  if (bad !== undefined) throw invalid('allowedIps', `“${bad.slice(0, 43)}” is not an IPv4 address or CIDR (such as 203.0.113.10 or 203.0.113.0/24).`);
  if (ips.length > 0) body.source_ips = [...new Set(ips)];

  const did = (c.didNumber ?? '').replace(/[\s()-]/g, '');
  if (did) {
    if (!E164.test(did)) throw invalid('didNumber', 'Enter the DID number in E.164 form: + and the country code, then the number (such as +919876543210).');
    body.did_number = did;
  }

  if (c.transport !== undefined) {
    if (!['UDP', 'TCP', 'TLS'].includes(c.transport)) throw invalid('transport', 'Choose UDP, TCP or TLS.');
    body.transport = c.transport;
  }
  return body;
}
