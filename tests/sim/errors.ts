// Response values and the three error body shapes of vobiz.md §5. Handlers return (or throw) a
// SimResponse; server.ts serialises it, so faults can still see and bend the real answer.

export type SimResponse =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  /** Generic envelope; requestId/timestamp are filled in when sent so they match X-Request-Id. */
  | { kind: 'envelope'; status: number; code: string; message: string; details?: unknown; headers?: Record<string, string> }
  /** VoIPBIN envelope {"error":{status, reason, message, request_id, details?}}; request_id = X-Request-Id. */
  | { kind: 'voipbin'; status: number; errorStatus: string; reason: string; message: string; details?: unknown[]; headers?: Record<string, string> }
  | { kind: 'empty'; status: number; headers?: Record<string, string> }
  | { kind: 'raw'; status: number; contentType: string; text: string; headers?: Record<string, string> };

/** Thrown by auth/validation helpers to end a handler early with an error answer. */
export class HttpFailure extends Error {
  constructor(readonly response: SimResponse) {
    super(`HTTP ${response.status}`);
  }
}

export function fail(response: SimResponse): never {
  throw new HttpFailure(response);
}

export function json(status: number, body: unknown, headers?: Record<string, string>): SimResponse {
  return headers ? { kind: 'json', status, body, headers } : { kind: 'json', status, body };
}

/** Shape 1: {status:"error", error:{code, message, details?}, timestamp, requestId}. */
export function envelope(status: number, code: string, message: string, details?: unknown): SimResponse {
  return details === undefined ? { kind: 'envelope', status, code, message } : { kind: 'envelope', status, code, message, details };
}

/** Shape 2 (credential endpoints): {"error":"Username already exists","code":409}. */
export function credentialError(status: number, error: string): SimResponse {
  return json(status, { error, code: status });
}

/** Shape 3 (partner login/JWT, old base path): {"error":"invalid_credentials","message":"…"}. */
export function partnerError(status: number, error: string, message: string): SimResponse {
  return json(status, { error, message });
}

/** VoIPBIN `error.status` → HTTP status (voipbin_vocobase.md §1.5). */
export const VOIPBIN_HTTP_STATUS: Record<string, number> = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  PAYMENT_REQUIRED: 402,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  FAILED_PRECONDITION: 409,
  RESOURCE_EXHAUSTED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** A VoIPBIN error; the HTTP status follows from `errorStatus`. `details` is left out when empty, as the server does. */
export function voipbinError(errorStatus: string, reason: string, message: string, details?: unknown[], headers?: Record<string, string>): SimResponse {
  const res: SimResponse = { kind: 'voipbin', status: VOIPBIN_HTTP_STATUS[errorStatus] ?? 500, errorStatus, reason, message };
  if (details && details.length > 0) res.details = details;
  if (headers) res.headers = headers;
  return res;
}

/** The VoIPBIN status name for an HTTP status (faults and unexpected failures). */
export function voipbinStatusFor(status: number): string {
  const names: Record<number, string> = {
    400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 402: 'PAYMENT_REQUIRED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND',
    409: 'ALREADY_EXISTS', 429: 'RESOURCE_EXHAUSTED', 503: 'UNAVAILABLE',
  };
  return names[status] ?? (status >= 500 ? 'INTERNAL' : 'INVALID_ARGUMENT');
}

/** Vocobase error {success:false, error:{code, message}} (seed 002). */
export function vocobaseError(status: number, code: string, message: string, headers?: Record<string, string>): SimResponse {
  return json(status, { success: false, error: { code, message } }, headers);
}

/** The Vocobase code for an HTTP status (seed 002's tables). */
export function vocobaseCodeFor(status: number): string {
  const codes: Record<number, string> = { 400: 'VALIDATION_ERROR', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 429: 'LIMIT_REACHED' };
  return codes[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_ERROR');
}

export interface FieldError {
  field: string;
  message: string;
  code: string;
  value: unknown;
}

export function validationError(errors: FieldError[], message = 'Validation failed'): SimResponse {
  return envelope(422, 'VALIDATION_ERROR', message, { errors });
}

/** Default generic code for a status, used by `status` faults and unexpected failures. */
export function defaultCodeFor(status: number): string {
  const codes: Record<number, string> = {
    400: 'BAD_REQUEST',
    401: 'INVALID_CREDENTIALS',
    402: 'INSUFFICIENT_BALANCE',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    409: 'CONFLICT',
    422: 'VALIDATION_ERROR',
    429: 'RATE_LIMIT_EXCEEDED',
    500: 'INTERNAL_ERROR',
    502: 'BAD_GATEWAY',
    503: 'SERVICE_UNAVAILABLE',
    504: 'GATEWAY_TIMEOUT',
  };
  return codes[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'ERROR');
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  text: string; // '' for no body
}

/** Serialises a SimResponse. Every JSON answer (2xx or not) carries Content-Type: application/json. */
export function toWire(res: SimResponse, requestId: string): WireResponse {
  const headers: Record<string, string> = { 'X-Request-Id': requestId, ...res.headers };
  switch (res.kind) {
    case 'json':
      return { status: res.status, headers: { ...headers, 'Content-Type': 'application/json' }, text: JSON.stringify(res.body) };
    case 'envelope': {
      const error: Record<string, unknown> = { code: res.code, message: res.message };
      if (res.details !== undefined) error.details = res.details;
      const body = { status: 'error', error, timestamp: new Date().toISOString(), requestId };
      return { status: res.status, headers: { ...headers, 'Content-Type': 'application/json' }, text: JSON.stringify(body) };
    }
    case 'voipbin': {
      const error: Record<string, unknown> = { status: res.errorStatus, reason: res.reason, message: res.message, request_id: requestId };
      if (res.details !== undefined) error.details = res.details;
      return { status: res.status, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' }, text: JSON.stringify({ error }) };
    }
    case 'empty':
      return { status: res.status, headers, text: '' };
    case 'raw':
      return { status: res.status, headers: { ...headers, 'Content-Type': res.contentType }, text: res.text };
  }
}
