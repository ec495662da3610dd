import { useEffect } from 'react';
import type { ProfileDTO } from '../../../src-preload/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { FormActions } from '../components/FormActions';
import { SecretField } from '../components/TextField';
import { checkLoginPassword } from '../lib/fieldRules';
import { useSecretForm } from '../lib/useSecretForm';
import { useProfiles } from '../store/profiles';
import { useUi } from '../store/ui';

/**
 * A session profile that is signed out (or whose session expired). The password goes from the
 * input straight to the bridge and is cleared right after: it is never stored.
 */
export function SignInPanel({ profile }: { profile: ProfileDTO }) {
  const signIn = useProfiles((s) => s.signIn);
  const form = useSecretForm({
    check: checkLoginPassword,
    send: (password) => signIn(profile.id, password),
    onSuccess: () => {
      const ui = useUi.getState();
      if (ui.sessionEnded?.profileId === profile.id) ui.setSessionEnded(null);
    },
    // A wrong password is an authentication failure (with a hint), not a format problem: the notice.
    isFieldError: (e) => e.code === 'VALIDATION' && e.field === 'password',
    clearOn: () => true, // sent once; never kept, not even in the field
  });
  const { inputRef } = form;

  useEffect(() => {
    inputRef.current?.focus();
  }, [profile.id, inputRef]);

  return (
    <section className="card sign-in" data-testid="sign-in-panel" data-profile-id={profile.id} aria-labelledby="sign-in-title">
      <form className="form" noValidate onSubmit={form.onSubmit} aria-busy={form.busy}>
        <h2 id="sign-in-title" className="card-title">
          Sign in to {profile.displayName}
        </h2>
        <p className="form-intro">
          This profile signs in with email and password
          {profile.session?.email ? (
            <>
              {' '}
              as <strong>{profile.session.email}</strong>
            </>
          ) : null}
          . Your password is sent to Vobiz once and not stored; the session ends after the time Vobiz allows.
        </p>
        <SecretField label="Password" name="password" {...form.field} />
        {form.failure && <ErrorNotice error={form.failure} testId="sign-in-error" onRetry={form.retry} />}
        <FormActions label="Sign in" busyLabel="Signing in…" busy={form.busy} />
      </form>
    </section>
  );
}
