// The two credential scopes of vobiz.md §1 and seed 001 ("Common auth errors"):
//  - /api/v1/partner/*  : partner PA_ auth id + token, or a Bearer JWT from /login.
//  - /api/v1/Account/{id}/* : that customer's own MA_ auth id + token, nothing else.
// When both X-Auth-ID and X-Auth-Token are present they are used (a Bearer header is then
// ignored); otherwise a Bearer token is checked. Error bodies: generic envelope, except JWT failures,
// which use the partner {error, message} shape like /login does.
import { createHash, timingSafeEqual } from 'node:crypto';
import { envelope, fail, partnerError } from './errors';
import { verifyJwt } from './jwt';
import { findCustomer, findPartner } from './records';
import { header, type RequestContext } from './router';
import type { CustomerRecord, PartnerRecord } from './types';

const PARTNER_CREDS_ON_ACCOUNT =
  "partner credentials cannot be used on /Account/*; use the customer's own auth_id and token";

/** Constant-time comparison of two secrets of any length. */
export function secretEquals(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

function headerPair(ctx: RequestContext): { id: string; token: string } | undefined {
  const id = header(ctx, 'x-auth-id')?.trim();
  const token = header(ctx, 'x-auth-token')?.trim();
  if (!id || !token) return undefined;
  return { id, token };
}

function bearer(ctx: RequestContext): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header(ctx, 'authorization') ?? '');
  return m?.[1];
}

function missingCredentials(): never {
  fail(envelope(401, 'INVALID_CREDENTIALS', 'Missing X-Auth-ID or X-Auth-Token header.'));
}

function invalidCredentials(): never {
  fail(envelope(401, 'INVALID_CREDENTIALS', 'Invalid X-Auth-ID or X-Auth-Token.'));
}

/** The partner behind a valid Bearer JWT, or a 401 in the partner error shape. */
function partnerFromJwt(ctx: RequestContext, token: string): PartnerRecord {
  const check = verifyJwt(ctx.jwtSecret, token, ctx.nowMs);
  if (!check.ok && check.reason === 'expired') {
    fail(partnerError(401, 'token_expired', 'The access token has expired. Log in again to get a new one.'));
  }
  const partner = check.ok ? findPartner(ctx.state, check.payload.sub) : undefined;
  if (!partner) fail(partnerError(401, 'invalid_token', 'The access token is malformed or its signature is invalid.'));
  return partner;
}

export function authenticatePartner(ctx: RequestContext): PartnerRecord {
  const pair = headerPair(ctx);
  let partner: PartnerRecord | undefined;
  if (pair) {
    if (pair.id.startsWith('MA_')) {
      const customer = findCustomer(ctx.state, pair.id);
      if (customer && secretEquals(customer.authToken, pair.token)) {
        fail(envelope(403, 'FORBIDDEN', 'Customer (MA_) credentials cannot be used on /api/v1/partner/*; partner credentials are required.'));
      }
      invalidCredentials();
    }
    partner = findPartner(ctx.state, pair.id);
    if (!partner || !secretEquals(partner.token, pair.token)) invalidCredentials();
  } else {
    const jwt = bearer(ctx);
    if (!jwt) missingCredentials();
    partner = partnerFromJwt(ctx, jwt);
  }
  if (!partner.isActive) fail(envelope(403, 'ACCOUNT_INACTIVE', 'This partner account is inactive. Contact Vobiz support to reactivate it.'));
  return partner;
}

export function authenticateCustomer(ctx: RequestContext, pathAuthId: string): CustomerRecord {
  const pair = headerPair(ctx);
  if (!pair) {
    const jwt = bearer(ctx);
    if (!jwt) missingCredentials();
    // Only partner JWTs exist here; a valid one is the wrong scope, anything else is unknown.
    if (verifyJwt(ctx.jwtSecret, jwt, ctx.nowMs).ok) fail(envelope(403, 'FORBIDDEN', PARTNER_CREDS_ON_ACCOUNT));
    invalidCredentials();
  }
  const partner = findPartner(ctx.state, pair.id);
  if (partner) {
    if (secretEquals(partner.token, pair.token)) fail(envelope(403, 'FORBIDDEN', PARTNER_CREDS_ON_ACCOUNT));
    invalidCredentials();
  }
  const customer = findCustomer(ctx.state, pair.id);
  if (!customer || !secretEquals(customer.authToken, pair.token)) invalidCredentials();
  if (customer.authId !== pathAuthId) {
    fail(envelope(401, 'INVALID_CREDENTIALS', 'X-Auth-ID does not match the account in the request path.'));
  }
  if (!customer.isActive) fail(envelope(403, 'ACCOUNT_INACTIVE', 'This account is inactive. Contact your provider to reactivate it.'));
  return customer;
}
