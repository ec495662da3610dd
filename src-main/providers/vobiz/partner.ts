// The Vobiz partner API (`/api/v1/partner/*`), spoken with partner credentials only.
import type { PartnerDTO } from '../../../src-preload/contract';
import type { HttpClient, HttpRequest } from '../../net/http';
import { authHeaders, type PartnerAuth } from './auth';
import { driftError, vobizError, type ErrorContext } from './errors';
import { MeBody } from './schemas';

export class VobizPartnerClient {
  constructor(
    private readonly http: HttpClient,
    private readonly baseUrl: string,
    private readonly auth: PartnerAuth,
  ) {}

  /** GET /me: who these credentials belong to, and what they may do. */
  async me(signal?: AbortSignal): Promise<Omit<PartnerDTO, 'profileId' | 'fetchedAt'>> {
    const body = await this.getJson('/me', 'the partner profile', signal);
    const parsed = MeBody.safeParse(body);
    if (!parsed.success) throw driftError('the partner profile', parsed.error.issues[0]?.path.join('.'));
    const m = parsed.data;
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

  private async getJson(path: string, what: string, signal?: AbortSignal, capability?: string): Promise<unknown> {
    const req: HttpRequest = { method: 'GET', url: joinUrl(this.baseUrl, path), headers: authHeaders(this.auth) };
    if (signal) req.signal = signal;
    const res = await this.http.request(req);
    const ctx: ErrorContext = { scope: 'partner', baseUrl: this.baseUrl, ...(capability ? { capability } : {}) };
    if (res.status < 200 || res.status > 299) throw vobizError(res, ctx);
    try {
      return JSON.parse(res.text);
    } catch {
      throw driftError(what, 'the answer was not complete JSON');
    }
  }
}

export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}
