import { useEffect, useRef, useState, type FocusEvent, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { VOBIZ_DEFAULT_BASE_URL, type ErrorDTO } from '../../../src-preload/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextField, TokenField, verbatimInput } from '../components/TextField';
import { checkAuthId, checkBaseUrl, checkDisplayName, checkToken, messageOf, type Check } from '../lib/fieldRules';
import { useProfiles } from '../store/profiles';

type FieldName = 'displayName' | 'authId' | 'token' | 'baseUrl';
type FieldErrors = Partial<Record<FieldName, string>>;
const ORDER: FieldName[] = ['displayName', 'authId', 'token', 'baseUrl'];

type Props = {
  /** Shown when profiles already exist. */
  onCancel?: () => void;
  autoFocus?: boolean;
};

/**
 * Adds a Vobiz profile. The token is never held in React state: it lives in the password input
 * only, is read once on submit and handed straight to the bridge.
 */
export function AddProfileForm({ onCancel, autoFocus = false }: Props) {
  const add = useProfiles((s) => s.add);
  const [displayName, setDisplayName] = useState('');
  const [authId, setAuthId] = useState('');
  const [baseUrl, setBaseUrl] = useState(VOBIZ_DEFAULT_BASE_URL);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ErrorDTO | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const refs = {
    displayName: useRef<HTMLInputElement>(null),
    authId: useRef<HTMLInputElement>(null),
    token: useRef<HTMLInputElement>(null),
    baseUrl: useRef<HTMLInputElement>(null),
  };

  useEffect(() => {
    if (autoFocus) refs.displayName.current?.focus();
  }, [autoFocus, refs.displayName]);

  const setFieldError = (field: FieldName, message: string | undefined) =>
    setErrors((e) => ({ ...e, [field]: message }));

  // Early hints: check a field when leaving it (once it has something in it), and re-check it
  // while typing once it shows an error. Leaving a field for one of this form's buttons is not
  // checked here: the submit checks everything, and a hint appearing between mousedown and
  // mouseup would move the button out from under the pointer.
  type Run = (v: string) => Check;
  const onFieldBlur = (field: FieldName, run: Run) => (e: FocusEvent<HTMLInputElement>) => {
    const next = e.relatedTarget;
    if (next instanceof HTMLButtonElement && next.form === e.currentTarget.form) return;
    if (e.currentTarget.value === '' && !errors[field]) return;
    setFieldError(field, messageOf(run(e.currentTarget.value)));
  };
  const recheck = (field: FieldName, value: string, run: Run) => {
    if (errors[field]) setFieldError(field, messageOf(run(value)));
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const tokenInput = refs.token.current;
    const name = checkDisplayName(displayName);
    const auth = checkAuthId(authId);
    const token = checkToken(tokenInput?.value ?? '');
    const url = baseUrl.trim() === '' ? ({ ok: true, value: '' } as const) : checkBaseUrl(baseUrl);

    const found: FieldErrors = {
      displayName: messageOf(name),
      authId: messageOf(auth),
      token: messageOf(token),
      baseUrl: messageOf(url),
    };
    setErrors(found);
    setFailure(null);
    const firstBad = ORDER.find((f) => found[f]);
    if (firstBad || !name.ok || !auth.ok || !token.ok || !url.ok) {
      if (firstBad) refs[firstBad].current?.focus();
      return;
    }

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
      return; // the new profile is active now; the shell takes over
    }
    flushSync(() => setBusy(false)); // re-enable the inputs now, so they can take focus below

    // A field main pointed at gets the message next to it; anything else gets the notice.
    const { error } = result;
    const field = fieldOf(error);
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
      className="card form"
      data-testid="add-profile-form"
      aria-labelledby="add-profile-title"
      aria-busy={busy}
      noValidate
      onSubmit={onSubmit}
    >
      <h2 id="add-profile-title" className="card-title">
        Add a Vobiz profile
      </h2>
      <p className="form-intro">
        Use the partner auth ID and API token from your Vobiz partner console. Trunkdesk checks them with Vobiz
        before saving, then keeps the token encrypted on this computer, protected by your operating system's
        keychain. It is never shown again.
      </p>

      <TextField
        label="Profile name"
        name="displayName"
        inputRef={refs.displayName}
        value={displayName}
        onChange={(e) => {
          setDisplayName(e.target.value);
          recheck('displayName', e.target.value, checkDisplayName);
        }}
        onBlur={onFieldBlur('displayName', checkDisplayName)}
        help="How this profile is listed in Trunkdesk, e.g. the partner's company name."
        error={errors.displayName}
        autoComplete="off"
        maxLength={200}
        required
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
      <TextField
        label="Base URL"
        name="baseUrl"
        type="url"
        inputRef={refs.baseUrl}
        value={baseUrl}
        onChange={(e) => {
          setBaseUrl(e.target.value);
          recheck('baseUrl', e.target.value, checkBaseUrl);
        }}
        onBlur={onFieldBlur('baseUrl', checkBaseUrl)}
        help="Advanced: leave as it is unless you use a test server or a local simulator."
        error={errors.baseUrl}
        {...verbatimInput}
        disabled={busy}
      />

      {failure && (
        <ErrorNotice
          error={failure}
          testId="add-profile-error"
          onRetry={() => formRef.current?.requestSubmit()}
        />
      )}

      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy}>
          {busy ? 'Verifying with Vobiz…' : 'Add profile'}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

function fieldOf(error: ErrorDTO): FieldName | null {
  const f = error.field?.split('.').pop();
  return f && (ORDER as string[]).includes(f) ? (f as FieldName) : null;
}
