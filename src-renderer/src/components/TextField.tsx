import { useId, type InputHTMLAttributes, type Ref, type TextareaHTMLAttributes } from 'react';

export type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: string;
  /** Help shown under the label. */
  help?: string;
  /** Field-level error; marks the input invalid and is read with it. */
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
};

/** A labelled input with its help text and error wired up through aria-describedby. */
export function TextField({ label, help, error, inputRef, className, ...input }: TextFieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {help && (
        <p id={helpId} className="field-help">
          {help}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error" data-testid="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Identifiers, tokens and URLs: no autofill, spell check or auto-capitalisation to mangle them. */
export const verbatimInput = { autoComplete: 'off', spellCheck: false, autoCapitalize: 'off' } as const;

/**
 * A token or password input. Uncontrolled on purpose: the value lives only in the DOM element and
 * is read once on submit, so it never enters React state or a store. Verbatim unless a form asks
 * otherwise (e.g. autoComplete="new-password").
 */
export function SecretField(props: Omit<TextFieldProps, 'type' | 'value' | 'defaultValue'>) {
  return <TextField {...verbatimInput} {...props} type="password" />;
}

export type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  label: string;
  help?: string;
  error?: string | undefined;
  textareaRef?: Ref<HTMLTextAreaElement>;
};

/** A labelled multi-line input (lists typed one a line), wired like TextField. */
export function TextAreaField({ label, help, error, textareaRef, className, ...area }: TextAreaFieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} ref={textareaRef} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...area} />
      {help && (
        <p id={helpId} className="field-help">
          {help}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error" data-testid="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
