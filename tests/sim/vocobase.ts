// Vocobase (shared/api/voipbin_vocobase.md §2, seed 002), mounted under /vocobase/api/v2 (the real
// https://api.vocobase.com/api/v2). Only `Authorization: Bearer rg_live_…` authenticates; keys in
// the query or body are ignored. Request flow: key (401) → per-key fixed windows (429) → suspended
// partner (403) → route (404) → JSON body (400) → handler.
// SIP on Vocobase is a BYOP carrier connection (provider "sip"); its outbound_password is hashed on
// arrival and never appears in any answer.
import { json, vocobaseError, type SimResponse } from './errors';
import { fresh, nowIso } from './ids';
import type { FixedWindows } from './rate-limit';
import { header, isRecord, matchRoute, type RequestContext } from './router';
import { E164 } from './validation';
import { findVocobasePartnerByKey, VOCOBASE_KEY_PREFIX } from './vocobase-records';
import { sha256Hex } from './voipbin-records';
import {
  VOCOBASE_PROVIDERS,
  type VocobaseCallRecord,
  type VocobaseConnectionRecord,
  type VocobasePartnerRecord,
  type VocobaseProvider,
  type VocobaseState,
} from './types';

export const VOCOBASE_PREFIX = '/vocobase/api/v2';
export const VOCOBASE_DEFAULT_WINDOW_MS = 60_000;
export const VOCOBASE_DEFAULT_LIMITS = { general: 60, calls: 10 } as const;

export interface VocobaseRuntime {
  windows: FixedWindows; // keyed by SHA-256 of the API key
}

interface Call {
  ctx: RequestContext;
  s: VocobaseState;
  partner: VocobasePartnerRecord;
  body: Record<string, unknown>;
}

interface CRoute {
  name: string;
  method: string;
  path: string;
  handle(call: Call): SimResponse;
}

const ok = (data: unknown, status = 200): SimResponse => json(status, { success: true, data });
const validation = (problems: string[]): SimResponse => vocobaseError(400, 'VALIDATION_ERROR', problems.join('; '));

// ---- rendering -----------------------------------------------------------------------------------

export function renderConnection(c: VocobaseConnectionRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: c.id,
    connection_id: c.id,
    provider: c.provider,
    provider_key: c.provider.toUpperCase(),
    name: c.name,
    status: c.status,
    is_default: c.isDefault,
    phone_numbers: c.phoneNumbers.map((n) => ({
      id: n.id,
      phone_number: n.phoneNumber,
      friendly_name: n.friendlyName,
      status: n.status,
      is_default: n.isDefault,
    })),
  };
  if (c.provider === 'sip') {
    // The SIP fields without the password (inferred: "encrypted at rest", never returned).
    out.sip_host = c.sipHost;
    out.outbound_username = c.outboundUsername;
    out.source_ips = [...c.sourceIps];
    out.transport = c.transport; // the real JSON name of this field is unknown (§2.3)
  }
  out.created_at = c.createdAt;
  return out;
}

function renderCall(c: VocobaseCallRecord): Record<string, unknown> {
  return {
    call_id: c.callId,
    agent_id: c.agentId,
    session_id: c.sessionId,
    direction: c.direction,
    from_number: c.fromNumber,
    to_number: c.toNumber,
    status: c.status,
    provider: c.provider,
    duration_seconds: c.durationSeconds,
    error_message: c.errorMessage,
    started_at: c.startedAt,
    ended_at: c.endedAt,
    created_at: c.createdAt,
  };
}

// ---- handlers ------------------------------------------------------------------------------------

function connectionsOf(call: Call): VocobaseConnectionRecord[] {
  return call.s.connections.filter((c) => c.partnerId === call.partner.id);
}

function config(call: Call): SimResponse {
  const p = call.partner;
  const conns = connectionsOf(call).filter((c) => c.status === 'ACTIVE');
  const telephony: Record<string, { configured: boolean; from_number: string | null }> = {};
  for (const provider of p.allowedTelephonyProviders) {
    const mine = conns.filter((c) => c.provider === provider);
    const def = mine.find((c) => c.isDefault) ?? mine[0];
    telephony[provider] = { configured: mine.length > 0, from_number: def?.phoneNumbers.find((n) => n.isDefault)?.phoneNumber ?? def?.phoneNumbers[0]?.phoneNumber ?? null };
  }
  return ok({
    name: p.name,
    display_name: p.displayName,
    agent_limit: p.agentLimit,
    current_agent_count: p.currentAgentCount,
    allowed_voices: [...p.allowedVoices],
    allowed_languages: [...p.allowedLanguages],
    status: p.status,
    webhook: { configured: false, url: null, secret: null },
    webhooks: [],
    telephony,
    allowed_telephony_providers: [...p.allowedTelephonyProviders],
  });
}

const isProvider = (v: unknown): v is VocobaseProvider => typeof v === 'string' && (VOCOBASE_PROVIDERS as readonly string[]).includes(v);

function listConnections(call: Call): SimResponse {
  const filter = call.ctx.url.searchParams.get('provider');
  const wanted = filter === null || filter === '' ? undefined : filter.toLowerCase();
  if (wanted !== undefined && !isProvider(wanted)) return validation([`provider must be one of ${VOCOBASE_PROVIDERS.join(', ')}`]);
  const list = connectionsOf(call)
    .filter((c) => wanted === undefined || c.provider === wanted)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)); // newest first (order undocumented)
  // The real list key is unknown (§2.4.2): `connections` is this simulator's choice.
  return ok({ connections: list.map(renderConnection) });
}

const HOST = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?$/;
const IPV4 = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}';
const IPV4_OR_CIDR = new RegExp(`^${IPV4}(\\/(3[0-2]|[12]?\\d))?$`);
const SECRET_FIELDS = ['auth_token', 'api_key', 'password', 'tata_password', 'jwt_token'] as const;

function optionalString(body: Record<string, unknown>, field: string, max: number, problems: string[]): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.length > max) {
    problems.push(`${field} must be a string of at most ${max} characters`);
    return undefined;
  }
  return v;
}

function createConnection(call: Call): SimResponse {
  const b = call.body;
  const problems: string[] = [];
  const provider = b.provider;
  if (!isProvider(provider)) problems.push(`provider is required and must be one of ${VOCOBASE_PROVIDERS.join(', ')}`);
  const rawName = b.name;
  const name = typeof rawName === 'string' ? rawName.trim() : '';
  if (typeof rawName !== 'string' || name.length < 1 || name.length > 100) problems.push('name is required (1-100 characters)');
  const fromNumber = optionalString(b, 'from_number', 20, problems);
  if (fromNumber !== undefined && !E164.test(fromNumber)) problems.push('from_number must be in E.164 format (^\\+[1-9]\\d{6,14}$)');

  let sip: Pick<VocobaseConnectionRecord, 'sipHost' | 'outboundUsername' | 'outboundPasswordHash' | 'sourceIps' | 'transport'> | undefined;
  let did: string | undefined;
  if (provider === 'sip') {
    const sipHost = b.sip_host;
    if (typeof sipHost !== 'string' || !HOST.test(sipHost)) problems.push('sip_host is required and must be a host name or IP address');
    const user = optionalString(b, 'outbound_username', 128, problems);
    const password = optionalString(b, 'outbound_password', 256, problems);
    if ((user === undefined || user === '') !== (password === undefined || password === '')) problems.push('outbound_username and outbound_password go together');
    let sourceIps: string[] = [];
    if (b.source_ips !== undefined && b.source_ips !== null) {
      if (!Array.isArray(b.source_ips) || b.source_ips.length > 32 || !b.source_ips.every((x) => typeof x === 'string' && IPV4_OR_CIDR.test(x))) {
        problems.push('source_ips must be an array of at most 32 IPv4 addresses or CIDR ranges');
      } else sourceIps = b.source_ips as string[];
    }
    if (typeof b.did_number !== 'string' || !E164.test(b.did_number)) problems.push('did_number is required and must be in E.164 format (^\\+[1-9]\\d{6,14}$)');
    else did = b.did_number;
    const transport = b.transport ?? 'UDP';
    if (transport !== 'UDP' && transport !== 'TCP' && transport !== 'TLS') problems.push('transport must be one of UDP, TCP, TLS');
    sip = {
      sipHost: typeof sipHost === 'string' ? sipHost : null,
      outboundUsername: user || null,
      outboundPasswordHash: password ? sha256Hex(password) : null,
      sourceIps,
      transport: transport === 'TCP' || transport === 'TLS' ? transport : 'UDP',
    };
  } else if (provider === 'twilio') {
    for (const f of ['account_sid', 'auth_token']) if (typeof b[f] !== 'string' || b[f] === '') problems.push(`${f} is required for twilio`);
  } else if (provider === 'plivo' || provider === 'vobiz') {
    if ((typeof b.account_sid !== 'string' || b.account_sid === '') && (typeof b.auth_id !== 'string' || b.auth_id === '')) problems.push(`account_sid (or auth_id) is required for ${provider}`);
    if (typeof b.auth_token !== 'string' || b.auth_token === '') problems.push(`auth_token is required for ${provider}`);
  }
  if (problems.length > 0 || !isProvider(provider)) return validation(problems);

  const number = did ?? fromNumber;
  const mine = connectionsOf(call).filter((c) => c.status === 'ACTIVE');
  if (number && mine.some((c) => c.phoneNumbers.some((n) => n.phoneNumber === number))) {
    return vocobaseError(409, 'CONFLICT', 'That phone number already belongs to another connection.');
  }
  const secretHashes: Record<string, string> = {};
  for (const f of SECRET_FIELDS) if (typeof b[f] === 'string') secretHashes[f] = sha256Hex(b[f] as string);
  const now = nowIso();
  const record: VocobaseConnectionRecord = {
    id: fresh.uuid(),
    partnerId: call.partner.id,
    provider,
    name,
    status: 'ACTIVE',
    isDefault: !mine.some((c) => c.provider === provider),
    phoneNumbers: number ? [{ id: fresh.uuid(), phoneNumber: number, friendlyName: null, status: 'ACTIVE', isDefault: true }] : [],
    sipHost: sip?.sipHost ?? null,
    outboundUsername: sip?.outboundUsername ?? null,
    outboundPasswordHash: sip?.outboundPasswordHash ?? null,
    sourceIps: sip?.sourceIps ?? [],
    transport: sip?.transport ?? null,
    secretHashes,
    createdAt: now,
    updatedAt: now,
  };
  call.s.connections.push(record);
  return ok({ connection: renderConnection(record) }, 201);
}

const CALL_STATUSES = ['pending', 'ringing', 'in_progress', 'completed', 'failed', 'no_answer', 'busy', 'canceled'];

function intParam(call: Call, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = call.ctx.url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    problems.push(max === Number.MAX_SAFE_INTEGER ? `${name} must be an integer >= ${min}` : `${name} must be an integer between ${min} and ${max}`);
  }
  return n;
}

function listCalls(call: Call): SimResponse {
  const problems: string[] = [];
  const limit = intParam(call, 'limit', 10, 1, 100, problems);
  const offset = intParam(call, 'offset', 0, 0, Number.MAX_SAFE_INTEGER, problems);
  const status = call.ctx.url.searchParams.get('status');
  if (status !== null && status !== '' && !CALL_STATUSES.includes(status)) problems.push(`status must be one of ${CALL_STATUSES.join(', ')}`);
  if (problems.length > 0) return validation(problems);
  const all = call.s.calls
    .filter((c) => c.partnerId === call.partner.id && (!status || c.status === status))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  return ok({ calls: all.slice(offset, offset + limit).map(renderCall), total: all.length, limit, offset });
}

function concurrency(call: Call): SimResponse {
  const active = call.s.calls.filter((c) => c.partnerId === call.partner.id && (c.status === 'pending' || c.status === 'ringing' || c.status === 'in_progress')).length;
  const limit = call.partner.concurrencyLimit;
  return ok({ limit, limit_source: 'partner', active, remaining: Math.max(0, limit - active), statuses_counted: ['PENDING', 'RINGING', 'IN_PROGRESS'] });
}

const routes: readonly CRoute[] = [
  { name: 'vocobase.config', method: 'GET', path: '/config', handle: config },
  { name: 'vocobase.connections.list', method: 'GET', path: '/telephony/connections', handle: listConnections },
  { name: 'vocobase.connections.create', method: 'POST', path: '/telephony/connections', handle: createConnection },
  { name: 'vocobase.calls.list', method: 'GET', path: '/calls', handle: listCalls },
  { name: 'vocobase.calls.concurrency', method: 'GET', path: '/calls/concurrency', handle: concurrency },
];

// ---- dispatch ------------------------------------------------------------------------------------

export function vocobaseKeyId(key: string): string {
  return sha256Hex(key);
}

/** `rel` is the path after /vocobase/api/v2 (or undefined for other /vocobase paths). */
export function vocobaseDispatch(ctx: RequestContext, rel: string | undefined, rawBody: string, rt: VocobaseRuntime): { response: SimResponse; routeName?: string } {
  const s = ctx.state.vocobase;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header(ctx, 'authorization') ?? '');
  const key = m?.[1];
  const partner = key && key.startsWith(VOCOBASE_KEY_PREFIX) ? findVocobasePartnerByKey(s, key) : undefined;
  if (!key || !partner) {
    return { response: vocobaseError(401, 'UNAUTHORIZED', 'Missing or invalid API key. Send Authorization: Bearer rg_live_…') };
  }
  const isCalls = rel === '/calls' || (rel?.startsWith('/calls/') ?? false);
  const windowMs = ctx.faults.vocobaseWindowMs && ctx.faults.vocobaseWindowMs > 0 ? ctx.faults.vocobaseWindowMs : VOCOBASE_DEFAULT_WINDOW_MS;
  const limits = { ...VOCOBASE_DEFAULT_LIMITS, ...ctx.faults.vocobaseLimits };
  const hit = rt.windows.hit(vocobaseKeyId(key), ctx.nowMs, windowMs, limits, isCalls);
  if (!hit.ok) {
    const ra = ctx.faults.vocobaseRetryAfter;
    const headers: Record<string, string> = {};
    if (typeof ra === 'number') headers['Retry-After'] = String(ra);
    else if (ra === true) headers['Retry-After'] = String(Math.max(1, Math.ceil(hit.resetInMs / 1000)));
    const message = isCalls
      ? `Rate limit exceeded: ${limits.calls} /calls requests per window. Retry after the window resets.`
      : `Rate limit exceeded: ${limits.general} requests per window. Retry after the window resets.`;
    return { response: vocobaseError(429, ctx.faults.vocobaseRateLimitCode ?? 'LIMIT_REACHED', message, headers) };
  }
  if (partner.status !== 'ACTIVE') {
    return { response: vocobaseError(403, 'FORBIDDEN', 'This partner account is suspended. Contact Vocobase support.') };
  }
  const match = rel === undefined ? undefined : matchRoute(routes, ctx.method, rel);
  if (!match || !match.found) return { response: vocobaseError(404, 'NOT_FOUND', `No route for ${ctx.method} ${ctx.url.pathname}`) };
  let body: Record<string, unknown> = {};
  if (rawBody.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawBody);
    } catch {
      return { response: vocobaseError(400, 'VALIDATION_ERROR', 'Request body is not valid JSON.'), routeName: match.route.name };
    }
    if (!isRecord(parsed)) return { response: vocobaseError(400, 'VALIDATION_ERROR', 'Request body must be a JSON object.'), routeName: match.route.name };
    body = parsed;
  }
  ctx.body = body;
  return { response: match.route.handle({ ctx, s, partner, body }), routeName: match.route.name };
}
