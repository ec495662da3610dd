// Builds every main-side service from a data directory and a secret store. Electron's main
// (index.ts) and the test harness both call this, so tests run the very same wiring.
import { HttpClient, type HttpOptions } from './net/http';
import { createHandlers } from './handlers';
import type { Handlers } from './ipc/router';
import { ProfileStore } from './profiles/store';
import { EventBus } from './services/events';
import { ProfileService } from './services/profiles';
import type { SecretStore } from './secrets/keychain';
import { VaultAccess } from './secrets/vault-access';

export interface AppServices {
  handlers: Handlers;
  events: EventBus;
  profiles: ProfileService;
  close(): Promise<void>;
}

export interface ServiceOptions {
  dataDir: string;
  secrets: SecretStore;
  /** Keychain service name: `Trunkdesk` when packaged, `Trunkdesk Dev` otherwise. */
  keychainService: string;
  http?: HttpOptions;
}

export async function createServices(o: ServiceOptions): Promise<AppServices> {
  const http = new HttpClient(o.http);
  const events = new EventBus();
  const store = await ProfileStore.open(`${o.dataDir}/profiles.json`);
  const vaults = new VaultAccess(o.secrets, o.keychainService, o.dataDir);
  const profiles = new ProfileService(store, vaults, http, events);
  return {
    handlers: createHandlers({ profiles }),
    events,
    profiles,
    close: () => http.close(),
  };
}
