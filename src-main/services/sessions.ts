// Signed-in sessions (Vobiz `POST /login`): the JWT lives here, in main's memory only, and is
// dropped when its `expires_in` runs out or Vobiz refuses it; the renderer is then told to ask
// the admin to sign in again. Nothing here is ever written to disk.
import { rememberSecret } from '../net/scrub';
import type { EventBus } from './events';

interface Session {
  accessToken: string;
  expiresAt: number;
  timer: NodeJS.Timeout;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly events: EventBus,
    private readonly now: () => number = Date.now,
  ) {}

  set(profileId: string, accessToken: string, expiresInSeconds: number): void {
    this.drop(profileId, false);
    rememberSecret(accessToken);
    // A little early, so a call never starts with a token about to lapse in flight.
    const ms = Math.max(0, expiresInSeconds * 1000 - 5_000);
    const timer = setTimeout(() => this.drop(profileId, true), ms);
    timer.unref();
    this.sessions.set(profileId, { accessToken, expiresAt: this.now() + ms, timer });
  }

  token(profileId: string): string | undefined {
    const s = this.sessions.get(profileId);
    if (!s) return undefined;
    if (this.now() >= s.expiresAt) {
      this.drop(profileId, true);
      return undefined;
    }
    return s.accessToken;
  }

  /** ISO time the session ends, or null when signed out. */
  until(profileId: string): string | null {
    const s = this.sessions.get(profileId);
    return s && this.now() < s.expiresAt ? new Date(s.expiresAt).toISOString() : null;
  }

  drop(profileId: string, notify: boolean): void {
    const s = this.sessions.get(profileId);
    if (!s) return;
    clearTimeout(s.timer);
    this.sessions.delete(profileId);
    if (notify) this.events.emit({ type: 'session-expired', profileId });
  }

  clear(): void {
    for (const id of [...this.sessions.keys()]) this.drop(id, false);
  }
}
