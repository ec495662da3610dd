// VoIPBIN (shared/api/voipbin_vocobase.md §1), mounted under /voipbin:
//   POST /voipbin/auth/login            (the real https://api.voipbin.net/auth/login; no /v1.0)
//   /voipbin/v1.0/...                   (the real https://api.voipbin.net/v1.0/...)
// Request flow of the real api-manager: route (unknown → 404 ROUTE_NOT_FOUND, also for
// /v1.0/auth/login) → authenticate (cookie token, ?token=, Bearer, cookie accesskey, ?accesskey=)
// → frozen check → per-customer rate limit → handler (JSON body, then permission, then the store).
// Every answer is 200 on success (gin c.JSON(200, …)), also on create and delete.
import type { TokenBuckets } from './rate-limit';
import { json, voipbinError, type SimResponse } from './errors';
import { countOf, findById, invalidateCreatedIndex, noteCreated, pageOf } from './created-index';
import { nowIso } from './ids';
import { signJwtClaims, verifyJwtSignature } from './jwt';
import { header, isRecord, matchRoute, type RequestContext } from './router';
import { secretEquals } from './auth';
import {
  addVoipbinAccessKey,
  canonicalTime,
  extensionTaken,
  findVoipbinCustomer,
  freshDirectHash,
  makeVoipbinExtension,
  makeVoipbinTrunk,
  sha256Hex,
  TRUNK_DOMAIN,
  trunkDomainTaken,
  voipbinTime,
} from './voipbin-records';
import {
  VOIPBIN_PERMISSION,
  type VoipbinAccesskeyRecord,
  type VoipbinAgentRecord,
  type VoipbinCustomerRecord,
  type VoipbinExtensionRecord,
  type VoipbinState,
  type VoipbinTrunkRecord,
} from './types';

export const VOIPBIN_PREFIX = '/voipbin';
export const VOIPBIN_DEFAULT_JWT_TTL_SECONDS = 7 * 24 * 3600;
export const VOIPBIN_DEFAULT_RATE_LIMIT = { perSecond: 16.7, burst: 33 } as const;
const COOKIE_MAX_AGE = 7 * 24 * 3600; // TokenExpiration, whatever the sim's JWT lifetime
const PAGE_SIZE_MAX = 100;
const PERMISSION_SUPERADMIN = 1;

export interface VoipbinRuntime {
  jwtSecret: Buffer; // per instance, separate from the Vobiz one
  buckets: TokenBuckets; // keyed by customer id
}

export type VoipbinIdentity =
  | { kind: 'agent'; agentId: string; customerId: string; username: string; name: string; permission: number }
  | { kind: 'accesskey'; accesskeyId: string; customerId: string; permission: number };

interface Call {
  ctx: RequestContext;
  v: VoipbinState;
  who: VoipbinIdentity;
  customer: VoipbinCustomerRecord;
  body: Record<string, unknown>;
  rt: VoipbinRuntime;
}

interface VRoute {
  name: string;
  method: string;
  path: string;
  handle(call: Call, params: Record<string, string>): SimResponse;
}

class Failure extends Error {
  constructor(readonly response: SimResponse) {
    super(`HTTP ${response.status}`);
  }
}
function stop(response: SimResponse): never {
  throw new Failure(response);
}

// ---- rendering (the WebhookMessage shapes of §1.3) -----------------------------------------------

export function renderExtension(e: VoipbinExtensionRecord): Record<string, unknown> {
  return {
    id: e.id,
    customer_id: e.customerId,
    name: e.name,
    detail: e.detail,
    extension: e.extension,
    domain_name: e.customerId, // the code's value (extensionhandler L124), not "{customer}.registrar.voipbin.net"
    username: e.extension,
    password: e.password,
    direct_hash: e.directHash,
    tm_create: e.tmCreate,
    tm_update: e.tmUpdate,
    tm_delete: e.tmDelete,
  };
}

export function renderTrunk(t: VoipbinTrunkRecord): Record<string, unknown> {
  return {
    id: t.id,
    customer_id: t.customerId,
    name: t.name,
    detail: t.detail,
    domain_name: t.domainName,
    auth_types: [...t.authTypes],
    username: t.username,
    password: t.password,
    allowed_ips: [...t.allowedIps],
    tm_create: t.tmCreate,
    tm_update: t.tmUpdate,
    tm_delete: t.tmDelete,
  };
}

export function renderCustomer(c: VoipbinCustomerRecord): Record<string, unknown> {
  return {
    id: c.id,
    name: c.name,
    detail: c.detail,
    email: c.email,
    phone_number: c.phoneNumber,
    address: c.address,
    webhook_method: c.webhookMethod,
    webhook_uri: c.webhookUri,
    billing_account_id: c.billingAccountId,
    metadata: { rtp_debug: false },
    email_verified: c.emailVerified,
    status: c.status,
    identity_verification_status: c.identityVerificationStatus,
    tm_deletion_scheduled: c.tmDeletionScheduled,
    tm_create: c.tmCreate,
    tm_update: c.tmUpdate,
    tm_delete: c.tmDelete,
    webhook_secret: c.webhookSecret, // GET /customer (self view) only
  };
}

export function renderAgent(a: VoipbinAgentRecord): Record<string, unknown> {
  return {
    id: a.id,
    customer_id: a.customerId,
    username: a.username,
    name: a.name,
    detail: a.detail,
    ring_method: a.ringMethod,
    status: a.status,
    permission: a.permission,
    tag_ids: [...a.tagIds],
    addresses: a.addresses.map((x) => ({ ...x })),
    direct_hash: a.directHash,
    tm_create: a.tmCreate,
    tm_update: a.tmUpdate,
    tm_delete: a.tmDelete,
  };
}

export function renderAccesskey(k: VoipbinAccesskeyRecord, token?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: k.id,
    customer_id: k.customerId,
    name: k.name,
    detail: k.detail,
    token_prefix: k.tokenPrefix,
    tm_expire: k.tmExpire,
    tm_create: k.tmCreate,
    tm_update: k.tmUpdate,
    tm_delete: k.tmDelete,
  };
  if (token !== undefined) out.token = token; // POST /accesskeys only: shown once
  return out;
}

// ---- authentication ------------------------------------------------------------------------------

function cookies(ctx: RequestContext): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header(ctx, 'cookie') ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    let value = part.slice(i + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      /* keep raw */
    }
    if (!out.has(name)) out.set(name, value);
  }
  return out;
}

function unauthenticated(reason: 'AUTHENTICATION_REQUIRED' | 'INVALID_CREDENTIALS'): never {
  return stop(voipbinError('UNAUTHENTICATED', reason, reason === 'AUTHENTICATION_REQUIRED' ? 'Authentication is required.' : 'The provided credentials are invalid.'));
}

/** The middleware's order (authenticate.go getAuthString): a JWT from any of three places first, then an access key. */
function credentials(ctx: RequestContext): { type: 'token' | 'accesskey'; value: string } | undefined {
  const jar = cookies(ctx);
  const cookieToken = jar.get('token');
  if (cookieToken) return { type: 'token', value: cookieToken };
  const queryToken = ctx.url.searchParams.get('token');
  if (queryToken) return { type: 'token', value: queryToken };
  const authorization = header(ctx, 'authorization') ?? '';
  const bearer = authorization.split('Bearer ')[1]; // strings.Split(…, "Bearer ")[1], as the server does
  if (bearer) return { type: 'token', value: bearer };
  const cookieKey = jar.get('accesskey');
  if (cookieKey) return { type: 'accesskey', value: cookieKey };
  const queryKey = ctx.url.searchParams.get('accesskey');
  if (queryKey) return { type: 'accesskey', value: queryKey };
  return undefined;
}

function identityFromJwt(rt: VoipbinRuntime, token: string, nowMs: number): VoipbinIdentity | undefined {
  const claims = verifyJwtSignature(rt.jwtSecret, token);
  if (!claims) return undefined;
  if (claims.type !== undefined && claims.type !== 'agent') return undefined;
  const agent = claims.agent;
  if (!isRecord(agent) || typeof agent.id !== 'string' || typeof agent.customer_id !== 'string') return undefined;
  // The server compares the strings: expire < now → rejected. There is no exp claim.
  if (typeof claims.expire !== 'string' || claims.expire < voipbinTime(nowMs)) return undefined;
  return {
    kind: 'agent',
    agentId: agent.id,
    customerId: agent.customer_id,
    username: typeof agent.username === 'string' ? agent.username : '',
    name: typeof agent.name === 'string' ? agent.name : '',
    permission: typeof agent.permission === 'number' ? agent.permission : 0,
  };
}

function identityFromAccesskey(v: VoipbinState, token: string, nowMs: number): VoipbinIdentity | undefined {
  const hash = sha256Hex(token);
  const key = v.accesskeys.find((k) => k.tokenHash === hash);
  if (!key || key.tmDelete !== null) return undefined;
  if (key.tmExpire !== null && Date.parse(key.tmExpire) < nowMs) return undefined;
  // An access key acts as CustomerAdmin (models/auth/auth.go HasPermission).
  return { kind: 'accesskey', accesskeyId: key.id, customerId: key.customerId, permission: VOIPBIN_PERMISSION.admin };
}

function authenticate(ctx: RequestContext, v: VoipbinState, rt: VoipbinRuntime): { who: VoipbinIdentity; customer: VoipbinCustomerRecord } {
  const cred = credentials(ctx);
  if (!cred) return unauthenticated('AUTHENTICATION_REQUIRED');
  // `Bearer vb_…` lands here as a JWT and fails: access keys are never read from the header.
  const who = cred.type === 'token' ? identityFromJwt(rt, cred.value, ctx.nowMs) : identityFromAccesskey(v, cred.value, ctx.nowMs);
  if (!who) return unauthenticated('INVALID_CREDENTIALS');
  const customer = findVoipbinCustomer(v, who.customerId);
  if (!customer || customer.tmDelete !== null) return unauthenticated('INVALID_CREDENTIALS');
  if (customer.status === 'frozen' && (who.permission & PERMISSION_SUPERADMIN) === 0) {
    const scheduled = customer.tmDeletionScheduled;
    stop(
      voipbinError('PERMISSION_DENIED', 'ACCOUNT_FROZEN', 'This account is frozen. Contact support.', [
        {
          deletion_scheduled_at: scheduled,
          deletion_effective_at: scheduled ? voipbinTime(Date.parse(scheduled) + 30 * 86_400_000) : null,
          recovery_endpoint: 'DELETE /auth/unregister',
        },
      ]),
    );
  }
  return { who, customer };
}

function rateLimit(ctx: RequestContext, rt: VoipbinRuntime, customerId: string): void {
  const cfg = ctx.faults.voipbinRateLimit === undefined ? VOIPBIN_DEFAULT_RATE_LIMIT : ctx.faults.voipbinRateLimit;
  if (cfg === null || !(cfg.perSecond > 0) || !(cfg.burst > 0)) return rt.buckets.count(customerId);
  const taken = rt.buckets.take(customerId, ctx.nowMs, cfg.perSecond, cfg.burst);
  if (!taken.ok) {
    stop(
      voipbinError('RESOURCE_EXHAUSTED', 'RATE_LIMIT_EXCEEDED', 'Too many requests. Please try again later.', [{ limited_by: 'customer' }], {
        'Retry-After': String(taken.retryAfterSeconds),
      }),
    );
  }
}

const PERMISSION_DENIED = (): SimResponse => voipbinError('PERMISSION_DENIED', 'PERMISSION_DENIED', 'The user has no permission for this resource.');

/** Admin or Manager of the resource's customer (hasPermission with PermissionCustomerAdmin|PermissionCustomerManager). */
function requireManage(call: Call, resourceCustomerId = call.who.customerId): void {
  const p = call.who.permission;
  if ((p & PERMISSION_SUPERADMIN) !== 0) return;
  if (resourceCustomerId !== call.who.customerId || (p & (VOIPBIN_PERMISSION.admin | VOIPBIN_PERMISSION.manager)) === 0) stop(PERMISSION_DENIED());
}

function requireAdmin(call: Call): void {
  const p = call.who.permission;
  if ((p & (PERMISSION_SUPERADMIN | VOIPBIN_PERMISSION.admin)) === 0) stop(PERMISSION_DENIED());
}

// ---- login ---------------------------------------------------------------------------------------

/** POST /auth/login. Any failure is a bare 400 with an empty body (lib/service/auth.go). */
function login(ctx: RequestContext, v: VoipbinState, rt: VoipbinRuntime, rawBody: string): SimResponse {
  const bad: SimResponse = { kind: 'empty', status: 400 };
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return bad;
  }
  if (!isRecord(body) || typeof body.username !== 'string' || typeof body.password !== 'string' || !body.username || !body.password) return bad;
  const agent = v.agents.find((a) => a.username === body.username && a.tmDelete === null);
  if (!agent || !secretEquals(agent.password, body.password)) return bad;
  const customer = findVoipbinCustomer(v, agent.customerId);
  if (!customer || customer.tmDelete !== null) return bad;
  // A frozen customer's agents still log in; their API calls are then 403 ACCOUNT_FROZEN.
  const ttl = ctx.faults.voipbinJwtTtlSeconds ?? VOIPBIN_DEFAULT_JWT_TTL_SECONDS;
  const expireMs = ttl > 0 ? ctx.nowMs + ttl * 1000 : ctx.nowMs - 1000; // 0: already expired
  const token = signJwtClaims(rt.jwtSecret, {
    agent: { id: agent.id, customer_id: agent.customerId, username: agent.username, name: agent.name, permission: agent.permission },
    expire: voipbinTime(expireMs),
    type: 'agent',
  });
  return json(200, { username: agent.username, token }, {
    'Set-Cookie': `token=${token}; Path=${VOIPBIN_PREFIX}; Max-Age=${COOKIE_MAX_AGE}; HttpOnly; Secure; SameSite=Strict`,
  });
}

// ---- paging (§1.4) -------------------------------------------------------------------------------

function invalidArgument(message: string, details?: unknown[]): never {
  return stop(voipbinError('INVALID_ARGUMENT', 'INVALID_ARGUMENT', message, details));
}

function pageParams(ctx: RequestContext): { size: number; before: string | undefined } {
  const rawSize = ctx.url.searchParams.get('page_size');
  let size = PAGE_SIZE_MAX;
  if (rawSize !== null && rawSize !== '') {
    if (!/^-?\d+$/.test(rawSize)) invalidArgument('page_size must be an integer.', [{ field: 'page_size', description: 'not an integer' }]);
    const n = Number(rawSize);
    size = n <= 0 || n > PAGE_SIZE_MAX ? PAGE_SIZE_MAX : n; // server/extensions.go: out of range → 100
  }
  const rawToken = ctx.url.searchParams.get('page_token');
  let before: string | undefined;
  if (rawToken !== null && rawToken !== '') {
    before = canonicalTime(rawToken);
    if (!before) invalidArgument('page_token is not a timestamp.', [{ field: 'page_token', description: 'expected 2006-01-02T15:04:05.000000Z' }]);
  }
  // No token = "now": every record (none is in the future).
  return { size, before };
}

function listResponse<T extends { tmCreate: string }>(items: T[], render: (t: T) => Record<string, unknown>): SimResponse {
  const last = items[items.length - 1];
  return json(200, { result: items.map(render), next_page_token: last ? last.tmCreate : '' });
}

// ---- body validation -----------------------------------------------------------------------------

type Violation = { field: string; description: string };

function str(body: Record<string, unknown>, field: string, out: Violation[], nonEmpty: boolean): string {
  const v = body[field];
  if (typeof v !== 'string') out.push({ field, description: v === undefined ? 'required' : 'must be a string' });
  else if (nonEmpty && v === '') out.push({ field, description: 'must not be empty' });
  return typeof v === 'string' ? v : '';
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function strArray(body: Record<string, unknown>, field: string, out: Violation[], check: (s: string) => boolean, what: string): string[] {
  const v = body[field];
  if (!Array.isArray(v)) {
    out.push({ field, description: v === undefined ? 'required' : 'must be an array' });
    return [];
  }
  if (!v.every((x) => typeof x === 'string' && check(x))) out.push({ field, description: `every item must be ${what}` });
  return v.filter((x): x is string => typeof x === 'string');
}

function failOn(violations: Violation[]): void {
  if (violations.length > 0) invalidArgument(`Invalid request: ${violations.map((x) => x.field).join(', ')}.`, violations);
}

function trunkFields(body: Record<string, unknown>, out: Violation[]): { name: string; detail: string; authTypes: string[]; username: string; password: string; allowedIps: string[] } {
  const name = str(body, 'name', out, false);
  const detail = str(body, 'detail', out, false);
  const authTypes = strArray(body, 'auth_types', out, (s) => s === 'basic' || s === 'ip', '"basic" or "ip"');
  if (Array.isArray(body.auth_types) && body.auth_types.length === 0) out.push({ field: 'auth_types', description: 'must not be empty' });
  const basic = authTypes.includes('basic');
  const username = str(body, 'username', out, basic);
  const password = str(body, 'password', out, basic);
  const allowedIps = strArray(body, 'allowed_ips', out, (s) => IPV4.test(s), 'an IPv4 address');
  if (authTypes.includes('ip') && Array.isArray(body.allowed_ips) && body.allowed_ips.length === 0) {
    out.push({ field: 'allowed_ips', description: 'must not be empty with auth type "ip"' });
  }
  return { name, detail, authTypes: [...new Set(authTypes)], username, password, allowedIps };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

function uuidParam(params: Record<string, string>): string {
  const id = (params.id ?? '').toLowerCase();
  if (!UUID.test(id) || id === NIL_UUID) stop(voipbinError('INVALID_ARGUMENT', 'INVALID_ID', 'The id is not a valid UUID.'));
  return id;
}

// ---- extensions ----------------------------------------------------------------------------------

function ownedExtension(call: Call, params: Record<string, string>): VoipbinExtensionRecord {
  const id = uuidParam(params);
  const e = findById(call.v.extensions, id);
  if (!e || e.tmDelete !== null) stop(voipbinError('NOT_FOUND', 'EXTENSION_NOT_FOUND', 'The extension was not found.'));
  requireManage(call, e.customerId); // another customer's extension: 403, as the service handler does
  return e;
}

function listExtensions(call: Call): SimResponse {
  requireManage(call);
  const { size, before } = pageParams(call.ctx);
  return listResponse(pageOf(call.v.extensions, call.who.customerId, before, size), renderExtension);
}

function createExtension(call: Call): SimResponse {
  const out: Violation[] = [];
  const extension = str(call.body, 'extension', out, true);
  const password = str(call.body, 'password', out, true);
  const name = str(call.body, 'name', out, false);
  const detail = str(call.body, 'detail', out, false);
  failOn(out);
  requireManage(call);
  const customerId = call.who.customerId;
  if (countOf(call.v.extensions, customerId) >= call.customer.maxExtensions) {
    // Inferred: the billing check's answer reaching the client is undocumented (§1.8.5).
    stop(voipbinError('PAYMENT_REQUIRED', 'RESOURCE_LIMIT_EXCEEDED', 'resource limit exceeded', [{ resource_type: 'extension', limit: call.customer.maxExtensions }]));
  }
  if (extensionTaken(call.v, customerId, extension)) stop(voipbinError('ALREADY_EXISTS', 'ALREADY_EXISTS', `The extension ${extension} already exists.`));
  const record = makeVoipbinExtension(customerId, { extension, password, name, detail, directHash: freshDirectHash() });
  call.v.extensions.push(record);
  noteCreated(call.v.extensions, record);
  return json(200, renderExtension(record));
}

function getExtension(call: Call, params: Record<string, string>): SimResponse {
  return json(200, renderExtension(ownedExtension(call, params)));
}

function updateExtension(call: Call, params: Record<string, string>): SimResponse {
  uuidParam(params);
  const out: Violation[] = [];
  const name = str(call.body, 'name', out, false);
  const detail = str(call.body, 'detail', out, false);
  const password = str(call.body, 'password', out, true);
  failOn(out);
  const e = ownedExtension(call, params);
  // Full replace; `extension` (the SIP username) is immutable and ignored if sent.
  e.name = name;
  e.detail = detail;
  e.password = password;
  e.tmUpdate = nowIso();
  return json(200, renderExtension(e));
}

function deleteExtension(call: Call, params: Record<string, string>): SimResponse {
  const e = ownedExtension(call, params);
  e.tmDelete = nowIso();
  const all = call.v.extensions;
  all.splice(all.indexOf(e), 1);
  invalidateCreatedIndex(all);
  return json(200, renderExtension(e));
}

// ---- trunks --------------------------------------------------------------------------------------

function ownedTrunk(call: Call, params: Record<string, string>): VoipbinTrunkRecord {
  const id = uuidParam(params);
  const t = findById(call.v.trunks, id);
  if (!t || t.tmDelete !== null) stop(voipbinError('NOT_FOUND', 'TRUNK_NOT_FOUND', 'The trunk was not found.'));
  requireManage(call, t.customerId);
  return t;
}

function listTrunks(call: Call): SimResponse {
  requireManage(call);
  const { size, before } = pageParams(call.ctx);
  return listResponse(pageOf(call.v.trunks, call.who.customerId, before, size), renderTrunk);
}

function createTrunk(call: Call): SimResponse {
  const out: Violation[] = [];
  const fields = trunkFields(call.body, out);
  const domainName = str(call.body, 'domain_name', out, true);
  if (domainName && !TRUNK_DOMAIN.test(domainName)) out.push({ field: 'domain_name', description: `must match ${TRUNK_DOMAIN.source}` });
  failOn(out);
  requireManage(call);
  if (trunkDomainTaken(call.v, domainName)) stop(voipbinError('ALREADY_EXISTS', 'ALREADY_EXISTS', `The domain name ${domainName} is already in use.`));
  const record = makeVoipbinTrunk(call.who.customerId, { ...fields, domainName });
  call.v.trunks.push(record);
  noteCreated(call.v.trunks, record);
  return json(200, renderTrunk(record));
}

function getTrunk(call: Call, params: Record<string, string>): SimResponse {
  return json(200, renderTrunk(ownedTrunk(call, params)));
}

function updateTrunk(call: Call, params: Record<string, string>): SimResponse {
  uuidParam(params);
  const out: Violation[] = [];
  const fields = trunkFields(call.body, out);
  failOn(out);
  const t = ownedTrunk(call, params);
  Object.assign(t, fields); // domain_name is not updatable and ignored if sent
  t.tmUpdate = nowIso();
  return json(200, renderTrunk(t));
}

function deleteTrunk(call: Call, params: Record<string, string>): SimResponse {
  const t = ownedTrunk(call, params);
  t.tmDelete = nowIso();
  const all = call.v.trunks;
  all.splice(all.indexOf(t), 1);
  invalidateCreatedIndex(all);
  return json(200, renderTrunk(t));
}

// ---- customer, me, access keys -------------------------------------------------------------------

function getCustomer(call: Call): SimResponse {
  requireManage(call);
  return json(200, renderCustomer(call.customer));
}

function me(call: Call): SimResponse {
  const who = call.who;
  if (who.kind !== 'agent') stop(voipbinError('PERMISSION_DENIED', 'AGENT_AUTH_REQUIRED', 'This endpoint requires an agent token; access keys cannot use it.'));
  const agent = call.v.agents.find((a) => a.id === who.agentId);
  if (agent) return json(200, renderAgent(agent));
  return json(200, { id: who.agentId, customer_id: who.customerId, username: who.username, name: who.name, permission: who.permission });
}

function listAccesskeys(call: Call): SimResponse {
  requireAdmin(call);
  const { size, before } = pageParams(call.ctx);
  return listResponse(pageOf(call.v.accesskeys, call.who.customerId, before, size), (k) => renderAccesskey(k));
}

function createAccesskey(call: Call): SimResponse {
  const out: Violation[] = [];
  const name = str(call.body, 'name', out, false);
  const detail = str(call.body, 'detail', out, false);
  failOn(out);
  requireAdmin(call);
  const expire = call.body.expire;
  // Omitted → 0 → "wrong expiration" (server/accesskeys.go L94-99): the docs' example is wrong.
  if (typeof expire !== 'number' || !Number.isInteger(expire) || expire < 86_400) invalidArgument('wrong expiration', [{ field: 'expire', description: 'seconds, at least 86400' }]);
  const token = addVoipbinAccessKey(call.v, call.who.customerId, { name, detail, ttlSeconds: expire }, call.ctx.nowMs);
  const record = call.v.accesskeys[call.v.accesskeys.length - 1] as VoipbinAccesskeyRecord;
  return json(200, renderAccesskey(record, token));
}

const routes: readonly VRoute[] = [
  { name: 'voipbin.extensions.list', method: 'GET', path: '/extensions', handle: listExtensions },
  { name: 'voipbin.extensions.create', method: 'POST', path: '/extensions', handle: createExtension },
  { name: 'voipbin.extensions.get', method: 'GET', path: '/extensions/:id', handle: getExtension },
  { name: 'voipbin.extensions.update', method: 'PUT', path: '/extensions/:id', handle: updateExtension },
  { name: 'voipbin.extensions.delete', method: 'DELETE', path: '/extensions/:id', handle: deleteExtension },
  { name: 'voipbin.trunks.list', method: 'GET', path: '/trunks', handle: listTrunks },
  { name: 'voipbin.trunks.create', method: 'POST', path: '/trunks', handle: createTrunk },
  { name: 'voipbin.trunks.get', method: 'GET', path: '/trunks/:id', handle: getTrunk },
  { name: 'voipbin.trunks.update', method: 'PUT', path: '/trunks/:id', handle: updateTrunk },
  { name: 'voipbin.trunks.delete', method: 'DELETE', path: '/trunks/:id', handle: deleteTrunk },
  { name: 'voipbin.customer', method: 'GET', path: '/customer', handle: getCustomer },
  { name: 'voipbin.me', method: 'GET', path: '/me', handle: me },
  { name: 'voipbin.accesskeys.list', method: 'GET', path: '/accesskeys', handle: listAccesskeys },
  { name: 'voipbin.accesskeys.create', method: 'POST', path: '/accesskeys', handle: createAccesskey },
];

const routeNotFound = (ctx: RequestContext): SimResponse =>
  voipbinError('NOT_FOUND', 'ROUTE_NOT_FOUND', `No route for ${ctx.method} ${ctx.url.pathname}.`);

/** `rel` is the path after /voipbin. */
export function voipbinDispatch(ctx: RequestContext, rel: string, rawBody: string, rt: VoipbinRuntime): { response: SimResponse; routeName?: string } {
  const v = ctx.state.voipbin;
  if (rel === '/auth/login') {
    if (ctx.method !== 'POST') return { response: routeNotFound(ctx) };
    return { response: login(ctx, v, rt, rawBody), routeName: 'voipbin.auth.login' };
  }
  if (!rel.startsWith('/v1.0/')) return { response: routeNotFound(ctx) };
  // gin answers a known path with the wrong method like an unknown path (no 405).
  const match = matchRoute(routes, ctx.method, rel.slice('/v1.0'.length));
  if (!match.found) return { response: routeNotFound(ctx) };
  const routeName = match.route.name;
  try {
    const { who, customer } = authenticate(ctx, v, rt);
    rateLimit(ctx, rt, customer.id);
    let body: Record<string, unknown> = {};
    if (ctx.method === 'POST' || ctx.method === 'PUT') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawBody);
      } catch {
        parsed = undefined;
      }
      if (!isRecord(parsed)) stop(voipbinError('INVALID_ARGUMENT', 'INVALID_JSON_BODY', 'The request body is not a valid JSON object.'));
      body = parsed;
    }
    ctx.body = body;
    return { response: match.route.handle({ ctx, v, who, customer, body, rt }, match.params), routeName };
  } catch (err) {
    if (err instanceof Failure) return { response: err.response, routeName };
    throw err;
  }
}
