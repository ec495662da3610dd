// Field errors for a form, with the early-hint behaviour every form here shares: a field is
// checked when leaving it (once it has something in it), and re-checked while typing once it
// shows an error. Leaving a field for one of the same form's buttons is not checked: the submit
// checks everything, and a hint appearing between mousedown and mouseup would move the button
// out from under the pointer.
import { useCallback, useState, type FocusEvent, type RefObject } from 'react';
import type { Check } from './fieldRules';
import { messageOf } from './fieldRules';

type Run = (value: string) => Check;
type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export function useFieldErrors<F extends string>() {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});

  const setFieldError = useCallback(
    (field: F, message: string | undefined) => setErrors((e) => ({ ...e, [field]: message })),
    [],
  );

  const onFieldBlur = (field: F, run: Run) => (e: FocusEvent<Field>) => {
    const next = e.relatedTarget;
    const form = e.currentTarget.form;
    if (next instanceof HTMLButtonElement && next.form === form) return;
    // Nor for a <summary> of the same form (opening its advanced fields): the same shift would swallow the click.
    if (next instanceof HTMLElement && next.tagName === 'SUMMARY' && form?.contains(next)) return;
    if (e.currentTarget.value === '' && !errors[field]) return;
    setFieldError(field, messageOf(run(e.currentTarget.value)));
  };

  const recheck = (field: F, value: string, run: Run) => {
    if (errors[field]) setFieldError(field, messageOf(run(value)));
  };

  /** Show every field's check at once and focus the first field that failed. True when all passed. */
  const showChecks = (
    checks: Record<F, Check>,
    order: readonly F[],
    refs: Record<F, RefObject<HTMLInputElement | null>>,
  ): boolean => {
    const found = Object.fromEntries(order.map((f) => [f, messageOf(checks[f])])) as Partial<Record<F, string>>;
    setErrors(found);
    const firstBad = order.find((f) => found[f]);
    if (firstBad) refs[firstBad].current?.focus();
    return firstBad === undefined;
  };

  /** Every field's error at once (a submit's checks), the ones not named cleared. */
  const replaceErrors = setErrors;

  return { errors, setFieldError, replaceErrors, onFieldBlur, recheck, showChecks };
}

/**
 * The field name in a main-side error's path: "input.password" -> "password", and the parts
 * inside a field dropped ("password.value" -> "password", "allowedIps.2" -> "allowedIps").
 */
export function fieldName(field: string | undefined): string | undefined {
  const parts = (field ?? '').split('.').filter((p) => p !== '' && !/^\d+$/.test(p));
  if (parts.length > 1 && parts.at(-1) === 'value') parts.pop();
  return parts.at(-1);
}

/** The form field a main-side VALIDATION error points at ("input.password" -> "password"), if it is one of ours. */
export function fieldOf<F extends string>(field: string | undefined, fields: readonly F[]): F | null {
  const f = fieldName(field);
  return f && (fields as readonly string[]).includes(f) ? (f as F) : null;
}
