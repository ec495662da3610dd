// Generated passwords waiting to be copied: the handles main gave (never the passwords), with
// whose credential each is. They live here, not in the credential view, so switching customer,
// tab or profile cannot lose one: the view shows those of its own customer, and the shell shows
// the rest wherever the admin is, until each is copied or its loss confirmed.
import { create } from 'zustand';
import { call } from '../bridge';

export type OneTime = {
  secretId: string;
  profileId: string;
  customerAuthId: string;
  customerName: string;
  credentialId: string;
  username: string;
  realm: string | null;
  action: 'created' | 'changed';
  /** The provider keeps this password and main holds it sealed: Settings can reveal it again later. */
  storedLater: boolean;
  /** Copied to the clipboard at least once: closing the panel loses nothing. */
  copied: boolean;
};

type OneTimeState = {
  pending: OneTime[];
  /** Which profile + customer's credential view is on screen (it shows that customer's passwords itself). */
  onScreen: string | null;
  add(o: Omit<OneTime, 'copied'>): void;
  copied(secretId: string): void;
  /** Closed by the admin: main forgets the password too. */
  close(secretId: string): void;
  setOnScreen(key: string | null): void;
};

export const oneTimeKey = (profileId: string, customerAuthId: string): string => `${profileId}|${customerAuthId}`;

export const useOneTime = create<OneTimeState>()((set) => ({
  pending: [],
  onScreen: null,
  add: (o) => set((s) => ({ pending: [...s.pending.filter((p) => p.secretId !== o.secretId), { ...o, copied: false }] })),
  copied: (secretId) => set((s) => ({ pending: s.pending.map((p) => (p.secretId === secretId ? { ...p, copied: true } : p)) })),
  close(secretId) {
    set((s) => ({ pending: s.pending.filter((p) => p.secretId !== secretId) }));
    // Best effort: if it fails, main still drops the password at its 10-minute expiry.
    void call('discardPassword', { secretId });
  },
  setOnScreen: (onScreen) => set({ onScreen }),
}));
