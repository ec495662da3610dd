import { useEffect, useRef, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useProviderLabel } from '../../lib/caps';
import { useRequest } from '../../lib/useRequest';
import { credentialWrites } from '../../store/credentials';

type Props = {
  secretId: string;
  username: string;
  action: 'created' | 'changed';
  /** The provider keeps this password and main holds it sealed: Settings can reveal it again later. */
  storedLater?: boolean;
  onDone(): void;
};

/**
 * A generated password, held by main behind `secretId`: show it once (the handle is spent by
 * that), or have main copy it to the clipboard and clear it again.
 */
export function OneTimePassword({ secretId, username, action, storedLater = false, onDone }: Props) {
  const provider = useProviderLabel();
  const [revealed, setRevealed] = useState<string | null>(null);
  const [copiedFor, setCopiedFor] = useState<number | null>(null);
  const { busy, failure, run } = useRequest();
  const titleRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    titleRef.current?.focus();
  }, [secretId]);

  const reveal = () => run(() => credentialWrites.revealPassword(secretId), (v) => setRevealed(v.password));

  async function copy() {
    setCopiedFor(null);
    await run(() => credentialWrites.copyPassword(secretId), (v) => setCopiedFor(v.clearsAfterSeconds));
  }

  return (
    <section className="panel one-time" data-testid="new-password" aria-labelledby="new-password-title">
      <p id="new-password-title" className="panel-title" tabIndex={-1} ref={titleRef}>
        {action === 'created'
          ? `Credential ${username} created with a generated password.`
          : `New password set for ${username}.`}
      </p>
      <p className="form-intro">
        {storedLater
          ? `Show it or copy it now. ${provider} keeps this password, so you can also reveal it later from the credential's Settings.`
          : `Trunkdesk does not keep this password and ${provider} cannot show it again. Show it or copy it now; it will not be shown again.`}
      </p>
      {revealed !== null && (
        <div className="revealed">
          <code data-testid="revealed-password" className="revealed-password">
            {revealed}
          </code>
          <p className="field-help">This is the only time it is shown: it will not be shown again.</p>
        </div>
      )}
      <div className="form-actions">
        {revealed === null && (
          <>
            <button type="button" className="btn" onClick={() => void reveal()} disabled={busy}>
              Show password
            </button>
            <button type="button" className="btn" onClick={() => void copy()} disabled={busy}>
              Copy to clipboard
            </button>
          </>
        )}
        <button type="button" className="btn btn-primary" onClick={onDone} disabled={busy}>
          Done
        </button>
      </div>
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
