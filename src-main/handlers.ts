// Channel -> service call. Thin on purpose: validation is the router's, logic the services'.
import type { CredentialService } from './credentials/service';
import type { PendingSecrets } from './credentials/pending-secrets';
import type { Handlers } from './ipc/router';
import type { CredentialSearch } from './credentials/search';
import type { Connectivity } from './net/connectivity';
import type { CustomerService } from './services/customers';
import type { DeepLinkInbox } from './services/deep-links';
import type { NetworkService } from './services/network';
import type { QuickSwitch } from './services/quick-switch';
import type { ProfileService } from './services/profiles';
import type { LocalStore } from './store/local-store';
import type { SyncEngine } from './sync/engine';
import type { DiagnosticsService } from './services/diagnostics';

export function createHandlers(s: {
  profiles: ProfileService;
  customers: CustomerService;
  credentials: CredentialService;
  pending: PendingSecrets;
  sync: SyncEngine;
  search: CredentialSearch;
  connectivity: Connectivity;
  store: LocalStore;
  quickSwitch: QuickSwitch;
  diagnostics: DiagnosticsService;
  links: DeepLinkInbox;
  network: NetworkService;
}): Handlers {
  return {
    listProfiles: () => s.profiles.list(),
    addProfile: (i) => s.profiles.add(i),
    switchProfile: (i) => s.profiles.switchTo(i.id),
    renameProfile: (i) => s.profiles.rename(i.id, i.displayName),
    rotateProfileToken: (i) => s.profiles.rotateToken(i.id, i.token),
    removeProfile: (i) => s.profiles.remove(i.id),
    getPartner: (i) => s.profiles.partner(i.profileId),
    addSessionProfile: (i) => s.profiles.addSession(i),
    addProviderProfile: (i) => s.profiles.addProvider(i),
    signIn: (i) => s.profiles.signIn(i.id, i.password),
    signOut: (i) => s.profiles.signOut(i.id),

    listCustomers: ({ profileId, ...q }) => s.customers.list(profileId, q),
    selectCustomer: (i) => s.customers.select(i.profileId, i.customerAuthId),
    setCustomerToken: (i) => s.customers.setToken(i.profileId, i.customerAuthId, i.token),
    createCustomer: ({ profileId, ...account }) => s.customers.create(profileId, account),

    listCredentials: ({ profileId, customerAuthId, ...q }) => s.credentials.list({ profileId, customerAuthId }, q),
    generatePassword: async () => ({ secretId: s.pending.generate() }),
    revealPassword: async (i) => ({ password: s.pending.reveal(i.secretId) }),
    copyPassword: async (i) => ({ clearsAfterSeconds: await s.pending.copy(i.secretId) }),
    discardPassword: async (i) => {
      s.pending.discard(i.secretId);
      return { discarded: true as const };
    },
    credentialSettings: ({ profileId, customerAuthId, credentialId }) => s.credentials.settings({ profileId, customerAuthId }, credentialId),
    storedPassword: ({ profileId, customerAuthId, credentialId }) => s.credentials.storedPassword({ profileId, customerAuthId }, credentialId),
    createCredential: ({ profileId, customerAuthId, ...credential }) => s.credentials.create({ profileId, customerAuthId }, credential),
    updateCredential: ({ profileId, customerAuthId, credentialId, ...change }) => s.credentials.update({ profileId, customerAuthId }, credentialId, change),
    deleteCredential: ({ profileId, customerAuthId, credentialId }) => s.credentials.remove({ profileId, customerAuthId }, credentialId),
    bulkCredentials: ({ profileId, customerAuthId, action, selection, bulkId }) => s.credentials.bulk({ profileId, customerAuthId }, action, selection, bulkId),
    cancelBulk: async ({ bulkId }) => ({ cancelled: s.credentials.cancelBulk(bulkId) }),
    exportCredentials: ({ profileId, customerAuthId, sort, filter }) => s.credentials.export({ profileId, customerAuthId }, sort, filter),
    showExportedFile: ({ fileId }) => s.credentials.showExport(fileId),

    syncAccount: async ({ profileId, customerAuthId, syncId }) => s.sync.syncAccount(profileId, customerAuthId, await s.customers.accountName(profileId, customerAuthId), syncId),
    syncAll: ({ profileId, syncId }) => s.sync.syncAll(profileId, syncId),
    cancelSync: async ({ syncId }) => ({ cancelled: s.sync.cancel(syncId) }),
    listSyncReports: async ({ profileId }) => ({ reports: await s.store.reports(profileId) }),
    getConnectivity: async () => s.connectivity.current,
    searchCredentials: ({ profileId, query, limit }) => s.search.search(profileId, query, limit),
    quickSwitch: ({ query, limit }) => s.quickSwitch.search(query, limit),

    // Logs and diagnostics (issue 11): the Help menu's two commands.
    copyDiagnostics: () => s.diagnostics.copy(),
    openLogsFolder: () => s.diagnostics.openLogsFolder(),
    // trunkdesk:// links (issue 11 §6)
    takePendingLink: async () => ({ link: s.links.take() }),
    // Network settings (issue 11 §4: proxy and TLS)
    getNetworkSettings: () => s.network.current(),
    chooseCaCertificate: () => s.network.chooseCa(),
    clearCaCertificate: () => s.network.clearCa(),
  };
}
