import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { BulkAction } from '../../../../src-preload/contract';
import { blockedProps, type WriteBlock } from '../../components/BlockedReason';
import { formatCount, plural } from '../../lib/format';
import { useEscapeCloses } from '../../lib/useEscapeCloses';
import type { BulkRun } from '../../store/bulk';

export type { BulkAction };

type Props = {
  customerName: string;
  /** How many credentials are selected (on every page). */
  count: number;
  /** The selection is "every credential matching the filter" rather than rows checked one by one. */
  allMatching: boolean;
  /** Offered once the whole page is checked and more credentials match: how many match in all. */
  matchingTotal: number | null;
  /** Whether a filter narrows the list (the offer says "matching" then). */
  filtered: boolean;
  running: BulkRun | null;
  /** Set while writes are off (offline): the actions are disabled with the reason; the selection stays. */
  blocked: WriteBlock;
  onRun(action: BulkAction): void;
  onCancelRun(): void;
  onSelectMatching(): void;
  onClear(): void;
  /** Which bulk actions the provider allows (all by default). */
  canToggle?: boolean;
  canDelete?: boolean;
};

const VERB: Record<BulkAction, { label: string; running: string }> = {
  disable: { label: 'Disable', running: 'Disabling' },
  enable: { label: 'Enable', running: 'Enabling' },
  delete: { label: 'Delete', running: 'Deleting' },
};

const CONSEQUENCE: Record<BulkAction, string> = {
  disable: 'Devices using them stop registering until they are enabled again.',
  enable: 'Devices with their passwords can register again.',
  delete: 'Devices using them stop registering and active calls are dropped. This cannot be undone.',
};

/**
 * The selection (its count always shown, "Select all N matching", Clear selection) and what can
 * be done to it. Every bulk write asks first, naming how many and whose; while it runs, how far it
 * got, with Cancel.
 */
export function BulkBar(p: Props) {
  const { count, running, blocked, canToggle = true, canDelete = true } = p;
  const [confirming, setConfirming] = useState<BulkAction | null>(null);
  const off = running !== null || blocked !== null;
  const why = blockedProps(blocked);
  const noun = (n: number) => plural(n, 'credential', 'credentials');

  if (running) return <BulkProgress run={running} onCancel={p.onCancelRun} />;

  return (
    <div className="bulk-bar" role="region" aria-label="Selected credentials" data-testid="bulk-bar">
      <p className="bulk-count" data-testid="bulk-count">
        {p.allMatching ? `All ${formatCount(count)} ${p.filtered ? 'matching ' : ''}selected` : `${formatCount(count)} selected`}
      </p>
      {confirming ? (
        <BulkConfirm
          action={confirming}
          text={`${VERB[confirming].label} ${noun(count)} of ${p.customerName}?`}
          detail={CONSEQUENCE[confirming]}
          confirmLabel={`${VERB[confirming].label} ${formatCount(count)}`}
          blocked={blocked}
          onConfirm={() => {
            setConfirming(null);
            p.onRun(confirming);
          }}
          onCancel={() => setConfirming(null)}
        />
      ) : (
        <div className="form-actions">
          {p.matchingTotal !== null && !p.allMatching && (
            <button type="button" className="btn btn-quiet" onClick={p.onSelectMatching} data-testid="select-all-matching">
              Select all {formatCount(p.matchingTotal)} {p.filtered ? 'matching ' : ''}
              {p.matchingTotal === 1 ? 'credential' : 'credentials'}
            </button>
          )}
          {canToggle && (
            <>
              <button type="button" className="btn" onClick={() => setConfirming('disable')} disabled={off} {...why}>
                Disable selected
              </button>
              <button type="button" className="btn" onClick={() => setConfirming('enable')} disabled={off} {...why}>
                Enable selected
              </button>
            </>
          )}
          {canDelete && (
            <button type="button" className="btn btn-danger" onClick={() => setConfirming('delete')} disabled={off} {...why}>
              Delete selected
            </button>
          )}
          <button type="button" className="btn btn-quiet" onClick={p.onClear}>
            Clear selection
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * "Disable 100 credentials of Acme?" Focus starts on Cancel, the safe choice; Enter confirms and
 * Escape cancels, as in a system dialog. Once the admin moves focus with Tab, Enter does what the
 * focused button says.
 */
function BulkConfirm(p: {
  action: BulkAction;
  text: string;
  detail: string;
  confirmLabel: string;
  blocked: WriteBlock;
  onConfirm(): void;
  onCancel(): void;
}) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    cancelRef.current?.focus();
  }, []);

  // Escape cancels through the app's one Escape stack (lib/useEscapeCloses), like every form.
  const boxRef = useRef<HTMLDivElement>(null);
  useEscapeCloses(p.onCancel, boxRef);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Tab') moved.current = true;
    if (e.key === 'Enter' && !(moved.current && e.target === cancelRef.current)) {
      e.preventDefault();
      if (!p.blocked) p.onConfirm();
    }
  };

  return (
    <div
      ref={boxRef}
      className="confirm bulk-confirm"
      role="alertdialog"
      aria-labelledby="bulk-confirm-text"
      aria-describedby="bulk-confirm-detail"
      data-testid="bulk-confirm"
      data-action={p.action}
      onKeyDown={onKeyDown}
    >
      <p id="bulk-confirm-text" className="confirm-text">
        {p.text}
      </p>
      <p id="bulk-confirm-detail" className="muted">
        {p.detail}
      </p>
      <div className="form-actions">
        <button
          type="button"
          className={`btn ${p.action === 'enable' ? 'btn-primary' : 'btn-danger'}`}
          disabled={p.blocked !== null}
          {...blockedProps(p.blocked)}
          aria-keyshortcuts="Enter"
          onClick={p.onConfirm}
          data-testid="bulk-confirm-ok"
        >
          {p.confirmLabel}
        </button>
        <button ref={cancelRef} type="button" className="btn" aria-keyshortcuts="Escape" onClick={p.onCancel} data-testid="bulk-confirm-cancel">
          Cancel
        </button>
      </div>
    </div>
  );
}

/** "Disabling 37 of 100", a bar, and Cancel or Escape (no new writes start; those on the wire finish). */
function BulkProgress({ run, onCancel }: { run: BulkRun; onCancel(): void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const { total, done, failed } = run;
  const pct = (n: number) => `${total > 0 ? Math.min(100, (n / total) * 100) : 0}%`;
  const text = `${VERB[run.action].running} ${formatCount(done)} of ${formatCount(total)}`;

  // The Confirm button that had focus is gone: Cancel is the one thing to do now.
  useEffect(() => {
    cancelRef.current?.focus();
  }, []);

  return (
    <div
      className="bulk-bar bulk-run"
      role="region"
      aria-label="Bulk action"
      data-testid="bulk-run"
      data-action={run.action}
      // As a running sync: Escape cancels.
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        if (!run.cancelling) onCancel();
      }}
    >
      <div
        role="progressbar"
        className="sync-progress"
        data-testid="bulk-progress"
        aria-label={`${VERB[run.action].running} credentials`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${text}${failed ? `, ${failed} failed` : ''}`}
      >
        <p className="sync-progress-text">
          <strong data-testid="bulk-progress-text">{text}</strong>
          {failed > 0 && <span className="sync-progress-failed">{formatCount(failed)} failed</span>}
        </p>
        <span className="sync-track" aria-hidden="true">
          <span className="sync-bar sync-bar-done" style={{ width: pct(done - failed) }} />
          <span className="sync-bar sync-bar-failed" style={{ width: pct(failed) }} />
        </span>
      </div>
      <button
        ref={cancelRef}
        type="button"
        className="btn"
        // aria-disabled, not disabled: focus stays on it while the writes on the wire finish.
        onClick={() => !run.cancelling && onCancel()}
        aria-disabled={run.cancelling || undefined}
        aria-keyshortcuts="Escape"
        title="Start no more (Esc): the changes already sent finish and are reported; the rest stay selected."
        data-testid="bulk-cancel"
      >
        {run.cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  );
}
