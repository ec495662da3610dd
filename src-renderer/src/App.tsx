import { useEffect } from 'react';
import { onEvent } from './bridge';
import { ErrorNotice } from './components/ErrorNotice';
import { StoreProblemBanner } from './components/StoreProblemBanner';
import { useCredentials } from './store/credentials';
import { useProfiles } from './store/profiles';
import { useUi } from './store/ui';
import { AppShell } from './views/AppShell';
import { FirstRun } from './views/FirstRun';

export function App() {
  const loaded = useProfiles((s) => s.loaded);
  const count = useProfiles((s) => s.profiles.length);
  const activeId = useProfiles((s) => s.activeId);
  const error = useProfiles((s) => s.error);
  const load = useProfiles((s) => s.load);

  // Read the profiles once, and again whenever main says they changed.
  useEffect(() => {
    void load();
    return onEvent((event) => {
      switch (event.type) {
        case 'profiles-changed':
          void load();
          break;
        case 'session-expired': {
          // Name it as the admin knows it now, before the re-list.
          const profile = useProfiles.getState().profiles.find((p) => p.id === event.profileId);
          useUi.getState().setSessionEnded({ profileId: event.profileId, name: profile?.displayName ?? 'this profile' });
          void load();
          break;
        }
        case 'credentials-changed':
          useCredentials.getState().changed(event.profileId, event.customerAuthId);
          break;
      }
    });
  }, [load]);

  // A different active profile opens on its tabs (on the tab last used).
  useEffect(() => {
    useUi.getState().showMain();
  }, [activeId]);

  if (!loaded) {
    return (
      <main className="boot">
        <StoreProblemBanner />
        {error ? (
          <ErrorNotice error={error} testId="profiles-error" onRetry={() => void load()} />
        ) : (
          <p role="status" className="status">
            Loading profiles…
          </p>
        )}
      </main>
    );
  }
  return count === 0 ? <FirstRun /> : <AppShell />;
}
