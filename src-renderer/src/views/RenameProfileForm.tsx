import { useState, type FormEvent } from 'react';
import type { ErrorDTO, ProfileDTO } from '../../../src-preload/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { TextField } from '../components/TextField';
import { checkDisplayName, messageOf } from '../lib/fieldRules';
import { useProfiles } from '../store/profiles';

export function RenameProfileForm({ profile }: { profile: ProfileDTO }) {
  const rename = useProfiles((s) => s.rename);
  const [name, setName] = useState(profile.displayName);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<ErrorDTO | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const checked = checkDisplayName(name);
    setSaved(false);
    setFailure(null);
    if (!checked.ok) {
      setFieldError(checked.message);
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    const result = await rename(profile.id, checked.value);
    setBusy(false);
    if (result.ok) {
      setName(checked.value);
      setSaved(true);
    } else if (result.error.field) {
      setFieldError(result.error.message);
    } else {
      setFailure(result.error);
    }
  }

  return (
    <form className="settings-block" aria-labelledby="rename-title" noValidate onSubmit={onSubmit} data-testid="rename-form">
      <h3 id="rename-title">Rename</h3>
      <TextField
        label="Profile name"
        name="displayName"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setSaved(false);
          if (fieldError) setFieldError(messageOf(checkDisplayName(e.target.value)));
        }}
        error={fieldError}
        autoComplete="off"
        maxLength={200}
        disabled={busy}
      />
      {failure && <ErrorNotice error={failure} testId="rename-error" />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy}>
          Save name
        </button>
        <p className="form-feedback" aria-live="polite">
          {saved ? 'Name saved.' : ''}
        </p>
      </div>
    </form>
  );
}
