// Early, field-level checks with the very rules main applies (the contract's zod field schemas),
// so the admin sees what is wrong before anything is sent. Main still validates everything.
import '../zod-setup';
import {
  AddProviderProfileInput,
  ApiToken,
  BaseUrl,
  CredentialUsername,
  DisplayName,
  Email,
  LoginPassword,
  NewCredentialFields,
  NewCustomerFields,
  PartnerAuthId,
  RealmBase,
  SipPassword,
  SipUsername,
  TypedPassword,
  VocobaseApiKey,
  VoipbinAccessKey,
} from '../../../src-preload/contract';

type FieldSchema = {
  safeParse(
    value: unknown,
  ): { success: true; data: string | undefined } | { success: false; error: { issues: { message: string }[] } };
};

export type Check = { ok: true; value: string } | { ok: false; message: string };

function check(schema: FieldSchema, value: string): Check {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data ?? '' };
  return { ok: false, message: parsed.error.issues[0]?.message ?? 'Check this field.' };
}

export const checkDisplayName = (v: string): Check => check(DisplayName, v);
export const checkAuthId = (v: string): Check => check(PartnerAuthId, v);
export const checkToken = (v: string): Check =>
  v === '' ? { ok: false, message: 'Paste the API token from your Vobiz partner console.' } : check(ApiToken, v);
export const checkBaseUrl = (v: string): Check => check(BaseUrl, v);
/** On submit an empty base URL passes: it is then left out, and main uses the provider's default. */
export const checkBaseUrlOrEmpty = (v: string): Check => (v.trim() === '' ? { ok: true, value: '' } : checkBaseUrl(v));

// Session sign-in
export const checkEmail = (v: string): Check => check(Email, v);
export const checkLoginPassword = (v: string): Check => check(LoginPassword, v);

// Customers
export const checkCustomerToken = (v: string): Check =>
  v === '' ? { ok: false, message: "Paste the customer's API token." } : check(ApiToken, v);
export const checkCustomerName = (v: string): Check => check(NewCustomerFields.name, v);
export const checkCustomerPassword = (v: string): Check => check(NewCustomerFields.password, v);
export const checkCountry = (v: string): Check => check(NewCustomerFields.country, v);
export const checkPhone = (v: string): Check => check(NewCustomerFields.phone, v);
export const checkCompany = (v: string): Check => check(NewCustomerFields.company, v);

// SIP credentials
export const checkSipUsername = (v: string): Check => check(SipUsername, v);
export const checkSipPassword = (v: string): Check =>
  v === '' ? { ok: false, message: 'Type the SIP password, or let Trunkdesk generate one.' } : check(SipPassword, v);

// VoIPBIN and Vocobase sign-in (the contract's own field schemas)
const voipbinLogin = AddProviderProfileInput.options[0].shape;
export const checkVoipbinUsername = (v: string): Check => check(voipbinLogin.username, v);
export const checkAccessKey = (v: string): Check =>
  v === '' ? { ok: false, message: 'Paste the access key (vb_…) from the VoIPBIN console.' } : check(VoipbinAccessKey, v);
export const checkApiKey = (v: string): Check =>
  v === '' ? { ok: false, message: 'Paste the API key (rg_live_…) from the Vocobase dashboard.' } : check(VocobaseApiKey, v);
/** Empty is fine: the default registrar base is used. */
export const checkRealmBaseOrEmpty = (v: string): Check => (v.trim() === '' ? { ok: true, value: '' } : check(RealmBase, v));

// Credentials of any kind (each provider adds its own rules, reported on the field by main)
export const checkCredentialUsername = (v: string): Check => check(CredentialUsername, v);
export const checkTypedPassword = (v: string): Check =>
  v === '' ? { ok: false, message: 'Type the password.' } : check(TypedPassword, v);
export const checkCredentialName = (v: string): Check => check(NewCredentialFields.name, v);
export const checkCredentialDetail = (v: string): Check => check(NewCredentialFields.detail, v);
export const checkRequiredName = (v: string): Check => (v.trim() === '' ? { ok: false, message: 'Give it a name.' } : checkCredentialName(v));
export const checkDomainName = (v: string): Check =>
  v.trim() === '' ? { ok: false, message: 'Enter the domain name.' } : check(NewCredentialFields.domainName, v);
export const checkSipHost = (v: string): Check =>
  v.trim() === '' ? { ok: false, message: "Enter the carrier's SIP host." } : check(NewCredentialFields.sipHost, v);
/** E.164, the contract's phone rule; empty is fine (a DID is optional). */
export const checkDidOrEmpty = (v: string): Check => {
  const compact = v.replace(/[\s()-]/g, '');
  if (compact === '') return { ok: true, value: '' };
  const c = check(NewCustomerFields.phone, compact);
  return c.ok ? c : { ok: false, message: 'Use E.164: + and the country code, then the number, e.g. +919876543210.' };
};
/** One address a line (or comma-separated); at most 50, each at most 43 characters (the contract's limits). */
export function splitIps(v: string): string[] {
  return v
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
export const checkIpList = (v: string): Check => {
  const ips = splitIps(v);
  if (ips.length > 50) return { ok: false, message: 'Enter at most 50 addresses.' };
  const long = ips.find((ip) => ip.length > 43);
  if (long) return { ok: false, message: `“${long.slice(0, 24)}…” is too long to be an IP address.` };
  return { ok: true, value: v };
};

/** First message of a failed check, or undefined. */
export const messageOf = (c: Check): string | undefined => (c.ok ? undefined : c.message);
