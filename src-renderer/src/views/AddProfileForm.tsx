import { useState } from 'react';
import { panelId, Tabs } from '../components/Tabs';
import { AddSessionProfileForm } from './AddSessionProfileForm';
import { AddTokenProfileForm } from './AddTokenProfileForm';

type Mode = 'token' | 'session';
const MODES = [
  { value: 'token', label: 'API token' },
  { value: 'session', label: 'Email and password (session only)' },
] as const;

type Props = {
  /** Shown when profiles already exist. */
  onCancel?: () => void;
  autoFocus?: boolean;
};

/** Adds a Vobiz profile, signed in with a partner API token (kept) or email and password (session only). */
export function AddProfileForm({ onCancel, autoFocus = false }: Props) {
  const [mode, setMode] = useState<Mode>('token');
  const [busy, setBusy] = useState(false);
  return (
    <section className="card form" data-testid="add-profile-form" data-mode={mode} aria-labelledby="add-profile-title">
      <h2 id="add-profile-title" className="card-title">
        Add a Vobiz profile
      </h2>
      <div className="field">
        <span id="add-profile-mode-label" className="field-label">
          Sign in with
        </span>
        <Tabs<Mode>
          labelledBy="add-profile-mode-label"
          tabs={MODES}
          value={mode}
          onChange={setMode}
          idPrefix="add-profile"
          disabled={busy}
          className="tabs-segmented"
        />
      </div>
      {/* Not labelled by its tab on purpose: the token form has a field labelled "API token" too. */}
      <div role="tabpanel" id={panelId('add-profile', mode)} aria-label="Sign-in details">
        {mode === 'token' ? (
          <AddTokenProfileForm onCancel={onCancel} autoFocus={autoFocus} onBusy={setBusy} />
        ) : (
          <AddSessionProfileForm onCancel={onCancel} onBusy={setBusy} />
        )}
      </div>
    </section>
  );
}
