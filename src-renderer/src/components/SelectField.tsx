import { useId, type Ref, type SelectHTMLAttributes } from 'react';

type Option = { value: string; label: string };

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  label: string;
  options: readonly Option[];
  /** Field-level error; marks the select invalid and is read with it. */
  error?: string | undefined;
  selectRef?: Ref<HTMLSelectElement>;
};

/** A labelled native select. */
export function SelectField({ label, options, className, error, selectRef, ...select }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} ref={selectRef} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} className="field-error" data-testid="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
