import { useEffect, useId, useRef } from 'react';
import type { CredentialDTO } from '../../../../src-preload/contract';
import { BlockedReason } from '../../components/BlockedReason';
import { BusyButton } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { credentialLabel } from '../../lib/credential';
import { useEscapeCloses } from '../../lib/useEscapeCloses';
import { useRequest } from '../../lib/useRequest';
import { credentialWrites, type CredentialScope } from '../../store/credentials';

type Props = {
  scope: CredentialScope;
  credential: CredentialDTO;
  onDeleted(): void;
  onCancel(): void;
  /** Why it cannot be sent now (offline), or null. */
  blocked: string | null;
};

/** Delete one credential, behind a confirm step that says what it does to devices and calls. */
export function DeleteConfirm({ scope, credential, onDeleted, onCancel, blocked }: Props) {
  const { busy, failure, run } = useRequest();
  const reasonId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  useEscapeCloses(busy ? null : onCancel, boxRef);

  useEffect(() => {
    cancelRef.current?.focus();
  }, [credential.id]);

  // Main's error (e.g. 409: in use by active calls) is shown above the buttons.
  const onDelete = () => run(() => credentialWrites.remove(scope, credential.id), onDeleted);

  return (
    <div
      ref={boxRef}
      className="confirm"
      role="group"
      aria-labelledby="delete-confirm-text"
      data-testid="delete-confirm"
      data-credential-id={credential.id}
    >
      <p id="delete-confirm-text" className="confirm-text">
        Delete {credentialLabel(credential)}? Devices using it stop
        registering and active calls are dropped.
      </p>
      {failure && <ErrorNotice error={failure} testId="delete-error" onRetry={() => void onDelete()} />}
      <div className="form-actions">
        <BusyButton
          type="button"
          className="btn btn-danger"
          onClick={() => void onDelete()}
          busy={busy}
          disabled={blocked !== null}
          label="Delete"
          busyLabel="Deleting…"
          title={blocked ?? undefined}
          aria-describedby={blocked ? reasonId : undefined}
        />
        <button ref={cancelRef} type="button" className="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        {blocked && <BlockedReason id={reasonId} reason={blocked} />}
      </div>
    </div>
  );
}
