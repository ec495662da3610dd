import { useId, useRef, useState } from 'react';
import { useEscapeCloses } from '../lib/useEscapeCloses';
import { PROVIDER_LABELS, PROVIDERS, type ProviderName } from '../../../src-preload/contract';
import { panelId, Tabs } from '../components/Tabs';
import { AddProviderProfileForm, type ProviderMethod } from './AddProviderProfileForm';
import { AddSessionProfileForm } from './AddSessionProfileForm';
import { AddTokenProfileForm } from './AddTokenProfileForm';

type Mode = 'token' | 'session' | ProviderMethod;

/** How each provider signs in, in the order offered (the first is the default). */
const MODES: Record<ProviderName, readonly { value: Mode; label: string }[]> = {
  vobiz: [
    { value: 'token', label: 'API token' },
    { value: 'session', label: 'Email and password (session only)' },
  ],
  voipbin: [
    { value: 'voipbin-login', label: 'Username and password' },
    { value: 'voipbin-accesskey', label: 'Access key (vb_…)' },
  ],
  vocobase: [{ value: 'vocobase-key', label: 'API key (rg_live_…)' }],
};

/** One line under each provider's name: what a profile of it holds. */
const WHAT: Record<ProviderName, string> = {
  vobiz: 'Partner: customer accounts, each with SIP credentials',
  voipbin: 'One account: extensions and trunks',
  vocobase: 'One account: SIP connections',
};

type Props = {
  /** Shown when profiles already exist. */
  onCancel?: () => void;
  autoFocus?: boolean;
};

/**
 * Adds a profile. The provider is picked first; only that provider's sign-in methods and fields
 * are shown. Vobiz: a partner API token (kept) or email and password (session only). VoIPBIN: a
 * username and password, or an access key. Vocobase: an API key.
 */
export function AddProfileForm({ onCancel, autoFocus = false }: Props) {
  const [provider, setProvider] = useState<ProviderName>('vobiz');
  const [mode, setMode] = useState<Mode>('token');
  const [busy, setBusy] = useState(false);
  const pickerName = useId();
  const modes = MODES[provider];
  const sectionRef = useRef<HTMLElement>(null);
  // Escape is Cancel, where there is one (not on first run) and not while the profile is being verified.
  useEscapeCloses(onCancel && !busy ? onCancel : null, sectionRef);

  const pick = (p: ProviderName) => {
    setProvider(p);
    setMode(MODES[p][0]!.value);
  };

  return (
    <section
      ref={sectionRef}
      className="card form"
      data-testid="add-profile-form"
      data-provider={provider}
      data-mode={mode}
      aria-labelledby="add-profile-title"
    >
      <h2 id="add-profile-title" className="card-title">
        Add a {PROVIDER_LABELS[provider]} profile
      </h2>
      <fieldset className="provider-picker" disabled={busy} data-testid="provider-picker">
        <legend className="field-label">Provider</legend>
        <div className="provider-options">
          {PROVIDERS.map((p) => (
            <label key={p} className={`provider-option${p === provider ? ' is-selected' : ''}`} data-provider={p}>
              <input type="radio" name={pickerName} value={p} checked={p === provider} onChange={() => pick(p)} />
              <span className="provider-option-text">
                <span className="provider-option-name">{PROVIDER_LABELS[p]}</span>
                <span className="provider-option-what">{WHAT[p]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {modes.length > 1 && (
        <div className="field">
          <span id="add-profile-mode-label" className="field-label">
            Sign in with
          </span>
          <Tabs<Mode>
            labelledBy="add-profile-mode-label"
            tabs={modes}
            value={mode}
            onChange={setMode}
            idPrefix="add-profile"
            disabled={busy}
            className="tabs-segmented"
          />
        </div>
      )}
      {/* Not labelled by its tab on purpose: the token form has a field labelled "API token" too. */}
      <div role={modes.length > 1 ? 'tabpanel' : 'group'} id={panelId('add-profile', mode)} aria-label="Sign-in details">
        {mode === 'token' ? (
          <AddTokenProfileForm onCancel={onCancel} autoFocus={autoFocus} onBusy={setBusy} />
        ) : mode === 'session' ? (
          <AddSessionProfileForm onCancel={onCancel} onBusy={setBusy} onUseApiToken={() => setMode('token')} />
        ) : (
          // Keyed by method: each has its own fields, and a switch starts them empty.
          <AddProviderProfileForm key={mode} method={mode} onCancel={onCancel} onBusy={setBusy} />
        )}
      </div>
    </section>
  );
}
