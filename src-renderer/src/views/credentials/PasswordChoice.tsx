import { useId, useRef, useState, type RefObject } from 'react';
import { SIP_PASSWORD_SPECIALS, type CredentialKindCaps, type ErrorDTO, type PasswordInput } from '../../../../src-preload/contract';
import { SecretField } from '../../components/TextField';
import { useProviderLabel } from '../../lib/caps';
import { checkSipPassword, checkTypedPassword, messageOf, type Check } from '../../lib/fieldRules';
import { fieldName } from '../../lib/useFieldErrors';
import { credentialWrites } from '../../store/credentials';

export type PasswordMode = 'generate' | 'typed';

export const SIP_PASSWORD_HELP = `8 to 20 characters: letters, digits and ${SIP_PASSWORD_SPECIALS}, with at least one letter, one digit and one of those symbols.`;

/** How a kind's password is asked for: its rule (shown early), its label and help, and whether Trunkdesk may make one. */
export type PasswordRules = {
  check(value: string): Check;
  label: string;
  help: string;
  /** False when the password is someone else's to give (a carrier's outbound password): typed only. */
  canGenerate: boolean;
  /** The provider returns the password and main keeps it sealed: it can be revealed again later. */
  stored: boolean;
};

/**
 * The early rule for each kind. SIP credentials (Vobiz) have the strictest rules of the contract;
 * the other kinds take any visible ASCII here, and their provider's own rules come back from main
 * as an error on the field.
 */
export function passwordRules(k: Pick<CredentialKindCaps, 'kind' | 'revealPassword'>): PasswordRules {
  const stored = k.revealPassword;
  switch (k.kind) {
    case 'sip':
      return { check: checkSipPassword, label: 'SIP password', help: SIP_PASSWORD_HELP, canGenerate: true, stored };
    case 'connection':
      return {
        check: checkTypedPassword,
        label: 'Outbound password',
        help: 'The SIP password your carrier gave you for calls out through it. It is sent once and not kept by Trunkdesk.',
        canGenerate: false,
        stored,
      };
    default:
      return {
        check: checkTypedPassword,
        label: 'SIP password',
        help: '8 to 64 characters: letters, digits and punctuation, no spaces.',
        canGenerate: true,
        stored,
      };
  }
}

const SIP_RULES = passwordRules({ kind: 'sip', revealPassword: false });

/** State for a "generate or type" password choice. The typed password lives only in its input. */
export function usePasswordChoice(rules: PasswordRules = SIP_RULES) {
  const [mode, setMode] = useState<PasswordMode>(rules.canGenerate ? 'generate' : 'typed');
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
      const checked = rules.check(inputRef.current?.value ?? '');
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
    if (fieldName(e.field) !== 'password' || mode !== 'typed') return false;
    setError(e.message);
    inputRef.current?.focus();
    return true;
  };

  return { mode, setMode, error, setError, inputRef, resolve, clear, showError, rules };
}

type Props = {
  choice: ReturnType<typeof usePasswordChoice>;
  disabled: boolean;
};

/** "Generate a strong password" (default) or "Type a password", as one radio group; typed only where it cannot be generated. */
export function PasswordChoice({ choice, disabled }: Props) {
  const name = useId();
  const provider = useProviderLabel();
  const { mode, setMode, error, setError, inputRef, rules } = choice;
  const field = (
    <PasswordInputField
      label={rules.label}
      help={rules.help}
      inputRef={inputRef}
      error={error}
      autoFocus={rules.canGenerate}
      onRecheck={(v) => error && setError(messageOf(rules.check(v)))}
    />
  );
  if (!rules.canGenerate) {
    return (
      <fieldset className="password-choice" disabled={disabled}>
        {field}
      </fieldset>
    );
  }
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
          Trunkdesk makes a password that meets {provider}'s rules. After saving you can show it once or copy it
          {rules.stored ? `; later, Settings can reveal it again (${provider} keeps it).` : '; it is not kept anywhere.'}
        </p>
      ) : (
        field
      )}
    </fieldset>
  );
}

function PasswordInputField({
  label,
  help,
  inputRef,
  error,
  autoFocus,
  onRecheck,
}: {
  label: string;
  help: string;
  inputRef: RefObject<HTMLInputElement | null>;
  error: string | undefined;
  autoFocus: boolean;
  onRecheck(value: string): void;
}) {
  return (
    <SecretField
      label={label}
      name="sipPassword"
      inputRef={inputRef}
      onChange={(e) => onRecheck(e.target.value)}
      help={help}
      error={error}
      autoFocus={autoFocus}
    />
  );
}
