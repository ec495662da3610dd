import { secretNoun } from '../lib/caps';
import { canCallVobiz, isSessionProfile } from '../lib/profile';
import { useProfiles } from '../store/profiles';
import { useUi } from '../store/ui';
import { ProviderBadge } from './ProviderBadge';

/** The sidebar list of profiles. One click makes a profile active. */
export function ProfileSwitcher() {
  const profiles = useProfiles((s) => s.profiles);
  const activeId = useProfiles((s) => s.activeId);
  const switchTo = useProfiles((s) => s.switchTo);
  const view = useUi((s) => s.view);
  const openAdd = useUi((s) => s.openAdd);
  const showMain = useUi((s) => s.showMain);

  return (
    <nav className="switcher" aria-label="Profiles" data-testid="profile-switcher">
      <h2 className="switcher-title">Profiles</h2>
      <ul className="switcher-list">
        {profiles.map((p) => {
          const active = p.id === activeId;
          const session = isSessionProfile(p);
          const trouble = !canCallVobiz(p);
          return (
            <li key={p.id}>
              <button
                type="button"
                className={`switcher-item${active ? ' is-active' : ''}`}
                aria-current={active ? 'true' : undefined}
                data-profile-id={p.id}
                onClick={() => {
                  if (active) showMain();
                  else void switchTo(p.id);
                }}
              >
                <span className="switcher-head">
                  <span className="switcher-name">{p.displayName}</span>
                  <ProviderBadge profile={p} />
                </span>
                <span className="switcher-sub">
                  {session ? (p.session?.email ?? p.authId) : p.authId}
                  {trouble &&
                    (p.attention ? (
                      <span className="switcher-warn" title={p.attention.message}>
                        {' '}
                        · needs attention
                      </span>
                    ) : session ? (
                      <span className="switcher-warn" title="Sign in again to use this profile">
                        {' '}
                        · signed out
                      </span>
                    ) : (
                      <span className="switcher-warn" title={`The ${secretNoun(p)} could not be read`}>
                        {' '}
                        · {p.authMode === 'token' ? 'token' : secretNoun(p)} unavailable
                      </span>
                    ))}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {/* Hidden while the form is open, so only one "Add profile" button is on screen at a time. */}
      {view !== 'add' && (
        <button type="button" className="btn btn-quiet switcher-add" onClick={openAdd}>
          + Add profile
        </button>
      )}
    </nav>
  );
}
