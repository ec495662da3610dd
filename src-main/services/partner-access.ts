// How main reaches a profile's partner API: resolves the profile's credentials (a vault token,
// or a signed-in session's JWT), tracks the call so switching profiles can cancel it, and drops a
// session that Vobiz no longer accepts. Profiles, customers and credentials all go through here.
import type { Connectivity } from '../net/connectivity';
import { AppError } from '../net/errors';
import type { HttpClient } from '../net/http';
import { profileAttention, type ProfileRecord, type ProfileStore } from '../profiles/store';
import type { PartnerApi, PartnerCredentials, Provider, SessionCache } from '../providers/provider';
import { entryIds, type VaultAccess } from '../secrets/vault-access';
import type { SessionStore } from './sessions';

export class PartnerAccess {
  private readonly inflight = new Map<string, Set<AbortController>>();
  /** Sign-ins a provider keeps for itself (VoIPBIN's JWT), in memory per profile, never on disk. */
  private readonly providerSessions = new Map<string, { token: string; expiresAt: number }>();

  constructor(
    readonly store: ProfileStore,
    readonly vaults: VaultAccess,
    readonly sessions: SessionStore,
    readonly http: HttpClient,
    private readonly providers: Readonly<Record<ProfileRecord['provider'], Provider>>,
    readonly connectivity: Connectivity,
  ) {}

  /** The provider a profile (or a new profile's input) is spoken through. */
  provider(name: ProfileRecord['provider']): Provider {
    return this.providers[name];
  }

  /** A profile that may be called out for: one that needs attention is refused before its token is read. */
  usable(profileId: string): ProfileRecord {
    const p = this.store.require(profileId);
    const problem = profileAttention(p);
    if (problem) throw new AppError('VALIDATION', problem.message, { ...(problem.hint ? { hint: problem.hint } : {}), retryable: false });
    return p;
  }

  async auth(p: ProfileRecord): Promise<PartnerCredentials> {
    if (p.authMode === 'session') {
      const accessToken = this.sessions.token(p.id);
      if (!accessToken) {
        throw new AppError('UNAUTHORIZED', `You are signed out of “${p.displayName}”.`, {
          hint: 'Sign in again with your email and password.',
          retryable: false,
        });
      }
      return { kind: 'session', accessToken };
    }
    const vault = await this.vaults.get();
    const secret = vault.get(entryIds.partnerToken(p.id));
    switch (p.authMode) {
      case 'login':
        return { kind: 'login', username: p.username ?? p.authId, password: secret, session: this.sessionCache(p.id) };
      case 'accesskey':
        return { kind: 'accesskey', key: secret };
      case 'apikey':
        return { kind: 'apikey', key: secret };
      default:
        return { kind: 'token', authId: p.authId, token: secret };
    }
  }

  /** The in-memory sign-in a provider keeps for a profile (dropped with the profile). */
  sessionCache(profileId: string): SessionCache {
    return {
      get: () => this.providerSessions.get(profileId),
      set: (token, expiresAt) => void this.providerSessions.set(profileId, { token, expiresAt }),
      clear: () => void this.providerSessions.delete(profileId),
    };
  }

  /** Run a partner API call for a profile: cancellable by a profile switch, session-aware. */
  async run<T>(profileId: string, fn: (client: PartnerApi, signal: AbortSignal, profile: ProfileRecord) => Promise<T>): Promise<T> {
    const p = this.usable(profileId);
    const auth = await this.auth(p);
    return this.track(profileId, async (signal) => {
      try {
        return await fn(this.provider(p.provider).partner(this.http, p.baseUrl, auth, { realmBase: p.realmBase ?? null }), signal, p);
      } catch (e) {
        // A session Vobiz refuses is over: forget it and have the renderer ask to sign in again.
        if (p.authMode === 'session' && e instanceof AppError && e.code === 'UNAUTHORIZED') this.sessions.drop(p.id, true);
        throw e;
      }
    });
  }

  /** Track any provider call made on behalf of a profile, so switching away cancels it. */
  async track<T>(profileId: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const c = new AbortController();
    const set = this.inflight.get(profileId) ?? new Set();
    set.add(c);
    this.inflight.set(profileId, set);
    try {
      return await fn(c.signal);
    } catch (e) {
      if (c.signal.aborted) throw new AppError('TIMEOUT', 'Cancelled because you switched profiles.', { retryable: true });
      throw e;
    } finally {
      set.delete(c);
    }
  }

  abortAllExcept(profileId: string | null): void {
    for (const [pid, set] of this.inflight) if (pid !== profileId) for (const c of set) c.abort();
  }
}
