import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { trapTab } from '../lib/focus-trap';
import type { ErrorDTO, NetworkSettingsDTO } from '../../../src-preload/contract';
import { call } from '../bridge';
import { ErrorNotice } from '../components/ErrorNotice';
import { DateOnly } from '../components/Time';
import { useEscapeCloses } from '../lib/useEscapeCloses';
import { useUi } from '../store/ui';

const SOURCE_WORDS: Record<NetworkSettingsDTO['proxy']['source'], string> = {
  env: 'Proxy from the environment (HTTPS_PROXY / HTTP_PROXY)',
  system: "Your system's proxy",
  direct: 'Direct (no proxy)',
};

/**
 * Settings → Network: app-wide, for every profile. Shows the proxy in effect (it comes from the
 * environment or the OS, so it is said here, not set) and the company CA certificate Trunkdesk
 * trusts besides the usual ones. The file is chosen in main's own open dialog: nothing here
 * names a path. A modal dialog; Escape closes it and gives focus back to its opener.
 */
export function NetworkSettings() {
  const close = () => useUi.getState().setNetworkSettings(false);
  const [settings, setSettings] = useState<NetworkSettingsDTO | null>(null);
  const [error, setError] = useState<ErrorDTO | null>(null);
  const [busy, setBusy] = useState(false);
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  const dismiss = useEscapeCloses(close, dialogRef);

  useEffect(() => {
    closeRef.current?.focus();
    void call('getNetworkSettings', {}).then((r) => (r.ok ? setSettings(r.value) : setError(r.error)));
  }, []);

  async function run(channel: 'chooseCaCertificate' | 'clearCaCertificate') {
    setBusy(true);
    setError(null);
    const r = await call(channel, {});
    setBusy(false);
    if (r.ok) setSettings(r.value);
    else setError(r.error);
  }

  function onDialogKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    trapTab(e, dialogRef.current, 'button:not([disabled])');
  }


  const proxy = settings?.proxy;
  const ca = settings?.caFile;
  return (
    <div className="quick-switcher-backdrop" onMouseDown={(e) => e.target === e.currentTarget && dismiss()}>
      <div ref={dialogRef} role="dialog" aria-modal="true" aria-labelledby={titleId} className="quick-switcher network-settings" data-testid="network-settings" onKeyDown={onDialogKeyDown}>
        <div className="quick-switcher-head">
          <h2 id={titleId} className="quick-switcher-title">
            Network
          </h2>
          <button ref={closeRef} type="button" className="btn btn-quiet btn-small" onClick={dismiss} aria-keyshortcuts="Escape">
            Close
          </button>
        </div>
        <p className="network-note">For every profile. Trunkdesk reads the proxy when it starts: HTTPS_PROXY, HTTP_PROXY and NO_PROXY if set, else your system's proxy settings.</p>

        <section aria-labelledby={`${titleId}-proxy`} className="network-section">
          <h3 id={`${titleId}-proxy`} className="network-heading">
            Proxy
          </h3>
          {!settings && !error && <p className="network-note">Reading…</p>}
          {proxy && (
            <dl className="network-facts" data-testid="network-proxy" data-source={proxy.source}>
              <dt>In effect</dt>
              <dd>
                {SOURCE_WORDS[proxy.source]}
                {proxy.source === 'system' && !proxy.resolvedFor && <span className="network-muted"> (decided for each server; nothing sent yet)</span>}
              </dd>
              {proxy.via && (
                <>
                  <dt>Proxy</dt>
                  <dd data-testid="network-proxy-via">
                    {proxy.via}
                    {proxy.scheme && <span className="network-muted"> ({proxy.scheme})</span>}
                  </dd>
                </>
              )}
              {proxy.resolvedFor && (
                <>
                  <dt>For</dt>
                  <dd>{proxy.resolvedFor}</dd>
                </>
              )}
              {proxy.problem && (
                <>
                  <dt>Problem</dt>
                  <dd className="network-problem" role="alert" data-testid="network-proxy-problem">
                    {proxy.problem} Requests it would carry fail until it is fixed; Trunkdesk reads it when it starts.
                  </dd>
                </>
              )}
              {proxy.noProxy && (
                <>
                  <dt>Not for</dt>
                  <dd>NO_PROXY={proxy.noProxy}</dd>
                </>
              )}
            </dl>
          )}
        </section>

        <section aria-labelledby={`${titleId}-ca`} className="network-section">
          <h3 id={`${titleId}-ca`} className="network-heading">
            Company CA certificate
          </h3>
          <p className="network-note">If your company inspects TLS, add its CA certificate (PEM) so Trunkdesk trusts the servers it signs for. The usual certificates stay trusted.</p>
          {settings && !ca && <p data-testid="network-ca-none">None chosen.</p>}
          {ca && (
            <div data-testid="network-ca">
              <p className="network-file">
                <strong>{ca.fileName}</strong> <span className="network-muted">added <DateOnly iso={ca.addedAt} /></span>
              </p>
              <ul className="network-certs">
                {ca.certificates.map((c, i) => (
                  <li key={i} data-testid="network-ca-cert">
                    <span className="network-subject">{c.subject}</span>{' '}
                    <span className={c.expired ? 'network-expired' : 'network-muted'}>
                      {c.expired ? 'expired' : 'expires'} <DateOnly iso={c.validTo} />
                    </span>
                    {!c.isCa && <span className="network-muted"> · not a CA certificate</span>}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {settings?.extraCaEnv && <p className="network-note">Also trusted: NODE_EXTRA_CA_CERTS ({settings.extraCaEnv}).</p>}
          <div className="network-actions">
            <button type="button" className="btn btn-small" disabled={busy || !settings} onClick={() => void run('chooseCaCertificate')}>
              {ca ? 'Replace CA file…' : 'Choose CA file…'}
            </button>
            {ca && (
              <button type="button" className="btn btn-quiet btn-small" disabled={busy} onClick={() => void run('clearCaCertificate')}>
                Remove
              </button>
            )}
          </div>
        </section>
        {error && <ErrorNotice error={error} testId="network-error" />}
      </div>
    </div>
  );
}
