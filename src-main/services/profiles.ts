// Profiles: the partner accounts an admin keeps. Adding or rotating a token verifies it with the
// provider first and saves nothing if that fails; the token goes to the vault and nowhere else.
import type { AddProfileInput, PartnerDTO, ProfileDTO, ProfileListDTO, TokenState } from '../../src-preload/contract';
import { AddProfileInput as AddProfileSchema, VOBIZ_DEFAULT_BASE_URL } from '../../src-preload/contract';
import { AppError, isAppError } from '../net/errors';
import type { HttpClient } from '../net/http';
import { log } from '../net/redact';
import { newProfileId, type ProfileRecord, type ProfileStore } from '../profiles/store';
import { partnerTokenAuth } from '../providers/vobiz/auth';
import { VobizPartnerClient } from '../providers/vobiz/partner';
import { entryIds, type VaultAccess } from '../secrets/vault-access';
import type { Vault } from '../secrets/vault';
import type { EventBus } from './events';

type Me = Awaited<ReturnType<VobizPartnerClient['me']>>;

export class ProfileService {
  /** In-flight provider calls per profile, so switching away cancels them. */
  private readonly inflight = new Map<string, Set<AbortController>>();

  constructor(
    private readonly store: ProfileStore,
    private readonly vaults: VaultAccess,
    private readonly http: HttpClient,
    private readonly events: EventBus,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(): Promise<ProfileListDTO> {
    let vault: Vault | undefined;
    let keychainProblem: { message: string; hint?: string } | undefined;
    try {
      vault = await this.vaults.get();
    } catch (e) {
      if (!isAppError(e)) throw e;
      // The profiles are still shown: a keychain that cannot be read never hides or deletes them.
      keychainProblem = { message: e.message, ...(e.hint ? { hint: e.hint } : {}) };
    }
    const profiles = this.store.all().map((p) => toDTO(p, vault ? vault.state(entryIds.partnerToken(p.id)) : 'unreadable'));
    const problem = this.store.problem ?? this.vaults.problem ?? keychainProblem;
    return { profiles, activeId: this.store.activeId, ...(problem ? { problem } : {}) };
  }

  async add(raw: AddProfileInput): Promise<ProfileListDTO> {
    const input = AddProfileSchema.parse(raw);
    const baseUrl = normaliseBaseUrl(input.baseUrl ?? VOBIZ_DEFAULT_BASE_URL);
    const dup = this.store.all().find((p) => p.authId === input.authId && p.baseUrl === baseUrl);
    if (dup) {
      throw new AppError('CONFLICT', `This partner account is already here as “${dup.displayName}”.`, {
        hint: 'Switch to it, or replace its token in its settings.',
        field: 'authId',
      });
    }
    // Reach the keychain before the network, so a locked keychain fails fast and clearly.
    const vault = await this.vaults.get();
    await this.verify(baseUrl, input.authId, input.token);
    const record: ProfileRecord = {
      id: newProfileId(),
      displayName: input.displayName,
      provider: input.provider,
      authId: input.authId,
      baseUrl,
      createdAt: this.now().toISOString(),
    };
    await vault.set(entryIds.partnerToken(record.id), input.token);
    try {
      await this.store.add(record, true);
    } catch (e) {
      // Leave nothing half-saved: a token without a profile is removed again.
      await vault.deleteWhere(entryIds.profilePrefix(record.id)).catch(() => undefined);
      throw e;
    }
    log.info(`profile added ${record.id}`);
    return this.changed();
  }

  async switchTo(id: string): Promise<ProfileListDTO> {
    this.store.require(id);
    for (const [pid, set] of this.inflight) if (pid !== id) for (const c of set) c.abort();
    await this.store.setActive(id);
    return this.changed();
  }

  async rename(id: string, displayName: string): Promise<ProfileListDTO> {
    await this.store.update(id, { displayName });
    return this.changed();
  }

  async rotateToken(id: string, token: string): Promise<ProfileListDTO> {
    const p = this.store.require(id);
    const vault = await this.vaults.get();
    await this.verify(p.baseUrl, p.authId, token);
    await vault.set(entryIds.partnerToken(id), token);
    return this.changed();
  }

  async remove(id: string): Promise<ProfileListDTO> {
    this.store.require(id);
    for (const c of this.inflight.get(id) ?? []) c.abort();
    const vault = await this.vaults.get();
    // Tokens first: a crash between the two steps leaves a profile without a token (asks for
    // one), never a token without a profile (a secret nobody can see to delete).
    await vault.deleteWhere(entryIds.profilePrefix(id));
    await this.store.remove(id);
    return this.changed();
  }

  async partner(profileId?: string): Promise<PartnerDTO> {
    const id = profileId ?? this.store.activeId;
    if (!id) throw new AppError('NOT_FOUND', 'There is no profile yet.', { hint: 'Add a partner profile first.' });
    const p = this.store.require(id);
    const vault = await this.vaults.get();
    const token = vault.get(entryIds.partnerToken(id));
    const me = await this.tracked(id, (signal) => this.client(p.baseUrl, p.authId, token).me(signal));
    return { ...me, profileId: id, fetchedAt: this.now().toISOString() };
  }

  private async verify(baseUrl: string, authId: string, token: string): Promise<Me> {
    const me = await this.client(baseUrl, authId, token).me();
    if (me.authId && me.authId !== authId) {
      throw new AppError('VALIDATION', `This token belongs to ${me.authId}, not ${authId}.`, {
        hint: 'Check the partner auth ID you entered.',
        field: 'authId',
      });
    }
    return me;
  }

  private client(baseUrl: string, authId: string, token: string): VobizPartnerClient {
    return new VobizPartnerClient(this.http, baseUrl, partnerTokenAuth(authId, token));
  }

  private async tracked<T>(profileId: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const c = new AbortController();
    const set = this.inflight.get(profileId) ?? new Set();
    set.add(c);
    this.inflight.set(profileId, set);
    try {
      return await run(c.signal);
    } catch (e) {
      if (c.signal.aborted) {
        throw new AppError('TIMEOUT', 'Cancelled because you switched profiles.', { retryable: true });
      }
      throw e;
    } finally {
      set.delete(c);
    }
  }

  private async changed(): Promise<ProfileListDTO> {
    const list = await this.list();
    this.events.emit({ type: 'profiles-changed', activeId: list.activeId });
    return list;
  }
}

function toDTO(p: ProfileRecord, tokenState: TokenState): ProfileDTO {
  return { id: p.id, displayName: p.displayName, provider: p.provider, authId: p.authId, baseUrl: p.baseUrl, createdAt: p.createdAt, tokenState };
}

function normaliseBaseUrl(u: string): string {
  return u.trim().replace(/\/+$/, '');
}
