import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { VOBIZ_DEFAULT_BASE_URL, type ErrorDTO } from '../../../src-preload/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { FormActions } from '../components/FormActions';
import { TextField, verbatimInput } from '../components/TextField';
import { checkBaseUrl, checkDisplayName, checkEmail, checkLoginPassword } from '../lib/fieldRules';
import { fieldOf, useFieldErrors } from '../lib/useFieldErrors';
import { useProfiles } from '../store/profiles';
import { useUi } from '../store/ui';
import { BaseUrlField, ProfileNameField } from './ProfileFormFields';

type FieldName = 'displayName' | 'email' | 'password' | 'baseUrl';
const ORDER: FieldName[] = ['displayName', 'email', 'password', 'baseUrl'];

type Props = {
  onCancel?: (() => void) | undefined;
  onBusy(busy: boolean): void;
};

/**
 * Adds a session-only profile: email and password are sent to Vobiz once to sign in. The password
 * stays in its input (never in React state), is read once on submit and is not stored anywhere.
 */
export function AddSessionProfileForm({ onCancel, onBusy }: Props) {
  const addSession = useProfiles((s) => s.addSession);
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [baseUrl, setBaseUrl] = useState(VOBIZ_DEFAULT_BASE_URL);
  const { errors, setFieldError, onFieldBlur, recheck, showChecks } = useFieldErrors<FieldName>();
  const [failure, setFailure] = useState<ErrorDTO | null>(null);
  const [busy, setBusyState] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const refs = {
    displayName: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    baseUrl: useRef<HTMLInputElement>(null),
  };
  const setBusy = (b: boolean) => {
    setBusyState(b);
    onBusy(b);
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const passwordInput = refs.password.current;
    const name = checkDisplayName(displayName);
    const mail = checkEmail(email);
    const password = checkLoginPassword(passwordInput?.value ?? '');
    const url = baseUrl.trim() === '' ? ({ ok: true, value: '' } as const) : checkBaseUrl(baseUrl);

    setFailure(null);
    const valid = showChecks({ displayName: name, email: mail, password, baseUrl: url }, ORDER, refs);
    if (!valid || !name.ok || !mail.ok || !password.ok || !url.ok) return;

    setBusy(true);
    const result = await addSession({
      displayName: name.value,
      provider: 'vobiz',
      email: mail.value,
      password: password.value,
      ...(url.value ? { baseUrl: url.value } : {}),
    });
    if (passwordInput) passwordInput.value = ''; // sent once; never kept, not even in the field
    if (result.ok) {
      setBusy(false);
      useUi.getState().showPartner(); // a new profile opens on its partner account
      return; // the new profile is active now; the shell takes over
    }
    flushSync(() => setBusy(false));

    const { error } = result;
    // Only format problems go next to a field; a wrong email or password is the notice (with its hint).
    const field = error.code === 'VALIDATION' || error.code === 'CONFLICT' ? fieldOf(error.field, ORDER) : null;
    if (field) setFieldError(field, error.message);
    else setFailure(error);
    if (field) refs[field].current?.focus();
    else if (error.code === 'UNAUTHORIZED') refs.password.current?.focus();
  }

  return (
    <form ref={formRef} className="form" data-testid="add-session-profile-form" aria-busy={busy} noValidate onSubmit={onSubmit}>
      <p className="form-intro">
        Sign in with your Vobiz partner email and password. Your password is sent to Vobiz once to sign in and is
        not stored. The session ends after the time Vobiz allows (usually an hour); then Trunkdesk asks you to sign
        in again.
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
        label="Email"
        name="email"
        type="email"
        inputRef={refs.email}
        value={email}
        onChange={(e) => {
          setEmail(e.target.value);
          recheck('email', e.target.value, checkEmail);
        }}
        onBlur={onFieldBlur('email', checkEmail)}
        error={errors.email}
        {...verbatimInput}
        required
        disabled={busy}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        inputRef={refs.password}
        onChange={(e) => recheck('password', e.target.value, checkLoginPassword)}
        onBlur={onFieldBlur('password', checkLoginPassword)}
        help="Not stored: it is used once to sign in."
        error={errors.password}
        {...verbatimInput}
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

      <FormActions label="Sign in and add" busyLabel="Signing in…" busy={busy} onCancel={onCancel} />
    </form>
  );
}
