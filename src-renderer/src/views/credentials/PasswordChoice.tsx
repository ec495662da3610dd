import { useId, useRef, useState, type RefObject } from 'react';
import { SIP_PASSWORD_SPECIALS, type ErrorDTO, type PasswordInput } from '../../../../src-preload/contract';
import { SecretField } from '../../components/TextField';
import { checkSipPassword, messageOf } from '../../lib/fieldRules';
import { credentialWrites } from '../../store/credentials';

export type PasswordMode = 'generate' | 'typed';

export const SIP_PASSWORD_HELP = `8 to 20 characters: letters, digits and ${SIP_PASSWORD_SPECIALS}, with at least one letter, one digit and one of those symbols.`;

/** State for a "generate or type" password choice. The typed password lives only in its input. */
export function usePasswordChoice() {
  const [mode, setMode] = useState<PasswordMode>('generate');
  const [error, setError] = useState<string | undefined>();
  const inputRef = useRef<HTMLInputElement>(null);

  /**
   * The password to send: a typed one once it passes the rule (else its field error is shown and
   * `error` is null), or a fresh one generated and kept in main, of which only the handle comes here.
   */
  async function resolve(): Promise<
    { ok: true; input: PasswordInput; secretId: string | null } | { ok: false; error: ErrorDTO | null }
  > {
    if (mode === 'typed') {
      const checked = checkSipPassword(inputRef.current?.value ?? '');
      setError(messageOf(checked));
      if (!checked.ok) {
        inputRef.current?.focus();
        return { ok: false, error: null };
      }
      return { ok: true, input: { kind: 'typed', value: checked.value }, secretId: null };
    }
    const generated = await credentialWrites.generatePassword();
    if (!generated.ok) return generated;
    return { ok: true, input: { kind: 'generated', secretId: generated.value.secretId }, secretId: generated.value.secretId };
  }

  const clear = () => {
    if (inputRef.current) inputRef.current.value = '';
  };

  /** Show main's error at the typed password when it is about that password. True if it was shown there. */
  const showError = (e: ErrorDTO): boolean => {
    if (e.field?.split('.').pop() !== 'password' || mode !== 'typed') return false;
    setError(e.message);
    inputRef.current?.focus();
    return true;
  };

  return { mode, setMode, error, setError, inputRef, resolve, clear, showError };
}

type Props = {
  choice: ReturnType<typeof usePasswordChoice>;
  disabled: boolean;
};

/** "Generate a strong password" (default) or "Type a password", as one radio group. */
export function PasswordChoice({ choice, disabled }: Props) {
  const name = useId();
  const { mode, setMode, error, setError, inputRef } = choice;
  return (
    <fieldset className="password-choice" disabled={disabled}>
      <legend>Password</legend>
      <label className="radio">
        <input
          type="radio"
          name={name}
          value="generate"
          checked={mode === 'generate'}
          onChange={() => {
            setMode('generate');
            setError(undefined);
          }}
        />
        <span>Generate a strong password</span>
      </label>
      <label className="radio">
        <input type="radio" name={name} value="typed" checked={mode === 'typed'} onChange={() => setMode('typed')} />
        <span>Type a password</span>
      </label>
      {mode === 'generate' ? (
        <p className="field-help">
          Trunkdesk makes a password that meets Vobiz's rules. After saving you can show it once or copy it; it is not
          kept anywhere.
        </p>
      ) : (
        <PasswordInputField inputRef={inputRef} error={error} onRecheck={(v) => error && setError(messageOf(checkSipPassword(v)))} />
      )}
    </fieldset>
  );
}

function PasswordInputField({
  inputRef,
  error,
  onRecheck,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  error: string | undefined;
  onRecheck(value: string): void;
}) {
  return (
    <SecretField
      label="SIP password"
      name="sipPassword"
      inputRef={inputRef}
      onChange={(e) => onRecheck(e.target.value)}
      help={SIP_PASSWORD_HELP}
      error={error}
      autoFocus
    />
  );
}
