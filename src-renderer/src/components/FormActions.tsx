type Props = {
  /** The submit button's name, and what it says while the request runs. */
  label: string;
  busyLabel: string;
  busy: boolean;
  onCancel?: (() => void) | undefined;
  cancelLabel?: string;
};

/** A form's submit button (busy-aware) and an optional Cancel. */
export function FormActions({ label, busyLabel, busy, onCancel, cancelLabel = 'Cancel' }: Props) {
  return (
    <div className="form-actions">
      <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy}>
        {busy ? busyLabel : label}
      </button>
      {onCancel && (
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </button>
      )}
    </div>
  );
}
