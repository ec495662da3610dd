// A credential write that carries a new password (create, change password): the password choice
// is resolved first (a typed one checked, or a fresh one generated and held by main), the write is
// sent with it, and a generated password's handle is passed on so it can be shown once.
import { useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { CredentialWriteDTO, ErrorDTO, PasswordInput, Result } from '../../../../src-preload/contract';
import { usePasswordChoice, type PasswordRules } from './PasswordChoice';

type Written = (write: CredentialWriteDTO, secretId: string | null) => void;

export function useCredentialWrite(rules?: PasswordRules) {
  const password = usePasswordChoice(rules);
  const [failure, setFailure] = useState<ErrorDTO | null>(null);
  const [busy, setBusy] = useState(false);

  /** Take over the form's submit: false while a write is under way, else the last failure is cleared. */
  function begin(event: FormEvent<HTMLFormElement>): boolean {
    event.preventDefault();
    if (busy) return false;
    setFailure(null);
    return true;
  }

  /**
   * Send `write` with the chosen password. On success `onWritten` gets the write and the handle of
   * a generated password, if any; otherwise main's error is returned for the form to place. Null
   * also when there was no password to send: a typed one that breaks the rule is shown at its
   * field, a failed generation as the notice.
   */
  async function send(write: (password: PasswordInput) => Promise<Result<CredentialWriteDTO>>, onWritten: Written) {
    setBusy(true);
    const pw = await password.resolve();
    if (!pw.ok) {
      setBusy(false);
      setFailure(pw.error);
      return null;
    }
    const result = await write(pw.input);
    flushSync(() => setBusy(false)); // re-enable the inputs now, so they can take focus
    if (result.ok) {
      password.clear();
      onWritten(result.value, result.value.secretId ?? pw.secretId);
      return null;
    }
    return result.error;
  }

  /** Main's error at the typed password when it is about it, else as the form's notice. */
  const showError = (error: ErrorDTO) => {
    if (!password.showError(error)) setFailure(error);
  };

  return { password, busy, failure, begin, send, showError };
}
