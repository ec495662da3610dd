// The customer-scope API (`/api/v1/Account/{auth_id}/…`), spoken only with that customer's own
// auth ID and token: a partner token cannot drive a customer's voice resources (seed 001).
//
// Path casing: the current docs and SDKs use `/Account/`, seed 004 and older clients `/account/`,
// and whether the server is case-insensitive is unknown (api/vobiz.md §7.1). The list call is
// tried with the remembered casing and, on a 404 or 401 for a path that must exist, once with the
// other; the casing that worked is reported so it is remembered per profile.
import { z } from 'zod';
import { AppError, isAppError } from '../../net/errors';
import type { HttpClient } from '../../net/http';
import { hasDisputedUsernameChars, SipPassword, SipUsername } from '../../../src-preload/contract';
import type { AccountApi, CredentialPage, CredentialPatch, NewCredential, PageRead, SipCredential } from '../provider';
import type { CustomerAuth } from './auth';
import { driftError, type ErrorContext } from './errors';
import { CredentialBody, CredentialListBody } from './schemas';
import { vobizCall } from './transport';

export type PathCasing = 'Account' | 'account';
const other = (c: PathCasing): PathCasing => (c === 'Account' ? 'account' : 'Account');

/** `https://api.vobiz.ai/api/v1/partner` → `https://api.vobiz.ai/api/v1`. */
export function accountApiBase(partnerBaseUrl: string): string {
  return partnerBaseUrl.replace(/\/+$/, '').replace(/\/partner$/, '');
}

export class VobizAccountClient implements AccountApi {
  readonly paging = 'offset' as const;

  constructor(
    private readonly http: HttpClient,
    private readonly partnerBaseUrl: string,
    private readonly auth: CustomerAuth,
    private casing: PathCasing,
    private readonly learnedCasing: (c: PathCasing) => void = () => undefined,
  ) {}

  async listCredentials(limit: number, offset: number, read: PageRead = {}): Promise<CredentialPage> {
    const query = `/trunks/credentials?limit=${limit}&offset=${offset}`;
    const run = (casing: PathCasing) =>
      vobizCall(this.http, {
        method: 'GET',
        url: this.url(casing, query),
        auth: this.auth,
        what: 'the SIP credential list',
        schema: CredentialListBody,
        ctx: this.ctx(),
        ...(read.signal ? { signal: read.signal } : {}),
        ...(read.onReceived ? { onReceived: read.onReceived } : {}),
        ...(read.callerRetries ? { maxRetries: 0 } : {}),
      });
    let body: z.infer<typeof CredentialListBody>;
    try {
      body = await run(this.casing);
    } catch (e) {
      if (!(e instanceof AppError) || (e.status !== 404 && e.status !== 401)) throw e;
      const alt = other(this.casing);
      try {
        body = await run(alt);
      } catch {
        throw e; // the other casing did not help: the first answer is the real one
      }
      this.casing = alt;
      this.learnedCasing(alt);
    }
    const items = z.array(CredentialBody).safeParse(body.objects);
    if (!items.success) throw driftError('the SIP credential list', items.error.issues[0]?.path.join('.'));
    // meta.limit says what Vobiz actually served (it may cap what was asked for).
    return { items: items.data.map(toSipCredential), total: body.total, limit: body.limit ?? Math.max(limit, items.data.length) };
  }

  async createCredential(c: NewCredential): Promise<SipCredential> {
    if (c.kind !== 'sip') throw new AppError('VALIDATION', 'Vobiz customers have SIP trunk credentials only.', { retryable: false });
    const username = checked(SipUsername, c.username, 'username');
    const password = checked(SipPassword, c.password, 'password');
    try {
      return toSipCredential(await vobizCall(this.http, {
        method: 'POST',
        url: this.url(this.casing, '/credentials'),
        auth: this.auth,
        body: { username, password },
        what: 'the new SIP credential',
        schema: CredentialBody,
        ctx: this.ctx(`the username “${username}”`),
      }));
    } catch (e) {
      // Vobiz answers a username it will not take with a bare 400 naming no field (vobiz.md §4).
      if (isAppError(e) && e.code === 'VALIDATION' && e.status === 400 && !e.field) {
        throw new AppError('VALIDATION', `Vobiz rejected the username “${username}”: ${e.message}`, {
          hint: hasDisputedUsernameChars(username)
            ? 'This Vobiz account does not take _ or - in usernames: use letters and digits only.'
            : 'Check the username and try again.',
          status: 400,
          field: 'username',
          retryable: false,
        });
      }
      throw e;
    }
  }

  async updateCredential(id: string, patch: CredentialPatch, label: string): Promise<SipCredential> {
    if (patch.name !== undefined || patch.detail !== undefined) {
      throw new AppError('VALIDATION', 'A Vobiz SIP credential has no name to change: its username is fixed.', { retryable: false });
    }
    const body: { enabled?: boolean; password?: string } = {};
    if (patch.enabled !== undefined) body.enabled = patch.enabled;
    if (patch.password !== undefined) body.password = checked(SipPassword, patch.password, 'password');
    try {
      return toSipCredential(await vobizCall(this.http, {
        method: 'PUT',
        url: this.url(this.casing, `/credentials/${encodeURIComponent(id)}`),
        auth: this.auth,
        body,
        what: 'the updated SIP credential',
        schema: CredentialBody,
        ctx: this.ctx(`the credential “${label}”`),
      }));
    } catch (e) {
      throw writeError(e, label, patch.password === undefined);
    }
  }

  async deleteCredential(id: string, label: string): Promise<void> {
    try {
      await vobizCall(this.http, {
        method: 'DELETE',
        url: this.url(this.casing, `/credentials/${encodeURIComponent(id)}`),
        auth: this.auth,
        what: 'the delete answer',
        schema: undefined,
        ctx: this.ctx(`the credential “${label}”`),
      });
    } catch (e) {
      throw writeError(e, label, false);
    }
  }

  private url(casing: PathCasing, rest: string): string {
    return `${accountApiBase(this.partnerBaseUrl)}/${casing}/${encodeURIComponent(this.auth.authId)}${rest}`;
  }

  private ctx(subject?: string): ErrorContext {
    return { scope: 'customer', baseUrl: this.partnerBaseUrl, auth: 'token', ...(subject ? { subject } : {}) };
  }
}

/** Vobiz's write answers in words: its 409 means "in use by calls", and some accounts want a password with every change. */
function writeError(e: unknown, label: string, withoutPassword: boolean): unknown {
  if (!isAppError(e)) return e;
  if (e.code === 'CONFLICT') {
    return new AppError('CONFLICT', `“${label}” is in use by active calls, so Vobiz did not delete it.`, {
      hint: 'Wait for its calls to end (or disable it first so no new calls start), then delete it again.',
      status: e.status ?? 409,
      retryable: false,
    });
  }
  if (e.code === 'VALIDATION' && e.field === 'password' && withoutPassword) {
    return new AppError('VALIDATION', 'Vobiz requires a new password to change this setting, because it cannot read the current one back.', {
      hint: `Set a new password for “${label}” together with the change.`,
      status: e.status ?? 422,
      field: 'password',
      retryable: false,
    });
  }
  return e;
}

/** Vobiz's field names stop here. */
function toSipCredential(c: CredentialBody): SipCredential {
  return { id: c.id, kind: 'sip', username: c.username, name: null, realm: c.realm, enabled: c.enabled, createdAt: c.created_at, updatedAt: c.updated_at };
}

/** Vobiz's own rules (contract.ts SipUsername/SipPassword), enforced here too, on the field they belong to. */
function checked(schema: z.ZodType<string>, value: string, field: string): string {
  const r = schema.safeParse(value);
  if (!r.success) throw new AppError('VALIDATION', r.error.issues[0]?.message ?? `Check the ${field}.`, { field, retryable: false });
  return r.data;
}

/** Vobiz documents no page-size maximum (vobiz.md §7.6): ask for 1,000 and trust meta.limit. */
export const VOBIZ_FETCH_LIMITS = { probePageSize: 1000, startConcurrency: 8, maxConcurrency: 12 } as const;
