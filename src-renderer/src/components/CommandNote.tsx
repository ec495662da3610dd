import { useUi } from '../store/ui';

/**
 * Why the last shortcut or menu command did nothing ("Open a customer first…"), so a key press is
 * never silently ignored. Its live region is always mounted, so the reason is announced.
 */
export function CommandNote() {
  const note = useUi((s) => s.commandNote);
  const clear = useUi((s) => s.setCommandNote);
  return (
    <div aria-live="polite" className="live-region">
      {note && (
        <div className="notice notice-warning command-note" data-testid="command-note">
          <p className="notice-title">{note}</p>
          <button type="button" className="btn btn-quiet" onClick={() => clear(null)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
