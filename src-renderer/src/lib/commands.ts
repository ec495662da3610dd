// Runs the app's commands (src-preload/commands.ts): the one place both the keyboard handler
// (useAppShortcuts) and the application menu's 'menu' event (App.tsx) come to. A command that
// cannot act says why, in the shell's command note, rather than doing nothing without a word.
import { profileSlot, type CommandId } from '../../../src-preload/commands';
import { offlineWriteReason, useConnectivity } from '../store/connectivity';
import { useCredentials } from '../store/credentials';
import { useCustomers } from '../store/customers';
import { usePartner } from '../store/partner';
import { selectActiveProfile, useProfiles } from '../store/profiles';
import { useSync } from '../store/sync';
import { useUi } from '../store/ui';
import { useHelp } from '../store/help';
import { capsOf, isSelfAccount, providerLabel } from './caps';
import { inactiveWriteReason } from './credential';
import { bySelector, focusWhenShown } from './focus';
import { canCallVobiz } from './profile';
import { focusGlobalSearch } from './focus';


const RUNNING = 'A sync is running: wait for it, or cancel it (Escape).';

export function runCommand(command: CommandId): void {
  const ui = useUi.getState();
  ui.setCommandNote(null);
  // A modal drawer (a credential's settings) has the page behind it inert: it closes first.
  if (document.querySelector('dialog[open]')) {
    ui.setCommandNote('Close the open panel first (Escape).');
    return;
  }
  // Going somewhere else from the quick switcher's shortcut list closes it.
  if (ui.quickSwitcher && command !== 'quickSwitcher') ui.setQuickSwitcher(false);
  const note = RUNNERS[command]?.() ?? runProfileSlot(command);
  if (note) ui.setCommandNote(note);
}

type Runner = () => string | null;

/** The active profile when it can be used, or the reason it cannot. */
function usableProfile() {
  const profile = selectActiveProfile(useProfiles.getState());
  if (!profile) return { profile: null, why: 'Add or choose a profile first.' } as const;
  if (!canCallVobiz(profile)) return { profile: null, why: `${profile.displayName} cannot be used until it is signed in or its ${profile.authMode === 'token' ? 'token' : 'key'} is replaced (Profile Settings).` } as const;
  return { profile, why: null } as const;
}

/** The customer (or one-account profile's account) whose credentials the Customers tab has open. */
function openCustomer(profileId: string) {
  const entry = useCustomers.getState().byProfile[profileId];
  const c = entry?.selected && entry.selected.authId === entry.selectedId ? entry.selected : null;
  return c;
}

/** Bring the active profile's Customers (or Credentials) tab on screen, on the selected customer. */
function showCustomersTab(): void {
  const ui = useUi.getState();
  ui.showMain();
  ui.setTab('customers');
  ui.setPane('customer');
}

const RUNNERS: Partial<Record<CommandId, Runner>> = {
  newCredential() {
    const { profile, why } = usableProfile();
    if (!profile) return why;
    const caps = capsOf(profile);
    if (!caps.kinds.some((k) => k.create)) return `${caps.label} does not let Trunkdesk create credentials.`;
    const customer = openCustomer(profile.id);
    if (!customer) return isSelfAccount(profile) ? `${profile.displayName}'s account is still loading.` : 'Open a customer first: a new credential is created for the customer that is open.';
    if (!customer.isActive) return inactiveWriteReason(customer.name);
    if (customer.tokenState !== 'stored') return `Trunkdesk needs ${customer.name}'s API token first: enter it in the customer's panel.`;
    if (!useConnectivity.getState().online) return offlineWriteReason(providerLabel(profile));
    showCustomersTab();
    // The credential view opens its create form (and focuses it) when it sees this, now or once it is shown.
    useUi.getState().setCreateRequest({ profileId: profile.id, customerAuthId: customer.authId });
    return null;
  },

  refresh() {
    const ui = useUi.getState();
    const profiles = useProfiles.getState();
    if (ui.view !== 'main' || !profiles.activeId) {
      void profiles.load();
      return null;
    }
    const id = profiles.activeId;
    if (ui.tab === 'partner') {
      void usePartner.getState().fetch(id);
      return null;
    }
    void useCustomers.getState().load(id);
    const customer = openCustomer(id);
    if (customer && ui.pane === 'customer') {
      void useCustomers.getState().select(id, customer.authId);
      if (customer.tokenState === 'stored') void useCredentials.getState().load(id, customer.authId);
    }
    if (ui.pane === 'history') void useSync.getState().loadHistory(id);
    return null;
  },

  sync() {
    const { profile, why } = usableProfile();
    if (!profile) return why;
    if (useSync.getState().byProfile[profile.id]?.running) return RUNNING;
    const ui = useUi.getState();
    const customer = openCustomer(profile.id);
    const onScreen = ui.view === 'main' && ui.tab === 'customers' && ui.pane === 'customer';
    if (!customer || customer.tokenState !== 'stored' || (!onScreen && !isSelfAccount(profile))) {
      return isSelfAccount(profile) ? `${profile.displayName}'s account is still loading.` : 'Open a customer to sync it, or use Sync All for every customer.';
    }
    showCustomersTab();
    void useSync.getState().start(profile.id, { scope: 'account', customerAuthId: customer.authId, customerName: customer.name });
    return null;
  },

  syncAll() {
    const { profile, why } = usableProfile();
    if (!profile) return why;
    if (useSync.getState().byProfile[profile.id]?.running) return RUNNING;
    // Its progress and summary are on the Customers tab.
    showCustomersTab();
    void useSync.getState().start(profile.id, { scope: 'all' });
    return null;
  },

  find() {
    // The search of the view on screen: the credential filter, else the customer search.
    const field = document.querySelector<HTMLInputElement>('input[name="usernameFilter"]') ?? document.querySelector<HTMLInputElement>('input[name="customerSearch"]');
    if (field) {
      field.focus();
      field.select();
      return null;
    }
    const { profile, why } = usableProfile();
    if (!profile) return why;
    showCustomersTab();
    focusWhenShown(bySelector('input[name="usernameFilter"], input[name="customerSearch"]'));
    return null;
  },

  findSipUser() {
    if (focusGlobalSearch()) return null;
    const { profile, why } = usableProfile();
    if (!profile) return why;
    // The search sits in the profile's header, which the add form replaces.
    useUi.getState().showMain();
    focusWhenShown(bySelector('input[name="globalSearch"]'));
    return null;
  },

  quickSwitcher() {
    if (useProfiles.getState().profiles.length === 0) return 'Add a profile first.';
    useUi.getState().setQuickSwitcher(true);
    return null;
  },

  settings() {
    const profile = selectActiveProfile(useProfiles.getState());
    if (!profile) return 'Choose a profile first: settings are per profile.';
    useUi.getState().openSettings();
    focusWhenShown(bySelector('#settings-title'));
    return null;
  },

  addProfile() {
    useUi.getState().openAdd();
    return null;
  },

  // Help: they act whatever is open; what they did shows in the Help notice (components/HelpActions.tsx).
  copyDiagnostics() {
    void useHelp.getState().copyDiagnostics();
    return null;
  },

  openLogsFolder() {
    void useHelp.getState().openLogsFolder();
    return null;
  },
};

function runProfileSlot(command: CommandId): string | null {
  const slot = profileSlot(command);
  if (slot === null) return null;
  const { profiles, activeId, switchTo } = useProfiles.getState();
  const target = profiles[slot];
  if (!target) return `There is no profile ${slot + 1}: ${profiles.length === 1 ? 'there is 1 profile' : `there are ${profiles.length} profiles`}.`;
  if (target.id === activeId) useUi.getState().showMain();
  else void switchTo(target.id);
  focusWhenShown(bySelector('[data-testid="active-profile-name"]'));
  return null;
}
