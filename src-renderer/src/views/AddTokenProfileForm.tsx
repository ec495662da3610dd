import { useEffect } from 'react';
import { VOBIZ_DEFAULT_BASE_URL } from '../../../src-preload/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { FormActions } from '../components/FormActions';
import { SecretField, TextField, verbatimInput } from '../components/TextField';
import { checkAuthId, checkBaseUrl, checkBaseUrlOrEmpty, checkDisplayName, checkToken } from '../lib/fieldRules';
import { useCheckedForm } from '../lib/useCheckedForm';
import { useProfiles } from '../store/profiles';
import { BaseUrlField, openAddedProfile, profileInput, ProfileNameField } from './ProfileFormFields';

const RULES = { displayName: checkDisplayName, authId: checkAuthId, token: checkToken, baseUrl: checkBaseUrl };

type Props = {
  onCancel?: (() => void) | undefined;
  autoFocus: boolean;
  onBusy(busy: boolean): void;
};

/**
 * Adds a profile with a partner API token. The token is never held in React state: it lives in
 * the password input only, is read once on submit and handed straight to the bridge.
 */
export function AddTokenProfileForm({ onCancel, autoFocus, onBusy }: Props) {
  const add = useProfiles((s) => s.add);
  const form = useCheckedForm(RULES, { displayName: '', authId: '', baseUrl: VOBIZ_DEFAULT_BASE_URL }, onBusy);
  const nameRef = form.refs.displayName;

  useEffect(() => {
    if (autoFocus) nameRef.current?.focus();
  }, [autoFocus, nameRef]);

  const onSubmit = form.handleSubmit({
    submitRules: { baseUrl: checkBaseUrlOrEmpty },
    send: (fields) => add(profileInput(fields)),
    onSuccess: openAddedProfile,
    // Main's error goes next to the field it names, else in the notice; a rejected token is asked for again.
    focusFor: (error) => (error.code === 'UNAUTHORIZED' ? 'token' : undefined),
    // A rejected token is of no further use: clear it so the next paste starts clean.
    clearSecrets: (result, field) => !result.ok && (field === 'token' || result.error.code === 'UNAUTHORIZED'),
  });

  return (
    <form
      ref={form.formRef}
      className="form"
      data-testid="add-token-profile-form"
      aria-busy={form.busy}
      noValidate
      onSubmit={onSubmit}
    >
      <p className="form-intro">
        Use the partner auth ID and API token from your Vobiz partner console. Trunkdesk checks them with Vobiz
        before saving, then keeps the token encrypted on this computer, protected by your operating system's
        keychain. It is never shown again.
      </p>

      <ProfileNameField {...form.bind('displayName')} />
      <TextField label="Partner auth ID" {...form.bind('authId')} placeholder="PA_…" {...verbatimInput} required />
      <SecretField label="API token" {...form.bindSecret('token')} required />
      <BaseUrlField {...form.bind('baseUrl')} />

      {form.failure && <ErrorNotice error={form.failure} testId="add-profile-error" onRetry={form.retry} />}

      <FormActions label="Add profile" busyLabel="Verifying with Vobiz…" busy={form.busy} onCancel={onCancel} />
    </form>
  );
}
