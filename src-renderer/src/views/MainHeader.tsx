import type { ProfileDTO } from '../../../src-preload/contract';
import { useUi } from '../store/ui';

/** The strip above the active profile's content: which profile this is, and its settings. */
export function MainHeader({ profile }: { profile: ProfileDTO }) {
  const view = useUi((s) => s.view);
  const openSettings = useUi((s) => s.openSettings);
  const showPartner = useUi((s) => s.showPartner);
  const open = view === 'settings';
  return (
    <header className="main-header">
      <div className="main-header-text">
        <p className="eyebrow">Vobiz partner profile</p>
        <p className="main-header-title" data-testid="active-profile-name">
          {profile.displayName}
        </p>
      </div>
      <button
        type="button"
        className="btn"
        aria-expanded={open}
        aria-controls={open ? 'settings-title' : undefined}
        onClick={() => (open ? showPartner() : openSettings())}
      >
        Profile settings
      </button>
    </header>
  );
}
