// UI slice: which panel the main area shows, which tab of the profile is open, and short
// confirmations to announce.
import { create } from 'zustand';

export type MainView = 'main' | 'add' | 'settings';
export type MainTab = 'partner' | 'customers';
/** What the Customers tab shows beside the list: the selected customer, the new-customer form, or the sync history. */
export type CustomersPane = 'customer' | 'create' | 'history';

type UiState = {
  view: MainView;
  /** The profile's open tab; remembered across profile switches and settings visits. */
  tab: MainTab;
  pane: CustomersPane;
  /** Which settings control should take focus when the settings panel opens. */
  settingsFocus: 'rotate' | null;
  /** A one-line confirmation shown above the profile's tabs (e.g. after a token was replaced). */
  notice: string | null;
  /** A session that main ended (expiry): shown whatever the view, until dismissed or signed in again. */
  sessionEnded: { profileId: string; name: string } | null;
  /** The quick switcher (Ctrl/Cmd+K) is open. */
  quickSwitcher: boolean;
  /** Settings → Network (proxy in effect, company CA file) is open. */
  networkSettings: boolean;
  /** Why the last keyboard or menu command did nothing (e.g. New Credential with no customer open). */
  commandNote: string | null;
  /** New Credential asked for this customer's create form; its credential view opens it and clears this. */
  createRequest: { profileId: string; customerAuthId: string } | null;
  openAdd(): void;
  openSettings(focus?: 'rotate'): void;
  /** Back to the profile's tabs, on the tab last open. */
  showMain(notice?: string): void;
  /** Back to the profile's tabs, on the Partner tab. */
  showPartner(notice?: string): void;
  setTab(tab: MainTab): void;
  setPane(pane: CustomersPane): void;
  clearNotice(): void;
  setSessionEnded(ended: { profileId: string; name: string } | null): void;
  setQuickSwitcher(open: boolean): void;
  setNetworkSettings(open: boolean): void;
  setCommandNote(note: string | null): void;
  setCreateRequest(request: { profileId: string; customerAuthId: string } | null): void;
};

export const useUi = create<UiState>()((set) => ({
  view: 'main',
  tab: 'partner',
  pane: 'customer',
  settingsFocus: null,
  notice: null,
  sessionEnded: null,
  quickSwitcher: false,
  networkSettings: false,
  commandNote: null,
  createRequest: null,
  openAdd: () => set({ view: 'add', settingsFocus: null, notice: null }),
  openSettings: (focus) => set({ view: 'settings', settingsFocus: focus ?? null, notice: null }),
  showMain: (notice) => set({ view: 'main', settingsFocus: null, notice: notice ?? null }),
  showPartner: (notice) => set({ view: 'main', tab: 'partner', settingsFocus: null, notice: notice ?? null }),
  setTab: (tab) => set({ tab }),
  setPane: (pane) => set({ pane }),
  clearNotice: () => set({ notice: null }),
  setSessionEnded: (sessionEnded) => set({ sessionEnded }),
  setQuickSwitcher: (quickSwitcher) => set({ quickSwitcher }),
  setNetworkSettings: (networkSettings) => set({ networkSettings }),
  setCommandNote: (commandNote) => set({ commandNote }),
  setCreateRequest: (createRequest) => set({ createRequest }),
}));
