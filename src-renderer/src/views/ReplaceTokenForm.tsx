import { useEffect, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { ErrorDTO, ProfileDTO } from '../../../src-preload/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { TokenField } from '../components/TextField';
import { checkToken, messageOf } from '../lib/fieldRules';
import { usePartner } from '../store/partner';
import { useProfiles } from '../store/profiles';
import { useUi } from '../store/ui';

/** Rotate the profile's token. Like add, the token lives only in the password input. */
export function ReplaceTokenForm({ profile, autoFocus }: { profile: ProfileDTO; autoFocus: boolean }) {
  const rotateToken = useProfiles((s) => s.rotateToken);
  const fetchPartner = usePartner((s) => s.fetch);
  const showPartner = useUi((s) => s.showPartner);
  const inputRef = useRef<HTMLInputElement>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<ErrorDTO | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const input = inputRef.current;
    const checked = checkToken(input?.value ?? '');
    setFailure(null);
    if (!checked.ok) {
      setFieldError(checked.message);
      input?.focus();
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    const result = await rotateToken(profile.id, checked.value);
    flushSync(() => setBusy(false)); // re-enable the input now, so it can take focus below
    if (result.ok) {
      if (input) input.value = '';
      void fetchPartner(profile.id);
      showPartner('Token replaced. Vobiz accepted it and it is stored encrypted on this computer.');
      return;
    }
    const { error } = result;
    if (error.field) setFieldError(error.message);
    else setFailure(error);
    if ((error.field || error.code === 'UNAUTHORIZED') && input) {
      input.value = '';
      input.focus();
    }
  }

  return (
    <form className="settings-block" aria-labelledby="rotate-title" noValidate onSubmit={onSubmit} data-testid="rotate-form">
      <h3 id="rotate-title">Replace API token</h3>
      <p className="settings-help">
        Trunkdesk checks the new token with Vobiz before saving it. If Vobiz does not accept it, the current token is
        kept.
      </p>
      <TokenField
        label="New API token"
        name="token"
        inputRef={inputRef}
        onChange={(e) => {
          if (fieldError) setFieldError(messageOf(checkToken(e.target.value)));
        }}
        error={fieldError}
        disabled={busy}
      />
      {failure && (
        <ErrorNotice
          error={failure}
          testId="rotate-error"
          onRetry={() => inputRef.current?.form?.requestSubmit()}
        />
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy}>
          {busy ? 'Verifying with Vobiz…' : 'Replace token'}
        </button>
      </div>
    </form>
  );
}
