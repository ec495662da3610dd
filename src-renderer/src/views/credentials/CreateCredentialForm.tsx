import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DISPUTED_USERNAME_CAUTION, hasDisputedUsernameChars, type CredentialKindCaps, type CredentialWriteDTO, type ErrorDTO } from '../../../../src-preload/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormActions } from '../../components/FormActions';
import { SelectField } from '../../components/SelectField';
import { TextAreaField, TextField, verbatimInput } from '../../components/TextField';
import { inSentence } from '../../lib/caps';
import {
  checkCredentialDetail,
  checkCredentialName,
  checkCredentialUsername,
  checkDidOrEmpty,
  checkDomainName,
  checkIpList,
  checkRequiredName,
  checkSipHost,
  checkSipUsername,
  messageOf,
  splitIps,
  type Check,
} from '../../lib/fieldRules';
import { useEscapeCloses } from '../../lib/useEscapeCloses';
import { fieldName, useFieldErrors } from '../../lib/useFieldErrors';
import { credentialWrites, type CredentialScope, type NewCredential } from '../../store/credentials';
import { PasswordChoice, passwordRules } from './PasswordChoice';
import { useCredentialWrite } from './useCredentialWrite';

type Props = {
  scope: CredentialScope;
  /** Which kind to create, and what its provider allows for it. */
  kind: CredentialKindCaps;
  onCreated(write: CredentialWriteDTO, secretId: string | null): void;
  /** The outcome is unknown (the provider failed mid-way): the list should be fetched again. */
  onUnknownOutcome(): void;
  onCancel(): void;
  /** Why it cannot be sent now (offline), or null. */
  blocked: string | null;
};

/** Create a credential of one kind: each kind asks for what its provider needs. */
export function CreateCredentialForm(props: Props) {
  return props.kind.kind === 'sip' ? <SipCreateForm {...props} /> : <KindCreateForm {...props} />;
}

// ---------------------------------------------------------------------------------------------
// SIP credential (Vobiz): a username and a password.

const USERNAME_HELP = 'Letters and digits (A–Z, a–z, 0–9), and _ or - if Vobiz takes them. It cannot be changed later.';

/** Create a SIP credential: a username, and a generated (default) or typed password. */
function SipCreateForm({ scope, kind, onCreated, onUnknownOutcome, onCancel, blocked }: Props) {
  const [username, setUsername] = useState('');
  const [usernameError, setUsernameError] = useState<string | undefined>();
  const write = useCredentialWrite(passwordRules(kind));
  const { busy, failure } = write;
  const usernameRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Escape cancels, as Cancel does (not while the request runs).
  useEscapeCloses(busy ? null : onCancel, formRef);

  useEffect(() => {
    usernameRef.current?.focus();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!write.begin(event) || blocked) return;
    const name = checkSipUsername(username);
    setUsernameError(messageOf(name));
    if (!name.ok) {
      usernameRef.current?.focus();
      return;
    }
    const error = await write.send((password) => credentialWrites.create(scope, name.value, password), onCreated);
    if (!error) return;

    const field = fieldName(error.field);
    if (field === 'username' || (!field && error.code === 'CONFLICT')) {
      setUsernameError(error.message);
      usernameRef.current?.focus();
    } else {
      write.showError(error);
    }
    // Vobiz failed mid-way: main has looked again and says whether it exists; show the list as it is now.
    if (error.code === 'UPSTREAM') onUnknownOutcome();
  }

  return (
    <form
      ref={formRef}
      className="panel form"
      data-testid="create-credential-form"
      data-kind={kind.kind}
      aria-labelledby="create-credential-title"
      aria-busy={busy}
      noValidate
      onSubmit={onSubmit}
    >
      <h4 id="create-credential-title" className="panel-title">
        New SIP credential
      </h4>
      <TextField
        label="Username"
        name="username"
        inputRef={usernameRef}
        value={username}
        onChange={(e) => {
          setUsername(e.target.value);
          // Show the username rule as soon as it is broken, not only on submit.
          const v = e.target.value;
          setUsernameError(v === '' && !usernameError ? undefined : messageOf(checkSipUsername(v)));
        }}
        help={USERNAME_HELP}
        error={usernameError}
        // A caution, not an error: the docs disagree on _ and -, so Vobiz's answer decides (vobiz.md §4).
        caution={!usernameError && hasDisputedUsernameChars(username) ? DISPUTED_USERNAME_CAUTION : undefined}
        {...verbatimInput}
        maxLength={64}
        disabled={busy}
      />
      <PasswordChoice choice={write.password} disabled={busy} />
      {failure && (
        <ErrorNotice error={failure} testId="create-credential-error" onRetry={() => formRef.current?.requestSubmit()} />
      )}
      <FormActions label={'Create credential'} busyLabel="Creating…" busy={busy} onCancel={onCancel} blocked={blocked} />
    </form>
  );
}

// ---------------------------------------------------------------------------------------------
// Extensions, trunks, SIP connections: the fields each kind needs, in the order shown.

type Key = 'username' | 'name' | 'detail' | 'domainName' | 'sipHost' | 'allowedIps' | 'didNumber';

type Spec = {
  key: Key;
  label: string;
  help?: string | ((value: string) => string);
  placeholder?: string;
  check(value: string): Check;
  /** A list, typed one a line. */
  multiline?: boolean;
  /** An identifier, host or number: no autofill, spell check or capitalisation. */
  verbatim?: boolean;
  maxLength?: number;
};

/** Where the password goes among the fields, and the transport select (connections). */
type Item = Spec | { key: 'password' } | { key: 'transport' };

const NAME: Spec = { key: 'name', label: 'Name', check: checkCredentialName, maxLength: 100, help: 'How it is listed, e.g. Reception desk.' };
const DETAIL: Spec = { key: 'detail', label: 'Detail', check: checkCredentialDetail, maxLength: 500, help: 'Optional: a note for your team.' };

const TRUNK_DOMAIN_SUFFIX = '.trunk.voipbin.net';

const KINDS: Record<string, Item[]> = {
  extension: [
    {
      key: 'username',
      label: 'Extension number',
      placeholder: '1001',
      help: 'The SIP user phones register with, such as 1001. It cannot be changed later.',
      check: checkCredentialUsername,
      verbatim: true,
      maxLength: 64,
    },
    NAME,
    DETAIL,
    { key: 'password' },
  ],
  trunk: [
    { ...NAME, check: checkRequiredName, help: 'How the trunk is listed, e.g. Main office PBX.' },
    DETAIL,
    {
      key: 'domainName',
      label: 'Domain name',
      placeholder: 'mycompany',
      help: (v) => `Your PBX reaches the trunk at ${v.trim() || '{domain}'}${TRUNK_DOMAIN_SUFFIX}. A letter first, then letters, digits, dots or dashes; unique; cannot be changed later.`,
      check: checkDomainName,
      verbatim: true,
      maxLength: 31,
    },
    {
      key: 'username',
      label: 'Username',
      help: 'The SIP user your PBX authenticates with.',
      check: checkCredentialUsername,
      verbatim: true,
      maxLength: 64,
    },
    { key: 'password' },
    {
      key: 'allowedIps',
      label: 'Allowed IPs',
      placeholder: '203.0.113.10',
      help: 'IPv4 addresses your PBX sends from, one a line or separated by commas. Leave empty to rely on the password alone.',
      check: checkIpList,
      multiline: true,
      verbatim: true,
    },
  ],
  connection: [
    { ...NAME, check: checkRequiredName, help: 'How the connection is listed, e.g. Carrier India primary.' },
    {
      key: 'sipHost',
      label: 'SIP host',
      placeholder: 'sip.carrier.example',
      help: "Your carrier's SIP server: a host name or IP address, optionally with :port.",
      check: checkSipHost,
      verbatim: true,
      maxLength: 253,
    },
    {
      key: 'username',
      label: 'Outbound username',
      help: 'The SIP username your carrier gave you for calls out through it.',
      check: checkCredentialUsername,
      verbatim: true,
      maxLength: 64,
    },
    { key: 'password' },
    {
      key: 'allowedIps',
      label: 'Inbound source IPs',
      placeholder: '203.0.113.0/24',
      help: "The carrier's addresses that calls come in from: IPv4 or CIDR, one a line or separated by commas. Optional.",
      check: checkIpList,
      multiline: true,
      verbatim: true,
    },
    {
      key: 'didNumber',
      label: 'DID number',
      placeholder: '+919876543210',
      help: 'The number this connection answers, in E.164 (+ and the country code). Vocobase may require it: if so, it says so here.',
      check: checkDidOrEmpty,
      verbatim: true,
      maxLength: 20,
    },
    { key: 'transport' },
  ],
};

/** A kind this renderer has no form for (a newer main): a username, a name and a password. */
const GENERIC: Item[] = [
  { key: 'username', label: 'Username', check: checkCredentialUsername, verbatim: true, maxLength: 64 },
  NAME,
  { key: 'password' },
];

const TRANSPORTS = [
  { value: 'UDP', label: 'UDP' },
  { value: 'TCP', label: 'TCP' },
  { value: 'TLS', label: 'TLS' },
] as const;
type Transport = (typeof TRANSPORTS)[number]['value'];

const isSpec = (i: Item): i is Spec => 'check' in i;

function KindCreateForm({ scope, kind, onCreated, onUnknownOutcome, onCancel, blocked }: Props) {
  const items = KINDS[kind.kind] ?? GENERIC;
  const specs = items.filter(isSpec);
  const hasTransport = items.some((i) => i.key === 'transport');
  const [values, setValues] = useState<Partial<Record<Key, string>>>({});
  const { errors, replaceErrors, setFieldError: setError, onFieldBlur, recheck } = useFieldErrors<Key | 'transport'>();
  const [transport, setTransport] = useState<Transport>('UDP');
  const write = useCredentialWrite(passwordRules(kind));
  const { busy, failure } = write;
  const formRef = useRef<HTMLFormElement>(null);
  // Escape cancels, as Cancel does (not while the request runs).
  useEscapeCloses(busy ? null : onCancel, formRef);
  const refs = useRef(new Map<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>());
  const label = inSentence(kind.label);

  useEffect(() => {
    const first = specs[0];
    if (first) refs.current.get(first.key)?.focus();
    // Once, when the form opens.
  }, []);

  const valueOf = (k: Key) => values[k] ?? '';
  const focus = (k: string) => refs.current.get(k)?.focus();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!write.begin(event) || blocked) return;
    // Every field at once; the first that fails takes focus.
    const checks = specs.map((s) => [s.key, s.check(valueOf(s.key))] as const);
    const found = Object.fromEntries(checks.map(([k, c]) => [k, messageOf(c)])) as Partial<Record<Key, string>>;
    replaceErrors(found);
    const bad = checks.find(([, c]) => !c.ok);
    if (bad) {
      focus(bad[0]);
      return;
    }
    const v = Object.fromEntries(checks.map(([k, c]) => [k, c.ok ? c.value : ''])) as Partial<Record<Key, string>>;
    const fields: NewCredential = { kind: kind.kind };
    if (v.name) fields.name = v.name;
    if (v.detail) fields.detail = v.detail;
    if (v.domainName) fields.domainName = v.domainName;
    if (v.sipHost) fields.sipHost = v.sipHost;
    if (v.didNumber) fields.didNumber = v.didNumber.replace(/[\s()-]/g, '');
    if (v.allowedIps !== undefined) {
      const ips = splitIps(v.allowedIps);
      if (ips.length > 0) fields.allowedIps = ips;
    }
    if (hasTransport) fields.transport = transport;

    const error = await write.send((password) => credentialWrites.create(scope, v.username ?? '', password, fields), onCreated);
    if (!error) return;
    place(error);
    // The provider failed mid-way: main has looked again and says whether it exists; show the list as it is now.
    if (error.code === 'UPSTREAM') onUnknownOutcome();
  }

  /** Main's error next to the field it names, else (a taken name) at the username, else the notice. */
  function place(error: ErrorDTO) {
    const field = fieldName(error.field);
    const target = field === 'transport' && hasTransport ? 'transport' : specs.find((s) => s.key === field)?.key;
    if (target) {
      setError(target, error.message);
      focus(target);
    } else if (!field && error.code === 'CONFLICT' && specs.some((s) => s.key === 'username')) {
      setError('username', error.message);
      focus('username');
    } else {
      write.showError(error);
    }
  }

  const fieldProps = (s: Spec) => {
    const value = valueOf(s.key);
    return {
      label: s.label,
      name: s.key,
      value,
      placeholder: s.placeholder,
      help: typeof s.help === 'function' ? s.help(value) : s.help,
      error: errors[s.key],
      disabled: busy,
      maxLength: s.maxLength,
      ...(s.verbatim ? verbatimInput : { autoComplete: 'off' }),
      onChange: (e: { target: { value: string } }) => {
        const next = e.target.value;
        setValues((vs) => ({ ...vs, [s.key]: next }));
        recheck(s.key, next, s.check);
      },
      onBlur: onFieldBlur(s.key, s.check),
    };
  };
  const register = (k: string) => (el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null) => {
    if (el) refs.current.set(k, el);
    else refs.current.delete(k);
  };

  return (
    <form
      ref={formRef}
      className="panel form create-kind"
      data-testid="create-credential-form"
      data-kind={kind.kind}
      aria-labelledby="create-credential-title"
      aria-busy={busy}
      noValidate
      onSubmit={onSubmit}
    >
      <h4 id="create-credential-title" className="panel-title">
        New {label}
      </h4>
      <div className="create-kind-fields">
        {items.map((item) => {
          if (item.key === 'password') {
            return (
              <div key="password" className="create-kind-password">
                <PasswordChoice choice={write.password} disabled={busy} />
              </div>
            );
          }
          if (item.key === 'transport') {
            return (
              <SelectField
                key="transport"
                label="Transport"
                name="transport"
                options={TRANSPORTS}
                value={transport}
                onChange={(e) => {
                  setTransport(e.target.value as Transport);
                  setError('transport', undefined);
                }}
                disabled={busy}
                selectRef={register('transport')}
                error={errors.transport}
              />
            );
          }
          if (!isSpec(item)) return null;
          return item.multiline ? (
            <TextAreaField key={item.key} {...fieldProps(item)} rows={3} textareaRef={register(item.key)} className="field-wide" />
          ) : (
            <TextField key={item.key} {...fieldProps(item)} inputRef={register(item.key)} />
          );
        })}
      </div>
      {failure && (
        <ErrorNotice error={failure} testId="create-credential-error" onRetry={() => formRef.current?.requestSubmit()} />
      )}
      <FormActions label={`Create ${label}`} busyLabel="Creating…" busy={busy} onCancel={onCancel} blocked={blocked} />
    </form>
  );
}
