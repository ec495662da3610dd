import { useEffect } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormActions } from '../../components/FormActions';
import { SecretField, TextField, verbatimInput } from '../../components/TextField';
import {
  checkCompany,
  checkCountry,
  checkCustomerName,
  checkCustomerPassword,
  checkEmail,
  checkPhone,
} from '../../lib/fieldRules';
import { useCheckedForm } from '../../lib/useCheckedForm';
import { useEscapeCloses } from '../../lib/useEscapeCloses';
import { useWriteBlock } from '../../store/connectivity';
import { useCustomers } from '../../store/customers';
import { usePartner } from '../../store/partner';

const RULES = {
  name: checkCustomerName,
  email: checkEmail,
  password: checkCustomerPassword,
  country: checkCountry,
  phone: checkPhone,
  company: checkCompany,
};

/**
 * Creates a customer account under the partner. The password stays in its input (uncontrolled),
 * is read once on submit and cleared afterwards. Main stores the new account's API token.
 */
export function CreateCustomerForm({ profileId, onDone }: { profileId: string; onDone(): void }) {
  const create = useCustomers((s) => s.create);
  const blocked = useWriteBlock();
  const form = useCheckedForm(RULES, { name: '', email: '', country: '', phone: '', company: '' });
  const nameRef = form.refs.name;
  useEscapeCloses(form.busy ? null : onDone, form.formRef);

  useEffect(() => {
    nameRef.current?.focus();
  }, [nameRef]);

  const onSubmit = form.handleSubmit({
    send: ({ company, ...fields }) => create(profileId, { ...fields, ...(company ? { company } : {}) }),
    onSuccess: () => {
      void usePartner.getState().fetch(profileId); // its account count (and limit) changed
      onDone(); // the new customer is selected and says its token was stored
    },
    clearSecrets: (result) => result.ok,
  });

  return (
    <form
      ref={form.formRef}
      className="card form create-customer"
      data-testid="create-customer-form"
      aria-labelledby="create-customer-title"
      aria-busy={form.busy}
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
      <TextField label="Name" {...form.bind('name')} autoComplete="off" maxLength={200} />
      <TextField label="Email" type="email" {...form.bind('email')} {...verbatimInput} />
      <SecretField
        label="Password"
        {...form.bindSecret('password')}
        help="The customer's console password: at least 8 characters with a letter and a digit. Not stored by Trunkdesk."
        autoComplete="new-password"
      />
      <div className="form-row">
        <TextField
          label="Country"
          {...form.bind('country')}
          placeholder="IN"
          help="Two-letter ISO code."
          {...verbatimInput}
          maxLength={2}
          className="field-narrow"
        />
        <TextField
          label="Phone"
          type="tel"
          {...form.bind('phone')}
          placeholder="+919876543210"
          help="International format, with + and country code."
          {...verbatimInput}
        />
      </div>
      <TextField label="Company (optional)" {...form.bind('company')} autoComplete="off" maxLength={200} />

      {form.failure && <ErrorNotice error={form.failure} testId="create-customer-error" onRetry={form.retry} />}

      <FormActions label={'Create customer'} busyLabel="Creating at Vobiz…" busy={form.busy} onCancel={onDone} blocked={blocked} />
    </form>
  );
}
