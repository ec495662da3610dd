// The pattern every one-secret form here follows (replace token, customer token, sign in): the
// secret lives only in its password input, is read once on submit, checked with the contract's
// rule, handed to the bridge, and cleared as soon as it is of no further use.
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { ErrorDTO, Result } from '../../../src-preload/contract';
import { messageOf, type Check } from './fieldRules';

type Options<T> = {
  check(value: string): Check;
  send(value: string): Promise<Result<T>>;
  onSuccess(value: T): void;
  /** Whether main's error belongs next to the field; anything else is shown as the notice. */
  isFieldError(error: ErrorDTO): boolean;
  /** Whether the secret is of no further use after this error (it is then cleared and refocused). */
  clearOn(error: ErrorDTO): boolean;
};

export function useSecretForm<T>(o: Options<T>) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<ErrorDTO | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const input = inputRef.current;
    const checked = o.check(input?.value ?? '');
    setFailure(null);
    if (!checked.ok) {
      setFieldError(checked.message);
      input?.focus();
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    const result = await o.send(checked.value);
    flushSync(() => setBusy(false)); // re-enable the input now, so it can take focus below
    if (result.ok) {
      if (input) input.value = '';
      o.onSuccess(result.value);
      return;
    }
    const { error } = result;
    const onField = o.isFieldError(error);
    if (onField) setFieldError(error.message);
    else setFailure(error);
    if (input && (onField || o.clearOn(error))) {
      input.value = '';
      input.focus();
    }
  }

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    if (fieldError) setFieldError(messageOf(o.check(e.target.value)));
  };
  const retry = () => inputRef.current?.form?.requestSubmit();
  /** The props of the secret's (uncontrolled) input. */
  const field = { inputRef, onChange, error: fieldError, disabled: busy };

  return { inputRef, failure, busy, onSubmit, retry, field };
}
