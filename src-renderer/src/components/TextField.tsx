import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';

export type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: string;
  /** Help shown under the label. */
  help?: string;
  /** Field-level error; marks the input invalid and is read with it. */
  error?: string | undefined;
  /** A caution about a valid value (it may still be refused); read with the input, not invalid. */
  caution?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
};

/**
 * The frame every labelled field shares: label, help and error, wired to the control through
 * `aria-describedby`. `control` receives the id and aria attributes to spread on its element.
 */
function FieldFrame({ label, help, error, caution, className, control }: {
  label: string;
  help?: string | undefined;
  error?: string | undefined;
  caution?: string | undefined;
  className?: string | undefined;
  control: (a: { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined }) => ReactNode;
}) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const cautionId = `${id}-caution`;
  const describedBy = [help ? helpId : null, caution ? cautionId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {help && (
        <p id={helpId} className="field-help">
          {help}
        </p>
      )}
      {caution && (
        <p id={cautionId} className="field-caution" data-testid="field-caution" role="status">
          {caution}
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

/** A labelled input with its help text and error wired up through aria-describedby. */
export function TextField({ label, help, error, caution, inputRef, className, ...input }: TextFieldProps) {
  return <FieldFrame label={label} help={help} error={error} caution={caution} className={className} control={(a) => <input id={a.id} ref={inputRef} aria-invalid={a['aria-invalid']} aria-describedby={a['aria-describedby']} {...input} />} />;
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
  return <FieldFrame label={label} help={help} error={error} className={className} control={(a) => <textarea id={a.id} ref={textareaRef} aria-invalid={a['aria-invalid']} aria-describedby={a['aria-describedby']} {...area} />} />;
}
