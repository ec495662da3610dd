// UI slice: which panel the main area shows, and a short confirmation to announce.
import { create } from 'zustand';

export type MainView = 'partner' | 'add' | 'settings';

type UiState = {
  view: MainView;
  /** Which settings control should take focus when the settings panel opens. */
  settingsFocus: 'rotate' | null;
  /** A one-line confirmation shown above the partner view (e.g. after a token was replaced). */
  notice: string | null;
  openAdd(): void;
  openSettings(focus?: 'rotate'): void;
  showPartner(notice?: string): void;
  clearNotice(): void;
};

export const useUi = create<UiState>()((set) => ({
  view: 'partner',
  settingsFocus: null,
  notice: null,
  openAdd: () => set({ view: 'add', settingsFocus: null, notice: null }),
  openSettings: (focus) => set({ view: 'settings', settingsFocus: focus ?? null, notice: null }),
  showPartner: (notice) => set({ view: 'partner', settingsFocus: null, notice: notice ?? null }),
  clearNotice: () => set({ notice: null }),
}));
