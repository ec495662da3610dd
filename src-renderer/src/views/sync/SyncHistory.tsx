import { useEffect, useRef } from 'react';
import type { AccountChangesDTO, SyncReportDTO } from '../../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatAge, formatCount, formatDateTime, formatDuration, plural } from '../../lib/format';
import { useActiveCaps } from '../../lib/caps';
import { useNow } from '../../lib/useNow';
import { customerNameOfSync, selectSyncEntry, useSync } from '../../store/sync';

const OUTCOME: Record<SyncReportDTO['outcome'], { label: string; tone: 'good' | 'bad' | 'warn' | 'neutral' }> = {
  done: { label: 'Done', tone: 'good' },
  partial: { label: 'Partial', tone: 'warn' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
  failed: { label: 'Failed', tone: 'bad' },
};

/** The kinds of change, in the order they are listed, with how each is said. */
const KINDS = [
  { key: 'added', label: 'Added' },
  { key: 'removed', label: 'Removed' },
  { key: 'enabled', label: 'Enabled' },
  { key: 'disabled', label: 'Disabled' },
  { key: 'passwordChanged', label: 'Password changed' },
] as const;

/**
 * The profile's last syncs (main keeps ten), newest first: when, what, how it ended, and per
 * customer what changed since the sync before, by username. Read again whenever a sync ends.
 */
export function SyncHistory({ profileId, onClose }: { profileId: string; onClose(): void }) {
  const entry = useSync(selectSyncEntry(profileId));
  const loadHistory = useSync((s) => s.loadHistory);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const { history, historyLoading, historyError } = entry;
  const self = useActiveCaps().accounts === 'self';

  useEffect(() => {
    void loadHistory(profileId);
  }, [profileId, loadHistory]);

  // Opened from a button far above in a narrow window: bring it into view, and keyboard focus with it.
  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  return (
    <section className="card sync-history" data-testid="sync-history" aria-labelledby="sync-history-title" aria-busy={historyLoading}>
      <div className="sync-history-head">
        <h2 id="sync-history-title" className="card-title" tabIndex={-1} ref={titleRef}>
          Sync history
        </h2>
        <p className="muted">The last ten syncs of this profile, newest first.</p>
        <button type="button" className="btn btn-quiet" onClick={onClose}>
          Close history
        </button>
      </div>
      <div role="status" className="live-region">
        {historyLoading && !history && <p className="status">Loading sync history…</p>}
      </div>
      {historyError && <ErrorNotice error={historyError} testId="sync-history-error" onRetry={() => void loadHistory(profileId)} />}
      {history && history.length === 0 && (
        <p className="empty-state" data-testid="sync-history-empty">
          {self ? 'No syncs yet. Use Sync above the credential list.' : "No syncs yet. Sync all on the Customers tab, or Sync on a customer's credentials."}
        </p>
      )}
      {history && history.length > 0 && (
        <ol className="sync-reports">
          {history.map((r) => (
            <SyncReport key={r.id} report={r} />
          ))}
        </ol>
      )}
    </section>
  );
}

function scopeLabel(r: SyncReportDTO): string {
  if (r.scope === 'all') return 'All customers';
  // An account report names its customer only where something changed or failed.
  return r.changes[0]?.customerName ?? r.failures[0]?.customerName ?? customerNameOfSync(r.id) ?? 'One customer';
}

function SyncReport({ report: r }: { report: SyncReportDTO }) {
  const now = useNow();
  const outcome = OUTCOME[r.outcome];
  const took = formatDuration(Date.parse(r.finishedAt) - Date.parse(r.startedAt));
  const changes = r.changes;
  const quiet = changes.length === 0 && r.failures.length === 0;
  return (
    <li className="sync-report" data-testid="sync-report" data-outcome={r.outcome} data-scope={r.scope} data-sync-id={r.id}>
      <div className="sync-report-head">
        <Badge tone={outcome.tone}>{outcome.label}</Badge>
        <strong className="sync-report-scope">{scopeLabel(r)}</strong>
        <time dateTime={r.finishedAt} className="sync-report-when">
          {formatDateTime(r.finishedAt)} · {formatAge(r.finishedAt, now)}
        </time>
      </div>
      <p className="sync-report-stats muted">
        {r.scope === 'all' && `${formatCount(r.accountsSynced)} of ${plural(r.accountsTotal, 'customer', 'customers')} · `}
        {plural(r.credentialsFetched, 'credential', 'credentials')} fetched · {plural(r.requests, 'request', 'requests')} · {took}
      </p>
      {quiet && <p className="sync-report-none">{r.outcome === 'cancelled' ? 'Cancelled before anything changed.' : 'No changes.'}</p>}
      {changes.length > 0 && (
        <ul className="sync-changes">
          {changes.map((c) => (
            <AccountChanges key={c.customerAuthId} changes={c} firstSyncTotal={r.scope === 'account' ? r.credentialsFetched : null} />
          ))}
        </ul>
      )}
      {r.failures.length > 0 && (
        <ul className="sync-failures">
          {r.failures.map((f) => (
            <li key={f.customerAuthId || f.customerName} data-customer-auth-id={f.customerAuthId}>
              <strong>{f.customerName}</strong>
              <span>Not synced: {f.error.message}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * One customer's changes. A first sync has nothing to compare with, so it says how many
 * credentials it stored instead of calling them all "added". Main counts exactly and lists up to
 * 50 usernames of each kind.
 */
function AccountChanges({ changes: c, firstSyncTotal }: { changes: AccountChangesDTO; firstSyncTotal: number | null }) {
  if (c.firstSync) {
    return (
      <li className="sync-change" data-customer-auth-id={c.customerAuthId} data-first-sync="true">
        <span className="sync-change-name">{c.customerName}</span>
        <span className="sync-change-first">
          {/* Main reports the count only for a one-customer sync (the report's total is all of it). */}
          {firstSyncTotal !== null ? `first sync: ${plural(firstSyncTotal, 'credential', 'credentials')}` : 'first sync: its whole list stored'}
        </span>
      </li>
    );
  }
  const kinds = KINDS.filter((k) => c.counts[k.key] > 0);
  return (
    <li className="sync-change" data-customer-auth-id={c.customerAuthId}>
      <span className="sync-change-name">{c.customerName}</span>
      <span className="sync-change-counts">
        {kinds.map((k) => `${formatCount(c.counts[k.key])} ${k.label.toLowerCase()}`).join(' · ')}
      </span>
      <dl className="sync-change-lists">
        {kinds.map((k) => {
          const names = c[k.key];
          const more = c.counts[k.key] - names.length;
          return (
            <div key={k.key} className={`sync-change-kind sync-change-${k.key}`} data-kind={k.key}>
              <dt>{k.label}</dt>
              <dd>
                {names.map((u) => (
                  <code key={u}>{u}</code>
                ))}
                {more > 0 && <span className="muted">and {formatCount(more)} more</span>}
              </dd>
            </div>
          );
        })}
      </dl>
    </li>
  );
}
