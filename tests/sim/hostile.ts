// Hostile answers (issue 6): what a malicious or broken server does to a client that trusts it.
//   `echo`    - an error answer that repeats every secret the request carried (X-Auth-Token,
//               Authorization, password and token fields of the body; for VoIPBIN and Vocobase
//               also ?token=/?accesskey=, the token/accesskey cookies, outbound_password and other
//               secret body fields), in the body shape that provider uses for that status, so a
//               client that copies server text into messages leaks.
//   `trickle` - headers at once, then one byte every `intervalMs`, `bytes` bytes in all: undici's
//               body timeout counts idle time only, so only an overall deadline ends it.
//   `huge`    - a 200 whose body is `bytes` long, to test the client's response-size cap.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { credentialError, envelope, json, partnerError, vocobaseCodeFor, voipbinError, voipbinStatusFor, type SimResponse } from './errors';
import type { FaultRule } from './types';

/** Every secret-looking value in a request: auth headers, credential cookies and query parameters, secret fields of a JSON body. */
export function requestSecrets(req: IncomingMessage, rawBody: string): string[] {
  const out: string[] = [];
  const add = (v: unknown): void => {
    if (typeof v === 'string' && v !== '' && !out.includes(v)) out.push(v);
  };
  const token = req.headers['x-auth-token'];
  if (typeof token === 'string') out.push(token);
  const bearer = /^Bearer (.+)$/.exec(req.headers['authorization'] ?? '')?.[1];
  if (bearer) out.push(bearer);
  let body: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(rawBody);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    /* no JSON body */
  }
  if (body) for (const k of ['password', 'token', 'auth_token']) if (typeof body[k] === 'string') out.push(body[k] as string);
  // VoIPBIN and Vocobase: ?token= / ?accesskey=, the token / accesskey cookies, more body secrets.
  const query = new URL(req.url ?? '/', 'http://sim.invalid').searchParams;
  for (const k of ['token', 'accesskey']) add(query.get(k));
  for (const part of String(req.headers['cookie'] ?? '').split(';')) {
    const i = part.indexOf('=');
    const name = i > 0 ? part.slice(0, i).trim() : '';
    if (name === 'token' || name === 'accesskey') {
      const raw = part.slice(i + 1).trim();
      let value = raw;
      try {
        value = decodeURIComponent(raw);
      } catch {
        /* keep raw */
      }
      add(value);
    }
  }
  if (body) for (const k of ['outbound_password', 'accesskey', 'api_key', 'tata_password', 'jwt_token']) add(body[k]);
  return out;
}

/** The `echo` answer in VoIPBIN's envelope or Vocobase's shape (Vobiz: echoResponse). */
export function echoResponseFor(provider: 'voipbin' | 'vocobase', rule: FaultRule, secrets: string[]): SimResponse {
  const status = rule.status ?? 400;
  const all = secrets.join(' ');
  const first = secrets[0] ?? '';
  if (provider === 'voipbin') {
    return voipbinError(voipbinStatusFor(status), status === 401 ? 'INVALID_CREDENTIALS' : 'INVALID_ARGUMENT', `Rejected credentials ${all}`, [
      ...secrets.map((s) => ({ field: s, description: `value ${s} is not allowed` })),
      { token: first, accesskey: encodeURIComponent(first) },
    ]);
  }
  return json(status, { success: false, error: { code: vocobaseCodeFor(status), message: `Invalid API key or field ${all}`, details: { value: first, encoded: encodeURIComponent(first) } } });
}

/** The `echo` answer: the status's documented body shape, with the secrets in its words and fields. */
export function echoResponse(rule: FaultRule, secrets: string[]): SimResponse {
  const status = rule.status ?? 400;
  const all = secrets.join(' ');
  const first = secrets[0] ?? '';
  switch (status) {
    case 400:
      return json(400, { message: `Invalid X-Auth-Token ${all}`, detail: encodeURIComponent(first) });
    case 401:
      return partnerError(401, 'invalid_credentials', `Token ${all} is not valid`);
    case 409:
      return credentialError(409, `Conflict: ${all} already exists`);
    case 422:
      return envelope(422, 'VALIDATION_ERROR', `Rejected ${all}`, {
        errors: secrets.map((s) => ({ field: s, message: `value ${s} is not allowed` })),
      });
    default:
      return envelope(status, 'INTERNAL_ERROR', `Upstream failed for ${all} (${JSON.stringify(first)})`);
  }
}

/** The `trickle` answer; bounded by `bytes`, and stopped when the socket goes. */
export function trickle(rule: FaultRule, res: ServerResponse, timers: Set<NodeJS.Timeout>): void {
  const interval = rule.intervalMs ?? 5_000;
  let left = rule.bytes ?? 100;
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.write('{');
  const tick = () => {
    if (res.destroyed) return;
    if (--left <= 0) return void res.end('}');
    res.write(' ');
    const t = setTimeout(() => {
      timers.delete(t);
      tick();
    }, interval);
    timers.add(t);
  };
  tick();
}

/** The `huge` answer: a valid JSON string of about `bytes` bytes. */
export function hugeBody(rule: FaultRule): SimResponse {
  return { kind: 'raw', status: rule.status ?? 200, contentType: 'application/json', text: JSON.stringify({ padding: 'x'.repeat(rule.bytes ?? 25 * 1024 * 1024) }) };
}
