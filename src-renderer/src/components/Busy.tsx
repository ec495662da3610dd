import type { ButtonHTMLAttributes } from 'react';
import { formatElapsed } from '../lib/format';
import { useBusyPhase } from '../lib/useBusyPhase';

/** The turning ring a busy button shows; decoration only (the button's aria-busy says it). */
export function Spinner() {
  return <span className="spinner" data-testid="busy-spinner" aria-hidden="true" />;
}

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'aria-busy'> & {
  /** The action waits on main: the button is disabled at once (no double send). */
  busy: boolean;
  label: string;
  /** What it says once it has been busy for 300 ms: "Saving…". */
  busyLabel: string;
};

/**
 * A button whose action waits on main. Disabled as soon as it is pressed; after 300 ms a spinner,
 * its busy label and aria-busy; after 2 s, beside it, how long it has been working ("Still
 * working… 3 sec"), so a slow network never looks like a dead button.
 */
export function BusyButton({ busy, label, busyLabel, disabled, className = 'btn', ...button }: Props) {
  const { phase, elapsedMs } = useBusyPhase(busy);
  const shown = phase === 'spinner' || phase === 'long';
  return (
    <>
      <button {...button} className={`${className}${shown ? ' is-busy' : ''}`} disabled={busy || disabled} aria-busy={shown}>
        {shown && <Spinner />}
        {shown ? busyLabel : label}
      </button>
      {phase === 'long' && (
        <span className="busy-note" data-testid="busy-note">
          Still working… {formatElapsed(elapsedMs)}
        </span>
      )}
    </>
  );
}
