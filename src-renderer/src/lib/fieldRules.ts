// Early, field-level checks with the very rules main applies (the contract's zod field schemas),
// so the admin sees what is wrong before anything is sent. Main still validates everything.
import '../zod-setup';
import {
  ApiToken,
  BaseUrl,
  DisplayName,
  Email,
  LoginPassword,
  NewCustomerFields,
  PartnerAuthId,
  SipPassword,
  SipUsername,
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

/** First message of a failed check, or undefined. */
export const messageOf = (c: Check): string | undefined => (c.ok ? undefined : c.message);
