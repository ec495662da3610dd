import { useId } from 'react';
import { BlockedReason } from './BlockedReason';
import { BusyButton } from './Busy';

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

/**
 * A form's submit button and an optional Cancel. The submit is a BusyButton (a spinner after
 * 300 ms, the time taken after 2 s), and disabled with its reason while offline. Cancel closes the
 * form; it does not stop a request already sent (a write's outcome would then be unknown), so it
 * waits for the answer.
 */
export function FormActions({ label, busyLabel, busy, onCancel, cancelLabel = 'Cancel', blocked = null }: Props) {
  const reasonId = useId();
  return (
    <div className="form-actions">
      <BusyButton
        type="submit"
        className="btn btn-primary"
        busy={busy}
        label={label}
        busyLabel={busyLabel}
        disabled={blocked !== null}
        title={blocked ?? undefined}
        aria-describedby={blocked ? reasonId : undefined}
      />
      {onCancel && (
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </button>
      )}
      {blocked && <BlockedReason id={reasonId} reason={blocked} />}
    </div>
  );
}
