// SIP trunk credentials of one customer, managed with that customer's own token (customers.ts
// hands out the client). Writes are never retried blindly: a create whose answer was lost is
// checked by listing again, and reported as what actually happened.
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BulkResultDTO, CredentialDTO, CredentialFilter, CredentialPageDTO, CredentialSort, CredentialWriteDTO, PasswordInput } from '../../src-preload/contract';
import { AppError, isAppError, toErrorDTO } from '../net/errors';
import type { Platform } from '../platform';
import type { VobizAccountClient } from '../providers/vobiz/account';
import type { CredentialBody } from '../providers/vobiz/schemas';
import type { CustomerService } from '../services/customers';
import type { EventBus } from '../services/events';
import { toCsv } from './csv';
import { applyView, isPlainView } from './list-view';
import type { PendingSecrets } from './pending-secrets';

const PAGE = 100;
/** A bound on "every page": 200 × 100 credentials. */
const MAX_PAGES = 200;
const LIST_CACHE_MS = 30_000;
const PAGE_CONCURRENCY = 4;

export interface CustomerRef {
  profileId: string;
  customerAuthId: string;
}

export class CredentialService {
  /** Whole lists fetched for sorted/filtered views, so paging through them is not refetching. */
  private readonly lists = new Map<string, { at: number; items: CredentialDTO[] }>();
  /** id -> username of every credential seen per customer, so messages can name them. */
  private readonly names = new Map<string, Map<string, string>>();

  constructor(
    private readonly customers: CustomerService,
    private readonly secrets: PendingSecrets,
    private readonly events: EventBus,
    private readonly platform: Platform,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(ref: CustomerRef, q: { limit: number; offset: number; sort?: CredentialSort; filter?: CredentialFilter }): Promise<CredentialPageDTO> {
    const base = { profileId: ref.profileId, customerAuthId: ref.customerAuthId, limit: q.limit, offset: q.offset };
    if (isPlainView(q.sort, q.filter)) {
      const page = await this.customers.withAccountClient(ref.profileId, ref.customerAuthId, (c, signal) => c.listCredentials(q.limit, q.offset, signal));
      const items = page.items.map(toDTO);
      this.learnNames(ref, items);
      return { ...base, items, total: page.total, mode: 'server', fetchedAt: this.now().toISOString() };
    }
    const all = await this.all(ref, q.offset === 0);
    const view = applyView(all.items, q.sort, q.filter);
    return { ...base, items: view.slice(q.offset, q.offset + q.limit), total: view.length, mode: 'local', fetchedAt: new Date(all.at).toISOString() };
  }

  async create(ref: CustomerRef, username: string, password: PasswordInput): Promise<CredentialWriteDTO> {
    const secret = this.password(password);
    try {
      const created = await this.customers.withAccountClient(ref.profileId, ref.customerAuthId, (c) => c.createCredential(username, secret));
      return this.written(ref, created, password);
    } catch (e) {
      if (!isAppError(e)) throw e;
      if (e.code === 'CONFLICT') {
        throw new AppError('CONFLICT', `The username “${username}” is already taken for this customer.`, {
          hint: 'Usernames are unique within a customer account. Choose another one.',
          status: e.status ?? 409,
          field: 'username',
          retryable: false,
        });
      }
      if (e.code === 'VALIDATION' && e.status === 400) {
        throw new AppError('VALIDATION', `Vobiz rejected the username “${username}”: ${e.message}`, {
          hint: 'Use letters and digits only.',
          status: 400,
          field: 'username',
          retryable: false,
        });
      }
      if (!isUnknownOutcome(e)) throw e;
      // The create may or may not have happened: look before saying anything (and never resend).
      this.forget(ref);
      const found = await this.all(ref, true)
        .then((l) => l.items.find((c) => c.username === username))
        .catch(() => 'unknown' as const);
      if (found === 'unknown') {
        throw new AppError('UPSTREAM', `${e.message} Trunkdesk could not check whether “${username}” was created.`, {
          hint: 'Refresh the list before trying again, so you do not create it twice.',
          retryable: false,
        });
      }
      if (!found) throw new AppError('UPSTREAM', `${e.message} “${username}” was not created.`, { hint: 'You can try again.', retryable: true });
      this.events.emit({ type: 'credentials-changed', ...ref });
      return {
        credential: found,
        ...(password.kind === 'generated' ? { secretId: password.secretId } : {}),
        note: `Vobiz answered with an error, but “${username}” was created: Trunkdesk checked the list.`,
      };
    }
  }

  async update(ref: CustomerRef, id: string, change: { enabled?: boolean; password?: PasswordInput }): Promise<CredentialWriteDTO> {
    const label = this.label(ref, id);
    const patch: { enabled?: boolean; password?: string } = {};
    if (change.enabled !== undefined) patch.enabled = change.enabled;
    if (change.password) patch.password = this.password(change.password);
    try {
      const updated = await this.customers.withAccountClient(ref.profileId, ref.customerAuthId, (c) => c.updateCredential(id, patch, label));
      return this.written(ref, updated, change.password);
    } catch (e) {
      throw mapWriteError(e, label, patch.password === undefined);
    }
  }

  async remove(ref: CustomerRef, id: string): Promise<{ deletedId: string }> {
    const label = this.label(ref, id);
    try {
      await this.customers.withAccountClient(ref.profileId, ref.customerAuthId, (c) => c.deleteCredential(id, label));
    } catch (e) {
      throw mapWriteError(e, label, false);
    }
    this.forget(ref);
    this.events.emit({ type: 'credentials-changed', ...ref });
    return { deletedId: id };
  }

  /** One call per credential; partial failure is normal and reported per item. */
  async bulk(ref: CustomerRef, action: 'enable' | 'disable' | 'delete', ids: readonly string[]): Promise<BulkResultDTO> {
    const results: BulkResultDTO['results'] = [];
    await this.customers.withAccountClient(ref.profileId, ref.customerAuthId, async (client) => {
      for (const id of new Set(ids)) {
        const label = this.label(ref, id);
        try {
          await this.bulkOne(client, action, id, label);
          results.push({ id, username: this.knownUsername(ref, id), ok: true });
        } catch (e) {
          results.push({ id, username: this.knownUsername(ref, id), ok: false, error: toErrorDTO(mapWriteError(e, label, action !== 'delete')) });
        }
      }
    });
    this.forget(ref);
    this.events.emit({ type: 'credentials-changed', ...ref });
    return { results };
  }

  /** Every page, filtered and sorted as shown, to a CSV file the admin chooses. Never passwords. */
  async export(ref: CustomerRef, sort?: CredentialSort, filter?: CredentialFilter): Promise<{ saved: boolean; fileName: string | null; count: number }> {
    const items = applyView((await this.all(ref, true)).items, sort, filter);
    const stamp = this.now().toISOString().slice(0, 10);
    const path = await this.platform.saveDialog.chooseSavePath(`sip-credentials-${ref.customerAuthId}-${stamp}.csv`, { name: 'CSV', extensions: ['csv'] });
    if (!path) return { saved: false, fileName: null, count: items.length };
    const csv = toCsv(
      ['id', 'username', 'realm', 'enabled', 'created_at', 'updated_at'],
      items.map((c) => [c.id, c.username, c.realm, c.enabled, c.createdAt, c.updatedAt]),
    );
    await writeFile(path, csv, { encoding: 'utf8', mode: 0o600 });
    return { saved: true, fileName: basename(path), count: items.length };
  }

  private bulkOne(client: VobizAccountClient, action: 'enable' | 'disable' | 'delete', id: string, label: string): Promise<unknown> {
    return action === 'delete' ? client.deleteCredential(id, label) : client.updateCredential(id, { enabled: action === 'enable' }, label);
  }

  private async all(ref: CustomerRef, fresh: boolean): Promise<{ at: number; items: CredentialDTO[] }> {
    const key = keyOf(ref);
    const cached = this.lists.get(key);
    if (!fresh && cached && Date.now() - cached.at < LIST_CACHE_MS) return cached;
    const items = await this.customers.withAccountClient(ref.profileId, ref.customerAuthId, async (c, signal) => {
      // The first page says how many there are; the rest are fetched a few at a time (bounded,
      // so a large account neither floods Vobiz nor waits for one page after another).
      const first = await c.listCredentials(PAGE, 0, signal);
      if (first.total > MAX_PAGES * PAGE) {
        // Better to say so than to sort or export a silently truncated list.
        throw new AppError('VALIDATION', `This customer has ${first.total} SIP credentials; sorting, filtering and export work on up to ${MAX_PAGES * PAGE}.`, {
          hint: 'Clear the sort and filters to page through all of them as Vobiz lists them.',
          retryable: false,
        });
      }
      const pages = Math.ceil(first.total / PAGE);
      const rest = await mapBounded(
        Array.from({ length: Math.max(0, pages - 1) }, (_, i) => (i + 1) * PAGE),
        PAGE_CONCURRENCY,
        (offset) => c.listCredentials(PAGE, offset, signal),
      );
      const seen = new Map<string, CredentialDTO>();
      for (const page of [first, ...rest]) for (const item of page.items) seen.set(item.id, toDTO(item));
      return [...seen.values()];
    });
    const entry = { at: Date.now(), items };
    this.lists.set(key, entry);
    this.learnNames(ref, items);
    return entry;
  }

  private written(ref: CustomerRef, c: CredentialBody, password?: PasswordInput): CredentialWriteDTO {
    this.forget(ref);
    const credential = toDTO(c);
    this.learnNames(ref, [credential]);
    this.events.emit({ type: 'credentials-changed', ...ref });
    return { credential, ...(password?.kind === 'generated' ? { secretId: password.secretId } : {}) };
  }

  private password(p: PasswordInput): string {
    return p.kind === 'typed' ? p.value : this.secrets.value(p.secretId);
  }

  /** After a write the whole list is stale: the next sorted view refetches. */
  private forget(ref: CustomerRef): void {
    this.lists.delete(keyOf(ref));
  }

  private learnNames(ref: CustomerRef, items: readonly CredentialDTO[]): void {
    const key = keyOf(ref);
    const map = this.names.get(key) ?? new Map<string, string>();
    for (const c of items) map.set(c.id, c.username);
    this.names.set(key, map);
  }

  private knownUsername(ref: CustomerRef, id: string): string | null {
    return this.names.get(keyOf(ref))?.get(id) ?? null;
  }

  private label(ref: CustomerRef, id: string): string {
    return this.knownUsername(ref, id) ?? id;
  }
}

/** Map with at most `limit` calls in flight, results in input order. */
async function mapBounded<T, R>(inputs: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const i = next++;
      out[i] = await fn(inputs[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
  return out;
}

const keyOf = (ref: CustomerRef) => `${ref.profileId}|${ref.customerAuthId}`;

function toDTO(c: CredentialBody): CredentialDTO {
  return { id: c.id, username: c.username, realm: c.realm, enabled: c.enabled, createdAt: c.created_at, updatedAt: c.updated_at };
}

function isUnknownOutcome(e: AppError): boolean {
  return (e.code === 'UPSTREAM' || e.code === 'TIMEOUT') && (e.status === undefined || e.status >= 500);
}

function mapWriteError(e: unknown, label: string, withoutPassword: boolean): unknown {
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
