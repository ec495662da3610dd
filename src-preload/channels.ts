// The names of the bridge's channels, and nothing else. The preload bundle imports only this file
// (not the zod schemas in contract.ts) so the sandboxed preload stays tiny; contract.ts checks at
// compile time that every name here has a schema pair and vice versa.

export const CHANNELS = [
  'listProfiles',
  'addProfile',
  'switchProfile',
  'renameProfile',
  'rotateProfileToken',
  'removeProfile',
  'getPartner',
  'addSessionProfile',
  'addProviderProfile',
  'signIn',
  'signOut',
  'listCustomers',
  'selectCustomer',
  'setCustomerToken',
  'createCustomer',
  'listCredentials',
  'generatePassword',
  'revealPassword',
  'copyPassword',
  'discardPassword',
  'credentialSettings',
  'storedPassword',
  'createCredential',
  'updateCredential',
  'deleteCredential',
  'bulkCredentials',
  'cancelBulk',
  'exportCredentials',
  'showExportedFile',
  'syncAccount',
  'syncAll',
  'cancelSync',
  'listSyncReports',
  'getConnectivity',
  'searchCredentials',
  'quickSwitch',
  // Logs and diagnostics (issue 11)
  'copyDiagnostics',
  'openLogsFolder',
  // trunkdesk:// links (issue 11 §6)
  'takePendingLink',
  // Network settings (issue 11 §4: proxy and TLS)
  'getNetworkSettings',
  'chooseCaCertificate',
  'clearCaCertificate',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** Every channel travels over IPC under this prefix; main drops anything else (see ipc/router.ts). */
export const CHANNEL_PREFIX = 'trunkdesk:';

/** The single main-to-renderer event channel. */
export const EVENT_CHANNEL = 'trunkdesk:event';

export const ipcName = (channel: Channel): string => `${CHANNEL_PREFIX}${channel}`;
