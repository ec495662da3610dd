/** No rows: either the customer has none at all, or none match the filters (which can be cleared). */
export function CredentialsEmpty({
  filtered,
  onClearFilters,
  what = 'SIP credentials',
  owner = 'This customer',
}: {
  filtered: boolean;
  onClearFilters(): void;
  /** What the list holds, in a sentence ("SIP credentials", "extensions and trunks"). */
  what?: string;
  /** Whose list it is ("This customer", "This account"). */
  owner?: string;
}) {
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
        <p>
          {owner} has no {what} yet.
        </p>
      )}
    </div>
  );
}
