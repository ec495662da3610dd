import { useEffect } from 'react';
import type { ProfileDTO } from '../../../src-preload/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { FormActions } from '../components/FormActions';
import { SecretField } from '../components/TextField';
import { providerLabel } from '../lib/caps';
import { checkAccessKey, checkApiKey, checkLoginPassword, checkToken, type Check } from '../lib/fieldRules';
import { useSecretForm } from '../lib/useSecretForm';
import { usePartner } from '../store/partner';
import { useProfiles } from '../store/profiles';
import { useUi } from '../store/ui';

/** The words and rule of each stored secret: a Vobiz token, a VoIPBIN password or access key, a Vocobase API key. */
function secretOf(profile: ProfileDTO): { title: string; label: string; button: string; done: string; rule(v: string): Check; placeholder?: string } {
  switch (profile.authMode) {
    case 'login':
      return { title: 'Change the stored password', label: 'New password', button: 'Save password', done: 'Password saved', rule: checkLoginPassword };
    case 'accesskey':
      return { title: 'Replace access key', label: 'New access key', button: 'Replace access key', done: 'Access key replaced', rule: checkAccessKey, placeholder: 'vb_…' };
    case 'apikey':
      return { title: 'Replace API key', label: 'New API key', button: 'Replace API key', done: 'API key replaced', rule: checkApiKey, placeholder: 'rg_live_…' };
    default:
      return { title: 'Replace API token', label: 'New API token', button: 'Replace token', done: 'Token replaced', rule: checkToken };
  }
}

/** Rotate the profile's stored secret. Like add, it lives only in the password input. */
export function ReplaceTokenForm({ profile, autoFocus }: { profile: ProfileDTO; autoFocus: boolean }) {
  const rotateToken = useProfiles((s) => s.rotateToken);
  const fetchPartner = usePartner((s) => s.fetch);
  const showPartner = useUi((s) => s.showPartner);
  const provider = providerLabel(profile);
  const secret = secretOf(profile);
  const form = useSecretForm({
    check: secret.rule,
    send: (token) => rotateToken(profile.id, token),
    onSuccess: () => {
      void fetchPartner(profile.id);
      showPartner(`${secret.done}. ${provider} accepted it and it is stored encrypted on this computer.`);
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
      <h3 id="rotate-title">{secret.title}</h3>
      <p className="settings-help">
        Trunkdesk checks it with {provider} before saving it. If {provider} does not accept it, the current one is kept.
      </p>
      <SecretField label={secret.label} name="token" placeholder={secret.placeholder} {...form.field} />
      {form.failure && <ErrorNotice error={form.failure} testId="rotate-error" onRetry={form.retry} />}
      <FormActions label={secret.button} busyLabel={`Verifying with ${provider}…`} busy={form.busy} />
    </form>
  );
}
