import { useId } from 'react';
import { BlockedReason } from './BlockedReason';

type Props = {
  /** The submit button's name, and what it says while the request runs. */
  label: string;
  busyLabel: string;
  busy: boolean;
  onCancel?: (() => void) | undefined;
  cancelLabel?: string;
  /** Why the submit cannot be sent right now (offline), shown beside it; null when it can. */
  blocked?: string | null;
};

/** A form's submit button (busy-aware, and disabled with its reason while offline) and an optional Cancel. */
export function FormActions({ label, busyLabel, busy, onCancel, cancelLabel = 'Cancel', blocked = null }: Props) {
  const reasonId = useId();
  return (
    <div className="form-actions">
      <button
        type="submit"
        className="btn btn-primary"
        disabled={busy || blocked !== null}
        aria-busy={busy}
        title={blocked ?? undefined}
        aria-describedby={blocked ? reasonId : undefined}
      >
        {busy ? busyLabel : label}
      </button>
      {onCancel && (
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </button>
      )}
      {blocked && <BlockedReason id={reasonId} reason={blocked} />}
    </div>
  );
}
