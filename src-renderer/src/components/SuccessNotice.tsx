/**
 * A one-line confirmation the admin can dismiss. Its live region is always mounted, so screen
 * readers announce the notice when it appears.
 */
export function SuccessNotice({ notice, testId, onDismiss }: { notice: string | null; testId: string; onDismiss(): void }) {
  return (
    <div aria-live="polite" className="live-region">
      {notice && (
        <div className="notice notice-success" data-testid={testId}>
          <p className="notice-title">{notice}</p>
          <button type="button" className="btn btn-quiet" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
