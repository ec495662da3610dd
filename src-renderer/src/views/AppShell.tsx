import { CommandNote } from '../components/CommandNote';
import { ErrorNotice } from '../components/ErrorNotice';
import { HelpActions, HelpNotice } from '../components/HelpActions';
import { OfflineBanner } from '../components/OfflineBanner';
import { ProfileSwitcher } from '../components/ProfileSwitcher';
import { StoreProblemBanner } from '../components/StoreProblemBanner';
import { SuccessNotice } from '../components/SuccessNotice';
import { isSessionProfile, isSignedIn } from '../lib/profile';
import { bySelector, focusWhenShown } from '../lib/focus';
import { selectActiveProfile, useProfiles } from '../store/profiles';
import { useUi } from '../store/ui';
import { AddProfileForm } from './AddProfileForm';
import { PendingPasswordsDock } from './credentials/PendingPasswordsDock';
import { QuickSwitcher } from './QuickSwitcher';
import { MainHeader } from './MainHeader';
import { MainTabs } from './MainTabs';
import { ProfileSettings } from './ProfileSettings';
import { SessionEndedNotice } from './SessionEndedNotice';
import { SignInPanel } from './SignInPanel';

/** Sidebar of profiles on the left; the active profile (or the add form) on the right. */
export function AppShell() {
  const active = useProfiles(selectActiveProfile);
  const listError = useProfiles((s) => s.error);
  const reload = useProfiles((s) => s.load);
  const clearError = useProfiles((s) => s.clearError);
  const view = useUi((s) => s.view);
  const notice = useUi((s) => s.notice);
  const showMain = useUi((s) => s.showMain);
  const clearNotice = useUi((s) => s.clearNotice);
  const quickSwitcher = useUi((s) => s.quickSwitcher);
  const setNetworkSettings = useUi((s) => s.setNetworkSettings);
  // Back to the profile, focus on "+ Add profile" again (the button hides while the form is open).
  const cancelAdd = () => {
    showMain();
    focusWhenShown(bySelector('.switcher-add'));
  };

  return (
    <div className="shell">
      <aside className="sidebar">
        <p className="brand">Trunkdesk</p>
        <ProfileSwitcher />
        {/* App-wide settings and Help, for every profile: at the sidebar's foot, apart from the profiles. */}
        <div className="sidebar-foot">
          <HelpActions />
          <button type="button" className="btn btn-quiet btn-small sidebar-network" aria-haspopup="dialog" onClick={() => setNetworkSettings(true)}>
            Network settings
          </button>
        </div>
      </aside>
      <div className="content">
        <OfflineBanner />
        <main className="main">
          <StoreProblemBanner />
          <SessionEndedNotice />
          <PendingPasswordsDock />
          <CommandNote />
          <HelpNotice />
          {listError && (
            <ErrorNotice
              error={listError}
              testId="profiles-error"
              onRetry={() => {
                clearError();
                void reload();
              }}
              actions={
                <button type="button" className="btn btn-quiet" onClick={clearError}>
                  Dismiss
                </button>
              }
            />
          )}

          {view === 'add' ? (
            <AddProfileForm autoFocus onCancel={cancelAdd} />
          ) : active ? (
            <>
              <MainHeader profile={active} />
              <SuccessNotice notice={view === 'main' ? notice : null} testId="notice" onDismiss={clearNotice} />
              {view === 'settings' ? (
                <ProfileSettings profile={active} />
              ) : isSessionProfile(active) && !isSignedIn(active) ? (
                <SignInPanel key={active.id} profile={active} />
              ) : (
                <MainTabs profile={active} />
              )}
            </>
          ) : (
            <div className="empty" data-testid="no-active-profile">
              <h1>No profile selected</h1>
              <p>Choose a profile on the left to see its partner account.</p>
            </div>
          )}
        </main>
      </div>
      {quickSwitcher && <QuickSwitcher />}
    </div>
  );
}
