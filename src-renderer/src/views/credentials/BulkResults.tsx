import { useEffect, useRef } from 'react';
import type { BulkResultDTO } from '../../../../src-preload/contract';
import type { BulkAction } from './BulkBar';

const DONE: Record<BulkAction, string> = { enable: 'Enabled', disable: 'Disabled', delete: 'Deleted' };

/** One line per credential of a bulk action; partial failure is an ordinary outcome. */
export function BulkResults({ action, result, onClose }: { action: BulkAction; result: BulkResultDTO; onClose(): void }) {
  const ok = result.results.filter((r) => r.ok).length;
  // Failures first: they are what the admin has to act on.
  const rows = [...result.results.filter((r) => !r.ok), ...result.results.filter((r) => r.ok)];
  const failed = result.results.length - ok;
  const headRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    headRef.current?.focus();
  }, [result]);

  return (
    <section
      className={`panel bulk-results${failed > 0 ? ' has-failures' : ''}`}
      data-testid="bulk-results"
      data-action={action}
      aria-labelledby="bulk-summary"
    >
      <p id="bulk-summary" className="panel-title" data-testid="bulk-summary" tabIndex={-1} ref={headRef}>
        {ok} succeeded, {failed} failed
      </p>
      <ul className="bulk-list">
        {rows.map((r) => (
          <li key={r.id} data-ok={String(r.ok)} data-credential-id={r.id} className={r.ok ? 'bulk-ok' : 'bulk-failed'}>
            <span className="bulk-icon" aria-hidden="true">
              {r.ok ? '✓' : '✕'}
            </span>
            <span className="bulk-name">{r.username ?? r.id}</span>
            <span className="bulk-outcome">{r.ok ? DONE[action] : (r.error?.message ?? 'Failed')}</span>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" className="btn btn-quiet" onClick={onClose}>
          Close results
        </button>
      </div>
    </section>
  );
}
