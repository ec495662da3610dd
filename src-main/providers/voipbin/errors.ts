// VoIPBIN's error body (api/voipbin_vocobase.md §1.5) is one envelope on every v1.0 4xx/5xx:
// {error:{status, reason, message, request_id, details:[…]}}; the /auth/* handlers answer a bare
// 400 with an empty body instead. This file turns a failed answer into one AppError, branching on
// `reason` first (it is the precise one) and on the HTTP status when a reason is missing or new.
//
// No message or hint built here contains a URL with its query: an access key travels in the
// query, so the words come from what the call was about, never from where it went.
import { AppError } from '../../net/errors';
import { retryAfterMs, type HttpResponse } from '../../net/http';
import { isBareCode, serverSaid, serverSentence, serverText } from '../../net/server-text';

export interface VoipbinErrorBody {
  status?: string;
  reason?: string;
  message?: string;
  requestId?: string;
  details: Array<Record<string, unknown>>;
}

export function parseErrorBody(text: string): VoipbinErrorBody {
  const out: VoipbinErrorBody = { details: [] };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return out;
  }
  if (!isObject(body)) return out;
  const e = isObject(body.error) ? body.error : body;
  out.status = str(e.status);
  out.reason = str(e.reason) ?? (typeof body.error === 'string' ? body.error : undefined);
  out.message = str(e.message);
  out.requestId = str(e.request_id) ?? str(body.request_id);
  const details = e.details;
  if (Array.isArray(details)) out.details = details.filter(isObject);
  else if (isObject(details)) out.details = [details];
  return out;
}

/** How the failed call was authenticated, and what it was about. */
export interface ErrorContext {
  /** `signin`: POST /auth/login itself; `jwt`: a signed-in call; `accesskey`: a call with an access key. */
  auth: 'signin' | 'jwt' | 'accesskey';
  /** In words, for 404/409 messages: "the extension “1001”". */
  subject?: string;
  /** The kind of record the call was about, for the 409 and 404 words. */
  kind?: 'extension' | 'trunk';
}

const reasons = new WeakMap<AppError, string>();
/** The `error.reason` VoIPBIN gave for an error voipbinError made (undefined for any other error). */
export const reasonOf = (e: unknown): string | undefined => (e instanceof AppError ? reasons.get(e) : undefined);

/** Map a non-2xx VoIPBIN answer to an AppError. */
export function voipbinError(res: HttpResponse, ctx: ErrorContext): AppError {
  const err = mapError(res, ctx);
  const reason = parseErrorBody(res.text).reason;
  if (reason) reasons.set(err, reason.toUpperCase());
  return err;
}

function mapError(res: HttpResponse, ctx: ErrorContext): AppError {
  const status = res.status;
  const body = parseErrorBody(res.text);
  const reason = (body.reason ?? '').toUpperCase();
  const said = serverSaid('VoIPBIN', body.message);
  const ref = body.requestId ? ` (VoIPBIN request ${serverText(body.requestId, 80)})` : '';
  const base = { status };
  const subject = ctx.subject ?? (ctx.kind ? `the ${ctx.kind}` : 'it');

  if (status === 429 || reason === 'RATE_LIMIT_EXCEEDED' || (reason === 'RESOURCE_EXHAUSTED' && status === 429)) return rateLimited(res, body);
  if (status >= 500 && !/resource limit/i.test(body.message ?? '')) {
    return new AppError('UPSTREAM', `VoIPBIN is having trouble right now (HTTP ${status}).${ref}`, {
      hint: 'Try again in a minute. Nothing was changed on this computer.',
      status,
      retryable: true,
    });
  }

  // The sign-in: every failure there is a bare 400 with an empty body (wrong username or
  // password, or a malformed request, which Trunkdesk does not send).
  if (ctx.auth === 'signin') {
    if (status === 400 || status === 401 || status === 403) {
      return new AppError('UNAUTHORIZED', 'VoIPBIN did not accept that username and password.', {
        hint: 'Check both and try again (the username is the one you sign in to the VoIPBIN admin console with). Trunkdesk keeps the password only in your keychain.',
        status,
        field: 'password',
      });
    }
    if (status === 404) return wrongBaseUrl(status);
  }

  switch (reason) {
    case 'ACCOUNT_FROZEN': {
      const recovery = body.details.map((d) => str(d.recovery_endpoint)).find(Boolean);
      return new AppError('FORBIDDEN', 'This VoIPBIN account is frozen, so VoIPBIN refuses every request for it.', {
        hint: recovery
          ? `Recover it first (VoIPBIN's recovery endpoint: ${serverText(recovery, 200)}) or contact VoIPBIN support. Trunkdesk keeps what it last saw.${ref}`
          : `Contact VoIPBIN support to unfreeze it. Trunkdesk keeps what it last saw.${ref}`,
        ...base,
      });
    }
    case 'PERMISSION_DENIED':
      return new AppError('FORBIDDEN', `VoIPBIN refused this for these credentials: extensions and trunks need admin or manager permission.${said}`, {
        hint: `Sign in with a VoIPBIN admin or manager login, or use an access key (it acts as admin).${ref}`,
        ...base,
      });
    case 'AGENT_AUTH_REQUIRED':
      return new AppError('FORBIDDEN', 'This VoIPBIN request needs an agent sign-in; an access key cannot make it.', {
        hint: `Use a username and password for this profile, or stay with the access key for extensions and trunks.${ref}`,
        ...base,
      });
    case 'DIRECT_ACCESS_NOT_SUPPORTED':
      return new AppError('FORBIDDEN', 'A VoIPBIN direct-link token cannot manage extensions or trunks.', {
        hint: `Sign in with an admin or manager username and password, or use an access key.${ref}`,
        ...base,
      });
    case 'INVALID_CREDENTIALS':
      return ctx.auth === 'accesskey'
        ? new AppError('UNAUTHORIZED', 'VoIPBIN did not accept this access key: it was revoked or has expired.', {
            hint: `Create a new access key in the VoIPBIN admin console and put it in this profile.${ref}`,
            ...base,
          })
        : new AppError('UNAUTHORIZED', 'Your VoIPBIN sign-in has expired or is no longer accepted.', {
            hint: `Sign in again with your VoIPBIN username and password.${ref}`,
            ...base,
          });
    case 'AUTHENTICATION_REQUIRED':
      return new AppError('UNAUTHORIZED', 'VoIPBIN did not receive any credentials with this request.', {
        hint: `Sign in again. If it keeps happening, something between you and VoIPBIN (a proxy) strips them; check the base URL.${ref}`,
        ...base,
      });
    case 'EXTENSION_NOT_FOUND':
    case 'TRUNK_NOT_FOUND':
    case 'RESOURCE_NOT_FOUND':
      return new AppError('NOT_FOUND', `${cap(subject)} no longer exists on VoIPBIN.`, {
        hint: `It may have been deleted in the VoIPBIN console. Refresh the list.${ref}`,
        ...base,
      });
    case 'ROUTE_NOT_FOUND':
      return wrongBaseUrl(status);
    case 'ALREADY_EXISTS':
      return conflict(ctx, body, status, ref);
    case 'INVALID_ID':
      return new AppError('VALIDATION', `VoIPBIN did not accept the id of ${subject}.`, { hint: `Refresh the list and try again.${ref}`, ...base });
    case 'INVALID_ARGUMENT':
    case 'INVALID_JSON_BODY':
      return validation(body, status, ref);
    case 'PAYMENT_REQUIRED':
      return planLimit(body, status, ref);
  }

  if (/resource limit/i.test(body.message ?? '')) return planLimit(body, status, ref);
  if (status === 401) {
    return ctx.auth === 'accesskey'
      ? new AppError('UNAUTHORIZED', 'VoIPBIN did not accept this access key.', { hint: `Check the key, or create a new one in the VoIPBIN admin console.${ref}`, ...base })
      : new AppError('UNAUTHORIZED', 'VoIPBIN did not accept the sign-in for this request.', { hint: `Sign in again with your VoIPBIN username and password.${ref}`, ...base });
  }
  if (status === 402) return planLimit(body, status, ref);
  if (status === 403) {
    return new AppError('FORBIDDEN', `VoIPBIN refused this operation for these credentials.${said}`, {
      hint: `Extensions and trunks need an admin or manager login, or an access key.${ref}`,
      ...base,
    });
  }
  if (status === 404) {
    return new AppError('NOT_FOUND', `VoIPBIN has nothing for ${subject}.${said}`, {
      hint: `It may have been deleted, or the base URL is wrong (it should be the origin, https://api.voipbin.net). Refresh the list.${ref}`,
      ...base,
    });
  }
  if (status === 409) return conflict(ctx, body, status, ref);
  if (status === 400 || status === 422) return validation(body, status, ref);
  return new AppError('UPSTREAM', `VoIPBIN answered with an unexpected status (HTTP ${status}).${said}`, {
    hint: `Try again. If it persists, check the base URL.${ref}`,
    status,
  });
}

function rateLimited(res: HttpResponse, body: VoipbinErrorBody): AppError {
  const secs = retryAfterSeconds(res);
  const by = body.details.map((d) => str(d.limited_by)).find(Boolean);
  return new AppError('RATE_LIMITED', `VoIPBIN is limiting how fast requests can be made${by === 'ip' ? ' from this network' : by === 'customer' ? ' for this account' : ''}.`, {
    hint: secs > 0 ? `Wait about ${secs} s, then try again.` : 'Wait a moment, then try again.',
    status: res.status,
    retryable: true,
    ...(secs > 0 ? { retryAfterSeconds: secs } : {}),
  });
}

/** Whole seconds from Retry-After (delta-seconds or an HTTP date); 0 when absent. */
export function retryAfterSeconds(res: HttpResponse): number {
  return Math.ceil((retryAfterMs(res.headers['retry-after']) ?? 0) / 1000);
}

function conflict(ctx: ErrorContext, body: VoipbinErrorBody, status: number, ref: string): AppError {
  if (ctx.kind === 'extension') {
    return new AppError('CONFLICT', 'An extension with that number already exists.', { hint: `Choose another extension number, or refresh the list to see it.${ref}`, status, field: 'username' });
  }
  if (ctx.kind === 'trunk') {
    return new AppError('CONFLICT', 'A trunk with that domain name already exists.', { hint: `Domain names are unique across VoIPBIN: choose another.${ref}`, status, field: 'domainName' });
  }
  return new AppError('CONFLICT', body.message ? `VoIPBIN: ${serverSentence(body.message, 'That conflicts with something that already exists.')}` : 'That conflicts with something that already exists on VoIPBIN.', {
    hint: `Refresh to see the current state, then try again with different values.${ref}`,
    status,
  });
}

function validation(body: VoipbinErrorBody, status: number, ref: string): AppError {
  return new AppError('VALIDATION', body.message && !isBareCode(body.message) ? `VoIPBIN rejected the values sent: ${serverText(body.message)}` : serverSentence(body.message, 'VoIPBIN rejected the values sent.'), {
    hint: `Correct the values and try again.${ref}`,
    status,
  });
}

function planLimit(body: VoipbinErrorBody, status: number, ref: string): AppError {
  return new AppError('FORBIDDEN', `Your VoIPBIN plan does not allow this (a plan or balance limit).${serverSaid('VoIPBIN', body.message)}`, {
    hint: `Delete unused extensions or trunks, or upgrade the plan or add balance in the VoIPBIN console.${ref}`,
    status,
  });
}

function wrongBaseUrl(status: number): AppError {
  return new AppError('NOT_FOUND', 'VoIPBIN has no such address: the base URL looks wrong.', {
    hint: 'Use the origin only, https://api.voipbin.net (without /v1.0): Trunkdesk adds /auth/login and /v1.0 itself.',
    status,
  });
}

/** A 2xx body that is not the JSON we expect: say so without guessing, and change nothing. */
export function driftError(what: string, detail?: string): AppError {
  return new AppError('UPSTREAM', `VoIPBIN sent ${what} in a form Trunkdesk does not understand.`, {
    hint: `Nothing was changed. Try again; if it persists the API may have changed and Trunkdesk needs an update.${detail ? ` (${detail})` : ''}`,
    retryable: true,
  });
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
