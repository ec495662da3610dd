/**
 * Grey placeholder rows while the first page loads, where the table will be, so the layout does
 * not jump when it arrives. aria-busy tells assistive tech the list is on its way; the bars are
 * hidden from it (they are not data), and the status line says it in words.
 */
export function CredentialsSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div className="table-wrap skeleton" data-testid="credentials-skeleton" aria-busy="true">
      <p role="status" className="visually-hidden">
        Loading credentials…
      </p>
      <div aria-hidden="true">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="skeleton-row">
            <span className="skeleton-bar skeleton-bar-short" />
            <span className="skeleton-bar" />
            <span className="skeleton-bar skeleton-bar-short" />
            <span className="skeleton-bar" />
          </div>
        ))}
      </div>
    </div>
  );
}
