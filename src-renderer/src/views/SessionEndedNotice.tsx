import { useProfiles } from '../store/profiles';
import { useUi } from '../store/ui';

/** Main ended a session profile's session (it expired): say so, whichever profile is open. */
export function SessionEndedNotice() {
  const ended = useUi((s) => s.sessionEnded);
  const setSessionEnded = useUi((s) => s.setSessionEnded);
  const switchTo = useProfiles((s) => s.switchTo);
  const activeId = useProfiles((s) => s.activeId);
  const showMain = useUi((s) => s.showMain);
  return (
    <div aria-live="polite" className="live-region">
      {ended && (
        <div className="notice notice-warning" data-testid="session-expired" data-profile-id={ended.profileId}>
          <p className="notice-title">Your Vobiz session for {ended.name} ended. Sign in again.</p>
          <div className="notice-actions">
            {ended.profileId !== activeId && (
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => {
                  void switchTo(ended.profileId);
                  showMain();
                }}
              >
                Go to {ended.name}
              </button>
            )}
            <button type="button" className="btn btn-quiet" onClick={() => setSessionEnded(null)}>
              Dismiss
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
