import { useProviderLabel } from '../lib/caps';
import { Age } from './Time';
import { useShownDataAge } from '../lib/useShownDataAge';
import { useConnectivity } from '../store/connectivity';

/**
 * Offline: what is shown comes from this computer, and how old it is. Main probes the provider
 * and says when it is back; the banner then goes by itself. A status, not an alert: nothing is
 * wrong with what the admin did, and it must not interrupt what a screen reader is saying.
 */
export function OfflineBanner() {
  const online = useConnectivity((s) => s.online);
  const lastOnlineAt = useConnectivity((s) => s.lastOnlineAt);
  const reason = useConnectivity((s) => s.reason);
  const shownAt = useShownDataAge();
  const provider = useProviderLabel();
  const at = shownAt ?? lastOnlineAt;
  const said = reason?.trim() ? `${reason.trim()}${/[.!?]$/.test(reason.trim()) ? '' : '.'} ` : '';
  // The live region stays mounted, so going offline is announced when the banner appears in it.
  return (
    <div aria-live="polite" className="live-region">
      {!online && (
        <div className="offline-banner" role="status" data-testid="offline-banner">
          <p className="offline-banner-title">
            {at ? (
              <>
                Offline — showing data from <Age iso={at} style="long" />
              </>
            ) : (
              'Offline — showing data stored on this computer'
            )}
          </p>
          <p className="offline-banner-hint">
            {said}Changes are off until {provider} can be reached; Trunkdesk keeps checking and reconnects by itself.
          </p>
        </div>
      )}
    </div>
  );
}
