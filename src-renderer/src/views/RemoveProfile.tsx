import { useEffect, useRef, useState } from 'react';
import type { ProfileDTO } from '../../../src-preload/contract';
import { BusyButton } from '../components/Busy';
import { ErrorNotice } from '../components/ErrorNotice';
import { providerLabel, secretNoun } from '../lib/caps';
import { useEscapeCloses } from '../lib/useEscapeCloses';
import { useRequest } from '../lib/useRequest';
import { useBulk } from '../store/bulk';
import { useCredentials } from '../store/credentials';
import { useCustomers } from '../store/customers';
import { usePartner } from '../store/partner';
import { useProfiles } from '../store/profiles';
import { useSearch } from '../store/search';
import { useSync } from '../store/sync';

/** Remove the profile, behind a confirm step that says what happens to the token. */
export function RemoveProfile({ profile }: { profile: ProfileDTO }) {
  const remove = useProfiles((s) => s.remove);
  const forget = usePartner((s) => s.forget);
  const [confirming, setConfirming] = useState(false);
  const { busy, failure, run } = useRequest();
  const keepRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  // Escape is Keep (inside the settings, it closes this first).
  useEscapeCloses(confirming && !busy ? () => setConfirming(false) : null, confirmRef);

  useEffect(() => {
    if (confirming) keepRef.current?.focus();
    else if (wasConfirming.current) startRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  // Once removed, this panel goes away with the profile.
  const onRemove = () =>
    run(
      () => remove(profile.id),
      () => {
        forget(profile.id);
        useCustomers.getState().forget(profile.id);
        useCredentials.getState().forgetProfile(profile.id);
        useBulk.getState().forgetProfile(profile.id);
        useSync.getState().forget(profile.id);
        useSearch.getState().forget(profile.id);
      },
    );

  return (
    <div className="settings-block settings-danger" data-testid="remove-profile">
      <h3>Remove profile</h3>
      {!confirming ? (
        <>
          <p className="settings-help">
            {profile.authMode === 'session'
              ? `Removes this profile from Trunkdesk and ends its session. Nothing changes at ${providerLabel(profile)}.`
              : `Removes this profile and deletes its stored ${secretNoun(profile)} and data from this computer. Nothing changes at ${providerLabel(profile)}.`}
          </p>
          <div className="form-actions">
            <button ref={startRef} type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
              Remove profile
            </button>
          </div>
        </>
      ) : (
        <div ref={confirmRef} className="confirm" role="group" aria-labelledby="remove-confirm-text" data-testid="remove-confirm">
          <p id="remove-confirm-text" className="confirm-text">
            Remove {profile.displayName}?{' '}
            {profile.authMode === 'session' ? 'Its session ends.' : `Its stored ${secretNoun(profile)} is deleted from this computer.`}
          </p>
          {failure && <ErrorNotice error={failure} testId="remove-error" onRetry={() => void onRemove()} />}
          <div className="form-actions">
            <BusyButton type="button" className="btn btn-danger" onClick={() => void onRemove()} busy={busy} label="Remove" busyLabel="Removing…" />
            <button ref={keepRef} type="button" className="btn" onClick={() => setConfirming(false)} disabled={busy}>
              Keep
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
