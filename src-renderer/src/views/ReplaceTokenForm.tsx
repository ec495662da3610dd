import { useEffect } from 'react';
import type { ProfileDTO } from '../../../src-preload/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { FormActions } from '../components/FormActions';
import { SecretField } from '../components/TextField';
import { checkToken } from '../lib/fieldRules';
import { useSecretForm } from '../lib/useSecretForm';
import { usePartner } from '../store/partner';
import { useProfiles } from '../store/profiles';
import { useUi } from '../store/ui';

/** Rotate the profile's token. Like add, the token lives only in the password input. */
export function ReplaceTokenForm({ profile, autoFocus }: { profile: ProfileDTO; autoFocus: boolean }) {
  const rotateToken = useProfiles((s) => s.rotateToken);
  const fetchPartner = usePartner((s) => s.fetch);
  const showPartner = useUi((s) => s.showPartner);
  const form = useSecretForm({
    check: checkToken,
    send: (token) => rotateToken(profile.id, token),
    onSuccess: () => {
      void fetchPartner(profile.id);
      showPartner('Token replaced. Vobiz accepted it and it is stored encrypted on this computer.');
    },
    isFieldError: (e) => !!e.field,
    clearOn: (e) => e.code === 'UNAUTHORIZED',
  });
  const { inputRef } = form;

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus, inputRef]);

  return (
    <form className="settings-block" aria-labelledby="rotate-title" noValidate onSubmit={form.onSubmit} data-testid="rotate-form">
      <h3 id="rotate-title">Replace API token</h3>
      <p className="settings-help">
        Trunkdesk checks the new token with Vobiz before saving it. If Vobiz does not accept it, the current token is
        kept.
      </p>
      <SecretField label="New API token" name="token" {...form.field} />
      {form.failure && <ErrorNotice error={form.failure} testId="rotate-error" onRetry={form.retry} />}
      <FormActions label="Replace token" busyLabel="Verifying with Vobiz…" busy={form.busy} />
    </form>
  );
}
