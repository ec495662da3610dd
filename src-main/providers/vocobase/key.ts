// The Vocobase API key (api/voipbin_vocobase.md §2.1): `rg_live_…`, sent only as
// `Authorization: Bearer …` (query and body keys are not accepted). Its format is checked before
// any request, so a mistyped or truncated paste is answered here, with nothing sent.
import { VocobaseApiKey } from '../../../src-preload/contract';
import { AppError } from '../../net/errors';
import { rememberSecret } from '../../net/scrub';

/** The key as it will be sent (trimmed), or a VALIDATION error on `apiKey`. Remembered for the scrubber. */
export function checkedApiKey(key: string): string {
  // Remembered even when malformed: it is still what the admin pasted, and may be echoed in a log.
  rememberSecret(key);
  const r = VocobaseApiKey.safeParse(key);
  if (!r.success) {
    throw new AppError('VALIDATION', r.error.issues[0]?.message ?? 'That is not a Vocobase API key.', {
      hint: 'Copy the whole key from the Vocobase Dashboard (API Keys); it is shown only once when created, so create a new one if you no longer have it.',
      field: 'apiKey',
      retryable: false,
    });
  }
  rememberSecret(r.data);
  return r.data;
}

export const authHeaders = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });
