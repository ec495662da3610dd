// SIP trunk credentials of one customer. Reads come from the local store (views, search, export
// are computed in main over the stored list); the network fills the store: a customer opened for
// the first time is synced first, and a confirmed write is applied to the stored list. Writes use
// the customer's own token (customers.ts) and are never retried blindly: a create whose answer
// was lost is checked by syncing the list, and reported as what actually happened.
import { writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { BulkAction, BulkResultDTO, BulkSelection, CredentialFilter, CredentialPageDTO, CredentialSettingsDTO, CredentialSort, CredentialWriteDTO, ErrorDTO, PasswordInput } from '../../src-preload/contract';
import { AppError, isAppError, toErrorDTO } from '../net/errors';
import { scrubText } from '../net/scrub';
import type { Connectivity } from '../net/connectivity';
import type { Platform } from '../platform';
import type { AccountApi, CredentialPatch, NewCredential, SipCredential } from '../providers/provider';
import { toCredentialDTO } from './dto';
import type { CustomerService } from '../services/customers';
import type { EventBus } from '../services/events';
import type { LocalStore, StoredList } from '../store/local-store';
import type { SyncEngine } from '../sync/engine';
import { runBulk, type ItemOutcome } from './bulk-run';
import { toCsv } from './csv';
import { ExportedFiles } from './exported-files';
import type { PendingSecrets } from './pending-secrets';

export interface CustomerRef {
  profileId: string;
  customerAuthId: string;
}

/** At most ten bulk-progress events a second: enough for a bar, little enough for IPC. */
const BULK_PROGRESS_EVERY_MS = 100;

/** How old a stored list may get before opening it also refreshes it. */
const REFRESH_AFTER_MS = 5 * 60_000;

type ExportResult = { saved: boolean; fileName: string | null; folder: string | null; fileId: string | null; count: number };

export class CredentialService {
  private readonly refreshing = new Set<string>();
  /** Running bulk actions by the id the renderer gave them, to cancel. */
  private readonly bulks = new Map<string, AbortController>();
  private readonly exported: ExportedFiles;

  constructor(
    private readonly customers: CustomerService,
    private readonly store: LocalStore,
    private readonly sync: SyncEngine,
    private readonly secrets: PendingSecrets,
    private readonly events: EventBus,
    private readonly platform: Platform,
    private readonly connectivity: Connectivity,
  ) {
    this.exported = new ExportedFiles(platform.files);
  }

  async list(ref: CustomerRef, q: { limit: number; offset: number; sort?: CredentialSort; filter?: CredentialFilter }): Promise<CredentialPageDTO> {
    const { list, live } = await this.stored(ref);
    const page = list.index.page(q.sort, q.filter, q.offset, q.limit);
    // A view is paging through this list: have its username order ready for the first sort.
    list.index.warmUp();
    return {
      profileId: ref.profileId,
      customerAuthId: ref.customerAuthId,
      limit: q.limit,
      offset: q.offset,
      items: page.items.map(toCredentialDTO),
      total: page.total,
      mode: 'local',
      fetchedAt: list.fetchedAt,
      source: { kind: live ? 'live' : 'stored', fetchedAt: list.fetchedAt },
      storedTotal: list.items.length,
    };
  }

  async create(ref: CustomerRef, input: Omit<NewCredential, 'password'> & { password: PasswordInput }): Promise<CredentialWriteDTO> {
    const { password, ...fields } = input;
    const username = fields.username;
    const secret = this.password(password);
    const provider = this.customers.providerOf(ref.profileId).name;
    try {
      const created = await this.customers.withAccountClient(ref.profileId, ref.customerAuthId, (c) => c.createCredential({ ...fields, password: secret }));
      return await this.written(ref, created, password);
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
      if (!isUnknownOutcome(e)) throw e;
      // The create may or may not have happened: look before saying anything (and never resend).
      const found = await this.refetch(ref)
        .then((l) => l.items.find((c) => c.username === username))
        .catch(() => 'unknown' as const);
      if (found === 'unknown') {
        throw new AppError('UPSTREAM', `${e.message} Trunkdesk could not check whether “${username}” was created.`, {
          hint: 'Sync the list before trying again, so you do not create it twice.',
          retryable: false,
        });
      }
      if (!found) throw new AppError('UPSTREAM', `${e.message} “${username}” was not created.`, { hint: 'You can try again.', retryable: true });
      this.events.emit({ type: 'credentials-changed', ...ref });
      return {
        credential: toCredentialDTO(found),
        ...(password.kind === 'generated' ? { secretId: password.secretId } : {}),
        note: `${provider} answered with an error, but “${username}” was created: Trunkdesk checked the list.`,
      };
    }
  }

  async update(ref: CustomerRef, id: string, change: { enabled?: boolean | undefined; password?: PasswordInput | undefined; name?: string | undefined; detail?: string | undefined }): Promise<CredentialWriteDTO> {
    const current = (await this.store.credentials(ref.profileId, ref.customerAuthId))?.index.byId(id);
    const label = current?.username ?? id;
    const patch: CredentialPatch = {};
    if (change.enabled !== undefined) patch.enabled = change.enabled;
    if (change.password) patch.password = this.password(change.password);
    if (change.name !== undefined) patch.name = change.name;
    if (change.detail !== undefined) patch.detail = change.detail;
    // The stored credential goes along: a provider whose update is a full replace (VoIPBIN) takes what is unchanged from it.
    const updated = await this.customers.withAccountClient(ref.profileId, ref.customerAuthId, (c) => c.updateCredential(id, patch, label, current));
    return await this.written(ref, updated, change.password);
  }

  async remove(ref: CustomerRef, id: string): Promise<{ deletedId: string }> {
    const label = await this.label(ref, id);
    await this.customers.withAccountClient(ref.profileId, ref.customerAuthId, (c) => c.deleteCredential(id, label));
    await this.store.applyWrite(ref.profileId, ref.customerAuthId, { removeIds: [id] });
    this.events.emit({ type: 'credentials-changed', ...ref });
    return { deletedId: id };
  }

  /**
   * One write per credential of the selection (ids, or every stored credential matching a filter,
   * resolved here when the run starts), a few at a time (bulk-run.ts), with progress events. A
   * partial failure is normal and reported per item. Items whose answer was lost are checked by
   * syncing the list once at the end, never sent again.
   */
  async bulk(ref: CustomerRef, action: BulkAction, selection: BulkSelection, bulkId: string): Promise<BulkResultDTO> {
    if (this.bulks.has(bulkId)) throw new AppError('CONFLICT', 'That bulk action is already running.', { retryable: false });
    const control = new AbortController();
    this.bulks.set(bulkId, control);
    try {
      const { list } = await this.stored(ref);
      const ids = this.resolveSelection(ref, list, action, selection);
      const total = ids.length;
      const index = list.index;
      const removed: string[] = [];
      const updated: SipCredential[] = [];
      let lastEmit = 0;
      const progress = (done: number, failed: number, force = false) => {
        const now = performance.now();
        if (!force && now - lastEmit < BULK_PROGRESS_EVERY_MS) return;
        lastEmit = now;
        this.events.emit({ type: 'bulk-progress', ...ref, bulkId, done, total, failed });
      };
      progress(0, 0, true);
      const run = await this.customers.withAccountClient(ref.profileId, ref.customerAuthId, (client, signal) =>
        runBulk({
          ids,
          // Cancel, or the profile switched away: no new starts either way.
          signal: AbortSignal.any([control.signal, signal]),
          onSettled: progress,
          write: async (id) => {
            const current = index.byId(id);
            const after = await bulkOne(client, action, id, current?.username ?? id, current);
            if (after) updated.push(after);
            else removed.push(id);
          },
        }),
      );
      await this.store.applyWrite(ref.profileId, ref.customerAuthId, { removeIds: removed, upserts: updated });
      const results = await this.bulkResults(ref, action, index, ids, run.outcomes);
      const failed = results.filter((r) => !r.ok).length;
      progress(results.length, failed, true);
      this.events.emit({ type: 'credentials-changed', ...ref });
      return { results, total, notStarted: run.notStarted, cancelled: run.notStarted > 0 };
    } finally {
      this.bulks.delete(bulkId);
    }
  }

  /** Stop starting items of a running bulk action; returns whether it was running. */
  cancelBulk(bulkId: string): boolean {
    const control = this.bulks.get(bulkId);
    control?.abort();
    return !!control;
  }

  /** The ids a selection names, once each, and only of kinds the provider lets this action touch. */
  private resolveSelection(ref: CustomerRef, list: StoredList, action: BulkAction, selection: BulkSelection): string[] {
    const kinds = new Set(this.customers.providerOf(ref.profileId).caps.kinds.filter((k) => (action === 'delete' ? k.delete : k.toggle)).map((k) => k.kind));
    if ('ids' in selection) {
      // An id no longer stored (deleted meanwhile) is still tried: the provider has the last word.
      return [...new Set(selection.ids)].filter((id) => {
        const c = list.index.byId(id);
        return !c || kinds.has(c.kind);
      });
    }
    const except = new Set(selection.except ?? []);
    const ids = list.index
      .view(undefined, selection.matching)
      .map((i) => list.items[i]!)
      .filter((c) => kinds.has(c.kind) && !except.has(c.id))
      .map((c) => c.id);
    const also = (selection.also ?? []).filter((id) => {
      const c = list.index.byId(id);
      return c && kinds.has(c.kind);
    });
    return [...new Set([...ids, ...also])];
  }

  /** One line per started item; a lost answer is checked against the list synced again. */
  private async bulkResults(ref: CustomerRef, action: BulkAction, index: StoredList['index'], ids: readonly string[], outcomes: Map<string, ItemOutcome>): Promise<BulkResultDTO['results']> {
    const unknown = new Set([...outcomes].filter(([, o]) => !o.ok && isAppError(o.error) && isUnknownOutcome(o.error)).map(([id]) => id));
    const fresh = unknown.size > 0 ? await this.refetch(ref).catch(() => undefined) : undefined;
    const provider = this.customers.providerOf(ref.profileId).name;
    // In the selection's order, whatever order the answers came in.
    return ids.flatMap((id): BulkResultDTO['results'] => {
      const o = outcomes.get(id);
      if (!o) return [];
      const username = index.byId(id)?.username ?? null;
      if (o.ok) return [{ id, username, ok: true }];
      const error = toErrorDTO(o.error);
      if (!unknown.has(id)) return [{ id, username, ok: false, error }];
      if (!fresh) return [{ id, username, ok: false, error, note: 'Trunkdesk could not check whether it was applied: sync the list before trying again.' }];
      const now = fresh.index.byId(id);
      const applied = action === 'delete' ? !now : now?.enabled === (action === 'enable');
      return [
        applied
          ? { id, username, ok: true, note: `${provider} answered with an error, but the change was made: Trunkdesk checked the list.` }
          : { id, username, ok: false, error, note: 'Not applied: Trunkdesk checked the list. It was not sent again.' },
      ];
    });
  }

  /** What a phone or PBX needs for one credential, from the store; never its password. */
  async settings(ref: CustomerRef, id: string): Promise<CredentialSettingsDTO> {
    const c = await this.require(ref, id);
    const rows = this.customers.providerOf(ref.profileId).settingsFor(c, this.customers.profileSettings(ref.profileId));
    return { credentialId: id, kind: c.kind, rows, passwordStored: !!c.secret };
  }

  /** The admin asked for a stored password: behind a one-time handle, to reveal once or copy. */
  async storedPassword(ref: CustomerRef, id: string): Promise<{ secretId: string }> {
    const c = await this.require(ref, id);
    if (!c.secret) {
      throw new AppError('NOT_FOUND', `Trunkdesk holds no password for “${c.username}”.`, {
        hint: `${this.customers.providerOf(ref.profileId).name} does not return this password; set a new one to know it.`,
        retryable: false,
      });
    }
    return { secretId: this.secrets.hold(c.secret) };
  }

  private async require(ref: CustomerRef, id: string): Promise<SipCredential> {
    const c = (await this.stored(ref)).list.index.byId(id);
    if (!c) throw new AppError('NOT_FOUND', 'That credential is not in the stored list any more.', { hint: 'Sync the list and try again.', retryable: false });
    return c;
  }

  /** Every stored credential, filtered and sorted as shown, to a CSV file the admin chooses. Never passwords. */
  async export(ref: CustomerRef, sort?: CredentialSort, filter?: CredentialFilter): Promise<ExportResult> {
    const { list } = await this.stored(ref);
    const positions = list.index.view(sort, filter);
    const stamp = new Date().toISOString().slice(0, 10);
    const path = await this.platform.saveDialog.chooseSavePath(`sip-credentials-${ref.customerAuthId}-${stamp}.csv`, { name: 'CSV', extensions: ['csv'] });
    if (!path) return { saved: false, fileName: null, folder: null, fileId: null, count: positions.length };
    const csv = toCsv(
      ['id', 'kind', 'username', 'name', 'realm', 'enabled', 'created_at', 'updated_at'],
      // The file leaves main as surely as an IPC answer does, so its cells pass the same scrubber:
      // a server that repeats a secret in a credential's name (a password, the API key) must not
      // get it onto the disk in clear (found by the leak sweep, tests/security/leak-sweep.test.ts).
      positions
        .map((i) => list.items[i]!)
        .map((c) => [c.id, c.kind, c.username, c.name, c.realm, c.enabled, c.createdAt, c.updatedAt].map((v) => (typeof v === 'string' ? scrubText(v) : v))),
    );
    await writeFile(path, csv, { encoding: 'utf8', mode: 0o600 });
    // Where it went, so the admin can find it, and a handle to show it in the file manager.
    return { saved: true, fileName: basename(path), folder: dirname(path), fileId: this.exported.remember(path), count: positions.length };
  }

  /** Open the file manager on a file this run exported. */
  async showExport(fileId: string): Promise<{ shown: true }> {
    this.exported.showInFolder(fileId);
    return { shown: true };
  }

  /**
   * The stored list; a customer never synced is synced first (that answer is live). A stored list
   * older than REFRESH_AFTER_MS is refreshed in the background while online: the view answers at
   * once from the store, and the finished sync's credentials-changed event brings the fresh one.
   */
  private async stored(ref: CustomerRef): Promise<{ list: StoredList; live: boolean }> {
    const list = await this.store.credentials(ref.profileId, ref.customerAuthId);
    if (!list) return { list: await this.refetch(ref), live: true };
    const key = `${ref.profileId}|${ref.customerAuthId}`;
    if (this.connectivity.online && Date.now() - Date.parse(list.fetchedAt) > REFRESH_AFTER_MS && !this.refreshing.has(key)) {
      this.refreshing.add(key);
      void this.refetch(ref)
        .catch(() => undefined)
        .finally(() => this.refreshing.delete(key));
    }
    return { list, live: false };
  }

  /** Sync one customer now and return its fresh stored list, or the reason it could not be had. */
  private async refetch(ref: CustomerRef): Promise<StoredList> {
    const name = await this.customers.accountName(ref.profileId, ref.customerAuthId);
    const report = await this.sync.syncAccount(ref.profileId, ref.customerAuthId, name, `y_open${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`);
    const list = report.outcome === 'done' ? await this.store.credentials(ref.profileId, ref.customerAuthId) : undefined;
    if (list) return list;
    const failure = report.failures[0]?.error;
    throw failure ? fromDTO(failure) : new AppError('TIMEOUT', 'Fetching the credential list was cancelled.', { retryable: true });
  }

  private async written(ref: CustomerRef, credential: SipCredential, password?: PasswordInput): Promise<CredentialWriteDTO> {
    await this.store.applyWrite(ref.profileId, ref.customerAuthId, { upserts: [credential] });
    this.events.emit({ type: 'credentials-changed', ...ref });
    return { credential: toCredentialDTO(credential), ...(password?.kind === 'generated' ? { secretId: password.secretId } : {}) };
  }

  private password(p: PasswordInput): string {
    return p.kind === 'typed' ? p.value : this.secrets.value(p.secretId);
  }

  private async label(ref: CustomerRef, id: string): Promise<string> {
    return (await this.store.credentials(ref.profileId, ref.customerAuthId))?.index.byId(id)?.username ?? id;
  }
}

/** Returns the credential after an enable/disable, or undefined after a delete. */
async function bulkOne(client: AccountApi, action: BulkAction, id: string, label: string, current: SipCredential | undefined): Promise<SipCredential | undefined> {
  if (action === 'delete') {
    await client.deleteCredential(id, label);
    return undefined;
  }
  // The stored credential goes along, as for a single update (a full-replace provider needs it).
  return client.updateCredential(id, { enabled: action === 'enable' }, label, current);
}

function fromDTO(e: ErrorDTO): AppError {
  return new AppError(e.code, e.message, { retryable: e.retryable, ...(e.hint ? { hint: e.hint } : {}), ...(e.status !== undefined ? { status: e.status } : {}) });
}

function isUnknownOutcome(e: AppError): boolean {
  return (e.code === 'UPSTREAM' || e.code === 'TIMEOUT') && (e.status === undefined || e.status >= 500);
}

