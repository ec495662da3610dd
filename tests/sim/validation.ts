// Input rules the simulator enforces. Sources: vobiz.md §2a (POST /accounts: ISO-2 country, E.164
// phone, weak password) and §4 (credential username/password rules; the stricter Console rules).
import type { FieldError } from './errors';

// ISO 3166-1 alpha-2, officially assigned codes.
const ISO2 = new Set(
  ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
    'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
    'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
    'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
    'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
    'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' '),
);

export const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const REDACTED = '<redacted>';

function err(field: string, code: string, message: string, value: unknown): FieldError {
  return { field, code, message, value };
}

/** A required, non-empty string field, or an error for it. */
function requiredString(body: Record<string, unknown>, field: string, errors: FieldError[], secret = false): string | undefined {
  const v = body[field];
  if (v === undefined || v === null || v === '') {
    errors.push(err(field, 'required', `${field} is required`, v ?? null));
    return undefined;
  }
  if (typeof v !== 'string') {
    errors.push(err(field, 'invalid_type', `${field} must be a string`, secret ? REDACTED : v));
    return undefined;
  }
  return v;
}

export interface NewAccountInput {
  name: string;
  email: string;
  password: string;
  country: string;
  phone: string;
  optional: Record<string, string>;
}

/** Optional string fields POST /accounts stores (best effort, vobiz.md §2a). */
const ACCOUNT_OPTIONAL = ['company', 'description', 'address', 'city', 'state', 'zip_code', 'timezone', 'gstin', 'gst_status', 'account_type'];

export function validateNewAccount(body: Record<string, unknown>): { ok: true; value: NewAccountInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = requiredString(body, 'name', errors)?.trim();
  if (name === '') errors.push(err('name', 'required', 'name is required', body.name));
  const email = requiredString(body, 'email', errors);
  if (email !== undefined && !EMAIL.test(email)) errors.push(err('email', 'invalid_email', 'email must be a valid e-mail address', email));
  const password = requiredString(body, 'password', errors, true);
  if (password !== undefined && (password.length < 8 || !/[A-Za-z]/.test(password) || !/\d/.test(password))) {
    errors.push(err('password', 'weak_password', 'password must be at least 8 characters and contain a letter and a digit', REDACTED));
  }
  const country = requiredString(body, 'country', errors);
  if (country !== undefined && !ISO2.has(country)) {
    errors.push(err('country', 'invalid_country', 'country must be an ISO 3166-1 alpha-2 code, e.g. "IN"', country));
  }
  const phone = requiredString(body, 'phone', errors);
  if (phone !== undefined && !E164.test(phone)) {
    errors.push(err('phone', 'invalid_phone', 'phone must be in E.164 format, e.g. "+919876543210"', phone));
  }
  const optional: Record<string, string> = {};
  for (const field of ACCOUNT_OPTIONAL) {
    const v = body[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') errors.push(err(field, 'invalid_type', `${field} must be a string`, v));
    else optional[field] = v;
  }
  if (errors.length > 0 || !name || !email || !password || !country || !phone) return { ok: false, errors };
  return { ok: true, value: { name, email, password, country, phone, optional } };
}

export const USERNAME_MAX = 64; // undocumented (vobiz.md §7.10); a guess

/** 400 message for a bad username, or undefined when it is acceptable. */
export function usernameProblem(username: string, allowPunctuation: boolean): string | undefined {
  if (username.length > USERNAME_MAX) return `Invalid username: at most ${USERNAME_MAX} characters are allowed`;
  if (allowPunctuation) {
    return /^[A-Za-z0-9_-]+$/.test(username) ? undefined : 'Invalid username: only letters, digits, underscores and hyphens are allowed';
  }
  return /^[A-Za-z0-9]+$/.test(username) ? undefined : 'Invalid username: only letters and digits are allowed';
}

const SIP_SPECIALS = '~!@#$%^&*()_+';

/** SIP credential password: 8–20 chars of [A-Za-z0-9~!@#$%^&*()_+] with at least one special. */
export function sipPasswordErrors(password: unknown): FieldError[] {
  if (typeof password !== 'string') return [err('password', 'invalid_type', 'password must be a string', REDACTED)];
  const errors: FieldError[] = [];
  if (password.length < 8 || password.length > 20) {
    errors.push(err('password', 'invalid_length', 'password must be 8 to 20 characters long', REDACTED));
  }
  if (![...password].every((ch) => /[A-Za-z0-9]/.test(ch) || SIP_SPECIALS.includes(ch))) {
    errors.push(err('password', 'invalid_characters', `password may contain only letters, digits and ${SIP_SPECIALS}`, REDACTED));
  }
  if (![...password].some((ch) => SIP_SPECIALS.includes(ch))) {
    errors.push(err('password', 'missing_special', `password must contain at least one of ${SIP_SPECIALS}`, REDACTED));
  }
  return errors;
}
