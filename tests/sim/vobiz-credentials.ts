// Customer-scope trunk SIP credentials (vobiz.md §2b, §4), relative to /api/v1/Account.
// Auth: the customer's own MA_ auth id + token only (auth.ts). Error shapes: resource errors
// (400 bad username, 404, 409) use the credential shape {"error":"…","code":N}, as the docs show
// for 409; field validation (422) and auth use the generic envelope.
import { authenticateCustomer } from './auth';
import { credentialError, fail, json, validationError, type FieldError, type SimResponse } from './errors';
import { nowIso } from './ids';
import { credentialsInListOrder, invalidateCredentialIndex } from './credential-index';
import { makeCredential } from './records';
import { bodyObject, type RequestContext, type Route } from './router';
import type { CredentialRecord, CustomerRecord } from './types';
import { REDACTED, sipPasswordErrors, usernameProblem } from './validation';

const LIMIT_DEFAULT = 20;
/**
 * The real maximum is undocumented (vobiz.md §7.6). By default a larger limit is clamped to 100
 * and meta.limit says so; `faults.pageSizeCap` sets another cap, or none (null).
 */
export const DEFAULT_PAGE_SIZE_CAP = 100;

export function renderCredential(c: CredentialRecord): Record<string, unknown> {
  return {
    id: c.id,
    account_id: c.accountId,
    username: c.username,
    password: REDACTED,
    realm: `${c.accountId}.sip.vobiz.ai`,
    enabled: c.enabled,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

function credentialsOf(ctx: RequestContext, customer: CustomerRecord): CredentialRecord[] {
  return credentialsInListOrder(ctx.state.credentials, customer.authId);
}

function ownedCredential(ctx: RequestContext, customer: CustomerRecord, id: string | undefined): CredentialRecord {
  const credential = ctx.state.credentials.find((c) => c.id === id);
  if (!credential || credential.accountId !== customer.authId) fail(credentialError(404, 'Credential not found'));
  return credential;
}

function nonNegativeInt(raw: string | null, name: string, fallback: number, min: number, errors: FieldError[]): number {
  if (raw === null || raw === '') return fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    errors.push({ field: name, code: 'invalid', message: `${name} must be an integer >= ${min}`, value: raw });
  }
  return n;
}

function list(ctx: RequestContext, params: Record<string, string>): SimResponse {
  const customer = authenticateCustomer(ctx, params.authId ?? '');
  const errors: FieldError[] = [];
  const cap = ctx.faults.pageSizeCap === undefined ? DEFAULT_PAGE_SIZE_CAP : ctx.faults.pageSizeCap;
  const asked = nonNegativeInt(ctx.url.searchParams.get('limit'), 'limit', LIMIT_DEFAULT, 1, errors);
  const limit = cap === null ? asked : Math.min(asked, cap);
  const offset = nonNegativeInt(ctx.url.searchParams.get('offset'), 'offset', 0, 0, errors);
  if (errors.length > 0) return validationError(errors, 'Invalid query parameters');
  const all = credentialsOf(ctx, customer);
  const page = all.slice(offset, offset + limit).map(renderCredential);
  const meta = ctx.faults.metaTotalCount ? { limit, offset, total_count: all.length } : { limit, offset, total: all.length };
  // Live runs saw objects:null for an empty list (vobiz.md §5); that is the default here.
  const objects = page.length === 0 && (ctx.faults.objectsNullWhenEmpty ?? true) ? null : page;
  return json(200, { meta, objects });
}

function create(ctx: RequestContext, params: Record<string, string>): SimResponse {
  const customer = authenticateCustomer(ctx, params.authId ?? '');
  const body = bodyObject(ctx);
  const { username, password } = body;
  const missing: FieldError[] = [];
  if (typeof username !== 'string' || username === '') {
    missing.push({ field: 'username', code: 'required', message: 'username is required', value: username ?? null });
  }
  if (password === undefined || password === null || password === '') {
    missing.push({ field: 'password', code: 'required', message: 'password is required', value: null });
  }
  if (missing.length > 0 || typeof username !== 'string') return validationError(missing);
  const problem = usernameProblem(username, ctx.faults.allowPunctuationInUsernames ?? false);
  if (problem) return credentialError(400, problem);
  const passwordErrors = sipPasswordErrors(password);
  if (passwordErrors.length > 0) return validationError(passwordErrors);
  if (credentialsOf(ctx, customer).some((c) => c.username === username)) return credentialError(409, 'Username already exists');

  const credential = makeCredential(customer.authId, { username, password: String(password) });
  ctx.state.credentials.push(credential);
  invalidateCredentialIndex(ctx.state.credentials);
  return json(201, renderCredential(credential));
}

function update(ctx: RequestContext, params: Record<string, string>): SimResponse {
  const customer = authenticateCustomer(ctx, params.authId ?? '');
  const credential = ownedCredential(ctx, customer, params.id);
  const body = bodyObject(ctx);
  const errors: FieldError[] = [];
  if (body.password === undefined) {
    // The OpenAPI marks password as required on PUT; the narrative says every field is optional (vobiz.md §7.3).
    if (ctx.faults.putRequiresPassword) errors.push({ field: 'password', code: 'required', message: 'password is required', value: null });
  } else {
    errors.push(...sipPasswordErrors(body.password));
  }
  if (body.enabled !== undefined && typeof body.enabled !== 'boolean') {
    errors.push({ field: 'enabled', code: 'invalid_type', message: 'enabled must be a boolean', value: body.enabled });
  }
  if (body.description !== undefined && body.description !== null && typeof body.description !== 'string') {
    errors.push({ field: 'description', code: 'invalid_type', message: 'description must be a string', value: body.description });
  }
  if (body.username !== undefined && body.username !== credential.username) {
    errors.push({ field: 'username', code: 'immutable', message: 'username cannot be changed; create a new credential instead', value: body.username });
  }
  if (errors.length > 0) return validationError(errors);

  if (typeof body.password === 'string') credential.password = body.password;
  if (typeof body.enabled === 'boolean') credential.enabled = body.enabled;
  if (body.description !== undefined) credential.description = typeof body.description === 'string' ? body.description : null;
  credential.updatedAt = nowIso();
  return json(200, renderCredential(credential));
}

function remove(ctx: RequestContext, params: Record<string, string>): SimResponse {
  const customer = authenticateCustomer(ctx, params.authId ?? '');
  const credential = ownedCredential(ctx, customer, params.id);
  if (credential.inUse) return credentialError(409, 'Credential is in use by active calls');
  ctx.state.credentials.splice(ctx.state.credentials.indexOf(credential), 1);
  invalidateCredentialIndex(ctx.state.credentials);
  return { kind: 'empty', status: 204 };
}

export const credentialRoutes: readonly Route[] = [
  { name: 'credentials.list', method: 'GET', path: '/:authId/trunks/credentials', handle: list },
  { name: 'credentials.create', method: 'POST', path: '/:authId/credentials', handle: create },
  { name: 'credentials.update', method: 'PUT', path: '/:authId/credentials/:id', handle: update },
  { name: 'credentials.delete', method: 'DELETE', path: '/:authId/credentials/:id', handle: remove },
];
