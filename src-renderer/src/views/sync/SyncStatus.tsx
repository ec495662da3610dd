import { useEffect, useRef } from 'react';
import type { SyncReportDTO } from '../../../../src-preload/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatCount, formatDuration, plural } from '../../lib/format';
import { useSync, type SyncEntry, type SyncOutcome, type SyncRun, type SyncTarget } from '../../store/sync';

type Props = {
  profileId: string;
  entry: SyncEntry;
  /** Opens the sync history (the summary links to what changed). */
  onHistory?: () => void;
};

/**
 * The profile's sync as it runs (progress and Cancel; Escape cancels too) and, once it has ended,
 * a short summary until dismissed. The summary sits in a live region that is always mounted, so it
 * is announced; the progress is not, or a screen reader would read it ten times a second.
 */
export function SyncStatus({ profileId, entry, onHistory }: Props) {
  const { running, last } = entry;
  return (
    <>
      {running && <SyncRunning profileId={profileId} run={running} />}
      <div aria-live="polite" className="live-region">
        {!running && last && <SyncSummary profileId={profileId} outcome={last} onHistory={onHistory} />}
      </div>
    </>
  );
}

const what = (t: SyncTarget): string => (t.scope === 'all' ? 'Syncing all customers' : `Syncing ${t.customerName}`);

function SyncRunning({ profileId, run }: { profileId: string; run: SyncRun }) {
  const cancel = useSync((s) => s.cancel);
  const p = run.progress;
  const total = p?.accountsTotal ?? 0;
  const done = p?.accountsDone ?? 0;
  const failed = p?.accountsFailed ?? 0;
  const known = total > 0;
  const pct = (n: number) => `${known ? Math.min(100, (n / total) * 100) : 0}%`;
  const counts = known ? `${formatCount(done)} of ${plural(total, 'customer', 'customers')}` : run.target.scope === 'all' ? 'Listing customers…' : 'Starting…';
  const fetched = `${plural(p?.credentialsFetched ?? 0, 'credential', 'credentials')}`;
  const rate = `${formatCount(p?.perSecond ?? 0)}/s`;

  return (
    <div className="sync-run" data-testid="sync-run" data-scope={run.target.scope}>
      <div
        role="progressbar"
        className={`sync-progress${known ? '' : ' is-indeterminate'}`}
        data-testid="sync-progress"
        aria-label={what(run.target)}
        aria-valuemin={0}
        // Unknown until main has listed the customers: an indeterminate bar has no value.
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? done : undefined}
        aria-valuetext={known ? `${counts} synced${failed ? `, ${failed} failed` : ''}, ${fetched}` : counts}
      >
        <p className="sync-progress-text">
          <strong>{what(run.target)}</strong>
          <span data-testid="sync-progress-accounts">{counts}</span>
          {failed > 0 && <span className="sync-progress-failed">{formatCount(failed)} failed</span>}
          <span data-testid="sync-progress-credentials">{fetched}</span>
          <span className="muted" data-testid="sync-progress-rate" title="Credentials per second">
            {rate}
          </span>
        </p>
        <span className="sync-track" aria-hidden="true">
          <span className="sync-bar sync-bar-done" style={{ width: pct(done) }} />
          <span className="sync-bar sync-bar-failed" style={{ width: pct(failed) }} />
        </span>
      </div>
      <button
        type="button"
        className="btn"
        onClick={() => cancel(profileId)}
        disabled={run.cancelling}
        aria-keyshortcuts="Escape"
        title="Cancel the sync (Esc). Customers already synced keep their new lists; the rest keep their previous ones."
        data-testid="sync-cancel"
      >
        {run.cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
      {run.cancelError && <ErrorNotice error={run.cancelError} testId="sync-cancel-error" />}
    </div>
  );
}

const TONE: Record<SyncReportDTO['outcome'], string> = { done: 'success', partial: 'warning', cancelled: 'neutral', failed: 'error' };

function SyncSummary({ profileId, outcome, onHistory }: { profileId: string; outcome: SyncOutcome; onHistory?: (() => void) | undefined }) {
  const dismiss = useSync((s) => s.dismiss);
  const titleRef = useRef<HTMLParagraphElement>(null);
  const { report, error, target } = outcome;

  // The Cancel button that had focus is gone: keep focus here rather than lose it to the page.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) titleRef.current?.focus();
  }, [outcome.syncId]);

  if (!report) {
    return (
      <div className="sync-summary" data-testid="sync-summary" data-outcome="error">
        <ErrorNotice error={error ?? UNKNOWN} testId="sync-error" actions={<DismissButton onClick={() => dismiss(profileId)} />} />
      </div>
    );
  }

  const changed = report.changes.filter((c) => !c.firstSync).length;
  const firsts = report.changes.length - changed;
  const took = formatDuration(Date.parse(report.finishedAt) - Date.parse(report.startedAt));
  const fetched = plural(report.credentialsFetched, 'credential', 'credentials');
  const one = target.scope === 'account' ? target.customerName : null;
  const title =
    report.outcome === 'done'
      ? one
        ? `Synced ${one}: ${fetched} in ${took}.`
        : `Synced ${plural(report.accountsSynced, 'customer', 'customers')}: ${fetched} in ${took}.`
      : report.outcome === 'partial'
        ? `Synced ${formatCount(report.accountsSynced)} of ${plural(report.accountsTotal, 'customer', 'customers')}: ${report.failures.length} could not be synced.`
        : report.outcome === 'cancelled'
          ? one
            ? `Sync of ${one} cancelled. Its previous list is kept.`
            : `Sync cancelled after ${formatCount(report.accountsSynced)} of ${plural(report.accountsTotal, 'customer', 'customers')}. The others keep their previous lists.`
          : one
            ? `Could not sync ${one}. Its previous list is kept.`
            : 'The sync failed. Every customer keeps its previous list.';
  const changes =
    report.outcome === 'cancelled' || report.outcome === 'failed'
      ? null
      : changed === 0 && firsts === 0
        ? 'No changes since the last sync.'
        : [
            changed > 0 ? `Changes in ${plural(changed, 'customer', 'customers')}.` : null,
            firsts > 0 ? (one ? 'First sync of this customer.' : `${plural(firsts, 'customer', 'customers')} synced for the first time.`) : null,
          ]
            .filter(Boolean)
            .join(' ');

  return (
    <div
      className={`notice notice-${TONE[report.outcome]} sync-summary`}
      data-testid="sync-summary"
      data-outcome={report.outcome}
      data-scope={report.scope}
    >
      <p className="notice-title" tabIndex={-1} ref={titleRef}>
        {title}
      </p>
      {changes && <p className="notice-hint">{changes}</p>}
      {report.failures.length > 0 && (
        <ul className="sync-failures" data-testid="sync-failures">
          {report.failures.map((f) => (
            <li key={f.customerAuthId || f.customerName} data-customer-auth-id={f.customerAuthId}>
              <strong>{f.customerName}</strong>
              <span>
                {f.error.message}
                {f.error.hint ? ` ${f.error.hint}` : ''}
                {f.error.status !== undefined && <span className="muted"> (HTTP {f.error.status})</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="notice-actions">
        {onHistory && (
          <button type="button" className="btn btn-small" onClick={onHistory}>
            See what changed
          </button>
        )}
        <DismissButton onClick={() => dismiss(profileId)} />
      </div>
    </div>
  );
}

function DismissButton({ onClick }: { onClick(): void }) {
  return (
    <button type="button" className="btn btn-quiet btn-small" onClick={onClick}>
      Dismiss
    </button>
  );
}

const UNKNOWN = {
  code: 'INTERNAL' as const,
  message: 'The sync ended without a report.',
  hint: 'Open the sync history to see what was stored.',
  retryable: false,
};
