// Profiles: the partner accounts an admin keeps. Adding a profile or replacing its token verifies
// the credentials with Vobiz first and saves nothing if that fails; a token goes to the vault and
// nowhere else, and a session profile keeps only its email on disk.
import { Mutex } from 'async-mutex';
import type { AddProfileInput, AddProviderProfileInput, AddSessionProfileInput, PartnerDTO, ProfileDTO, ProfileListDTO, TokenState } from '../../src-preload/contract';
import {
  AddProfileInput as AddProfileSchema,
  AddProviderProfileInput as AddProviderSchema,
  AddSessionProfileInput as AddSessionSchema,
  DEFAULT_BASE_URLS,
  VOBIZ_DEFAULT_BASE_URL,
  VocobaseApiKey,
  VoipbinAccessKey,
} from '../../src-preload/contract';
import { AppError, isAppError } from '../net/errors';
import { log } from '../net/redact';
import { newProfileId, profileAttention, type ProfileRecord } from '../profiles/store';
import type { PartnerCredentials, PartnerProfile, Provider } from '../providers/provider';
import type { Vault } from '../secrets/vault';
import { entryIds } from '../secrets/vault-access';
import { isUnreachable } from '../net/connectivity';
import type { LocalStore } from '../store/local-store';
import type { SyncEngine } from '../sync/engine';
import type { EventBus } from './events';
import type { PartnerAccess } from './partner-access';

export class ProfileService {
  /**
   * Held while a new profile is checked against the list and saved: the check and the insert are
   * one step, so concurrent identical adds make one profile (and one vault entry), not ten. The
   * verification call to the provider stays outside it, so a slow server blocks no other add.
   */
  private readonly adding = new Mutex();

  constructor(
    private readonly access: PartnerAccess,
    private readonly events: EventBus,
    private readonly data: LocalStore,
    private readonly sync: SyncEngine,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get store() {
    return this.access.store;
  }

  async list(): Promise<ProfileListDTO> {
    let vault: Vault | undefined;
    let keychainProblem: { message: string; hint?: string } | undefined;
    try {
      vault = await this.access.vaults.get();
    } catch (e) {
      if (!isAppError(e)) throw e;
      // The profiles are still shown: a keychain that cannot be read never hides or deletes them.
      keychainProblem = { message: e.message, ...(e.hint ? { hint: e.hint } : {}) };
    }
    const profiles = this.store.all().map((p) => this.toDTO(p, vault ? vault.state(entryIds.partnerToken(p.id)) : 'unreadable'));
    // A damaged vault's banner asks for the tokens again; once every token profile has one, it
    // has been answered and goes (the damaged file stays kept aside).
    if (vault && !profiles.some((p) => p.authMode !== 'session' && p.tokenState !== 'stored')) this.access.vaults.problem = undefined;
    const problem = this.store.problem ?? this.access.vaults.problem ?? keychainProblem ?? this.data.notices.at(-1);
    return { profiles, activeId: this.store.activeId, ...(problem ? { problem } : {}) };
  }

  async add(raw: AddProfileInput): Promise<ProfileListDTO> {
    const input = AddProfileSchema.parse(raw);
    const baseUrl = normaliseBaseUrl(input.baseUrl ?? VOBIZ_DEFAULT_BASE_URL);
    // Checked early too, so a duplicate is refused before anything is sent.
    this.refuseDuplicate(input.authId, baseUrl);
    // Reach the keychain before the network, so a locked keychain fails fast and clearly.
    const vault = await this.access.vaults.get();
    await this.verify(input.provider, baseUrl, { kind: 'token', authId: input.authId, token: input.token }, input.authId);
    const id = await this.adding.runExclusive(async () => {
      this.refuseDuplicate(input.authId, baseUrl);
      const id = newProfileId();
      await vault.set(entryIds.partnerToken(id), input.token);
      try {
        await this.store.add(
          { id, displayName: input.displayName, provider: input.provider, authId: input.authId, baseUrl, createdAt: this.now().toISOString(), authMode: 'token' },
          true,
        );
      } catch (e) {
        // Leave nothing half-saved: a token without a profile is removed again.
        await vault.deleteWhere(entryIds.profilePrefix(id)).catch(() => undefined);
        throw e;
      }
      return id;
    });
    this.access.abortAllExcept(id);
    log.info(`profile added ${id}`);
    return this.changed();
  }

  /**
   * A VoIPBIN (username + password, or access key) or Vocobase (API key) profile. The secret is
   * checked against the provider first (identity: VoIPBIN GET /customer, Vocobase GET /config),
   * then sealed in the vault; nothing is saved if the check fails.
   */
  async addProvider(raw: AddProviderProfileInput): Promise<ProfileListDTO> {
    const input = AddProviderSchema.parse(raw);
    const provider = input.method === 'vocobase-key' ? 'vocobase' : 'voipbin';
    const baseUrl = normaliseBaseUrl(input.baseUrl ?? DEFAULT_BASE_URLS[provider]);
    const realmBase = 'realmBase' in input && input.realmBase && input.realmBase !== this.provider(provider).defaultRealmBase ? input.realmBase.toLowerCase() : undefined;
    const vault = await this.access.vaults.get();
    // A throwaway sign-in cache for the check; the profile's own starts once it exists.
    const scratch = { value: undefined as { token: string; expiresAt: number } | undefined };
    const credentials: PartnerCredentials =
      input.method === 'voipbin-login'
        ? { kind: 'login', username: input.username, password: input.password, session: { get: () => scratch.value, set: (token, expiresAt) => void (scratch.value = { token, expiresAt }), clear: () => void (scratch.value = undefined) } }
        : input.method === 'voipbin-accesskey'
          ? { kind: 'accesskey', key: input.accessKey }
          : { kind: 'apikey', key: input.apiKey };
    const secret = input.method === 'voipbin-login' ? input.password : input.method === 'voipbin-accesskey' ? input.accessKey : input.apiKey;
    const me = await this.provider(provider).partner(this.access.http, baseUrl, credentials, { realmBase: realmBase ?? null }).me();
    // Who the profile signs in as, never the secret: the VoIPBIN username, else the account's id.
    const authId = input.method === 'voipbin-login' ? input.username : me.authId;
    const authMode = input.method === 'voipbin-login' ? 'login' : input.method === 'voipbin-accesskey' ? 'accesskey' : 'apikey';
    const id = await this.adding.runExclusive(async () => {
      this.refuseDuplicate(authId, baseUrl);
      const id = newProfileId();
      await vault.set(entryIds.partnerToken(id), secret);
      try {
        await this.store.add(
          {
            id,
            displayName: input.displayName,
            provider,
            authId,
            baseUrl,
            createdAt: this.now().toISOString(),
            authMode,
            ...(input.method === 'voipbin-login' ? { username: input.username } : {}),
            ...(realmBase ? { realmBase } : {}),
          },
          true,
        );
      } catch (e) {
        await vault.deleteWhere(entryIds.profilePrefix(id)).catch(() => undefined);
        throw e;
      }
      return id;
    });
    if (scratch.value) this.access.sessionCache(id).set(scratch.value.token, scratch.value.expiresAt);
    this.access.abortAllExcept(id);
    log.info(`profile added ${id} (${provider})`);
    return this.changed();
  }

  /** A profile that signs in with email + password; only the email is kept. */
  async addSession(raw: AddSessionProfileInput): Promise<ProfileListDTO> {
    const input = AddSessionSchema.parse(raw);
    const baseUrl = normaliseBaseUrl(input.baseUrl ?? VOBIZ_DEFAULT_BASE_URL);
    const { accessToken, expiresInSeconds } = await this.login(input.provider, baseUrl, input.email, input.password);
    const me = await this.verify(input.provider, baseUrl, { kind: 'session', accessToken }).catch((e: unknown) => {
      throw sessionRefusedAfterSignIn(this.provider(input.provider).name, e);
    });
    const id = await this.adding.runExclusive(async () => {
      this.refuseDuplicate(me.authId, baseUrl);
      const id = newProfileId();
      await this.store.add(
        { id, displayName: input.displayName, provider: input.provider, authId: me.authId, baseUrl, createdAt: this.now().toISOString(), authMode: 'session', email: input.email },
        true,
      );
      return id;
    });
    this.access.sessions.set(id, accessToken, expiresInSeconds);
    this.access.abortAllExcept(id);
    return this.changed();
  }

  async signIn(id: string, password: string): Promise<ProfileListDTO> {
    const p = this.access.usable(id);
    if (p.authMode !== 'session' || !p.email) throw new AppError('VALIDATION', 'This profile uses an API token, not a sign-in.', { retryable: false });
    const { accessToken, expiresInSeconds } = await this.login(p.provider, p.baseUrl, p.email, password);
    await this.verify(p.provider, p.baseUrl, { kind: 'session', accessToken }, p.authId).catch((e: unknown) => {
      throw sessionRefusedAfterSignIn(this.provider(p.provider).name, e);
    });
    this.access.sessions.set(id, accessToken, expiresInSeconds);
    return this.changed();
  }

  async signOut(id: string): Promise<ProfileListDTO> {
    this.store.require(id);
    this.access.sessions.drop(id, false);
    return this.changed();
  }

  async switchTo(id: string): Promise<ProfileListDTO> {
    this.store.require(id);
    this.access.abortAllExcept(id);
    this.sync.cancelAllExcept(id);
    await this.store.setActive(id);
    return this.changed();
  }

  async rename(id: string, displayName: string): Promise<ProfileListDTO> {
    await this.store.update(id, { displayName });
    return this.changed();
  }

  async rotateToken(id: string, token: string): Promise<ProfileListDTO> {
    const p = this.access.usable(id);
    if (p.authMode === 'session') throw new AppError('VALIDATION', 'This profile signs in with email and password; it has no token to replace.', { retryable: false });
    const vault = await this.access.vaults.get();
    if (p.authMode === 'token') await this.verify(p.provider, p.baseUrl, { kind: 'token', authId: p.authId, token }, p.authId);
    else {
      // A new access key, API key or VoIPBIN password: its format first, then the provider's word.
      const format = p.authMode === 'accesskey' ? VoipbinAccessKey : p.authMode === 'apikey' ? VocobaseApiKey : undefined;
      const checked = format?.safeParse(token);
      if (checked && !checked.success) throw new AppError('VALIDATION', checked.error.issues[0]?.message ?? 'Check what was pasted.', { field: 'token', retryable: false });
      const credentials: PartnerCredentials =
        p.authMode === 'login'
          ? { kind: 'login', username: p.username ?? p.authId, password: token, session: this.access.sessionCache(p.id) }
          : { kind: p.authMode, key: token };
      if (p.authMode === 'login') this.access.sessionCache(p.id).clear();
      await this.provider(p.provider).partner(this.access.http, p.baseUrl, credentials, { realmBase: p.realmBase ?? null }).me();
    }
    await vault.set(entryIds.partnerToken(id), token);
    return this.changed();
  }

  async remove(id: string): Promise<ProfileListDTO> {
    const p = this.store.require(id);
    this.access.abortAllExcept(this.store.activeId === id ? null : this.store.activeId);
    this.access.sessions.drop(id, false);
    this.access.sessionCache(id).clear();
    if (p.authMode !== 'session' || (await this.hasVaultEntries(id))) {
      const vault = await this.access.vaults.get();
      // Tokens first: a crash between the two steps leaves a profile without a token (asks for
      // one), never a token without a profile (a secret nobody can see to delete).
      await vault.deleteWhere(entryIds.profilePrefix(id));
    }
    this.sync.cancelAllExcept(this.store.activeId === id ? null : this.store.activeId);
    await this.store.remove(id);
    // Its stored data goes with it (after the profile, so a failure here leaves no profile behind
    // that points at nothing; the folder is keyed by the removed id and never read again).
    await this.data.removeProfile(id).catch(() => undefined);
    return this.changed();
  }

  async partner(profileId?: string): Promise<PartnerDTO> {
    const id = profileId ?? this.store.activeId;
    if (!id) throw new AppError('NOT_FOUND', 'There is no profile yet.', { hint: 'Add a partner profile first.' });
    // Known to be offline: open straight on the stored profile (the probe brings the app back).
    if (!this.access.connectivity.online) {
      const stored = await this.storedPartner(id);
      if (stored) return stored;
    }
    try {
      const me = await this.access.run(id, (client, signal) => client.me(signal));
      const fetchedAt = this.now().toISOString();
      await this.data.putProfile(id, { partner: { value: me, fetchedAt } }).catch(() => undefined);
      return { ...me, profileId: id, fetchedAt, source: { kind: 'live', fetchedAt } };
    } catch (e) {
      // Offline: the partner profile as last fetched, saying how old it is.
      const stored = isUnreachable(e) ? await this.storedPartner(id) : undefined;
      if (!stored) throw e;
      return stored;
    }
  }

  private async storedPartner(id: string): Promise<PartnerDTO | undefined> {
    const stored = (await this.data.profile(id).catch(() => ({}) as Awaited<ReturnType<LocalStore['profile']>>)).partner;
    return stored && { ...stored.value, profileId: id, fetchedAt: stored.fetchedAt, source: { kind: 'stored', fetchedAt: stored.fetchedAt } };
  }

  private async hasVaultEntries(id: string): Promise<boolean> {
    try {
      return (await this.access.vaults.get()).ids().some((k) => k.startsWith(entryIds.profilePrefix(id)));
    } catch {
      return false;
    }
  }

  private refuseDuplicate(authId: string, baseUrl: string): void {
    const dup = this.store.all().find((p) => p.authId === authId && p.baseUrl === baseUrl);
    if (dup) {
      throw new AppError('CONFLICT', `This partner account is already here as “${dup.displayName}”.`, {
        hint: 'Switch to it, or replace its token in its settings.',
        field: 'authId',
      });
    }
  }

  private provider(name: ProfileRecord['provider']): Provider {
    return this.access.provider(name);
  }

  /** Vobiz's email + password sign-in (a session profile). */
  private login(name: ProfileRecord['provider'], baseUrl: string, email: string, password: string) {
    const provider = this.provider(name);
    if (!provider.login) throw new AppError('VALIDATION', `${provider.name} has no email sign-in.`, { retryable: false });
    return provider.login(this.access.http, baseUrl, email, password);
  }

  private async verify(provider: ProfileRecord['provider'], baseUrl: string, credentials: PartnerCredentials, expectedAuthId?: string): Promise<PartnerProfile> {
    const me = await this.provider(provider).partner(this.access.http, baseUrl, credentials, { realmBase: null }).me();
    if (expectedAuthId && me.authId && me.authId !== expectedAuthId) {
      throw new AppError('VALIDATION', `These credentials belong to ${me.authId}, not ${expectedAuthId}.`, {
        hint: 'Check the partner auth ID you entered.',
        field: 'authId',
      });
    }
    return me;
  }

  private async changed(): Promise<ProfileListDTO> {
    const list = await this.list();
    this.events.emit({ type: 'profiles-changed', activeId: list.activeId });
    return list;
  }

  private toDTO(p: ProfileRecord, tokenState: TokenState): ProfileDTO {
    const attention = profileAttention(p) ?? null;
    return {
      id: p.id,
      displayName: p.displayName,
      provider: p.provider,
      authId: p.authId,
      baseUrl: p.baseUrl,
      createdAt: p.createdAt,
      authMode: p.authMode,
      // Every mode but Vobiz's session keeps its secret in the vault.
      tokenState: p.authMode === 'session' ? 'missing' : tokenState,
      session: p.authMode === 'session' ? { email: p.email ?? '', signedInUntil: this.access.sessions.until(p.id) } : null,
      lastCustomerAuthId: p.lastCustomerAuthId,
      attention,
      caps: this.provider(p.provider).caps,
      realmBase: realmBaseOf(p, this.provider(p.provider)),
    };
  }
}

/** The realm base shown for a profile: its own, else its provider's default; none for a provider without one. */
function realmBaseOf(p: ProfileRecord, provider: Provider): string | null {
  return provider.defaultRealmBase ? (p.realmBase ?? provider.defaultRealmBase) : null;
}

function normaliseBaseUrl(u: string): string {
  return u.trim().replace(/\/+$/, '');
}

/**
 * The sign-in worked but the identity call then refused its session token: the password was right,
 * so "sign in again" would mislead. The docs call the JWT interactive-only and never say the
 * partner endpoints take it (vobiz.md §1, §7.12); the way that works is the partner API token.
 */
function sessionRefusedAfterSignIn(providerName: string, e: unknown): unknown {
  if (!isAppError(e) || e.remedy !== 'use-api-token') return e;
  return new AppError(e.code, `${providerName} accepted your email and password, but refused the session for its partner API.`, {
    hint: `${providerName}'s docs describe the sign-in for interactive sessions and do not say the partner endpoints accept it. Add this profile with the partner auth ID (PA_…) and partner API token instead.`,
    ...(e.status !== undefined ? { status: e.status } : {}),
    retryable: false,
    remedy: 'use-api-token',
    cause: e,
  });
}
