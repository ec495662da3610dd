// The one account of a VoIPBIN profile: its extensions and trunks, as the app's SIP credentials.
//
// Lists page by cursor (api/voipbin_vocobase.md §1.4): `next_page_token` is the last item's
// tm_create, handed back opaquely; it is never empty while there are items, so the walk ends on an
// EMPTY `result`. Updates are full replaces (PUT needs every field), so what a patch leaves alone
// is taken from the stored credential, or read first when the store has no password for it.
import { z } from 'zod';
import { AppError } from '../../net/errors';
import type { AccountApi, CredentialPage, CredentialPatch, NewCredential, ProfileSettings, SipCredential } from '../provider';
import { extensionToCredential, trunkToCredential } from './credentials';
import { driftError, type ErrorContext } from './errors';
import { collection, parseCredentialId, type VoipbinKind } from './ids';
import { ExtensionBody, ListBody, TrunkBody } from './schemas';
import type { Connection } from './session';
import { voipbinCall } from './transport';
import { checkAllowedIps, checkDetail, checkDomainName, checkName, checkPassword, checkSipUser } from './validation';

/** VoIPBIN clamps page_size to 1..100. */
export const PAGE_SIZE = 100;
/** A runaway guard: 10,000 pages is a million credentials, far past any real customer. */
const MAX_PAGES = 10_000;

export class VoipbinAccountClient implements AccountApi {
  readonly paging = 'cursor' as const;

  constructor(
    private readonly conn: Connection,
    /** The customer id: the realm of an extension that does not name its own. */
    private readonly customerId: string,
    private readonly settings: ProfileSettings,
  ) {}

  async listCredentials(): Promise<CredentialPage> {
    throw new AppError('INTERNAL', 'VoIPBIN pages its lists by cursor, not by offset: use listAllCredentials.', {
      hint: 'This is a Trunkdesk bug; sync again or restart the app.',
      retryable: false,
    });
  }

  /** Every extension and every trunk: the two lists walked at once, each page after the one before. */
  async listAllCredentials(signal: AbortSignal | undefined, onPage: (items: number) => void): Promise<SipCredential[]> {
    // One list failing stops the other: its pages would be thrown away anyway.
    const stop = new AbortController();
    const both = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
    try {
      const [extensions, trunks] = await Promise.all([this.walk('extension', both, onPage), this.walk('trunk', both, onPage)]);
      return [...extensions, ...trunks];
    } catch (e) {
      stop.abort();
      throw e;
    }
  }

  private async walk(kind: VoipbinKind, signal: AbortSignal, onPage: (items: number) => void): Promise<SipCredential[]> {
    const what = `the ${kind} list`;
    const seen = new Map<string, SipCredential>();
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = await voipbinCall(this.conn, {
        method: 'GET',
        path: collection(kind),
        query: { page_size: String(PAGE_SIZE), page_token: token },
        signal,
        what,
        schema: ListBody,
        ctx: { kind },
      });
      onPage(body.result.length);
      if (body.result.length === 0) break;
      for (const c of this.mapList(kind, body.result, what)) if (!seen.has(c.id)) seen.set(c.id, c);
      // Not the end signal (a page with items always names a next one), but without a token, or
      // with the same one again, there is no way forward that would not start over.
      const next = body.next_page_token;
      if (!next || next === token) break;
      token = next;
    }
    return [...seen.values()];
  }

  async createCredential(c: NewCredential): Promise<SipCredential> {
    if (c.kind === 'extension') {
      const extension = checkSipUser(c.username, 'extension');
      const body = { extension, password: checkPassword(c.password), name: checkName(c.name, extension), detail: checkDetail(c.detail) };
      return this.write('POST', '/extensions', body, 'extension', `the extension “${extension}”`);
    }
    if (c.kind === 'trunk') {
      const username = checkSipUser(c.username, 'trunk');
      const body = {
        name: checkName(c.name, username),
        detail: checkDetail(c.detail),
        domain_name: checkDomainName(c.domainName),
        auth_types: ['basic'],
        username,
        password: checkPassword(c.password),
        allowed_ips: checkAllowedIps(c.allowedIps),
      };
      return this.write('POST', '/trunks', body, 'trunk', `the trunk “${body.name}”`);
    }
    throw new AppError('VALIDATION', 'VoIPBIN credentials are extensions or trunks.', { hint: 'Choose Extension or Trunk.', field: 'kind', retryable: false });
  }

  async updateCredential(id: string, patch: CredentialPatch, label: string, current?: SipCredential): Promise<SipCredential> {
    const { kind, uuid } = parseCredentialId(id);
    if (patch.enabled === false) {
      throw new AppError('VALIDATION', `VoIPBIN ${kind}s cannot be disabled; delete it or change its password.`, { field: 'enabled', retryable: false });
    }
    const password = patch.password !== undefined ? checkPassword(patch.password) : undefined;
    const base = current && current.id === id && current.kind === kind && current.secret && current.extra ? current : await this.get(kind, uuid, label);
    if (!base.secret && password === undefined) {
      throw new AppError('UPSTREAM', `VoIPBIN did not return the current password of ${label}, and an update must send one.`, {
        hint: 'Set a new password with this change.',
        retryable: false,
      });
    }
    const extra = base.extra ?? {};
    const name = checkName(patch.name ?? base.name ?? undefined, base.username);
    const detail = checkDetail(patch.detail, str(extra.detail));
    const secret = password ?? base.secret!;
    const path = `${collection(kind)}/${uuid}`;
    const subject = `the ${kind} “${label}”`;
    if (kind === 'extension') return this.write('PUT', path, { name, detail, password: secret }, kind, subject);
    const authTypes = list(extra.authTypes);
    return this.write(
      'PUT',
      path,
      { name, detail, auth_types: authTypes.length ? authTypes : ['basic'], username: base.username, password: secret, allowed_ips: list(extra.allowedIps) },
      kind,
      subject,
    );
  }

  async deleteCredential(id: string, label: string): Promise<void> {
    const { kind, uuid } = parseCredentialId(id);
    await voipbinCall(this.conn, {
      method: 'DELETE',
      path: `${collection(kind)}/${uuid}`,
      what: 'the delete answer',
      schema: undefined,
      ctx: this.ctx(kind, `the ${kind} “${label}”`),
    });
  }

  /** GET /extensions/{id} or /trunks/{id}: the whole record, password included. */
  private async get(kind: VoipbinKind, uuid: string, label: string): Promise<SipCredential> {
    const what = `the ${kind}`;
    const body: unknown = await voipbinCall(this.conn, { method: 'GET', path: `${collection(kind)}/${uuid}`, what, schema: z.unknown(), ctx: this.ctx(kind, `the ${kind} “${label}”`) });
    return this.mapOne(kind, body, what);
  }

  private async write(method: 'POST' | 'PUT', path: string, body: object, kind: VoipbinKind, subject: string): Promise<SipCredential> {
    const what = `the saved ${kind}`;
    const answer: unknown = await voipbinCall(this.conn, { method, path, body, what, schema: z.unknown(), ctx: this.ctx(kind, subject) });
    return this.mapOne(kind, answer, what);
  }

  private mapOne(kind: VoipbinKind, body: unknown, what: string): SipCredential {
    const [c] = this.mapList(kind, [body], what);
    return c!;
  }

  private mapList(kind: VoipbinKind, items: unknown[], what: string): SipCredential[] {
    if (kind === 'extension') {
      const parsed = z.array(ExtensionBody).safeParse(items);
      if (!parsed.success) throw driftError(what, issuePath(parsed.error));
      return parsed.data.map((e) => extensionToCredential(e, this.customerId, this.settings));
    }
    const parsed = z.array(TrunkBody).safeParse(items);
    if (!parsed.success) throw driftError(what, issuePath(parsed.error));
    return parsed.data.map(trunkToCredential);
  }

  private ctx(kind: VoipbinKind, subject: string): Omit<ErrorContext, 'auth'> {
    return { kind, subject };
  }
}

const issuePath = (e: z.ZodError): string | undefined => e.issues[0]?.path.slice(1).join('.') || undefined;
const str = (v: string | string[] | null | undefined): string => (typeof v === 'string' ? v : '');
const list = (v: string | string[] | null | undefined): string[] => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []);

/** Sync walks the two lists at once, each strictly one page after the other. */
export const VOIPBIN_FETCH_LIMITS = { probePageSize: PAGE_SIZE, startConcurrency: 2, maxConcurrency: 2 } as const;
