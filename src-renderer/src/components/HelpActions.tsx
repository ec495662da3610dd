import { useHelp } from '../store/help';
import { ErrorNotice } from './ErrorNotice';
import { Spinner } from './Busy';

/**
 * The sidebar's Help area: the Help menu's two commands as buttons, so they are reachable where
 * the app has no menu bar (and in the test harness). What they did is said in HelpNotice.
 */
export function HelpActions() {
  const busy = useHelp((s) => s.busy);
  const copy = useHelp((s) => s.copyDiagnostics);
  const open = useHelp((s) => s.openLogsFolder);
  return (
    <nav className="help-actions" aria-label="Help">
      <p className="switcher-title">Help</p>
      <button type="button" className="btn btn-quiet btn-small" data-testid="copy-diagnostics" aria-busy={busy === 'copyDiagnostics'} disabled={busy !== null} onClick={() => void copy()}>
        {busy === 'copyDiagnostics' && <Spinner />}Copy diagnostics
      </button>
      <button type="button" className="btn btn-quiet btn-small" data-testid="open-logs-folder" aria-busy={busy === 'openLogsFolder'} disabled={busy !== null} onClick={() => void open()}>
        {busy === 'openLogsFolder' && <Spinner />}Open logs folder
      </button>
    </nav>
  );
}

/** What the last Help command did ("Diagnostics copied: …"), above the main area; its live region is always mounted. */
export function HelpNotice() {
  const status = useHelp((s) => s.status);
  const clear = useHelp((s) => s.clear);
  const dismiss = (
    <button type="button" className="btn btn-quiet" onClick={clear}>
      Dismiss
    </button>
  );
  return (
    <div aria-live="polite" className="live-region">
      {status?.kind === 'done' && (
        <div className="notice notice-success" data-testid="help-notice">
          <p className="notice-title">{status.text}</p>
          {dismiss}
        </div>
      )}
      {status?.kind === 'error' && <ErrorNotice error={status.error} testId="help-error" actions={dismiss} />}
    </div>
  );
}
