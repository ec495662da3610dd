import { useEffect } from 'react';
import { onEvent } from './bridge';
import { runCommand } from './lib/commands';
import { openLink, takePendingLink } from './lib/open-link';
import { useAppShortcuts } from './lib/useAppShortcuts';
import { ErrorNotice } from './components/ErrorNotice';
import { StoreProblemBanner } from './components/StoreProblemBanner';
import { useBulk } from './store/bulk';
import { useConnectivity } from './store/connectivity';
import { useCredentials } from './store/credentials';
import { useProfiles } from './store/profiles';
import { refreshBackOnline } from './store/refresh';
import { useSync } from './store/sync';
import { useUi } from './store/ui';
import { AppShell } from './views/AppShell';
import { FirstRun } from './views/FirstRun';
import { NetworkSettings } from './views/NetworkSettings';

export function App() {
  const loaded = useProfiles((s) => s.loaded);
  const count = useProfiles((s) => s.profiles.length);
  const activeId = useProfiles((s) => s.activeId);
  const error = useProfiles((s) => s.error);
  const load = useProfiles((s) => s.load);
  const networkSettings = useUi((s) => s.networkSettings);
  // The shortcuts work on every screen, the first run's too, as the menu's items do.
  useAppShortcuts();

  // Read the profiles and whether main is online once, then follow what main says changed.
  useEffect(() => {
    void useConnectivity.getState().load();
    const off = onEvent((event) => {
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
        case 'sync-progress':
          useSync.getState().progress(event);
          break;
        case 'bulk-progress':
          useBulk.getState().progress(event);
          break;
        case 'connectivity':
          // Back online by itself: what was shown from the store is fetched live again.
          if (useConnectivity.getState().apply(event)) refreshBackOnline(useProfiles.getState().activeId);
          break;
        case 'menu':
          // An application-menu item: the same command its shortcut runs.
          runCommand(event.command);
          break;
        case 'open':
          // A trunkdesk:// link (checked again there: an event is input like any other).
          void openLink(event);
          break;
      }
    });
    // Subscribed: now a link the app was launched with can be taken without being missed.
    void load().then(takePendingLink);
    return off;
  }, [load]);

  // A different active profile opens on its tabs (on the tab last used), its Customers tab on the customer.
  useEffect(() => {
    useUi.getState().showMain();
    useUi.getState().setPane('customer');
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
  // Settings → Network opens over either screen: behind a TLS-inspecting proxy, the first profile
  // cannot be added until the company's CA is.
  return (
    <>
      {count === 0 ? <FirstRun /> : <AppShell />}
      {networkSettings && <NetworkSettings />}
    </>
  );
}
