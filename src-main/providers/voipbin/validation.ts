// Checks made before anything is sent, each with the form field it belongs to.
//
// The extension and password rules are Trunkdesk's own: VoIPBIN's api-manager validates neither
// the charset nor the length of `extension` or `password` (api/voipbin_vocobase.md §1.8 item 4),
// so without them a typo or a weak password would be accepted and then fail on the phone. The
// trunk domain-name pattern and the IPv4 allow-list are VoIPBIN's (§1.3).
import { AppError } from '../../net/errors';

const EXTENSION = /^[A-Za-z0-9_.-]{1,32}$/;
const PASSWORD = /^[\x21-\x7E]{8,64}$/;
export const DOMAIN_NAME = /^([a-zA-Z]{1})([a-zA-Z0-9\-\.]{1,30})$/;
const NAME_MAX = 255;
const DETAIL_MAX = 1024;

function invalid(field: string, message: string, hint?: string): AppError {
  return new AppError('VALIDATION', message, { field, retryable: false, ...(hint ? { hint } : {}) });
}

/** An extension number / SIP user part (also used for trunk usernames). */
export function checkSipUser(value: string, what: 'extension' | 'trunk'): string {
  const v = value.trim();
  if (!EXTENSION.test(v)) {
    throw invalid(
      'username',
      what === 'extension' ? 'Use 1 to 32 letters, digits, dots, dashes or underscores for the extension.' : 'Use 1 to 32 letters, digits, dots, dashes or underscores for the trunk username.',
      'No spaces or other punctuation: phones put this in the SIP address.',
    );
  }
  return v;
}

export function checkPassword(value: string): string {
  if (!PASSWORD.test(value)) {
    throw invalid('password', 'The SIP password needs 8 to 64 visible ASCII characters (letters, digits, punctuation; no spaces).', 'Generate one, or type a longer one.');
  }
  return value;
}

export function checkName(value: string | undefined, fallback: string): string {
  const v = (value ?? '').trim();
  if (v.length > NAME_MAX) throw invalid('name', `Keep the name to ${NAME_MAX} characters or fewer.`);
  return v || fallback;
}

export function checkDetail(value: string | undefined, fallback = ''): string {
  const v = value ?? fallback;
  if (v.length > DETAIL_MAX) throw invalid('detail', `Keep the description to ${DETAIL_MAX} characters or fewer.`);
  return v;
}

export function checkDomainName(value: string | undefined): string {
  const v = (value ?? '').trim();
  if (!DOMAIN_NAME.test(v)) {
    throw invalid(
      'domainName',
      'The trunk domain name must start with a letter, then 1 to 30 letters, digits, dots or dashes.',
      'It becomes {domain}.trunk.voipbin.net and must be unique across VoIPBIN.',
    );
  }
  return v;
}

export function isIpv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

export function checkAllowedIps(values: string[] | undefined): string[] {
  const ips = (values ?? []).map((v) => v.trim()).filter((v) => v.length > 0);
  const bad = ips.find((ip) => !isIpv4(ip));
  if (bad !== undefined) throw invalid('allowedIps', `“${bad.slice(0, 60)}” is not an IPv4 address.`, 'VoIPBIN trunks accept single IPv4 addresses, like 203.0.113.10.');
  return [...new Set(ips)];
}
