// Partner slice: one entry per profile id. Each fetch is numbered per profile; only the latest
// fetch for a profile may write its entry, and only while that profile is still the active one.
// A late answer for a profile the admin has switched away from is dropped, never shown.
import { create } from 'zustand';
import type { ErrorDTO, PartnerDTO } from '../../../src-preload/contract';
import { call } from '../bridge';
import { latestRequests, patchEntry, withoutEntry } from './entries';
import { useProfiles } from './profiles';

export type PartnerEntry = {
  dto: PartnerDTO | null;
  loading: boolean;
  error: ErrorDTO | null;
};

type PartnerState = {
  byProfile: Record<string, PartnerEntry>;
  fetch(profileId: string): Promise<void>;
  forget(profileId: string): void;
};

const EMPTY: PartnerEntry = { dto: null, loading: false, error: null };
const fetches = latestRequests();

const MISMATCH: ErrorDTO = {
  code: 'INTERNAL',
  message: 'Trunkdesk received partner details for a different profile.',
  hint: 'Refresh to load this profile again.',
  retryable: true,
};

export const usePartner = create<PartnerState>()((set) => {
  function patch(profileId: string, change: Partial<PartnerEntry>): void {
    set((s) => ({ byProfile: patchEntry(s.byProfile, profileId, EMPTY, change) }));
  }

  return {
    byProfile: {},

    async fetch(profileId) {
      const isLatest = fetches.start(profileId);
      patch(profileId, { loading: true, error: null });

      const result = await call('getPartner', { profileId });

      if (!isLatest()) return; // a newer fetch for this profile owns the entry
      if (useProfiles.getState().activeId !== profileId) {
        // Switched away meanwhile: drop the answer; the next activation fetches afresh.
        patch(profileId, { loading: false });
        return;
      }
      if (!result.ok) patch(profileId, { loading: false, error: result.error });
      else if (result.value.profileId !== profileId) patch(profileId, { loading: false, error: MISMATCH });
      else patch(profileId, { loading: false, error: null, dto: result.value });
    },

    forget(profileId) {
      fetches.forget((k) => k === profileId);
      set((s) => ({ byProfile: withoutEntry(s.byProfile, profileId) }));
    },
  };
});

export function selectPartnerEntry(profileId: string | null) {
  return (s: PartnerState): PartnerEntry => (profileId ? (s.byProfile[profileId] ?? EMPTY) : EMPTY);
}
