// The Vocobase clients. A Vocobase API key manages one partner account and nothing under it, so
// the partner side (GET /config) and the account side (its SIP connections) share one key and one
// set of rate limits; the "account" is the partner's own (Provider.accountAuth 'profile').
import { z } from 'zod';
import { AppError } from '../../net/errors';
import type { HttpClient } from '../../net/http';
import type { Account, AccountApi, CredentialPage, CredentialPatch, NewAccount, NewCredential, PageRead, PartnerApi, PartnerProfile, SipCredential } from '../provider';
import { driftError } from './errors';
import { checkedApiKey } from './key';
import { accountSlug, sipConnections, toAccount, toProfile, toSipCredential } from './mapping';
import { ConfigBody, ConnectionBody, createdConnection } from './schemas';
import { vocobaseCall } from './transport';
import { API_FIELDS, connectionRequest } from './validation';

abstract class VocobaseClient {
  constructor(
    protected readonly http: HttpClient,
    protected readonly baseUrl: string,
    protected readonly key: string,
  ) {
    // Known to the scrubber as soon as a client holds it, before any request or error.
    try {
      checkedApiKey(key);
    } catch {
      // A malformed key is refused at the first request (VALIDATION on apiKey), with nothing sent.
    }
  }

  /** GET /config: the partner's name, display name and status. */
  protected config(signal?: AbortSignal): Promise<ConfigBody> {
    return vocobaseCall(this.http, { method: 'GET', baseUrl: this.baseUrl, path: '/config', key: this.key, what: 'the account configuration', schema: ConfigBody, ...(signal ? { signal } : {}) });
  }
}

export class VocobasePartnerClient extends VocobaseClient implements PartnerApi {
  async me(signal?: AbortSignal): Promise<PartnerProfile> {
    return toProfile(await this.config(signal));
  }

  /** The one account: the partner's own. A search that does not match it, or a later page, is empty. */
  async listAccounts(q: { page: number; perPage: number; search: string }, signal?: AbortSignal): Promise<{ rows: Account[]; total: number }> {
    const account = toAccount(await this.config(signal));
    const s = q.search.trim().toLowerCase();
    const matches = !s || account.name.toLowerCase().includes(s) || account.id.toLowerCase().includes(s);
    if (!matches) return { rows: [], total: 0 };
    return { rows: q.page <= 1 ? [account] : [], total: 1 };
  }

  async getAccount(accountId: string, signal?: AbortSignal): Promise<Account> {
    const config = await this.config(signal);
    if (accountSlug(config.name) !== accountId) {
      throw new AppError('NOT_FOUND', 'This Vocobase API key belongs to another account than the one asked for.', {
        hint: 'Refresh the account list: the account of a Vocobase key is the partner account it was created in.',
        retryable: false,
      });
    }
    return toAccount(config);
  }

  async createAccount(_a: NewAccount): Promise<Account> {
    throw new AppError('FORBIDDEN', 'Vocobase has no customer accounts to create: an API key manages its own partner account only.', {
      hint: 'Use the account that is listed; new Vocobase partner accounts are opened with Vocobase.',
      retryable: false,
    });
  }
}

const NO_CHANGES = "Vocobase's API has no way to change or delete a SIP connection; do it in the Vocobase Dashboard.";

export class VocobaseAccountClient extends VocobaseClient implements AccountApi {
  readonly paging = 'offset' as const;

  /**
   * GET /telephony/connections?provider=sip: Vocobase documents no paging for it, so the whole list
   * comes in one answer and is paged here; the total is the number of SIP connections in it.
   */
  // `read.callerRetries` needs nothing here: every Vocobase call already sends once (transport.ts).
  async listCredentials(limit: number, offset: number, read: PageRead = {}): Promise<CredentialPage> {
    const data = await vocobaseCall(this.http, {
      method: 'GET',
      baseUrl: this.baseUrl,
      path: '/telephony/connections?provider=sip',
      key: this.key,
      what: 'the SIP connection list',
      schema: z.unknown(),
      ...(read.signal ? { signal: read.signal } : {}),
      ...(read.onReceived ? { onReceived: read.onReceived } : {}),
    });
    const all = sipConnections(data);
    const from = Math.max(0, Math.floor(offset));
    const size = Math.max(1, Math.floor(limit));
    return { items: all.slice(from, from + size), total: all.length, limit: size };
  }

  /** POST /telephony/connections with provider "sip"; never retried. The password is sent once and not kept. */
  async createCredential(c: NewCredential): Promise<SipCredential> {
    const body = connectionRequest(c);
    const data = await vocobaseCall(this.http, {
      method: 'POST',
      baseUrl: this.baseUrl,
      path: '/telephony/connections',
      key: this.key,
      body,
      what: 'the new SIP connection',
      schema: z.unknown(),
      ctx: { subject: `the SIP connection “${body.name}”`, fields: API_FIELDS },
    });
    const parsed = ConnectionBody.safeParse(createdConnection(data));
    if (!parsed.success) throw driftError('the new SIP connection', ['data', 'connection', ...parsed.error.issues[0]!.path].join('.'));
    return toSipCredential(parsed.data, body);
  }

  async updateCredential(_id: string, _patch: CredentialPatch, _label: string): Promise<SipCredential> {
    throw new AppError('VALIDATION', NO_CHANGES, { retryable: false });
  }

  async deleteCredential(_id: string, _label: string): Promise<void> {
    throw new AppError('VALIDATION', NO_CHANGES, { retryable: false });
  }
}
