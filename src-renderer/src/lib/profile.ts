// What a profile can do right now, from what main reports about it.
import type { ProfileDTO } from '../../../src-preload/contract';

export const isSessionProfile = (p: ProfileDTO): boolean => p.authMode === 'session';

/** A session profile with a live session (main drops it when it expires). */
export const isSignedIn = (p: ProfileDTO): boolean => p.authMode === 'session' && !!p.session?.signedInUntil;

/** Whether Trunkdesk can call Vobiz for this profile: nothing needs attention, and a stored token or a live session. */
export const canCallVobiz = (p: ProfileDTO): boolean => !p.attention && (isSessionProfile(p) ? isSignedIn(p) : p.tokenState === 'stored');
