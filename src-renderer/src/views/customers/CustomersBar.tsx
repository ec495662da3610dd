import type { SyncEntry } from '../../store/sync';
import { useSync } from '../../store/sync';

type Props = {
  profileId: string;
  sync: SyncEntry;
  historyOpen: boolean;
  onToggleHistory(): void;
};

/**
 * Above the customers: Sync all (every customer's whole credential list into this computer's
 * store, for offline use and the search across customers) and the sync history.
 */
export function CustomersBar({ profileId, sync, historyOpen, onToggleHistory }: Props) {
  const start = useSync((s) => s.start);
  const running = sync.running !== null;
  return (
    <div className="customers-bar" role="group" aria-label="Sync">
      <p className="customers-bar-text muted">
        Credentials are kept on this computer, so lists, search and export work offline. Sync fetches them from Vobiz.
      </p>
      <div className="customers-bar-actions">
        <button
          type="button"
          className="btn"
          aria-pressed={historyOpen}
          aria-controls="customer-main"
          onClick={onToggleHistory}
          data-testid="open-sync-history"
        >
          Sync history
        </button>
        {/* aria-disabled, not disabled: it keeps focus while the sync it started runs (Escape cancels). */}
        <button
          type="button"
          className="btn btn-primary"
          aria-disabled={running || undefined}
          title={running ? 'A sync is running: wait for it, or cancel it.' : "Fetch every customer's SIP credentials from Vobiz"}
          onClick={() => {
            if (!running) void start(profileId, { scope: 'all' });
          }}
          data-testid="sync-all"
        >
          {running && sync.running?.target.scope === 'all' ? 'Syncing…' : 'Sync all'}
        </button>
      </div>
    </div>
  );
}
