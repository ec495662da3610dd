import { useState } from 'react';
import type { ErrorDTO, ProfileDTO } from '../../../src-preload/contract';
import { BusyButton } from '../components/Busy';
import { ErrorNotice } from '../components/ErrorNotice';
import { TimeOfDay } from '../components/Time';
import { useProfiles } from '../store/profiles';
import { useUi } from '../store/ui';

/** Settings block for a session profile: the session's state and "Sign out" (no token to replace). */
export function SessionSettings({ profile }: { profile: ProfileDTO }) {
  const signOut = useProfiles((s) => s.signOut);
  const showMain = useUi((s) => s.showMain);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorDTO | null>(null);
  const until = profile.session?.signedInUntil ?? null;

  async function onSignOut() {
    setBusy(true);
    setFailure(null);
    const result = await signOut(profile.id);
    setBusy(false);
    if (result.ok) showMain('Signed out. Sign in again to use this profile.');
    else setFailure(result.error);
  }

  return (
    <div className="settings-block" data-testid="session-settings">
      <h3>Session</h3>
      <p className="settings-help">
        {until ? (
          <>
            Signed in as {profile.session?.email ?? 'this account'} until <TimeOfDay iso={until} />.
            Signing out forgets the session at once; your password was never stored.
          </>
        ) : (
          <>Signed out. Sign in again from the profile's main view; your password is not stored.</>
        )}
      </p>
      {failure && <ErrorNotice error={failure} testId="sign-out-error" onRetry={() => void onSignOut()} />}
      {until && (
        <div className="form-actions">
          <BusyButton type="button" className="btn" onClick={() => void onSignOut()} busy={busy} label="Sign out" busyLabel="Signing out…" />
        </div>
      )}
    </div>
  );
}
