import { useEffect, useRef, useState } from 'react';
import {
  DEFAULT_BASE_URLS,
  VOIPBIN_DEFAULT_REALM_BASE,
  type AddProviderProfileInput,
} from '../../../src-preload/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { FormActions } from '../components/FormActions';
import { SecretField, TextField, verbatimInput } from '../components/TextField';
import {
  checkAccessKey,
  checkApiKey,
  checkBaseUrl,
  checkBaseUrlOrEmpty,
  checkDisplayName,
  checkLoginPassword,
  checkRealmBaseOrEmpty,
  checkVoipbinUsername,
  type Check,
} from '../lib/fieldRules';
import { useCheckedForm } from '../lib/useCheckedForm';
import { useProfiles } from '../store/profiles';
import { AdvancedFields, openAddedProfile, ProfileNameField } from './ProfileFormFields';

export type ProviderMethod = AddProviderProfileInput['method'];

type Run = (v: string) => Check;
type Field = 'displayName' | 'username' | 'password' | 'accessKey' | 'apiKey' | 'baseUrl' | 'realmBase';
type TextField_ = 'displayName' | 'username' | 'baseUrl' | 'realmBase';

/** Per sign-in method: its secret field, whether it has a username and a realm base, and its words. */
const METHODS: Record<
  ProviderMethod,
  {
    provider: 'voipbin' | 'vocobase';
    secret: { field: 'password' | 'accessKey' | 'apiKey'; label: string; placeholder?: string; help: string; rule: Run };
    username: boolean;
    realmBase: boolean;
    intro: string;
    submit: string;
    busy: string;
  }
> = {
  'voipbin-login': {
    provider: 'voipbin',
    secret: {
      field: 'password',
      label: 'Password',
      help: 'Kept encrypted on this computer, so Trunkdesk can sign in again before each VoIPBIN session ends.',
      rule: checkLoginPassword,
    },
    username: true,
    realmBase: true,
    intro:
      'Sign in with the username and password of a VoIPBIN admin of the account. Trunkdesk checks them with VoIPBIN before saving, then keeps the password encrypted on this computer, protected by your operating system’s keychain. It is never shown again.',
    submit: 'Sign in and add',
    busy: 'Signing in to VoIPBIN…',
  },
  'voipbin-accesskey': {
    provider: 'voipbin',
    secret: {
      field: 'accessKey',
      label: 'Access key',
      placeholder: 'vb_…',
      help: 'Created in the VoIPBIN console under Access keys; it is shown there only once.',
      rule: checkAccessKey,
    },
    username: false,
    realmBase: true,
    intro:
      'Use an access key of the VoIPBIN account. Trunkdesk checks it with VoIPBIN before saving, then keeps it encrypted on this computer, protected by your operating system’s keychain. It is never shown again.',
    submit: 'Add profile',
    busy: 'Verifying with VoIPBIN…',
  },
  'vocobase-key': {
    provider: 'vocobase',
    secret: {
      field: 'apiKey',
      label: 'API key',
      placeholder: 'rg_live_…',
      help: 'From the Vocobase dashboard under API Keys; it is shown there only once.',
      rule: checkApiKey,
    },
    username: false,
    realmBase: false,
    intro:
      'Use an API key of your Vocobase partner account. Trunkdesk checks it with Vocobase before saving, then keeps it encrypted on this computer, protected by your operating system’s keychain. It is never shown again.',
    submit: 'Add profile',
    busy: 'Verifying with Vocobase…',
  },
};

type Props = {
  method: ProviderMethod;
  onCancel?: (() => void) | undefined;
  onBusy(busy: boolean): void;
};

/**
 * Adds a VoIPBIN profile (username and password, or an access key) or a Vocobase one (an API
 * key). The secret is never held in React state: it lives in its password input only, is read once
 * on submit and handed straight to the bridge. Main checks it with the provider before saving.
 */
export function AddProviderProfileForm({ method, onCancel, onBusy }: Props) {
  const m = METHODS[method];
  const addProvider = useProfiles((s) => s.addProvider);
  const [advanced, setAdvanced] = useState(false);
  const advancedRef = useRef<HTMLDivElement>(null);

  // In the order shown, so the first field that fails takes focus. Text fields are the ones in `initial`.
  const rules = {
    displayName: checkDisplayName,
    ...(m.username ? { username: checkVoipbinUsername } : {}),
    [m.secret.field]: m.secret.rule,
    baseUrl: checkBaseUrl,
    ...(m.realmBase ? { realmBase: checkRealmBaseOrEmpty } : {}),
  } as Record<Field, Run>; // only this method's fields: the form checks (and focuses) the keys it is given
  const initial = {
    displayName: '',
    ...(m.username ? { username: '' } : {}),
    baseUrl: '',
    ...(m.realmBase ? { realmBase: '' } : {}),
  } as Record<TextField_, string>;
  const form = useCheckedForm<Field, TextField_>(rules, initial, onBusy);
  // No focus on mount: this form appears when a provider or method is picked, and arrowing through
  // those choices must not be pulled away to the name field.

  const baseUrl = form.bind('baseUrl');
  const realmBase = m.realmBase ? form.bind('realmBase') : null;
  const advancedError = !!(baseUrl.error || realmBase?.error);

  // An error in the folded fields opens them and takes focus there (it could not while they were closed).
  useEffect(() => {
    if (!advancedError) return;
    setAdvanced(true);
    const invalid = advancedRef.current?.querySelector<HTMLInputElement>('input[aria-invalid="true"]');
    if (invalid && document.activeElement?.getAttribute('aria-invalid') !== 'true') invalid.focus();
  }, [advancedError]);

  const onSubmit = form.handleSubmit({
    submitRules: { baseUrl: checkBaseUrlOrEmpty },
    send: (f) => addProvider(inputFor(method, f)),
    onSuccess: openAddedProfile,
    // A rejected secret is asked for again, and cleared so the next paste starts clean.
    focusFor: (error) => (error.code === 'UNAUTHORIZED' || error.code === 'FORBIDDEN' ? m.secret.field : undefined),
    clearSecrets: (result, field) =>
      !result.ok && (field === m.secret.field || result.error.code === 'UNAUTHORIZED' || result.error.code === 'FORBIDDEN'),
  });

  const defaultBase = DEFAULT_BASE_URLS[m.provider];
  return (
    <form
      ref={form.formRef}
      className="form"
      data-testid={`add-${method}-form`}
      data-method={method}
      aria-busy={form.busy}
      noValidate
      onSubmit={onSubmit}
    >
      <p className="form-intro">{m.intro}</p>

      <ProfileNameField {...form.bind('displayName')} />
      {m.username && (
        <TextField label="Username" {...form.bind('username')} {...verbatimInput} help="Your VoIPBIN sign-in name." required />
      )}
      <SecretField
        label={m.secret.label}
        {...form.bindSecret(m.secret.field)}
        placeholder={m.secret.placeholder}
        help={m.secret.help}
        required
      />

      <AdvancedFields
        open={advanced}
        onToggle={setAdvanced}
        summary={m.realmBase ? 'Advanced: base URL and realm base domain' : 'Advanced: base URL'}
      >
        <div ref={advancedRef} className="advanced-fields">
          <TextField
            label="Base URL"
            type="url"
            {...verbatimInput}
            {...baseUrl}
            placeholder={defaultBase}
            help={`Leave empty for ${defaultBase}. Change it only for a test server or a local simulator.`}
          />
          {realmBase && (
            <TextField
              label="Realm base domain"
              {...verbatimInput}
              {...realmBase}
              placeholder={VOIPBIN_DEFAULT_REALM_BASE}
              help={`Extensions register at {account id}.${realmBase.value.trim() || VOIPBIN_DEFAULT_REALM_BASE}. Leave empty for ${VOIPBIN_DEFAULT_REALM_BASE}.`}
            />
          )}
        </div>
      </AdvancedFields>

      {form.failure && <ErrorNotice error={form.failure} testId="add-profile-error" onRetry={form.retry} />}

      <FormActions label={m.submit} busyLabel={m.busy} busy={form.busy} onCancel={onCancel} />
    </form>
  );
}

/** The checked fields as the bridge takes them: optional ones only when given. */
function inputFor(method: ProviderMethod, f: Partial<Record<Field, string>>): AddProviderProfileInput {
  const base = f.baseUrl ? { baseUrl: f.baseUrl } : {};
  const realm = f.realmBase ? { realmBase: f.realmBase } : {};
  const displayName = f.displayName ?? '';
  switch (method) {
    case 'voipbin-login':
      return { method, displayName, username: f.username ?? '', password: f.password ?? '', ...base, ...realm };
    case 'voipbin-accesskey':
      return { method, displayName, accessKey: f.accessKey ?? '', ...base, ...realm };
    case 'vocobase-key':
      return { method, displayName, apiKey: f.apiKey ?? '', ...base };
  }
}
