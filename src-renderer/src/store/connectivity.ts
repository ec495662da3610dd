// Connectivity slice: whether main can reach the providers, as main last said. Read once at start
// (getConnectivity) and then kept by the `connectivity` events, which main sends whenever it goes
// offline or comes back (its probe brings it back by itself). Offline, lists show stored data and
// every write is disabled with the reason below.
import { create } from 'zustand';
import type { ConnectivityDTO } from '../../../src-preload/contract';
import { call } from '../bridge';
import { providerLabel } from '../lib/caps';
import { selectActiveProfile, useProfiles } from './profiles';

/** Why a write is disabled offline; the same words on every button that needs the provider. */
export const offlineWriteReason = (provider: string): string => `You are offline: changes need ${provider}.`;
export const OFFLINE_WRITE_REASON = offlineWriteReason('Vobiz');

type ConnectivityState = ConnectivityDTO & {
  load(): Promise<void>;
  /** What a `connectivity` event says. Returns whether this brought the app back online. */
  apply(dto: ConnectivityDTO): boolean;
};

/** Bumped by every event: an answer to a getConnectivity sent before one is older news. */
let heard = 0;

export const useConnectivity = create<ConnectivityState>()((set, get) => ({
  // Main starts out online too; it learns otherwise from the first call that cannot connect.
  online: true,
  lastOnlineAt: null,
  reason: null,

  async load() {
    const asked = heard;
    const result = await call('getConnectivity', {});
    if (result.ok && asked === heard) set(pick(result.value));
  },

  apply(dto) {
    heard++;
    const wasOffline = !get().online;
    set(pick(dto));
    return wasOffline && dto.online;
  },
}));

const pick = ({ online, lastOnlineAt, reason }: ConnectivityDTO): ConnectivityDTO => ({ online, lastOnlineAt, reason });

/** Null when writes may go to the active profile's provider; else why not, for the disabled buttons' title and text. */
export function useWriteBlock(): string | null {
  const provider = useProfiles((s) => providerLabel(selectActiveProfile(s)));
  return useConnectivity((s) => (s.online ? null : offlineWriteReason(provider)));
}
