import { useEffect, useRef, useState } from 'react';
import type { CredentialSettingsDTO } from '../../../../src-preload/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useProviderLabel } from '../../lib/caps';
import { focusWhenShown } from '../../lib/focus';
import { useEscapeCloses } from '../../lib/useEscapeCloses';
import { useRequest } from '../../lib/useRequest';
import { credentialWrites } from '../../store/credentials';
import { useOneTime, type OneTime } from '../../store/one-time';

type Props = {
  pending: OneTime;
  /** Shown away from its customer's list (another customer, tab or profile): say whose it is. */
  away?: boolean;
};

/**
 * A generated password, held by main behind `secretId`: show it once, and copy it (main copies it
 * and clears the clipboard again) as often as needed. It stays until it was copied or the admin
 * confirms losing it, and it names the settings a phone needs with it (username, realm, registrar).
 */
export function OneTimePassword({ pending, away = false }: Props) {
  const { secretId, username, action, storedLater, copied, profileId, customerAuthId, credentialId, customerName } = pending;
  const provider = useProviderLabel();
  const markCopied = useOneTime((s) => s.copied);
  const close = useOneTime((s) => s.close);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [copiedFor, setCopiedFor] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [settings, setSettings] = useState<CredentialSettingsDTO['rows'] | null>(null);
  const { busy, failure, run } = useRequest();
  const titleRef = useRef<HTMLParagraphElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  // Escape is Keep it open; focus goes back to Done.
  useEscapeCloses(confirming ? () => setConfirming(false) : null, confirmRef, () => doneRef.current);

  useEffect(() => {
    if (!away) titleRef.current?.focus();
  }, [secretId, away]);

  // The settings a phone needs, in the provider's words; until they come (or if they cannot), the write's own.
  useEffect(() => {
    let live = true;
    void credentialWrites.settings({ profileId, customerAuthId }, credentialId).then((r) => {
      if (live && r.ok) setSettings(r.value.rows);
    });
    return () => {
      live = false;
    };
  }, [profileId, customerAuthId, credentialId]);

  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);

  const reveal = () => run(() => credentialWrites.revealPassword(secretId), (v) => setRevealed(v.password));

  async function copy() {
    setCopiedFor(null);
    await run(() => credentialWrites.copyPassword(secretId), (v) => {
      setCopiedFor(v.clearsAfterSeconds);
      setConfirming(false);
      markCopied(secretId);
    });
  }

  /** The panel goes: focus moves to the credential's row, else on to the list, never to the page body. */
  const finish = () => {
    close(secretId);
    focusAfterPanel(credentialId);
  };
  // Closing loses nothing once it is copied, or when the provider keeps it (Settings reveals it again).
  const done = () => (copied || storedLater ? finish() : setConfirming(true));
  const rows = settings ?? [
    { label: 'Username', value: username },
    ...(pending.realm ? [{ label: 'Realm', value: pending.realm }] : []),
  ];

  return (
    <section
      className="panel one-time"
      data-testid="new-password"
      data-secret-state={copied ? 'copied' : 'pending'}
      data-away={away || undefined}
      aria-labelledby={`new-password-title-${secretId}`}
    >
      <p id={`new-password-title-${secretId}`} className="panel-title" tabIndex={-1} ref={titleRef}>
        {away
          ? `${customerName}: the generated password for ${username} is not copied yet.`
          : action === 'created'
            ? `Credential ${username} created with a generated password.`
            : `New password set for ${username}.`}
      </p>
      <p className="form-intro">
        {storedLater
          ? `Copy it now. ${provider} keeps this password, so you can also reveal it later from the credential's Settings.`
          : `Trunkdesk does not keep this password and ${provider} cannot show it again. Copy it now: this panel stays until you do.`}
      </p>
      <dl className="details details-compact one-time-settings" data-testid="new-password-settings">
        {rows.map((r) => (
          <div key={r.label} className="detail" data-setting={r.label}>
            <dt>{r.label}</dt>
            <dd>
              <code>{r.value}</code>
            </dd>
          </div>
        ))}
      </dl>
      {revealed !== null && (
        <div className="revealed">
          <code data-testid="revealed-password" className="revealed-password">
            {revealed}
          </code>
          <p className="field-help">It is shown only this once. Copy it before closing this panel.</p>
        </div>
      )}
      {confirming ? (
        <div ref={confirmRef} className="notice notice-warning one-time-confirm" role="alertdialog" aria-labelledby={`lose-${secretId}`} data-testid="lose-password-confirm">
          <p id={`lose-${secretId}`} className="notice-title">
            You have not copied it. Once closed, this password is gone for good.
          </p>
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={() => void copy()} disabled={busy}>
              Copy to clipboard
            </button>
            <button type="button" className="btn" ref={keepRef} onClick={() => setConfirming(false)}>
              Keep it open
            </button>
            <button type="button" className="btn btn-danger" onClick={finish}>
              Close without copying
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          {revealed === null && (
            <button type="button" className="btn" onClick={() => void reveal()} disabled={busy}>
              Show password
            </button>
          )}
          <button type="button" className={`btn${copied ? '' : ' btn-primary'}`} onClick={() => void copy()} disabled={busy}>
            Copy to clipboard
          </button>
          <button ref={doneRef} type="button" className={`btn${copied ? ' btn-primary' : ''}`} onClick={done} disabled={busy}>
            Done
          </button>
        </div>
      )}
      <div aria-live="polite" className="live-region">
        {copiedFor !== null && (
          <p className="form-feedback" data-testid="copy-result">
            Copied. The clipboard is cleared in {copiedFor} seconds.
          </p>
        )}
      </div>
      {failure && <ErrorNotice error={failure} testId="new-password-error" />}
    </section>
  );
}

/**
 * Where focus goes when a generated password's panel closes: the credential's row (or its first
 * control, if the row itself takes no focus), else the "+ New …" button of the list on screen,
 * else the list's heading, else the profile's name in the header. Looked for after the panel is gone.
 */
function focusAfterPanel(credentialId: string): void {
  focusWhenShown(() => {
    const view = document.querySelector<HTMLElement>('[data-testid="credentials-view"]');
    const row = view?.querySelector<HTMLElement>(`tr[data-credential-id="${CSS.escape(credentialId)}"]`);
    if (row) return row.hasAttribute('tabindex') ? row : (row.querySelector<HTMLElement>('button:not([disabled]), input:not([disabled])') ?? row);
    const fresh = view?.querySelector<HTMLButtonElement>('.cred-new button:not([disabled])');
    return fresh ?? view?.querySelector<HTMLElement>('#credentials-title') ?? document.querySelector<HTMLElement>('[data-testid="active-profile-name"]');
  }, 5);
}
