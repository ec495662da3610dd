/** No rows: either the customer has none at all, or none match the filters (which can be cleared). */
export function CredentialsEmpty({ filtered, onClearFilters }: { filtered: boolean; onClearFilters(): void }) {
  return (
    <div className="empty-state" data-testid={filtered ? 'credentials-no-match' : 'credentials-empty'}>
      {filtered ? (
        <>
          <p>No credentials match these filters.</p>
          <button type="button" className="btn btn-quiet" onClick={onClearFilters}>
            Clear filters
          </button>
        </>
      ) : (
        <p>This customer has no SIP credentials yet.</p>
      )}
    </div>
  );
}
