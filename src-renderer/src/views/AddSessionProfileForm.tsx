import { VOBIZ_DEFAULT_BASE_URL } from '../../../src-preload/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { FormActions } from '../components/FormActions';
import { SecretField, TextField, verbatimInput } from '../components/TextField';
import { checkBaseUrl, checkBaseUrlOrEmpty, checkDisplayName, checkEmail, checkLoginPassword } from '../lib/fieldRules';
import { useCheckedForm } from '../lib/useCheckedForm';
import { useProfiles } from '../store/profiles';
import { BaseUrlField, openAddedProfile, profileInput, ProfileNameField } from './ProfileFormFields';

const RULES = { displayName: checkDisplayName, email: checkEmail, password: checkLoginPassword, baseUrl: checkBaseUrl };

type Props = {
  onCancel?: (() => void) | undefined;
  onBusy(busy: boolean): void;
  /** Switch the add-profile form to the API token method (offered when Vobiz refuses the session). */
  onUseApiToken(): void;
};

/**
 * Adds a session-only profile: email and password are sent to Vobiz once to sign in. The password
 * stays in its input (never in React state), is read once on submit and is not stored anywhere.
 */
export function AddSessionProfileForm({ onCancel, onBusy, onUseApiToken }: Props) {
  const addSession = useProfiles((s) => s.addSession);
  const form = useCheckedForm(RULES, { displayName: '', email: '', baseUrl: VOBIZ_DEFAULT_BASE_URL }, onBusy);

  const onSubmit = form.handleSubmit({
    submitRules: { baseUrl: checkBaseUrlOrEmpty },
    send: (fields) => addSession(profileInput(fields)),
    onSuccess: openAddedProfile,
    // Only format problems go next to a field; a wrong email or password is the notice (with its hint).
    isFieldError: (error) => error.code === 'VALIDATION' || error.code === 'CONFLICT',
    focusFor: (error) => (error.code === 'UNAUTHORIZED' ? 'password' : undefined),
    clearSecrets: () => true, // sent once; never kept, not even in the field
  });

  return (
    <form ref={form.formRef} className="form" data-testid="add-session-profile-form" aria-busy={form.busy} noValidate onSubmit={onSubmit}>
      <p className="form-intro">
        Sign in with your Vobiz partner email and password. Your password is sent to Vobiz once to sign in and is
        not stored. The session ends after the time Vobiz allows (usually an hour); then Trunkdesk asks you to sign
        in again.
      </p>

      <ProfileNameField {...form.bind('displayName')} />
      <TextField label="Email" type="email" {...form.bind('email')} {...verbatimInput} required />
      <SecretField label="Password" {...form.bindSecret('password')} help="Not stored: it is used once to sign in." required />
      <BaseUrlField {...form.bind('baseUrl')} />

      {form.failure && (
        <ErrorNotice
          error={form.failure}
          testId="add-profile-error"
          onRetry={form.retry}
          actions={
            form.failure.remedy === 'use-api-token' && (
              <button type="button" className="btn btn-primary" onClick={onUseApiToken}>
                Use an API token instead
              </button>
            )
          }
        />
      )}

      <FormActions label="Sign in and add" busyLabel="Signing in…" busy={form.busy} onCancel={onCancel} />
    </form>
  );
}
