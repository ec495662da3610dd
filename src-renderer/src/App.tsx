import { useEffect } from 'react';
import { onEvent } from './bridge';
import { ErrorNotice } from './components/ErrorNotice';
import { StoreProblemBanner } from './components/StoreProblemBanner';
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
      if (event.type === 'profiles-changed') void load();
    });
  }, [load]);

  // A different active profile starts on its partner view.
  useEffect(() => {
    useUi.getState().showPartner();
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
