import { useEffect, useRef, useState } from 'react';
import { blockedProps, type WriteBlock } from '../../components/BlockedReason';
import { plural } from '../../lib/format';

export type BulkAction = 'enable' | 'disable' | 'delete';

type Props = {
  count: number;
  busy: BulkAction | null;
  /** Set while writes are off (offline): the actions are disabled with the reason; the selection stays. */
  blocked: WriteBlock;
  onRun(action: BulkAction): void;
  onClear(): void;
  /** Which bulk actions the provider allows (all by default). */
  canToggle?: boolean;
  canDelete?: boolean;
};

/** Shown while rows are checked: act on all of them at once (delete asks first). */
export function BulkBar({ count, busy, blocked, onRun, onClear, canToggle = true, canDelete = true }: Props) {
  const [confirming, setConfirming] = useState(false);
  const off = busy !== null || blocked !== null;
  const why = blockedProps(blocked);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  return (
    <div className="bulk-bar" role="region" aria-label="Selected credentials" data-testid="bulk-bar">
      <p className="bulk-count" data-testid="bulk-count">
        {count} selected
      </p>
      {!confirming ? (
        <div className="form-actions">
          {canToggle && (
            <>
              <button type="button" className="btn" onClick={() => onRun('disable')} disabled={off} {...why}>
                {busy === 'disable' ? 'Disabling…' : 'Disable selected'}
              </button>
              <button type="button" className="btn" onClick={() => onRun('enable')} disabled={off} {...why}>
                {busy === 'enable' ? 'Enabling…' : 'Enable selected'}
              </button>
            </>
          )}
          {canDelete && (
            <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)} disabled={off} {...why}>
              {busy === 'delete' ? 'Deleting…' : 'Delete selected'}
            </button>
          )}
          <button type="button" className="btn btn-quiet" onClick={onClear} disabled={busy !== null}>
            Clear selection
          </button>
        </div>
      ) : (
        <div className="confirm" role="group" aria-labelledby="bulk-delete-text" data-testid="bulk-delete-confirm">
          <p id="bulk-delete-text" className="confirm-text">
            Delete {plural(count, 'credential', 'credentials')}? Devices using them stop registering and active calls are
            dropped.
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-danger"
              disabled={blocked !== null}
              {...why}
              onClick={() => {
                setConfirming(false);
                onRun('delete');
              }}
            >
              Delete
            </button>
            <button ref={cancelRef} type="button" className="btn" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
