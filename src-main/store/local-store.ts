// The encrypted local store (design.md §5): everything fetched, per profile and per account, so
// that views, search and export work on it and the app opens on it with no network.
//
//   <data>/store/<profileId>/profile.bin            partner profile and the account list
//   <data>/store/<profileId>/credentials-<id>.bin   one account's whole credential list
//   <data>/store/<profileId>/reports.bin            the last 10 sync reports
//
// Each file is sealed under an HKDF sub-key of the keychain-held master key, bound to its profile,
// account and kind (sealed-file.ts). Lists are kept in memory once read, with their view index.
// A list is replaced only by a complete one (the sync engine's rule); a write that fails (disk
// full, read-only folder) is reported and leaves the previous file and memory as they were.
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CustomerDTO, PartnerDTO, SyncReportDTO } from '../../src-preload/contract';
import { CredentialIndex } from '../credentials/view-index';
import { AppError } from '../net/errors';
import { log, rememberSecret } from '../net/redact';
import type { SipCredential } from '../providers/provider';
import { bindingOf, readSealed, writeSealed } from './sealed-file';

export interface StoredList {
  fetchedAt: string;
  /** The provider's total when fetched. */
  total: number;
  items: SipCredential[];
  index: CredentialIndex;
}

/**
 * A customer as listed. `tokenHandover`: the provider's list carried the customer's own token (it
 * is not kept here: it goes to the vault when the customer is opened or synced), so Trunkdesk can
 * get it without asking the admin. Absent in lists stored before it was recorded.
 */
export type StoredAccount = Omit<CustomerDTO, 'tokenState'> & { tokenHandover?: boolean };
export interface StoredProfile {
  partner?: { value: Omit<PartnerDTO, 'source' | 'profileId' | 'fetchedAt'>; fetchedAt: string };
  accounts?: { rows: StoredAccount[]; fetchedAt: string };
}

export interface StoreNotice {
  message: string;
  hint?: string;
}

/**
 * One credential on disk. The first six columns are the original format; the trailing ones came
 * with the VoIPBIN and Vocobase providers and are optional, so a list written before reads as
 * Vobiz SIP credentials (kind 'sip', no name) with no format change. `secret` is a password the
 * provider returned in clear (VoIPBIN): it is inside the sealed payload, like everything else.
 */
type Row = [
  id: string,
  username: string,
  realm: string | null,
  enabled: boolean,
  createdAt: string | null,
  updatedAt: string | null,
  kind?: SipCredential['kind'],
  name?: string | null,
  secret?: string | null,
  extra?: SipCredential['extra'] | null,
];

function toRow(c: SipCredential): Row {
  const row: Row = [c.id, c.username, c.realm, c.enabled, c.createdAt, c.updatedAt];
  if (c.kind !== 'sip' || c.name !== null || c.secret || c.extra) row.push(c.kind, c.name, c.secret ?? null, c.extra ?? null);
  return row;
}

function fromRow([id, username, realm, enabled, createdAt, updatedAt, kind, name, secret, extra]: Row): SipCredential {
  const c: SipCredential = { id, kind: kind ?? 'sip', username, name: name ?? null, realm, enabled, createdAt, updatedAt };
  // A stored password (VoIPBIN's) is a secret main holds from the moment it is read back: tell the
  // scrubber, or after a restart a server that put it in the name gets it out through the DTO and
  // the CSV before the next sync (found by the leak sweep, tests/security/leak-sweep.test.ts).
  if (secret) {
    c.secret = secret;
    rememberSecret(secret);
  }
  if (extra) c.extra = extra;
  return c;
}
const KEEP_REPORTS = 10;

export class LocalStore {
  private readonly lists = new Map<string, StoredList | null>();
  private readonly profiles = new Map<string, StoredProfile>();
  private readonly profileWrites = new Map<string, Promise<unknown>>();
  /** What went wrong with stored files this run, for the UI (newest last, bounded). */
  readonly notices: StoreNotice[] = [];

  constructor(
    private readonly dataDir: string,
    private readonly key: () => Promise<Buffer>,
  ) {}

  // ----- credential lists -----------------------------------------------------------------------

  async credentials(profileId: string, accountId: string): Promise<StoredList | undefined> {
    const k = listKey(profileId, accountId);
    if (this.lists.has(k)) return this.lists.get(k) ?? undefined;
    const r = await readSealed(this.credentialsPath(profileId, accountId), await this.key(), (f) => bindingOf([profileId, accountId, 'credentials'], f), parseList);
    if (r.kind === 'unreadable') this.notice('unreadable', `The stored SIP credentials of ${accountId} could not be opened.`, r.keptAt);
    const list = r.kind === 'ok' ? withIndex(r.value) : null;
    // Another reader may have filled it meanwhile (a sync finished): that one is newer.
    if (!this.lists.has(k)) this.lists.set(k, list);
    return this.lists.get(k) ?? undefined;
  }

  /** Replace an account's stored list with a complete one. */
  async putCredentials(profileId: string, accountId: string, list: { fetchedAt: string; total: number; items: SipCredential[] }): Promise<StoredList> {
    const rows: Row[] = list.items.map(toRow);
    await this.write(this.credentialsPath(profileId, accountId), bindingOf([profileId, accountId, 'credentials']), { fetchedAt: list.fetchedAt, total: list.total, rows });
    const stored = withIndex(list);
    this.lists.set(listKey(profileId, accountId), stored);
    return stored;
  }

  /**
   * Apply confirmed writes to the stored list (the provider said they happened), so it stays true
   * without a refetch. All of a bulk action's changes go in one rewrite of the file.
   */
  async applyWrite(profileId: string, accountId: string, change: { upserts?: readonly SipCredential[]; removeIds?: readonly string[] }): Promise<void> {
    const current = await this.credentials(profileId, accountId);
    if (!current) return;
    const gone = new Set(change.removeIds ?? []);
    const changed = new Map((change.upserts ?? []).map((c) => [c.id, c]));
    const items: SipCredential[] = [];
    for (const c of current.items) {
      if (gone.has(c.id)) continue;
      const next = changed.get(c.id);
      items.push(next ?? c);
      changed.delete(c.id);
    }
    // What is left was created: newest first, as the provider lists them.
    const created = [...changed.values()];
    const total = current.total - (current.items.length - items.length) + created.length;
    await this.putCredentials(profileId, accountId, { fetchedAt: current.fetchedAt, total, items: [...created, ...items] });
  }

  /** Every stored list of a profile, for search across accounts. */
  async allCredentials(profileId: string, accountIds: readonly string[]): Promise<Array<{ accountId: string; list: StoredList }>> {
    const out: Array<{ accountId: string; list: StoredList }> = [];
    for (const accountId of accountIds) {
      const list = await this.credentials(profileId, accountId);
      if (list) out.push({ accountId, list });
    }
    return out;
  }

  // ----- partner profile and accounts -----------------------------------------------------------

  async profile(profileId: string): Promise<StoredProfile> {
    const cached = this.profiles.get(profileId);
    if (cached) return cached;
    const r = await readSealed(this.profilePath(profileId), await this.key(), (f) => bindingOf([profileId, 'profile'], f), (json) => json as StoredProfile);
    if (r.kind === 'unreadable') this.notice('unreadable', 'The stored partner profile and customer list could not be opened.', r.keptAt);
    const value = r.kind === 'ok' ? r.value : {};
    this.profiles.set(profileId, value);
    return value;
  }

  /**
   * Merge a patch into the stored profile. Patches to one profile run one after another: the
   * partner and the account list arrive together (a single-account profile asks for both at
   * once), and two merges from the same base would each drop the other's half.
   */
  putProfile(profileId: string, patch: StoredProfile): Promise<void> {
    const run = (this.profileWrites.get(profileId) ?? Promise.resolve()).then(async () => {
      const next = { ...(await this.profile(profileId)), ...patch };
      await this.write(this.profilePath(profileId), bindingOf([profileId, 'profile']), next);
      this.profiles.set(profileId, next);
    });
    this.profileWrites.set(profileId, run.catch(() => undefined));
    return run;
  }

  // ----- sync reports ---------------------------------------------------------------------------

  async reports(profileId: string): Promise<SyncReportDTO[]> {
    const r = await readSealed(this.reportsPath(profileId), await this.key(), (f) => bindingOf([profileId, 'reports'], f), (json) => (json as { reports: SyncReportDTO[] }).reports);
    if (r.kind === 'unreadable') this.notice('unreadable', 'The stored sync reports could not be opened.', r.keptAt);
    return r.kind === 'ok' ? r.value : [];
  }

  async addReport(profileId: string, report: SyncReportDTO): Promise<void> {
    const reports = [report, ...(await this.reports(profileId))].slice(0, KEEP_REPORTS);
    await this.write(this.reportsPath(profileId), bindingOf([profileId, 'reports']), { reports });
  }

  /** An account the provider no longer lists: its stored credentials go with it. */
  async removeCredentials(profileId: string, accountId: string): Promise<void> {
    this.lists.delete(listKey(profileId, accountId));
    await rm(this.credentialsPath(profileId, accountId), { force: true });
  }

  // ----- lifecycle ------------------------------------------------------------------------------

  /** Removing a profile removes everything stored for it. */
  async removeProfile(profileId: string): Promise<void> {
    for (const k of [...this.lists.keys()]) if (k.startsWith(`${profileId}|`)) this.lists.delete(k);
    this.profiles.delete(profileId);
    await rm(this.profileDir(profileId), { recursive: true, force: true });
  }

  private async write(path: string, binding: string, value: unknown): Promise<void> {
    try {
      await writeSealed(path, await this.key(), binding, value);
    } catch (e) {
      if (e instanceof AppError) throw e;
      const code = (e as NodeJS.ErrnoException).code ?? '';
      const why =
        code === 'ENOSPC' ? 'the disk is full' : code === 'EROFS' ? 'the data folder is read-only' : code === 'EACCES' || code === 'EPERM' ? 'Trunkdesk may not write to its data folder' : 'the file could not be written';
      log.error(`store write failed (${code})`);
      throw new AppError('INTERNAL', `Trunkdesk could not save the fetched data: ${why}.`, {
        hint: `What was stored before is unchanged and still shown. Free some space or fix the permissions of ${this.dataDir}, then sync again.`,
        retryable: true,
        cause: e,
      });
    }
  }

  private notice(_kind: 'unreadable', message: string, keptAt: string): void {
    this.notices.push({ message, hint: `It was kept at ${keptAt} and will be fetched again on the next sync.` });
    if (this.notices.length > 20) this.notices.shift();
    log.warn(message);
  }

  private profileDir(profileId: string): string {
    return join(this.dataDir, 'store', profileId);
  }
  private profilePath(profileId: string): string {
    return join(this.profileDir(profileId), 'profile.bin');
  }
  private reportsPath(profileId: string): string {
    return join(this.profileDir(profileId), 'reports.bin');
  }
  private credentialsPath(profileId: string, accountId: string): string {
    // Account ids are provider strings: a safe one is used as it is, anything else by its hash.
    const name = /^[A-Za-z0-9_-]{1,80}$/.test(accountId) ? accountId : createHash('sha256').update(accountId).digest('hex').slice(0, 32);
    return join(this.profileDir(profileId), `credentials-${name}.bin`);
  }
}

const listKey = (profileId: string, accountId: string) => `${profileId}|${accountId}`;

function withIndex(l: { fetchedAt: string; total: number; items: SipCredential[] }): StoredList {
  // Not warmed here: a Sync all stores hundreds of lists nobody is looking at; the credential
  // service warms the one a view pages through.
  const index = new CredentialIndex(l.items);
  return { ...l, index };
}

function parseList(json: unknown): { fetchedAt: string; total: number; items: SipCredential[] } | undefined {
  const j = json as { fetchedAt?: unknown; total?: unknown; rows?: unknown };
  if (typeof j?.fetchedAt !== 'string' || typeof j.total !== 'number' || !Array.isArray(j.rows)) return undefined;
  const items = (j.rows as Row[]).map(fromRow);
  return { fetchedAt: j.fetchedAt, total: j.total, items };
}
