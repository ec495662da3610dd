// Vocobase errors (api/voipbin_vocobase.md §2.1, seed 002): the envelope
// `{success:false, error:{code, message}}` with UNAUTHORIZED 401, FORBIDDEN 403 (insufficient
// credits, suspended account, partner not approved), VALIDATION_ERROR 400, NOT_FOUND 404,
// CONFLICT 409, LIMIT_REACHED 429 and INTERNAL_ERROR 500/502. This file turns a failed answer,
// whatever its shape (a proxy's HTML page too), into one AppError saying what to do.
import { AppError } from '../../net/errors';
import { retryAfterMs, type HttpResponse } from '../../net/http';
import { VOCOBASE_DEFAULT_BASE_URL } from '../../../src-preload/contract';
import { serverSaid, serverSentence, serverText } from '../../net/server-text';

export interface VocobaseErrorBody {
  code?: string;
  message?: string;
}

/** The error envelope, leniently: `error` as an object or a bare code, `message` beside it. */
export function parseErrorBody(text: string): VocobaseErrorBody {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {};
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const b = body as Record<string, unknown>;
  const out: VocobaseErrorBody = {};
  const err = b.error;
  if (err && typeof err === 'object') {
    const e = err as Record<string, unknown>;
    out.code = str(e.code);
    out.message = str(e.message);
  } else if (typeof err === 'string') {
    out.code = /^[A-Z_]+$/.test(err) ? err : undefined;
    out.message = str(b.message) ?? err;
  }
  out.code ??= str(b.code);
  out.message ??= str(b.message);
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim().length > 0 ? v.trim() : undefined);

/** The HTTP status each documented code comes with, for a 2xx that still says `success:false`. */
export const CODE_STATUS: Record<string, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  VALIDATION_ERROR: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LIMIT_REACHED: 429,
  INTERNAL_ERROR: 500,
};

export interface ErrorContext {
  /** What the call was about, for sharper 404/409 messages ("the SIP connection “Main trunk”"). */
  subject?: string;
  /** Our field names by the API's, for a VALIDATION_ERROR that names one. */
  fields?: Record<string, string>;
}

export const RATE_LIMIT_MESSAGE = 'Vocobase is limiting requests (60 a minute per API key).';

/** Map a failed Vocobase answer to an AppError. `status` may be overridden for a 2xx `success:false`. */
export function vocobaseError(res: HttpResponse, ctx: ErrorContext = {}, status = res.status): AppError {
  const body = parseErrorBody(res.text);
  const code = (body.code ?? '').toUpperCase();
  const said = serverSaid('Vocobase', body.message);
  const msg = body.message ?? '';

  if (status === 401 || code === 'UNAUTHORIZED') {
    return new AppError('UNAUTHORIZED', 'Vocobase did not accept this API key.', {
      hint: 'Check that the whole rg_live_ key was pasted. If it was revoked or lost, create a new one in the Vocobase Dashboard under API Keys and replace it here.',
      status,
    });
  }
  if (status === 429) {
    return rateLimitedError(retryAfterMs(res.headers['retry-after']), status, /concurren/i.test(msg) ? msg : undefined);
  }
  if (status === 403 || code === 'FORBIDDEN') return forbidden(msg, said, status);
  if (code === 'LIMIT_REACHED') {
    return new AppError('FORBIDDEN', `Vocobase says a limit of this account has been reached.${said}`, {
      hint: 'Remove something you no longer need, or ask Vocobase to raise the limit, then try again.',
      status,
    });
  }
  if (status === 404 || code === 'NOT_FOUND') {
    return new AppError('NOT_FOUND', ctx.subject ? `${cap(ctx.subject)} was not found on Vocobase.` : `Vocobase has nothing at this address.${said}`, {
      hint: ctx.subject
        ? 'It may have been removed in the Vocobase Dashboard, or it belongs to another account. Refresh the list.'
        : `Check the base URL (it should be ${VOCOBASE_DEFAULT_BASE_URL}).`,
      status,
    });
  }
  if (status === 409 || code === 'CONFLICT') {
    return new AppError('CONFLICT', body.message ? `${ctx.subject ? `${cap(ctx.subject)}: ` : ''}${serverSentence(body.message, 'That conflicts with something that already exists on Vocobase.')}` : 'That conflicts with something that already exists on Vocobase.', {
      hint: 'A connection with the same name may exist already. Refresh to see the current state, then try again with different values.',
      status,
    });
  }
  if (status === 400 || status === 422 || code === 'VALIDATION_ERROR') {
    const field = fieldNamed(msg, ctx.fields);
    return new AppError('VALIDATION', serverSentence(body.message, 'Vocobase rejected the values sent.'), {
      hint: 'Correct the value and try again.',
      status,
      ...(field ? { field } : {}),
    });
  }
  if (status >= 500 || code === 'INTERNAL_ERROR') {
    const downstream = status === 502 ? ' (a telephony provider behind it failed)' : '';
    return new AppError('UPSTREAM', `Vocobase is having trouble right now (HTTP ${status})${downstream}.`, {
      hint: 'Try again in a minute; nothing was changed on this computer. If it persists, contact Vocobase support.',
      status,
      retryable: true,
    });
  }
  return new AppError('UPSTREAM', `Vocobase answered with an unexpected status (HTTP ${status}).${said}`, {
    hint: `Try again. If it persists, check the base URL (it should be ${VOCOBASE_DEFAULT_BASE_URL}).`,
    status,
  });
}

/** 403: which of the documented causes, when the message says. */
function forbidden(msg: string, said: string, status: number): AppError {
  if (/insufficient|balance|credit/i.test(msg)) {
    return new AppError('FORBIDDEN', `Vocobase refused this: the account's balance is too low.${said}`, {
      hint: 'Add credits in the Vocobase Dashboard, then try again.',
      status,
    });
  }
  if (/suspend/i.test(msg)) {
    return new AppError('FORBIDDEN', `This Vocobase account is suspended.${said}`, {
      hint: 'Contact Vocobase support to have it reinstated.',
      status,
    });
  }
  if (/approv/i.test(msg)) {
    return new AppError('FORBIDDEN', `This Vocobase partner account has not been approved yet.${said}`, {
      hint: 'Wait for Vocobase to approve it, or contact Vocobase support.',
      status,
    });
  }
  return new AppError('FORBIDDEN', `Vocobase refused this operation for this API key.${said}`, {
    hint: 'The key is valid, but the account may lack credits, be suspended or not yet approved. Check the Vocobase Dashboard.',
    status,
  });
}

/** A 2xx answer that still says `success:false`: mapped by its code, as if it had its documented status. */
export function failedEnvelopeError(res: HttpResponse, ctx: ErrorContext = {}): AppError {
  const body = parseErrorBody(res.text);
  const status = CODE_STATUS[(body.code ?? '').toUpperCase()];
  if (status !== undefined) return vocobaseError(res, ctx, status);
  return new AppError('UPSTREAM', `Vocobase reported a problem it did not name.${serverSaid('Vocobase', body.message)}`, {
    hint: 'Nothing was changed on this computer. Try again; if it persists, contact Vocobase support.',
    retryable: true,
  });
}

/** Vocobase is limiting us: how long to wait, when known (ms). */
export function rateLimitedError(waitMs: number | undefined, status = 429, concurrency?: string): AppError {
  const secs = waitMs !== undefined && waitMs > 0 ? Math.ceil(waitMs / 1000) : undefined;
  const message = concurrency ? `${RATE_LIMIT_MESSAGE} It said: “${serverText(concurrency)}”` : RATE_LIMIT_MESSAGE;
  return new AppError('RATE_LIMITED', message, {
    hint: secs ? `Wait about ${secs} s, then try again.` : 'Wait a minute, then try again.',
    status,
    retryable: true,
    ...(secs ? { retryAfterSeconds: secs } : {}),
  });
}

/** A 2xx body that is not the JSON we expect: say so without guessing, and change nothing. */
export function driftError(what: string, detail?: string): AppError {
  return new AppError('UPSTREAM', `Vocobase sent ${what} in a form Trunkdesk does not understand.`, {
    hint: `Nothing was changed. Try again; if it persists the API may have changed and Trunkdesk needs an update.${detail ? ` (${detail})` : ''}`,
    retryable: true,
  });
}

/** A web page where JSON was expected: most often a wrong base URL or a captive portal. */
export function htmlError(what: string): AppError {
  return new AppError('UPSTREAM', `Vocobase sent a web page instead of ${what}.`, {
    hint: `Check the base URL (it should be ${VOCOBASE_DEFAULT_BASE_URL}) and that no proxy or sign-in page is in the way. Nothing was changed.`,
    retryable: true,
  });
}

export const looksLikeHtml = (text: string): boolean => /^\s*<(?:!doctype|html|head|body|\?xml)/i.test(text);

/** The first of our fields whose API name the message mentions. */
function fieldNamed(message: string, fields: Record<string, string> | undefined): string | undefined {
  if (!fields || !message) return undefined;
  for (const [api, ours] of Object.entries(fields)) {
    if (new RegExp(`(^|[^A-Za-z0-9_])${api}([^A-Za-z0-9_]|$)`, 'i').test(message)) return ours;
  }
  return undefined;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
