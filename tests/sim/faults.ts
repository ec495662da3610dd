// The fault queue: which rule a request hits, and the canned answers of `status` and `html`.
// (reset/hang/truncate/drift act on the socket or the real answer and live in server.ts.)
import { defaultCodeFor, envelope, json, vocobaseCodeFor, vocobaseError, voipbinError, voipbinStatusFor, type SimResponse } from './errors';
import type { FaultConfig, FaultRule } from './types';

/** A copy of the config with every rule's `times` made explicit, so the caller's object is never mutated. */
export function normaliseFaults(f: FaultConfig): FaultConfig {
  return { ...f, queue: (f.queue ?? []).map((rule) => ({ ...rule, times: rule.times ?? 1 })) };
}

/**
 * `match` is either "METHOD /path-prefix" (method must equal, path must start with the prefix) or a
 * plain substring of the path. `path` includes the query string. No `match`: every request.
 */
export function ruleMatches(rule: FaultRule, method: string, path: string): boolean {
  if (!rule.match) return true;
  const m = /^([A-Z]+) (\/.*)$/.exec(rule.match);
  if (m) return method === m[1] && path.startsWith(m[2] ?? '');
  return path.includes(rule.match);
}

/** The first matching rule, consumed once (rules with times -1 never run out). */
export function takeRule(faults: FaultConfig, method: string, path: string): FaultRule | undefined {
  const queue = faults.queue ?? [];
  const index = queue.findIndex((rule) => ruleMatches(rule, method, path));
  const rule = queue[index];
  if (!rule) return undefined;
  const times = rule.times ?? 1;
  if (times !== -1) {
    if (times <= 1) queue.splice(index, 1);
    else rule.times = times - 1;
  }
  return rule;
}

const STATUS_MESSAGES: Record<number, string> = {
  429: 'Too many requests. Please slow down and retry later.',
  500: 'An unexpected error occurred. Please try again later.',
  502: 'Bad gateway: an upstream service did not answer correctly.',
  503: 'The service is temporarily unavailable. Please try again later.',
  504: 'Gateway timeout: an upstream service did not answer in time.',
};

/** `status` fault: the given status with a documented-shape body (or the rule's own body). */
export function statusFaultResponse(rule: FaultRule): SimResponse {
  const status = rule.status ?? 500;
  const headers: Record<string, string> = rule.retryAfter !== undefined ? { 'Retry-After': String(rule.retryAfter) } : {};
  if (rule.body !== undefined) {
    return typeof rule.body === 'string'
      ? { kind: 'raw', status, contentType: 'text/plain', text: rule.body, headers }
      : json(status, rule.body, headers);
  }
  if (status === 204) return { kind: 'empty', status, headers };
  const details =
    status === 429
      ? { limitType: 'api', limit: 60, current: 61, ...(rule.retryAfter !== undefined ? { retryAfter: rule.retryAfter } : {}) }
      : undefined;
  const message = STATUS_MESSAGES[status] ?? `Simulated HTTP ${status}.`;
  return { ...envelope(status, defaultCodeFor(status), message, details), headers };
}

/** `html` fault: what a reverse proxy in front of the API sends when the backend is down. */
export function htmlFaultResponse(rule: FaultRule): SimResponse {
  const status = rule.status ?? 502;
  const title = status === 502 ? '502 Bad Gateway' : status === 503 ? '503 Service Temporarily Unavailable' : `${status} Error`;
  const text = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  const headers: Record<string, string> = rule.retryAfter !== undefined ? { 'Retry-After': String(rule.retryAfter) } : {};
  return { kind: 'raw', status, contentType: 'text/html', text, headers };
}

export type Provider = 'vobiz' | 'voipbin' | 'vocobase';

/** Which provider a request path belongs to (by mount point). */
export function providerOf(pathname: string): Provider {
  if (pathname === '/voipbin' || pathname.startsWith('/voipbin/')) return 'voipbin';
  if (pathname === '/vocobase' || pathname.startsWith('/vocobase/')) return 'vocobase';
  return 'vobiz';
}

const VOIPBIN_REASONS: Record<number, string> = {
  400: 'INVALID_ARGUMENT', 401: 'INVALID_CREDENTIALS', 402: 'PAYMENT_REQUIRED', 403: 'PERMISSION_DENIED', 404: 'RESOURCE_NOT_FOUND',
  409: 'ALREADY_EXISTS', 429: 'RATE_LIMIT_EXCEEDED', 500: 'INTERNAL', 503: 'UNAVAILABLE',
};

/** `status` fault for VoIPBIN/Vocobase: that provider's documented body shape (Vobiz: statusFaultResponse). */
export function providerStatusFaultResponse(provider: 'voipbin' | 'vocobase', rule: FaultRule): SimResponse {
  if (rule.body !== undefined || rule.status === 204) return statusFaultResponse(rule);
  const status = rule.status ?? 500;
  const headers: Record<string, string> = rule.retryAfter !== undefined ? { 'Retry-After': String(rule.retryAfter) } : {};
  const message = STATUS_MESSAGES[status] ?? `Simulated HTTP ${status}.`;
  if (provider === 'vocobase') return vocobaseError(status, vocobaseCodeFor(status), message, headers);
  const errorStatus = voipbinStatusFor(status);
  const details = status === 429 ? [{ limited_by: 'customer' }] : undefined;
  const res = voipbinError(errorStatus, VOIPBIN_REASONS[status] ?? defaultCodeFor(status), message, details, headers);
  // voipbinError derives the HTTP status from the status name; a fault keeps the asked-for one (e.g. 502).
  return { ...res, status };
}
