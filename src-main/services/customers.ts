// Customers (the partner's accounts) and their own API tokens. A customer's SIP credentials can
// only be managed with that customer's token (Vobiz seed 001), so this service also hands out
// account-scope APIs: with the vault's token, fetched once from the partner API when the provider
// hands it over, or entered by the admin through a write-only channel and verified before it is
// saved. An account's token goes to the vault and never into a DTO. Provider-neutral: it speaks
// providers/provider.ts only.
import type { CustomerDTO, CustomerPageDTO, CustomerSort, CustomerTokenState } from '../../src-preload/contract';
import { isUnreachable } from '../net/connectivity';
import { AppError, isAppError } from '../net/errors';
import type { Account, AccountApi, NewAccount, PartnerCredentials, ProfileSettings, Provider, SyncJob } from '../providers/provider';
import type { LocalStore, StoredAccount } from '../store/local-store';
import type { ProfileRecord } from '../profiles/store';
import type { Vault } from '../secrets/vault';
import { entryIds } from '../secrets/vault-access';
import { CustomerIndex } from './customer-index';
import type { PartnerAccess } from './partner-access';

/** A whole customer list read from the provider is served from memory for this long, then read again. */
const LIST_FRESH_MS = 60_000;
/** The largest page of /accounts Vobiz serves (vobiz.md §2a: per_page max 100). */
const LIST_PER_PAGE = 100;
/** Pages of the list on the wire at once, after the first. */
const LIST_CONCURRENCY = 4;
/** 20,000 customers: a total that runs away is not followed further. */
const LIST_MAX_PAGES = 200;

export interface CustomerQuery {
  page: number;
  perPage: number;
  search: string;
  sort: CustomerSort;
}

interface WholeList {
  index: CustomerIndex;
  fetchedAt: string;
  /** When it was read from the provider (ms); -Infinity for a list taken from the store. */
  readAt: number;
}

export class CustomerService {
  /** Per profile: the last whole customer list known, the read on the wire, and how often it was invalidated. */
  private readonly whole = new Map<string, WholeList>();
  private readonly reading = new Map<string, Promise<WholeList>>();
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly access: PartnerAccess,
    private readonly store: LocalStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * One page of the customer list, searched and sorted in main over every customer: the provider
   * pages its list but cannot sort it. The whole list is read once (every page, a few at a time)
   * and kept in memory and in the store; pages, sorts and searches within LIST_FRESH_MS are served
   * from it with no request. Live when the provider answers; the stored list when it cannot be reached.
   */
  async list(profileId: string, q: CustomerQuery): Promise<CustomerPageDTO> {
    if (!this.access.connectivity.online) {
      const stored = await this.knownList(profileId);
      if (stored) return this.pageOf(profileId, stored, q, 'stored');
    }
    const known = this.whole.get(profileId);
    if (known && this.now().getTime() - known.readAt < LIST_FRESH_MS) return this.pageOf(profileId, known, q, 'live');
    let fresh: WholeList;
    try {
      fresh = await this.readWhole(profileId);
    } catch (e) {
      if (!isUnreachable(e)) throw e;
      const stored = await this.knownList(profileId);
      if (!stored) throw e;
      return this.pageOf(profileId, stored, q, 'stored');
    }
    return this.pageOf(profileId, fresh, q, 'live');
  }

  /**
   * Every account of the profile, read page by page (page 1, then the others a few at a time).
   * Each page's tokens are kept as soon as it arrives and `onPage` is told its accounts, so a sync
   * can start fetching them while the other pages of the list are still on the wire. What "Sync all" syncs.
   */
  async allAccounts(profileId: string, signal: AbortSignal, onPage?: (jobs: SyncJob[]) => void): Promise<SyncJob[]> {
    const vault = await this.access.vaults.get();
    const generation = this.generationOf(profileId);
    const rows = await this.readAllPages(profileId, signal, async (page) => {
      // The list answer carries each customer's token where Vobiz returns it: keep those now, so
      // the sync does not ask for them one customer at a time (one vault write per page, not one each).
      const tokens: Array<[string, string]> = [];
      for (const r of page) {
        const id = entryIds.customerToken(profileId, r.id);
        if (vault.state(id) !== 'stored' && r.token) tokens.push([id, r.token]);
      }
      await vault.setMany(tokens);
      onPage?.(page.map((r) => ({ accountId: r.id, name: r.name })));
    });
    const list = this.keep(profileId, rows, generation);
    await this.remember(profileId, list.index.rows, list.fetchedAt);
    return list.index.rows.map((c) => ({ accountId: c.authId, name: c.name }));
  }

  /** The stored account list of a profile (for search across customers and offline views). */
  async storedAccounts(profileId: string): Promise<StoredAccount[]> {
    return (await this.store.profile(profileId)).accounts?.rows ?? [];
  }

  /** A customer's name as last seen, for reports and messages; its id when it was never listed. */
  async accountName(profileId: string, accountId: string): Promise<string> {
    return (await this.storedAccounts(profileId)).find((a) => a.authId === accountId)?.name ?? accountId;
  }

  /** A full listing replaces the stored account list. */
  private async remember(profileId: string, rows: readonly StoredAccount[], fetchedAt: string): Promise<void> {
    const stored = await this.storedAccounts(profileId);
    const listed = new Set(rows.map((a) => a.authId));
    await this.store.putProfile(profileId, { accounts: { rows: [...rows], fetchedAt } });
    // A full listing that no longer names a customer: the provider deleted it, so its stored
    // credentials are not kept either (they would linger on disk, found by nothing).
    for (const a of stored) if (!listed.has(a.authId)) await this.store.removeCredentials(profileId, a.authId).catch(() => undefined);
  }

  /** Read the whole list now, or join the read already on the wire for this profile. */
  private readWhole(profileId: string): Promise<WholeList> {
    const running = this.reading.get(profileId);
    if (running) return running;
    const generation = this.generationOf(profileId);
    const read = (async () => {
      const list = this.keep(profileId, await this.readAllPages(profileId, undefined, async () => undefined), generation);
      await this.remember(profileId, list.index.rows, list.fetchedAt).catch(() => undefined);
      return list;
    })().finally(() => {
      if (this.reading.get(profileId) === read) this.reading.delete(profileId);
    });
    this.reading.set(profileId, read);
    return read;
  }

  /**
   * Every page of the provider's account list: page 1 (which says the total), then the rest at
   * most LIST_CONCURRENCY at a time, through the partner client (its HTTP client, retries and
   * rate limits). Bounded: ceil(total / 100) requests, never more than LIST_MAX_PAGES.
   */
  private async readAllPages(profileId: string, signal: AbortSignal | undefined, onPage: (rows: Account[]) => Promise<void>): Promise<Account[]> {
    const fetchPage = async (page: number) => {
      const p = await this.access.run(profileId, (c, tracked) =>
        c.listAccounts({ page, perPage: LIST_PER_PAGE, search: '' }, signal ? AbortSignal.any([tracked, signal]) : tracked),
      );
      await onPage(p.rows);
      return p;
    };
    const first = await fetchPage(1);
    const pages = Math.min(LIST_MAX_PAGES, Math.ceil(first.total / LIST_PER_PAGE));
    const rest: Account[][] = [];
    let next = 2;
    const worker = async () => {
      while (next <= pages) {
        const page = next++;
        const p = await fetchPage(page);
        rest[page] = p.rows;
        if (p.rows.length === 0) next = pages + 1; // the provider has no more, whatever its total said
      }
    };
    await Promise.all(Array.from({ length: Math.min(LIST_CONCURRENCY, Math.max(0, pages - 1)) }, worker));
    // One row per customer, in the provider's order (a customer created meanwhile may shift a page).
    const rows = new Map<string, Account>();
    for (const r of [first.rows, ...rest.filter(Boolean)].flat()) rows.set(r.id, r);
    return [...rows.values()];
  }

  /** A whole list just read becomes the profile's known list, unless a create since made it stale. */
  private keep(profileId: string, accounts: readonly Account[], generation: number): WholeList {
    const fetchedAt = this.now().toISOString();
    const rows = accounts.map(toStoredAccount);
    const list: WholeList = { index: new CustomerIndex(rows), fetchedAt, readAt: this.now().getTime() };
    if (this.generationOf(profileId) === generation) this.whole.set(profileId, list);
    return list;
  }

  private generationOf(profileId: string): number {
    return this.generations.get(profileId) ?? 0;
  }

  /** The list has changed at the provider (a customer created here): the next read fetches it again. */
  private invalidate(profileId: string): void {
    this.generations.set(profileId, this.generationOf(profileId) + 1);
    this.whole.delete(profileId);
    this.reading.delete(profileId);
  }

  /** The last list known, from memory or else from the store; never fresh, so online it is read again. */
  private async knownList(profileId: string): Promise<WholeList | undefined> {
    const known = this.whole.get(profileId);
    if (known) return known;
    const stored = (await this.store.profile(profileId)).accounts;
    if (!stored) return undefined;
    const list: WholeList = { index: new CustomerIndex(stored.rows), fetchedAt: stored.fetchedAt, readAt: Number.NEGATIVE_INFINITY };
    this.whole.set(profileId, list);
    return list;
  }

  private async pageOf(profileId: string, list: WholeList, q: CustomerQuery, kind: 'live' | 'stored'): Promise<CustomerPageDTO> {
    const vault = await this.access.vaults.get();
    const v = list.index.view(q.sort, q.search, q.page, q.perPage);
    // Token states are read per page shown (the vault changes as customers are opened), nothing is written.
    const items = v.rows.map((a) => storedToDTO(a, this.tokenState(vault, profileId, a.authId, a.tokenHandover)));
    const { fetchedAt } = list;
    return { profileId, items, total: v.total, page: v.page, perPage: q.perPage, search: q.search, sort: q.sort, fetchedAt, source: { kind, fetchedAt } };
  }

  /** Remember the selection and make sure we hold the customer's token if Vobiz will give it. */
  async select(profileId: string, customerAuthId: string): Promise<CustomerDTO> {
    let account: Account;
    try {
      account = await this.access.run(profileId, (c, signal) => c.getAccount(customerAuthId, signal));
    } catch (e) {
      const known = isUnreachable(e) ? (await this.storedAccounts(profileId)).find((a) => a.authId === customerAuthId) : undefined;
      if (!known) throw e;
      // Offline: the stored row; the selection is still remembered.
      const vault = await this.access.vaults.get();
      await this.access.store.update(profileId, { lastCustomerAuthId: customerAuthId }).catch(() => undefined);
      return storedToDTO(known, this.tokenState(vault, profileId, customerAuthId, known.tokenHandover));
    }
    const vault = await this.access.vaults.get();
    const id = entryIds.customerToken(profileId, customerAuthId);
    if (vault.state(id) !== 'stored' && account.token) await vault.set(id, account.token);
    await this.access.store.update(profileId, { lastCustomerAuthId: customerAuthId });
    return toCustomerDTO(account, this.tokenState(vault, profileId, customerAuthId));
  }

  /** Write-only: verify the token against the customer's own credential list, then keep it. */
  async setToken(profileId: string, customerAuthId: string, token: string): Promise<CustomerDTO> {
    const p = this.access.usable(profileId);
    const vault = await this.access.vaults.get();
    if (this.access.provider(p.provider).accountAuth === 'profile') {
      throw new AppError('VALIDATION', `A ${this.access.provider(p.provider).name} account is reached with the profile's own credentials; it has no token of its own.`, { retryable: false });
    }
    await this.access.track(profileId, (signal) => this.accountClient(p, customerAuthId, tokenOf(customerAuthId, token)).listCredentials(1, 0, { signal }));
    await vault.set(entryIds.customerToken(profileId, customerAuthId), token);
    const account = await this.access.run(profileId, (c, signal) => c.getAccount(customerAuthId, signal)).catch(() => undefined);
    return account ? toCustomerDTO(account, 'stored') : bareCustomer(customerAuthId, 'stored');
  }

  async create(profileId: string, a: NewAccount): Promise<CustomerDTO> {
    const vault = await this.access.vaults.get();
    const me = await this.access.run(profileId, (c, signal) => c.me(signal));
    const provider = this.providerOf(profileId);
    if (!provider.caps.canCreateAccounts) {
      throw new AppError('FORBIDDEN', `A ${provider.name} profile has one account, its own: there are no customers to create.`, { retryable: false });
    }
    if (!me.capabilities.canCreateAccounts) {
      throw new AppError('FORBIDDEN', 'This partner account is not allowed to create customers.', {
        hint: 'Vobiz has can_create_accounts switched off for it; ask Vobiz to enable it.',
        retryable: false,
      });
    }
    if (me.maxAccounts !== null && me.accountCount !== null && me.accountCount >= me.maxAccounts) {
      throw new AppError('FORBIDDEN', `This partner account has reached its limit of ${me.maxAccounts} customers.`, {
        hint: 'Ask Vobiz to raise max_accounts before creating another customer.',
        retryable: false,
      });
    }
    let created: Account;
    try {
      created = await this.access.run(profileId, (c) => c.createAccount(a));
    } catch (e) {
      if (!isUnknownOutcome(e)) throw mapCreateCustomerError(e);
      throw await this.explainUnknownCreate(profileId, a.email, e as AppError);
    }
    this.invalidate(profileId);
    const id = entryIds.customerToken(profileId, created.id);
    // The token is shown once, here: straight into the vault.
    if (created.token) await vault.set(id, created.token);
    await this.access.store.update(profileId, { lastCustomerAuthId: created.id });
    return toCustomerDTO(created, vault.state(id));
  }

  /**
   * A customer-scope client for one customer, with its stored token. Where none is stored, the
   * partner API is asked once (GET /accounts/{id}). When Vobiz refuses a stored token, a fresh one
   * from the partner API is tried once, in case it was rotated in the Console.
   */
  async withAccountClient<T>(profileId: string, customerAuthId: string, fn: (client: AccountApi, signal: AbortSignal) => Promise<T>): Promise<T> {
    const p = this.access.usable(profileId);
    if (this.access.provider(p.provider).accountAuth === 'profile') {
      // The account is the profile's own: reached with the profile's credentials.
      const creds = await this.access.auth(p);
      return this.access.track(profileId, (signal) => fn(this.accountClient(p, customerAuthId, creds), signal));
    }
    const vault = await this.access.vaults.get();
    const id = entryIds.customerToken(profileId, customerAuthId);
    let token = vault.state(id) === 'stored' ? vault.get(id) : await this.fetchToken(p, customerAuthId, vault);
    if (!token) throw noCustomerToken();
    try {
      return await this.access.track(profileId, (signal) => fn(this.accountClient(p, customerAuthId, tokenOf(customerAuthId, token!)), signal));
    } catch (e) {
      if (!(isAppError(e) && e.code === 'UNAUTHORIZED')) throw e;
      const fresh = await this.fetchToken(p, customerAuthId, vault).catch(() => undefined);
      if (!fresh || fresh === token) {
        throw new AppError('UNAUTHORIZED', "Vobiz did not accept this customer's stored API token.", {
          hint: 'It may have been rotated in the Vobiz Console. Enter the current token in the customer panel.',
          status: e.status ?? 401,
        });
      }
      token = fresh;
      return this.access.track(profileId, (signal) => fn(this.accountClient(p, customerAuthId, tokenOf(customerAuthId, token!)), signal));
    }
  }

  /** The provider a profile speaks through (its name goes into messages, its caps to the UI). */
  providerOf(profileId: string): Provider {
    return this.access.provider(this.access.store.require(profileId).provider);
  }

  profileSettings(profileId: string): ProfileSettings {
    return { realmBase: this.access.store.require(profileId).realmBase ?? null };
  }

  /**
   * The one place a customer's token state is decided: whether Trunkdesk can reach this account's
   * credentials (its own token, or the profile's for a self account). A token the provider's list
   * hands over (`handedOver`) is not stored until the customer is opened or synced, but it needs
   * nothing from the admin: 'available', not 'missing'.
   */
  private tokenState(vault: Vault, profileId: string, customerAuthId: string, handedOver = false): CustomerTokenState {
    const p = this.access.store.require(profileId);
    if (this.access.provider(p.provider).accountAuth === 'profile') return p.authMode === 'session' ? 'stored' : vault.state(entryIds.partnerToken(profileId));
    const state = vault.state(entryIds.customerToken(profileId, customerAuthId));
    return state === 'missing' && handedOver ? 'available' : state;
  }

  private async fetchToken(p: ProfileRecord, customerAuthId: string, vault: Vault): Promise<string | undefined> {
    const account = await this.access.run(p.id, (c, signal) => c.getAccount(customerAuthId, signal));
    if (!account.token) return undefined;
    await vault.set(entryIds.customerToken(p.id, customerAuthId), account.token);
    return account.token;
  }

  private accountClient(p: ProfileRecord, customerAuthId: string, credentials: PartnerCredentials): AccountApi {
    // The provider's per-profile hint (Vobiz: the path casing that worked) is kept with the profile.
    const memo = {
      get: () => p.accountPathCasing,
      set: (v: string) => void this.access.store.update(p.id, { accountPathCasing: v === 'account' ? 'account' : 'Account' }).catch(() => undefined),
    };
    return this.access.provider(p.provider).account(this.access.http, p.baseUrl, { id: customerAuthId, credentials }, memo, { realmBase: p.realmBase ?? null });
  }

  /** How the sync engine should fetch from this profile's provider. */
  fetchLimits(profileId: string) {
    return this.access.provider(this.access.store.require(profileId).provider).fetchLimits;
  }

  /** A create that failed with no clear answer: look for the email before saying what happened. */
  private async explainUnknownCreate(profileId: string, email: string, original: AppError): Promise<AppError> {
    const found = await this.access
      .run(profileId, (c, signal) => c.listAccounts({ page: 1, perPage: 20, search: email }, signal))
      .then((r) => r.rows.find((row) => row.email?.toLowerCase() === email.toLowerCase()))
      .catch(() => 'unknown' as const);
    if (found === 'unknown') {
      return new AppError('UPSTREAM', `${original.message} Trunkdesk could not check whether the customer was created.`, {
        hint: `Search the customer list for ${email} before trying again, so you do not create it twice.`,
        retryable: false,
      });
    }
    if (found) {
      return new AppError('UPSTREAM', `${original.message} The customer ${email} was created anyway, but its API token was not returned.`, {
        hint: 'Select it in the list: Trunkdesk will fetch its token, or ask you for it.',
        retryable: false,
      });
    }
    return new AppError('UPSTREAM', `${original.message} The customer was not created.`, { hint: 'You can try again.', retryable: true });
  }
}

function isUnknownOutcome(e: unknown): boolean {
  return isAppError(e) && (e.code === 'UPSTREAM' || e.code === 'TIMEOUT') && (e.status === undefined || e.status >= 500);
}

/** Vobiz answers a taken email or a weak password with 409 or 422: say which field to fix. */
function mapCreateCustomerError(e: unknown): unknown {
  if (!isAppError(e)) return e;
  if (e.code === 'CONFLICT') {
    return new AppError('CONFLICT', 'A Vobiz account with this email already exists (emails are unique across all of Vobiz).', {
      hint: 'Use another email address for this customer.',
      status: e.status ?? 409,
      field: 'email',
      retryable: false,
    });
  }
  return e;
}

function noCustomerToken(): AppError {
  return new AppError('UNAUTHORIZED', "Trunkdesk does not have this customer's API token, and Vobiz did not return it.", {
    hint: "Enter the customer's API token (from the Vobiz Console) in the customer panel. A partner token cannot manage a customer's SIP credentials.",
    retryable: false,
  });
}


const tokenOf = (authId: string, token: string): PartnerCredentials => ({ kind: 'token', authId, token });

/**
 * A listed account as the store keeps it, field by field: the account's token is deliberately not
 * copied, only whether the list handed one over.
 */
function toStoredAccount(a: Account): StoredAccount {
  return {
    authId: a.id,
    name: a.name,
    email: a.email,
    phone: a.phone,
    company: a.company,
    country: a.country,
    isActive: a.isActive,
    cashCredits: a.balance,
    createdAt: a.createdAt,
    tokenHandover: a.token !== null,
  };
}

/** A stored account as a DTO, field by field (what the store adds, like tokenHandover, stays in main). */
function storedToDTO(a: StoredAccount, state: CustomerTokenState): CustomerDTO {
  return {
    authId: a.authId,
    name: a.name,
    email: a.email,
    phone: a.phone,
    company: a.company,
    country: a.country,
    isActive: a.isActive,
    cashCredits: a.cashCredits,
    createdAt: a.createdAt,
    tokenState: state,
  };
}

/** A listed account as a DTO: through its stored shape, so one mapping names every field. */
const toCustomerDTO = (a: Account, state: CustomerTokenState): CustomerDTO => storedToDTO(toStoredAccount(a), state);

function bareCustomer(authId: string, state: CustomerTokenState): CustomerDTO {
  return { authId, name: authId, email: null, phone: null, company: null, country: null, isActive: true, cashCredits: null, createdAt: null, tokenState: state };
}
