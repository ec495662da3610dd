import { useEffect, useRef, useState } from 'react';
import type { CredentialDTO, CredentialKindCaps, CredentialSettingsDTO } from '../../../../src-preload/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { copyText } from '../../lib/clipboard';
import { credentialLabel } from '../../lib/credential';
import { formatDateTime } from '../../lib/format';
import { useRequest } from '../../lib/useRequest';
import { credentialWrites, type CredentialScope } from '../../store/credentials';

type Props = {
  scope: CredentialScope;
  credential: CredentialDTO;
  kind: CredentialKindCaps;
  onClose(): void;
};

type Copied = { label: string; ok: boolean } | null;

/**
 * What a phone or PBX needs to use one credential, each value with its own Copy, in a drawer
 * (a modal dialog: Escape or Close closes it, and focus goes back to the button that opened it).
 * Main answers from the stored list, so it works offline, and never with a password. A password
 * the provider keeps (VoIPBIN) is fetched only on an explicit request: revealed once here (gone
 * when hidden or when the drawer closes), or copied by main, which clears the clipboard again.
 */
export function CredentialSettingsPanel({ scope, credential, kind, onClose }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [settings, setSettings] = useState<CredentialSettingsDTO | null>(null);
  const [copied, setCopied] = useState<Copied>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [passwordCopied, setPasswordCopied] = useState<number | null>(null);
  const load = useRequest();
  const secret = useRequest();

  // Open as a modal at once (the page behind is inert), and give focus back when it goes.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!opener.current && document.activeElement instanceof HTMLElement) opener.current = document.activeElement;
    if (dialog && !dialog.open) dialog.showModal();
    titleRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      const back = opener.current;
      // After the dialog is gone from the page: the element that opened it is no longer inert.
      window.setTimeout(() => {
        if (back?.isConnected) back.focus();
      }, 0);
    };
  }, []);

  const fetchSettings = () => void load.run(() => credentialWrites.settings(scope, credential.id), setSettings);
  // Once when it opens (the drawer is keyed by the credential).
  useEffect(fetchSettings, []);

  async function copy(label: string, value: string) {
    setPasswordCopied(null);
    setCopied({ label, ok: await copyText(value) });
  }

  /** Each request for a stored password makes a new one-time handle in main; the handle is spent by the reveal or copy. */
  const reveal = () =>
    secret.run(
      async () => {
        const held = await credentialWrites.storedPassword(scope, credential.id);
        return held.ok ? credentialWrites.revealPassword(held.value.secretId) : held;
      },
      (v) => {
        setCopied(null);
        setPasswordCopied(null);
        setRevealed(v.password);
      },
    );

  const copyPassword = () =>
    secret.run(
      async () => {
        const held = await credentialWrites.storedPassword(scope, credential.id);
        return held.ok ? credentialWrites.copyPassword(held.value.secretId) : held;
      },
      (v) => {
        setCopied(null);
        setPasswordCopied(v.clearsAfterSeconds);
      },
    );

  const passwordStored = settings?.passwordStored ?? credential.passwordStored;
  const title = credentialLabel(credential);

  return (
    <dialog
      ref={dialogRef}
      className="drawer"
      aria-labelledby="credential-settings-title"
      data-testid="credential-settings"
      data-credential-id={credential.id}
      onCancel={(e) => {
        // Escape: close through React, so what was revealed is unmounted with the drawer.
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose(); // a click on the backdrop
      }}
    >
      <div className="drawer-body" aria-busy={load.busy}>
        <div className="drawer-head">
          <div>
            <p className="eyebrow">{kind.label} settings</p>
            <h3 id="credential-settings-title" className="drawer-title" tabIndex={-1} ref={titleRef}>
              {title}
            </h3>
          </div>
          <button type="button" className="btn btn-quiet" onClick={onClose} aria-keyshortcuts="Escape">
            Close
          </button>
        </div>
        <p className="settings-help">What a phone or PBX needs to use it. Each value can be copied on its own.</p>
        {/* The dates, here too: a narrow window leaves the table's Created column out. */}
        <p className="muted settings-dates" data-testid="settings-dates">
          Created {credential.createdAt ? <time dateTime={credential.createdAt}>{formatDateTime(credential.createdAt)}</time> : '—'} · updated{' '}
          {credential.updatedAt ? <time dateTime={credential.updatedAt}>{formatDateTime(credential.updatedAt)}</time> : '—'}
        </p>

        {load.busy && !settings && (
          <p role="status" className="status">
            Loading settings…
          </p>
        )}
        {load.failure && (
          <ErrorNotice error={load.failure} testId="credential-settings-error" onRetry={fetchSettings} />
        )}

        {settings && (
          <dl className="settings-rows" data-testid="settings-rows">
            {settings.rows.map((r) => (
              <div className="settings-row" key={`${r.label}|${r.value}`} data-label={r.label}>
                <dt>{r.label}</dt>
                <dd>
                  <code className="settings-value" data-testid="settings-value">
                    {r.value}
                  </code>
                  <button type="button" className="btn btn-small" onClick={() => void copy(r.label, r.value)} aria-label={`Copy ${r.label}`}>
                    Copy
                  </button>
                </dd>
              </div>
            ))}
            {passwordStored && (
              <div className="settings-row settings-password" data-label="Password" data-testid="settings-password">
                <dt>Password</dt>
                <dd>
                  {revealed !== null ? (
                    <code className="settings-value revealed-password" data-testid="stored-password">
                      {revealed}
                    </code>
                  ) : (
                    <span className="muted settings-hidden">Hidden</span>
                  )}
                  <span className="settings-password-actions">
                    {revealed !== null ? (
                      <button type="button" className="btn btn-small" onClick={() => setRevealed(null)}>
                        Hide
                      </button>
                    ) : (
                      <button type="button" className="btn btn-small" onClick={() => void reveal()} disabled={secret.busy} aria-busy={secret.busy}>
                        Reveal password
                      </button>
                    )}
                    <button type="button" className="btn btn-small" onClick={() => void copyPassword()} disabled={secret.busy}>
                      Copy password
                    </button>
                  </span>
                </dd>
              </div>
            )}
          </dl>
        )}
        {settings && settings.rows.length === 0 && !passwordStored && (
          <p className="muted" data-testid="settings-empty">
            The provider reported nothing more for this {kind.label.toLowerCase()}.
          </p>
        )}

        <div aria-live="polite" className="live-region">
          {copied && (
            <p className={copied.ok ? 'form-feedback' : 'field-error'} data-testid="settings-copy-result">
              {copied.ok ? `Copied ${copied.label}.` : `Could not copy ${copied.label}: select the value and copy it yourself.`}
            </p>
          )}
          {passwordCopied !== null && (
            <p className="form-feedback" data-testid="password-copy-result">
              Copied — the clipboard clears in {passwordCopied} s.
            </p>
          )}
        </div>
        {secret.failure && <ErrorNotice error={secret.failure} testId="stored-password-error" />}
        {passwordStored && (
          <p className="field-help">
            The password is fetched from this computer’s encrypted store only when you ask, and shown until you hide it or
            close this panel.
          </p>
        )}
      </div>
    </dialog>
  );
}
