// Vobiz answers errors in several shapes (api/vobiz.md §5): the generic envelope
// {status, error:{code,message,details}, requestId}, the credential form {error:"…", code:409},
// the partner form {error:"invalid_credentials", message}, the KYC form {error, message,
// status_code}, and non-JSON bodies from proxies. This file reads all of them and turns a failed
// response into one AppError with the seed docs' guidance on what to do.
import { AppError } from '../../net/errors';
import { retryAfterMs, type HttpResponse } from '../../net/http';
import { serverSaid, serverSentence } from '../../net/server-text';

export interface VobizErrorBody {
  code?: string;
  message?: string;
  requestId?: string;
  fieldErrors: Array<{ field: string; message: string }>;
  retryAfterSeconds?: number;
}

export function parseErrorBody(text: string): VobizErrorBody {
  const out: VobizErrorBody = { fieldErrors: [] };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return out;
  }
  if (!body || typeof body !== 'object') return out;
  const b = body as Record<string, unknown>;
  const err = b.error;
  if (err && typeof err === 'object') {
    const e = err as Record<string, unknown>;
    out.code = str(e.code);
    out.message = str(e.message);
    const details = e.details as Record<string, unknown> | undefined;
    if (details && typeof details === 'object') {
      if (Array.isArray(details.errors)) {
        for (const fe of details.errors as Array<Record<string, unknown>>) {
          const field = str(fe?.field);
          const message = str(fe?.message);
          if (field && message) out.fieldErrors.push({ field, message });
        }
      }
      const ra = Number(details.retryAfter);
      if (Number.isFinite(ra) && ra >= 0) out.retryAfterSeconds = ra;
    }
  } else if (typeof err === 'string') {
    out.code = err;
    out.message = str(b.message) ?? err;
  }
  out.message ??= str(b.message) ?? str(b.detail);
  out.requestId = str(b.requestId) ?? str(b.request_id);
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

export type Scope = 'partner' | 'customer';

export interface ErrorContext {
  scope: Scope;
  /** The base URL used, to spot the outdated /partner/v1 form. */
  baseUrl: string;
  /** Which capability flag gates this operation, for a sharper 403 message. */
  capability?: string;
  /** How the call was authenticated: an API token, a signed-in session's JWT, or the sign-in itself. */
  auth?: 'token' | 'jwt' | 'login';
  /** What the call was about, for sharper 404/409 messages ("the credential “alice”"). */
  subject?: string;
}

/** Map a non-2xx Vobiz response to an AppError. */
export function vobizError(res: HttpResponse, ctx: ErrorContext): AppError {
  const body = parseErrorBody(res.text);
  const status = res.status;
  const said = serverSaid('Vobiz', body.message);
  const ref = body.requestId ? ` (Vobiz request ${body.requestId})` : '';
  const code = (body.code ?? '').toLowerCase();

  if (status === 401 && ctx.auth === 'login') {
    return new AppError('UNAUTHORIZED', 'The email or password is incorrect.', {
      hint: 'Check them and try again. Trunkdesk does not store your password.',
      status,
      field: 'password',
    });
  }
  if ((status === 401 || status === 403) && ctx.auth === 'jwt' && !code.includes('inactive')) {
    if (status === 401 && (code.includes('expired') || code.includes('invalid_token'))) {
      return new AppError('UNAUTHORIZED', 'Your Vobiz sign-in session has ended.', { hint: 'Sign in again with your email and password.', status, remedy: 'use-api-token' });
    }
    return new AppError(status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN', `Vobiz refused the signed-in session for this request.${said}`, {
      hint: 'Sign in again. If it keeps happening, this endpoint does not accept sessions: add the profile with its partner API token instead.',
      status,
      remedy: 'use-api-token',
    });
  }
  if (status === 401) {
    if (code.includes('expired')) {
      return new AppError('UNAUTHORIZED', 'Your Vobiz sign-in session has expired.', {
        hint: 'Sign in again with your email and password.',
        status,
      });
    }
    if (code === 'invalid_credentials' && ctx.scope === 'partner' && /email|password/i.test(body.message ?? '')) {
      return new AppError('UNAUTHORIZED', 'The email or password is incorrect.', {
        hint: 'Check them and try again.',
        status,
      });
    }
    return new AppError(
      'UNAUTHORIZED',
      ctx.scope === 'partner'
        ? 'Vobiz did not accept this partner auth ID and token.'
        : "Vobiz did not accept this customer's auth ID and token.",
      {
        hint:
          ctx.scope === 'partner'
            ? 'Check the auth ID (PA_…) and the token. If the token was rotated in the Vobiz Partner Console, replace it here.'
            : "Check the customer's auth ID (MA_…) and token; a partner token cannot manage a customer's SIP credentials.",
        status,
      },
    );
  }
  if (status === 403) {
    if (code.includes('inactive')) {
      return new AppError('FORBIDDEN', `This Vobiz account is inactive.${said}`, {
        hint: 'Contact Vobiz support to reactivate it.',
        status,
      });
    }
    return new AppError('FORBIDDEN', `Vobiz refused this operation for these credentials.${said}`, {
      hint: ctx.capability
        ? `Your partner account needs the ${ctx.capability} capability; see the capability flags on the partner view.`
        : ctx.scope === 'partner'
          ? 'Partner operations need partner credentials (PA_…). Check your capability flags on the partner view.'
          : "Customer operations need that customer's own credentials (MA_…), not the partner's.",
      status,
    });
  }
  if (status === 404) {
    const outdated = /\/partner\/v1(\/|$)/.test(new URL(ctx.baseUrl).pathname);
    return new AppError('NOT_FOUND', outdated ? 'This base URL uses the outdated /partner/v1 path.' : `Vobiz has nothing at this address.${said}`, {
      hint: outdated
        ? 'Use the base path https://api.vobiz.ai/api/v1/partner instead.'
        : ctx.subject
          ? `${cap(ctx.subject)} may have been deleted already, or it belongs to another account. Refresh the list.`
          : ctx.scope === 'partner'
            ? 'Check the base URL (it should be https://api.vobiz.ai/api/v1/partner). A customer auth ID that belongs to another partner also answers 404.'
            : 'It may have been deleted, or it belongs to another account. Refresh the list.',
      status,
    });
  }
  if (status === 409) {
    const conflict = serverSentence(body.message, 'That conflicts with something that already exists.');
    return new AppError('CONFLICT', body.message ? `${ctx.subject ? `${cap(ctx.subject)}: ` : ''}${conflict}` : conflict, {
      hint: 'Refresh to see the current state, then try again with different values.',
      status,
    });
  }
  if (status === 400 || status === 422) {
    const first = body.fieldErrors[0];
    const msg = first
      ? `${first.field}: ${serverSentence(first.message, 'Vobiz did not accept this value.')}`
      : serverSentence(body.message, 'Vobiz rejected the values sent.');
    return new AppError('VALIDATION', msg, {
      hint: 'Correct the highlighted value and try again.',
      status,
      ...(first ? { field: first.field } : {}),
    });
  }
  if (status === 402) {
    return new AppError('FORBIDDEN', `Vobiz refused this for lack of balance.${said}`, {
      hint: 'Add balance in the Vobiz console, then try again.',
      status,
    });
  }
  if (status === 429) {
    const wait = retryAfterMs(res.headers['retry-after']) ?? (body.retryAfterSeconds ?? 0) * 1000;
    const secs = Math.ceil(wait / 1000);
    return new AppError('RATE_LIMITED', 'Vobiz is limiting how fast requests can be made.', {
      hint: secs > 0 ? `Wait about ${secs} s, then try again.` : 'Wait a moment, then try again.',
      status,
      retryable: true,
      ...(secs > 0 ? { retryAfterSeconds: secs } : {}),
    });
  }
  if (status >= 500) {
    return new AppError('UPSTREAM', `Vobiz is having trouble right now (HTTP ${status}).${ref}`, {
      hint: 'Try again in a minute. Nothing was changed on this computer.',
      status,
      retryable: true,
    });
  }
  return new AppError('UPSTREAM', `Vobiz answered with an unexpected status (HTTP ${status}).${said}`, {
    hint: 'Try again. If it persists, check the base URL.',
    status,
  });
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A 2xx body that is not the JSON we expect: say so without guessing, and change nothing. */
export function driftError(what: string, detail?: string): AppError {
  return new AppError('UPSTREAM', `Vobiz sent ${what} in a form Trunkdesk does not understand.`, {
    hint: `Nothing was changed. Try again; if it persists the API may have changed and Trunkdesk needs an update.${detail ? ` (${detail})` : ''}`,
    retryable: true,
  });
}
