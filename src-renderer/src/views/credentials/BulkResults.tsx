import { useEffect, useRef } from 'react';
import type { BulkAction, BulkResultDTO } from '../../../../src-preload/contract';
import { formatCount } from '../../lib/format';

const DONE: Record<BulkAction, string> = { enable: 'Enabled', disable: 'Disabled', delete: 'Deleted' };
/** A run of 100,000 would otherwise put 100,000 lines in the page: the failures come first. */
const MAX_LINES = 200;

/** "Disabled 37 of 100; 63 not started (cancelled)." and the like. */
export function bulkSummary(action: BulkAction, r: BulkResultDTO): string {
  const ok = r.results.filter((x) => x.ok).length;
  const failed = r.results.length - ok;
  const parts = [`${DONE[action]} ${formatCount(ok)} of ${formatCount(r.total)}`];
  if (failed > 0) parts.push(`${formatCount(failed)} failed`);
  if (r.notStarted > 0) parts.push(`${formatCount(r.notStarted)} not started (cancelled)`);
  return `${parts.join('; ')}.`;
}

/** One line per credential of a bulk action; partial failure is an ordinary outcome. */
export function BulkResults({ action, result, onClose }: { action: BulkAction; result: BulkResultDTO; onClose(): void }) {
  // Failures first: they are what the admin has to act on (and they stay selected).
  const all = [...result.results.filter((r) => !r.ok), ...result.results.filter((r) => r.ok)];
  const rows = all.slice(0, MAX_LINES);
  const failed = result.results.filter((r) => !r.ok).length;
  const headRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    headRef.current?.focus();
  }, [result]);

  return (
    <section
      className={`panel bulk-results${failed > 0 || result.notStarted > 0 ? ' has-failures' : ''}`}
      data-testid="bulk-results"
      data-action={action}
      aria-labelledby="bulk-summary"
    >
      <p id="bulk-summary" className="panel-title" data-testid="bulk-summary" tabIndex={-1} ref={headRef}>
        {bulkSummary(action, result)}
      </p>
      {(failed > 0 || result.notStarted > 0) && (
        <p className="muted" data-testid="bulk-left">
          {failed > 0 && result.notStarted > 0
            ? 'The failed and the not started credentials stay selected.'
            : failed > 0
              ? 'The failed credentials stay selected, to try again.'
              : 'The credentials not started stay selected.'}
        </p>
      )}
      <ul className="bulk-list">
        {rows.map((r) => (
          <li key={r.id} data-ok={String(r.ok)} data-credential-id={r.id} className={r.ok ? 'bulk-ok' : 'bulk-failed'}>
            <span className="bulk-icon" aria-hidden="true">
              {r.ok ? '✓' : '✕'}
            </span>
            <span className="bulk-name">{r.username ?? r.id}</span>
            <span className="bulk-outcome">
              {r.ok ? DONE[action] : (r.error?.message ?? 'Failed')}
              {r.note ? ` ${r.note}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {all.length > rows.length && <p className="muted">…and {formatCount(all.length - rows.length)} more {DONE[action].toLowerCase()}.</p>}
      <div className="form-actions">
        <button type="button" className="btn btn-quiet" onClick={onClose}>
          Close results
        </button>
      </div>
    </section>
  );
}
