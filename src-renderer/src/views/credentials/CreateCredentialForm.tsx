import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CredentialWriteDTO } from '../../../../src-preload/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormActions } from '../../components/FormActions';
import { TextField, verbatimInput } from '../../components/TextField';
import { checkSipUsername, messageOf } from '../../lib/fieldRules';
import { credentialWrites, type CredentialScope } from '../../store/credentials';
import { PasswordChoice } from './PasswordChoice';
import { useCredentialWrite } from './useCredentialWrite';

type Props = {
  scope: CredentialScope;
  onCreated(write: CredentialWriteDTO, secretId: string | null): void;
  /** The outcome is unknown (Vobiz failed mid-way): the list should be fetched again. */
  onUnknownOutcome(): void;
  onCancel(): void;
  /** Why it cannot be sent now (offline), or null. */
  blocked: string | null;
};

const USERNAME_HELP =
  'Letters and digits only (A–Z, a–z, 0–9): Vobiz can reject dashes, underscores and other punctuation. It cannot be changed later.';

/** Create a SIP credential: a username, and a generated (default) or typed password. */
export function CreateCredentialForm({ scope, onCreated, onUnknownOutcome, onCancel, blocked }: Props) {
  const [username, setUsername] = useState('');
  const [usernameError, setUsernameError] = useState<string | undefined>();
  const write = useCredentialWrite();
  const { busy, failure } = write;
  const usernameRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    usernameRef.current?.focus();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!write.begin(event) || blocked) return;
    const name = checkSipUsername(username);
    setUsernameError(messageOf(name));
    if (!name.ok) {
      usernameRef.current?.focus();
      return;
    }
    const error = await write.send((password) => credentialWrites.create(scope, name.value, password), onCreated);
    if (!error) return;

    const field = error.field?.split('.').pop();
    if (field === 'username' || (!field && error.code === 'CONFLICT')) {
      setUsernameError(error.message);
      usernameRef.current?.focus();
    } else {
      write.showError(error);
    }
    // Vobiz failed mid-way: main has looked again and says whether it exists; show the list as it is now.
    if (error.code === 'UPSTREAM') onUnknownOutcome();
  }

  return (
    <form
      ref={formRef}
      className="panel form"
      data-testid="create-credential-form"
      aria-labelledby="create-credential-title"
      aria-busy={busy}
      noValidate
      onSubmit={onSubmit}
    >
      <h4 id="create-credential-title" className="panel-title">
        New SIP credential
      </h4>
      <TextField
        label="Username"
        name="username"
        inputRef={usernameRef}
        value={username}
        onChange={(e) => {
          setUsername(e.target.value);
          // Show the letters-and-digits rule as soon as it is broken, not only on submit.
          const v = e.target.value;
          setUsernameError(v === '' && !usernameError ? undefined : messageOf(checkSipUsername(v)));
        }}
        help={USERNAME_HELP}
        error={usernameError}
        {...verbatimInput}
        maxLength={64}
        disabled={busy}
      />
      <PasswordChoice choice={write.password} disabled={busy} />
      {failure && (
        <ErrorNotice error={failure} testId="create-credential-error" onRetry={() => formRef.current?.requestSubmit()} />
      )}
      <FormActions label={'Create credential'} busyLabel="Creating…" busy={busy} onCancel={onCancel} blocked={blocked} />
    </form>
  );
}
