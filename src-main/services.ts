// Builds every main-side service from a data directory, a secret store and the platform's
// clipboard and save dialog. Electron's main (index.ts) and the test harness both call this, so
// tests run the very same wiring.
import { CredentialService } from './credentials/service';
import { PendingSecrets } from './credentials/pending-secrets';
import { createHandlers } from './handlers';
import type { Handlers } from './ipc/router';
import { HttpClient, type HttpOptions } from './net/http';
import type { Platform } from './platform';
import { ProfileStore } from './profiles/store';
import type { SecretStore } from './secrets/keychain';
import { VaultAccess } from './secrets/vault-access';
import { CustomerService } from './services/customers';
import { EventBus } from './services/events';
import { PartnerAccess } from './services/partner-access';
import { ProfileService } from './services/profiles';
import { SessionStore } from './services/sessions';

export interface AppServices {
  handlers: Handlers;
  events: EventBus;
  profiles: ProfileService;
  customers: CustomerService;
  credentials: CredentialService;
  close(): Promise<void>;
}

export interface ServiceOptions {
  dataDir: string;
  secrets: SecretStore;
  /** Keychain service name: `Trunkdesk` when packaged, `Trunkdesk Dev` otherwise. */
  keychainService: string;
  platform: Platform;
  http?: HttpOptions;
}

export async function createServices(o: ServiceOptions): Promise<AppServices> {
  const http = new HttpClient(o.http);
  const events = new EventBus();
  const sessions = new SessionStore(events);
  const store = await ProfileStore.open(`${o.dataDir}/profiles.json`);
  const vaults = new VaultAccess(o.secrets, o.keychainService, o.dataDir);
  const access = new PartnerAccess(store, vaults, sessions, http);
  const profiles = new ProfileService(access, events);
  const customers = new CustomerService(access);
  const pending = new PendingSecrets(o.platform.clipboard);
  const credentials = new CredentialService(customers, pending, events, o.platform);
  return {
    handlers: createHandlers({ profiles, customers, credentials, pending }),
    events,
    profiles,
    customers,
    credentials,
    close: async () => {
      sessions.clear();
      await http.close();
    },
  };
}
