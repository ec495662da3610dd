// A form of several checked fields (add profile, new customer): text fields kept in state, secret
// fields (passwords, tokens) kept only in their inputs, each field with the early hints of
// useFieldErrors, and one submit that checks every field at once, sends, and puts main's answer
// next to the field it names or in the form's notice.
import { createRef, useRef, useState, type ChangeEvent, type FormEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { ErrorDTO, Result } from '../../../src-preload/contract';
import type { Check } from './fieldRules';
import { fieldOf, useFieldErrors } from './useFieldErrors';

type Run = (value: string) => Check;
type InputRef = RefObject<HTMLInputElement | null>;

type Submit<F extends string, T> = {
  /** Rules that differ on submit from the ones hinted while typing. */
  submitRules?: Partial<Record<F, Run>>;
  send(values: Record<F, string>): Promise<Result<T>>;
  onSuccess(value: T): void;
  /** Whether main's error may go next to the field it names (if one of ours); by default it may. */
  isFieldError?(error: ErrorDTO): boolean;
  /** Where focus goes when main's error is shown as the notice instead, if anywhere. */
  focusFor?(error: ErrorDTO): F | undefined;
  /** Whether the secret fields are of no further use after this answer: they are then emptied. */
  clearSecrets(result: Result<T>, field: F | null): boolean;
};

/**
 * `rules` has every field's check, in the order the fields are shown (the first that fails takes
 * focus); `initial` gives the text fields' starting values. A field not in `initial` is a secret one.
 */
export function useCheckedForm<F extends string, Text extends F>(
  rules: Record<F, Run>,
  initial: Record<Text, string>,
  onBusy?: (busy: boolean) => void,
) {
  const order = Object.keys(rules) as F[];
  const { errors, setFieldError, onFieldBlur, recheck, showChecks } = useFieldErrors<F>();
  const [values, setValues] = useState(initial);
  const [failure, setFailure] = useState<ErrorDTO | null>(null);
  const [busy, setBusyState] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [refs] = useState(() => Object.fromEntries(order.map((f) => [f, createRef<HTMLInputElement>()])) as Record<F, InputRef>);
  const isText = (field: F): field is Text => Object.hasOwn(initial, field);

  const setBusy = (b: boolean) => {
    setBusyState(b);
    onBusy?.(b);
  };

  /** The props of a checked text field: its value is kept in state. */
  const bind = (field: Text) => ({
    name: field,
    inputRef: refs[field],
    value: values[field],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const v = e.target.value;
      setValues((s) => ({ ...s, [field]: v }));
      recheck(field, v, rules[field]);
    },
    onBlur: onFieldBlur(field, rules[field]),
    error: errors[field],
    disabled: busy,
  });

  /** The props of a checked secret field: uncontrolled, so its value never enters React state. */
  const bindSecret = (field: Exclude<F, Text>) => ({
    name: field,
    inputRef: refs[field],
    onChange: (e: ChangeEvent<HTMLInputElement>) => recheck(field, e.target.value, rules[field]),
    onBlur: onFieldBlur(field, rules[field]),
    error: errors[field],
    disabled: busy,
  });

  const read = (field: F): string => (isText(field) ? values[field] : (refs[field].current?.value ?? ''));

  const handleSubmit =
    <T>(o: Submit<F, T>) =>
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (busy) return;
      const checkOf = (f: F): Check => (o.submitRules?.[f] ?? rules[f])(read(f));
      const checks = Object.fromEntries(order.map((f) => [f, checkOf(f)])) as Record<F, Check>;
      setFailure(null);
      if (!showChecks(checks, order, refs)) return;
      const checked = {} as Record<F, string>;
      for (const f of order) {
        const c = checks[f];
        if (!c.ok) return; // never: showChecks said all passed (this tells the types so)
        checked[f] = c.value;
      }

      setBusy(true);
      const result = await o.send(checked);
      const onField = !result.ok && (o.isFieldError?.(result.error) ?? true);
      const field = onField ? fieldOf(result.error.field, order) : null;
      if (o.clearSecrets(result, field)) {
        for (const f of order) {
          const input = refs[f].current;
          if (input && !isText(f)) input.value = '';
        }
      }
      if (result.ok) {
        setBusy(false);
        o.onSuccess(result.value);
        return;
      }
      flushSync(() => setBusy(false)); // re-enable the inputs now, so they can take focus below

      const { error } = result;
      if (field) setFieldError(field, error.message);
      else setFailure(error);
      const focus = field ?? o.focusFor?.(error);
      if (focus) refs[focus].current?.focus();
    };

  const retry = () => formRef.current?.requestSubmit();

  return { formRef, refs, busy, failure, bind, bindSecret, handleSubmit, retry };
}

/** The props `bind` gives a checked text field, for components that wrap one. */
export type TextFieldBinding = ReturnType<ReturnType<typeof useCheckedForm<string, string>>['bind']>;
