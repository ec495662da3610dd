import { useEffect } from 'react';
import type { CustomerDTO } from '../../../../src-preload/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormActions } from '../../components/FormActions';
import { SecretField } from '../../components/TextField';
import { checkCustomerToken } from '../../lib/fieldRules';
import { useSecretForm } from '../../lib/useSecretForm';
import { useWriteBlock } from '../../store/connectivity';
import { useCustomers } from '../../store/customers';

type Props = {
  profileId: string;
  customer: CustomerDTO;
  autoFocus: boolean;
  intro?: string;
  onSaved?: () => void;
  onCancel?: () => void;
};

/** Write-only: a customer's own API token, verified by main before it is stored. Never in React state. */
export function CustomerTokenForm({ profileId, customer, autoFocus, intro, onSaved, onCancel }: Props) {
  const setToken = useCustomers((s) => s.setToken);
  const setNotice = useCustomers((s) => s.setNotice);
  const blocked = useWriteBlock();
  const form = useSecretForm({
    check: checkCustomerToken,
    send: (token) => setToken(profileId, customer.authId, token),
    onSuccess: () => {
      setNotice(profileId, `API token for ${customer.name} saved. Vobiz accepted it and it is stored encrypted on this computer.`);
      onSaved?.();
    },
    isFieldError: (e) => e.code === 'VALIDATION' && e.field?.split('.').pop() === 'token',
    // A rejected token is of no further use: clear it so the next paste starts clean.
    clearOn: (e) => !!e.field || e.code === 'UNAUTHORIZED' || e.code === 'FORBIDDEN',
  });
  const { inputRef } = form;

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus, inputRef]);

  return (
    <form className="form customer-token-form" data-testid="customer-token-form" noValidate onSubmit={form.onSubmit} aria-busy={form.busy}>
      {intro && <p className="settings-help">{intro}</p>}
      <SecretField
        label="Customer API token"
        name="customerToken"
        {...form.field}
        help={`The API token of ${customer.authId} (not a partner token).`}
      />
      {form.failure && <ErrorNotice error={form.failure} testId="customer-token-error" onRetry={form.retry} />}
      <FormActions label="Save customer token" busyLabel="Checking with Vobiz…" busy={form.busy} onCancel={onCancel} blocked={blocked} />
    </form>
  );
}
