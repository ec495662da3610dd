// Early, field-level checks with the very rules main applies (the contract's zod field schemas),
// so the admin sees what is wrong before anything is sent. Main still validates everything.
import '../zod-setup';
import { ApiToken, BaseUrl, DisplayName, PartnerAuthId } from '../../../src-preload/contract';

type FieldSchema = {
  safeParse(value: unknown): { success: true; data: string } | { success: false; error: { issues: { message: string }[] } };
};

export type Check = { ok: true; value: string } | { ok: false; message: string };

function check(schema: FieldSchema, value: string): Check {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? 'Check this field.' };
}

export const checkDisplayName = (v: string): Check => check(DisplayName, v);
export const checkAuthId = (v: string): Check => check(PartnerAuthId, v);
export const checkToken = (v: string): Check =>
  v === '' ? { ok: false, message: 'Paste the API token from your Vobiz partner console.' } : check(ApiToken, v);
export const checkBaseUrl = (v: string): Check => check(BaseUrl, v);

/** First message of a failed check, or undefined. */
export const messageOf = (c: Check): string | undefined => (c.ok ? undefined : c.message);
