import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import type { ErrorDTO } from '../../../../src-preload/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormActions } from '../../components/FormActions';
import { TextField, verbatimInput } from '../../components/TextField';
import {
  checkCompany,
  checkCountry,
  checkCustomerName,
  checkCustomerPassword,
  checkEmail,
  checkPhone,
  type Check,
} from '../../lib/fieldRules';
import { fieldOf, useFieldErrors } from '../../lib/useFieldErrors';
import { useCustomers } from '../../store/customers';
import { usePartner } from '../../store/partner';

type FieldName = 'name' | 'email' | 'password' | 'country' | 'phone' | 'company';
const ORDER: FieldName[] = ['name', 'email', 'password', 'country', 'phone', 'company'];

/**
 * Creates a customer account under the partner. The password stays in its input (uncontrolled),
 * is read once on submit and cleared afterwards. Main stores the new account's API token.
 */
export function CreateCustomerForm({ profileId, onDone }: { profileId: string; onDone(): void }) {
  const create = useCustomers((s) => s.create);
  const [values, setValues] = useState({ name: '', email: '', country: '', phone: '', company: '' });
  const { errors, setFieldError, onFieldBlur, recheck, showChecks } = useFieldErrors<FieldName>();
  const [failure, setFailure] = useState<ErrorDTO | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const refs = {
    name: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    country: useRef<HTMLInputElement>(null),
    phone: useRef<HTMLInputElement>(null),
    company: useRef<HTMLInputElement>(null),
  };

  useEffect(() => {
    refs.name.current?.focus();
  }, [refs.name]);

  const text = (field: Exclude<FieldName, 'password'>, run: (v: string) => Check) => ({
    name: field,
    inputRef: refs[field],
    value: values[field],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const v = e.target.value;
      setValues((s) => ({ ...s, [field]: v }));
      recheck(field, v, run);
    },
    onBlur: onFieldBlur(field, run),
    error: errors[field],
    disabled: busy,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const passwordInput = refs.password.current;
    const checks = {
      name: checkCustomerName(values.name),
      email: checkEmail(values.email),
      password: checkCustomerPassword(passwordInput?.value ?? ''),
      country: checkCountry(values.country),
      phone: checkPhone(values.phone),
      company: checkCompany(values.company),
    };
    setFailure(null);
    if (!showChecks(checks, ORDER, refs)) return;
    const { name, email, password, country, phone, company } = checks;
    if (!name.ok || !email.ok || !password.ok || !country.ok || !phone.ok || !company.ok) return;

    setBusy(true);
    const result = await create(profileId, {
      name: name.value,
      email: email.value,
      password: password.value,
      country: country.value,
      phone: phone.value,
      ...(company.value ? { company: company.value } : {}),
    });
    if (result.ok) {
      if (passwordInput) passwordInput.value = '';
      void usePartner.getState().fetch(profileId); // its account count (and limit) changed
      onDone(); // the new customer is selected and says its token was stored
      return;
    }
    flushSync(() => setBusy(false));
    const { error } = result;
    const field = fieldOf(error.field, ORDER);
    if (field) {
      setFieldError(field, error.message);
      refs[field].current?.focus();
    } else {
      setFailure(error);
    }
  }

  return (
    <form
      ref={formRef}
      className="card form create-customer"
      data-testid="create-customer-form"
      aria-labelledby="create-customer-title"
      aria-busy={busy}
      noValidate
      onSubmit={onSubmit}
    >
      <h2 id="create-customer-title" className="card-title">
        New customer
      </h2>
      <p className="form-intro">
        Creates a customer account at Vobiz under your partner account. Vobiz returns the new account's API token
        once; Trunkdesk stores it encrypted on this computer so you can manage the customer's SIP credentials.
      </p>
      <TextField label="Name" {...text('name', checkCustomerName)} autoComplete="off" maxLength={200} />
      <TextField label="Email" type="email" {...text('email', checkEmail)} {...verbatimInput} />
      <TextField
        label="Password"
        name="password"
        type="password"
        inputRef={refs.password}
        onChange={(e) => recheck('password', e.target.value, checkCustomerPassword)}
        onBlur={onFieldBlur('password', checkCustomerPassword)}
        help="The customer's console password: at least 8 characters with a letter and a digit. Not stored by Trunkdesk."
        error={errors.password}
        {...verbatimInput}
        autoComplete="new-password"
        disabled={busy}
      />
      <div className="form-row">
        <TextField
          label="Country"
          {...text('country', checkCountry)}
          placeholder="IN"
          help="Two-letter ISO code."
          {...verbatimInput}
          maxLength={2}
          className="field-narrow"
        />
        <TextField
          label="Phone"
          type="tel"
          {...text('phone', checkPhone)}
          placeholder="+919876543210"
          help="International format, with + and country code."
          {...verbatimInput}
        />
      </div>
      <TextField label="Company (optional)" {...text('company', checkCompany)} autoComplete="off" maxLength={200} />

      {failure && (
        <ErrorNotice error={failure} testId="create-customer-error" onRetry={() => formRef.current?.requestSubmit()} />
      )}

      <FormActions label={'Create customer'} busyLabel="Creating at Vobiz…" busy={busy} onCancel={onDone} />
    </form>
  );
}
