// Vobiz partner API, relative to /api/v1/partner (vobiz.md §2a, §3). Implemented: login, me,
// accounts list/create/get. Other documented partner endpoints answer 404 like unknown routes.
import { authenticatePartner, secretEquals } from './auth';
import { envelope, fail, json, partnerError, validationError, type FieldError, type SimResponse } from './errors';
import { fresh, nowIso } from './ids';
import { signJwt } from './jwt';
import { findCustomer, insertCustomer, makeCustomer } from './records';
import { bodyObject, type RequestContext, type Route } from './router';
import type { CustomerRecord, PartnerRecord, SimState } from './types';
import { REDACTED, validateNewAccount } from './validation';

const PER_PAGE_DEFAULT = 20;
const PER_PAGE_MAX = 100;

export function customersOf(state: SimState, partnerAuthId: string): CustomerRecord[] {
  return state.customers.filter((c) => c.partnerAuthId === partnerAuthId);
}

/** GET /me: the 21 fields of §3.1 plus `currency` (mentioned in the narrative, absent from the OpenAPI). */
export function renderPartner(p: PartnerRecord): Record<string, unknown> {
  return {
    id: p.id,
    account_id: p.accountId,
    name: p.name,
    slug: p.slug,
    company: p.company,
    auth_id: p.authId,
    email: p.email,
    phone: p.phone,
    billing_model: p.billingModel,
    is_active: p.isActive,
    is_verified: p.isVerified,
    max_accounts: p.maxAccounts,
    can_create_accounts: p.canCreateAccounts,
    can_create_pricing_tiers: p.canCreatePricingTiers,
    can_view_cdrs: p.canViewCdrs,
    can_transfer_balance: p.canTransferBalance,
    default_pricing_tier_id: p.defaultPricingTierId,
    account_count: p.accountCount,
    balance: p.balance,
    currency: p.currency,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
}

const RATE_PER_MINUTE: Record<string, string> = { INR: '0.45000', USD: '0.01200', GBP: '0.01000' };

function renderPricingTier(tierId: string, p: PartnerRecord): Record<string, unknown> {
  return {
    id: tierId,
    name: 'Standard',
    description: 'Default tier for new customer accounts',
    currency: p.currency,
    rate_per_minute: RATE_PER_MINUTE[p.currency] ?? '0.01000',
    billing_increment_seconds: 60,
    is_active: true,
    is_default: tierId === p.defaultPricingTierId,
    partner_id: p.id,
    created_at: p.createdAt,
    updated_at: p.createdAt,
  };
}

/**
 * A customer account row (§3.2), the same for the list and the single GET. It carries the
 * customer's real auth_token unless the record says tokenRedacted: the app must strip it.
 */
export function renderAccount(c: CustomerRecord, p: PartnerRecord): Record<string, unknown> {
  return {
    id: c.id,
    auth_id: c.authId,
    api_id: c.apiId,
    name: c.name,
    email: c.email,
    phone: c.phone,
    company: c.company,
    description: c.description,
    account_type: c.accountType,
    business_type: c.businessType,
    role: 'customer',
    postpaid: c.postpaid,
    billing_mode: c.billingMode,
    auto_recharge: c.autoRecharge,
    auto_recharge_config: c.autoRecharge ? { threshold: '100.00000', amount: '500.00000', enabled: true } : null,
    cash_credits: c.cashCredits,
    address: c.address,
    city: c.city,
    state: c.state,
    zip_code: c.zipCode,
    country: c.country,
    timezone: c.timezone,
    gstin: c.gstin,
    gst_status: c.gstStatus,
    tds_enabled: c.tdsEnabled,
    tds_percentage: c.tdsPercentage,
    cps_limit: c.cpsLimit,
    concurrent_calls_limit: c.concurrentCallsLimit,
    base_cps_limit: c.baseCpsLimit,
    base_concurrent_calls_limit: c.baseConcurrentCallsLimit,
    purchased_cps: c.purchasedCps,
    purchased_concurrent_calls: c.purchasedConcurrentCalls,
    is_active: c.isActive,
    is_verified: c.isVerified,
    is_trial_account: c.isTrialAccount,
    enabled: c.enabled,
    kyc_status: c.kycStatus,
    google_id: null,
    referral_code: c.referralCode,
    referral_disabled: false,
    custom_referrer_reward_amount: null,
    custom_referee_reward_amount: null,
    pricing_tier_id: c.pricingTierId,
    pricing_tier: c.pricingTierId ? renderPricingTier(c.pricingTierId, p) : null,
    partner_id: p.id,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    last_login: c.lastLogin,
    resource_uri: `/v1/Account/${c.authId}/`,
    auth_token: c.tokenRedacted ? REDACTED : c.authToken,
  };
}

function login(ctx: RequestContext): SimResponse {
  const body = bodyObject(ctx);
  const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
  const password = typeof body.password === 'string' ? body.password : '';
  const partner = ctx.state.partners.find((p) => p.email.toLowerCase() === email);
  if (!partner || !email || !secretEquals(partner.password, password)) {
    return partnerError(401, 'invalid_credentials', 'The email or password you provided is incorrect.');
  }
  if (!partner.isActive) return partnerError(403, 'account_inactive', 'This partner account is inactive. Contact Vobiz support.');
  const ttl = ctx.faults.jwtTtlSeconds ?? 3600;
  const iat = Math.floor(ctx.nowMs / 1000);
  const accessToken = signJwt(ctx.jwtSecret, {
    sub: partner.authId,
    partner_id: partner.id,
    email: partner.email,
    scope: 'partner',
    iat,
    exp: iat + ttl,
    jti: fresh.uuid(),
  });
  return json(200, { tokens: { access_token: accessToken, token_type: 'Bearer', expires_in: ttl } });
}

/** A positive-integer query parameter, its default when absent, or a field error. */
function intParam(ctx: RequestContext, name: string, fallback: number, max: number | undefined, errors: FieldError[]): number {
  const raw = ctx.url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    errors.push({ field: name, code: 'invalid', message: `${name} must be a positive integer`, value: raw });
  } else if (max !== undefined && n > max) {
    errors.push({ field: name, code: 'out_of_range', message: `${name} must be between 1 and ${max}`, value: n });
  }
  return n;
}

function listAccounts(ctx: RequestContext): SimResponse {
  const partner = authenticatePartner(ctx);
  const errors: FieldError[] = [];
  const page = intParam(ctx, 'page', 1, undefined, errors);
  const perPage = intParam(ctx, 'per_page', PER_PAGE_DEFAULT, PER_PAGE_MAX, errors);
  if (errors.length > 0) return validationError(errors, 'Invalid query parameters');
  const search = (ctx.url.searchParams.get('search') ?? '').toLowerCase();
  const rows = customersOf(ctx.state, partner.authId)
    .filter((c) => !search || c.name.toLowerCase().includes(search) || c.email.toLowerCase().includes(search))
    // Undocumented order; newest first, ties by auth id, so pages are stable.
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.authId.localeCompare(b.authId));
  const start = (page - 1) * perPage;
  return json(200, {
    accounts: rows.slice(start, start + perPage).map((c) => renderAccount(c, partner)),
    total: rows.length,
    page,
    size: perPage,
  });
}

function createAccount(ctx: RequestContext): SimResponse {
  const partner = authenticatePartner(ctx);
  if (!partner.canCreateAccounts) {
    fail(partnerError(403, 'forbidden', 'This partner cannot create customer accounts: can_create_accounts is false. Contact Vobiz to enable it.'));
  }
  if (partner.accountCount >= partner.maxAccounts) {
    fail(partnerError(403, 'forbidden', `Account limit reached: max_accounts is ${partner.maxAccounts} and this partner already has ${partner.accountCount} accounts.`));
  }
  const checked = validateNewAccount(bodyObject(ctx));
  if (!checked.ok) return validationError(checked.errors);
  const input = checked.value;
  const email = input.email.toLowerCase();
  const taken =
    ctx.state.customers.some((c) => c.email.toLowerCase() === email) ||
    ctx.state.partners.some((p) => p.email.toLowerCase() === email);
  if (taken) return partnerError(409, 'email_taken', 'An account with this email already exists');

  const o = input.optional;
  const customer = makeCustomer(ctx.state, partner, {
    name: input.name,
    email: input.email,
    password: input.password,
    phone: input.phone,
    country: input.country,
    company: o.company ?? input.name,
    description: o.description ?? null,
    address: o.address ?? '',
    city: o.city ?? '',
    state: o.state ?? '',
    zipCode: o.zip_code ?? '',
    timezone: o.timezone ?? 'Asia/Kolkata',
    gstin: o.gstin ?? null,
    gstStatus: o.gst_status ?? null,
    accountType: o.account_type ?? 'business',
    kycStatus: 'not_started',
  });
  insertCustomer(ctx.state, partner, customer);
  partner.updatedAt = nowIso();
  return json(201, {
    auth_id: customer.authId,
    auth_token: customer.authToken, // shown once (the get may redact it)
    name: customer.name,
    email: customer.email,
    status: 'active',
    balance: 0.0,
    currency: partner.currency,
    country: customer.country,
    created_at: customer.createdAt,
  });
}

function getAccount(ctx: RequestContext, params: Record<string, string>): SimResponse {
  const partner = authenticatePartner(ctx);
  const customer = findCustomer(ctx.state, params.id ?? '');
  // Another partner's customer is indistinguishable from an unknown one (seed 001: 404).
  if (!customer || customer.partnerAuthId !== partner.authId) {
    fail(envelope(404, 'NOT_FOUND', `Account ${params.id ?? ''} not found`));
  }
  return json(200, renderAccount(customer, partner));
}

function me(ctx: RequestContext): SimResponse {
  return json(200, renderPartner(authenticatePartner(ctx)));
}

export const partnerRoutes: readonly Route[] = [
  { name: 'partner.login', method: 'POST', path: '/login', handle: login },
  { name: 'partner.me', method: 'GET', path: '/me', handle: me },
  { name: 'partner.accounts.list', method: 'GET', path: '/accounts', handle: listAccounts },
  { name: 'partner.accounts.create', method: 'POST', path: '/accounts', handle: createAccount },
  { name: 'partner.accounts.get', method: 'GET', path: '/accounts/:id', handle: getAccount },
];
