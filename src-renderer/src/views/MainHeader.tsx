import type { ProfileDTO } from '../../../src-preload/contract';
import { ProviderBadge } from '../components/ProviderBadge';
import { isSelfAccount } from '../lib/caps';
import { TimeOfDay } from '../components/Time';
import { isSessionProfile } from '../lib/profile';
import { useUi } from '../store/ui';
import { GlobalSearch } from './GlobalSearch';

/** The strip above the active profile's content: which profile this is, the search across its customers, its session, and its settings. */
export function MainHeader({ profile }: { profile: ProfileDTO }) {
  const view = useUi((s) => s.view);
  const openSettings = useUi((s) => s.openSettings);
  const showMain = useUi((s) => s.showMain);
  const open = view === 'settings';
  const until = profile.session?.signedInUntil ?? null;
  return (
    <header className="main-header">
      <div className="main-header-text">
        <p className="eyebrow main-header-eyebrow">
          <ProviderBadge profile={profile} />
          <span>{isSelfAccount(profile) ? 'Account profile' : 'Partner profile'}</span>
        </p>
        {/* Focus lands here after adding or switching to a profile (tabIndex -1: reachable by script only). */}
        <p className="main-header-title" data-testid="active-profile-name" tabIndex={-1}>
          {profile.displayName}
        </p>
      </div>
      {/* Keyed by profile: another profile's search starts empty. */}
      <GlobalSearch key={profile.id} profileId={profile.id} />
      <div className="main-header-side">
        {isSessionProfile(profile) && (
          <p className="session-status" data-testid="session-status" data-signed-in={String(!!until)}>
            {until ? (
              <>
                Signed in until <TimeOfDay iso={until} />
              </>
            ) : (
              'Signed out'
            )}
          </p>
        )}
        <button
          type="button"
          className="btn"
          aria-expanded={open}
          aria-controls={open ? 'settings-title' : undefined}
          onClick={() => (open ? showMain() : openSettings())}
        >
          Profile settings
        </button>
      </div>
    </header>
  );
}
