import { useEffect, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { VOBIZ_DEFAULT_BASE_URL, type ErrorDTO } from '../../../src-preload/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { FormActions } from '../components/FormActions';
import { TextField, TokenField, verbatimInput } from '../components/TextField';
import { checkAuthId, checkBaseUrl, checkDisplayName, checkToken } from '../lib/fieldRules';
import { fieldOf, useFieldErrors } from '../lib/useFieldErrors';
import { useProfiles } from '../store/profiles';
import { useUi } from '../store/ui';
import { BaseUrlField, ProfileNameField } from './ProfileFormFields';

type FieldName = 'displayName' | 'authId' | 'token' | 'baseUrl';
const ORDER: FieldName[] = ['displayName', 'authId', 'token', 'baseUrl'];

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
  const [displayName, setDisplayName] = useState('');
  const [authId, setAuthId] = useState('');
  const [baseUrl, setBaseUrl] = useState(VOBIZ_DEFAULT_BASE_URL);
  const { errors, setFieldError, onFieldBlur, recheck, showChecks } = useFieldErrors<FieldName>();
  const [failure, setFailure] = useState<ErrorDTO | null>(null);
  const [busy, setBusyState] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const refs = {
    displayName: useRef<HTMLInputElement>(null),
    authId: useRef<HTMLInputElement>(null),
    token: useRef<HTMLInputElement>(null),
    baseUrl: useRef<HTMLInputElement>(null),
  };
  const setBusy = (b: boolean) => {
    setBusyState(b);
    onBusy(b);
  };

  useEffect(() => {
    if (autoFocus) refs.displayName.current?.focus();
  }, [autoFocus, refs.displayName]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const tokenInput = refs.token.current;
    const name = checkDisplayName(displayName);
    const auth = checkAuthId(authId);
    const token = checkToken(tokenInput?.value ?? '');
    const url = baseUrl.trim() === '' ? ({ ok: true, value: '' } as const) : checkBaseUrl(baseUrl);

    setFailure(null);
    const valid = showChecks({ displayName: name, authId: auth, token, baseUrl: url }, ORDER, refs);
    if (!valid || !name.ok || !auth.ok || !token.ok || !url.ok) return;

    setBusy(true);
    const result = await add({
      displayName: name.value,
      provider: 'vobiz',
      authId: auth.value,
      token: token.value,
      ...(url.value ? { baseUrl: url.value } : {}),
    });
    if (result.ok) {
      setBusy(false);
      useUi.getState().showPartner(); // a new profile opens on its partner account
      return; // the new profile is active now; the shell takes over
    }
    flushSync(() => setBusy(false)); // re-enable the inputs now, so they can take focus below

    // A field main pointed at gets the message next to it; anything else gets the notice.
    const { error } = result;
    const field = fieldOf(error.field, ORDER);
    if (field) setFieldError(field, error.message);
    else setFailure(error);
    // A rejected token is of no further use: clear it so the next paste starts clean.
    if ((field === 'token' || error.code === 'UNAUTHORIZED') && tokenInput) tokenInput.value = '';
    if (field) refs[field].current?.focus();
    else if (error.code === 'UNAUTHORIZED') refs.token.current?.focus();
  }

  return (
    <form
      ref={formRef}
      className="form"
      data-testid="add-token-profile-form"
      aria-busy={busy}
      noValidate
      onSubmit={onSubmit}
    >
      <p className="form-intro">
        Use the partner auth ID and API token from your Vobiz partner console. Trunkdesk checks them with Vobiz
        before saving, then keeps the token encrypted on this computer, protected by your operating system's
        keychain. It is never shown again.
      </p>

      <ProfileNameField
        inputRef={refs.displayName}
        value={displayName}
        onChange={(v) => {
          setDisplayName(v);
          recheck('displayName', v, checkDisplayName);
        }}
        onBlur={onFieldBlur('displayName', checkDisplayName)}
        error={errors.displayName}
        disabled={busy}
      />
      <TextField
        label="Partner auth ID"
        name="authId"
        inputRef={refs.authId}
        value={authId}
        onChange={(e) => {
          setAuthId(e.target.value);
          recheck('authId', e.target.value, checkAuthId);
        }}
        onBlur={onFieldBlur('authId', checkAuthId)}
        placeholder="PA_…"
        error={errors.authId}
        {...verbatimInput}
        required
        disabled={busy}
      />
      <TokenField
        label="API token"
        name="token"
        inputRef={refs.token}
        onChange={(e) => recheck('token', e.target.value, checkToken)}
        onBlur={onFieldBlur('token', checkToken)}
        error={errors.token}
        required
        disabled={busy}
      />
      <BaseUrlField
        inputRef={refs.baseUrl}
        value={baseUrl}
        onChange={(v) => {
          setBaseUrl(v);
          recheck('baseUrl', v, checkBaseUrl);
        }}
        onBlur={onFieldBlur('baseUrl', checkBaseUrl)}
        error={errors.baseUrl}
        disabled={busy}
      />

      {failure && (
        <ErrorNotice error={failure} testId="add-profile-error" onRetry={() => formRef.current?.requestSubmit()} />
      )}

      <FormActions label="Add profile" busyLabel="Verifying with Vobiz…" busy={busy} onCancel={onCancel} />
    </form>
  );
}
