// The Vobiz partner API (`/api/v1/partner/*`), spoken with partner credentials only.
import { z } from 'zod';
import type { HttpClient } from '../../net/http';
import { rememberSecret } from '../../net/scrub';
import type { Account, NewAccount, PartnerApi, PartnerProfile } from '../provider';
import type { PartnerAuth } from './auth';
import type { ErrorContext } from './errors';
import { AccountBody, AccountListBody, isRealToken, LoginBody, MeBody } from './schemas';
import { driftError } from './errors';
import { joinUrl, vobizCall } from './transport';

export class VobizPartnerClient implements PartnerApi {
  constructor(
    private readonly http: HttpClient,
    private readonly baseUrl: string,
    private readonly auth: PartnerAuth,
  ) {}

  /** POST /login: email + password for a short-lived JWT (interactive sessions only). */
  static async login(http: HttpClient, baseUrl: string, email: string, password: string): Promise<{ accessToken: string; expiresInSeconds: number }> {
    const body = await vobizCall(http, {
      method: 'POST',
      url: joinUrl(baseUrl, '/login'),
      body: { email, password },
      what: 'the sign-in answer',
      schema: LoginBody,
      ctx: { scope: 'partner', baseUrl, auth: 'login' },
    });
    // Known to the scrubber at once: the very next call (GET /me to verify it) could echo it.
    rememberSecret(body.tokens.access_token);
    return { accessToken: body.tokens.access_token, expiresInSeconds: body.tokens.expires_in };
  }

  /** GET /me: who these credentials belong to, and what they may do. */
  async me(signal?: AbortSignal): Promise<PartnerProfile> {
    const m = await this.get('/me', 'the partner profile', MeBody, signal);
    return {
      id: m.id,
      accountId: m.account_id,
      name: m.name,
      slug: m.slug,
      company: m.company,
      authId: m.auth_id,
      email: m.email,
      phone: m.phone,
      billingModel: m.billing_model,
      isActive: m.is_active,
      isVerified: m.is_verified,
      maxAccounts: m.max_accounts,
      accountCount: m.account_count,
      balance: m.balance,
      currency: m.currency,
      defaultPricingTierId: m.default_pricing_tier_id,
      capabilities: {
        canCreateAccounts: m.can_create_accounts,
        canCreatePricingTiers: m.can_create_pricing_tiers,
        canViewCdrs: m.can_view_cdrs,
        canTransferBalance: m.can_transfer_balance,
      },
      createdAt: m.created_at,
      updatedAt: m.updated_at,
    };
  }

  /** GET /accounts: one page of customers; rows still carry auth_token, for main only. */
  async listAccounts(q: { page: number; perPage: number; search: string }, signal?: AbortSignal): Promise<{ rows: Account[]; total: number }> {
    const params = new URLSearchParams({ page: String(q.page), per_page: String(Math.min(100, q.perPage)) });
    if (q.search) params.set('search', q.search);
    const body = await this.get(`/accounts?${params}`, 'the customer list', AccountListBody, signal);
    const rows = z.array(AccountBody).safeParse(body.accounts);
    if (!rows.success) throw driftError('the customer list', rows.error.issues[0]?.path.join('.'));
    return { rows: rows.data.map(toAccount), total: body.total };
  }

  /** GET /accounts/{id}: the one documented way to fetch a customer's token again. */
  async getAccount(customerAuthId: string, signal?: AbortSignal): Promise<Account> {
    return toAccount(await this.get(`/accounts/${encodeURIComponent(customerAuthId)}`, 'the customer account', AccountBody, signal));
  }

  /** POST /accounts: never retried (a 5xx is an unknown outcome; the caller checks). */
  async createAccount(a: NewAccount): Promise<Account> {
    return toAccount(await vobizCall(this.http, {
      method: 'POST',
      url: joinUrl(this.baseUrl, '/accounts'),
      auth: this.auth,
      body: a,
      what: 'the new customer account',
      schema: AccountBody,
      ctx: this.ctx('can_create_accounts'),
    }));
  }

  private get<S extends z.ZodType>(path: string, what: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
    return vobizCall(this.http, { method: 'GET', url: joinUrl(this.baseUrl, path), auth: this.auth, what, schema, ctx: this.ctx(), ...(signal ? { signal } : {}) });
  }

  private ctx(capability?: string): ErrorContext {
    return { scope: 'partner', baseUrl: this.baseUrl, auth: this.auth.kind, ...(capability ? { capability } : {}) };
  }
}

/**
 * Vobiz's account fields stop here. Its token only when it is a real one (Vobiz shows tokens it
 * will not return as "<redacted>"), and every real one is known to the scrubber, stored or not.
 */
function toAccount(a: AccountBody): Account {
  const token = isRealToken(a.auth_token) ? a.auth_token : null;
  if (token) rememberSecret(token);
  return {
    id: a.auth_id,
    name: a.name,
    email: a.email,
    phone: a.phone,
    company: a.company,
    country: a.country,
    isActive: a.is_active ?? (a.status ? a.status === 'active' : true),
    balance: a.cash_credits ?? a.balance,
    createdAt: a.created_at,
    token,
  };
}
