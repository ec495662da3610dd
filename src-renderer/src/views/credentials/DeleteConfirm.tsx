import { useEffect, useRef, useState } from 'react';
import type { CredentialDTO, ErrorDTO } from '../../../../src-preload/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { credentialWrites } from '../../store/credentials';

type Props = {
  scope: { profileId: string; customerAuthId: string };
  credential: CredentialDTO;
  onDeleted(): void;
  onCancel(): void;
};

/** Delete one credential, behind a confirm step that says what it does to devices and calls. */
export function DeleteConfirm({ scope, credential, onDeleted, onCancel }: Props) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorDTO | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    cancelRef.current?.focus();
  }, [credential.id]);

  async function onDelete() {
    setBusy(true);
    setFailure(null);
    const result = await credentialWrites.remove(scope, credential.id);
    setBusy(false);
    if (result.ok) onDeleted();
    else setFailure(result.error); // e.g. 409: in use by active calls
  }

  return (
    <div
      className="confirm"
      role="group"
      aria-labelledby="delete-confirm-text"
      data-testid="delete-confirm"
      data-credential-id={credential.id}
    >
      <p id="delete-confirm-text" className="confirm-text">
        Delete {credential.username}? Devices using it stop registering and active calls are dropped.
      </p>
      {failure && <ErrorNotice error={failure} testId="delete-error" onRetry={() => void onDelete()} />}
      <div className="form-actions">
        <button type="button" className="btn btn-danger" onClick={() => void onDelete()} disabled={busy} aria-busy={busy}>
          {busy ? 'Deleting…' : 'Delete'}
        </button>
        <button ref={cancelRef} type="button" className="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}
