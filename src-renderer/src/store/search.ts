// Search slice: "which customer has SIP user X?", per profile id. Main searches its local store,
// so every keystroke asks (no debounce) and it works offline. Requests are numbered per profile;
// an answer lands only if it is the latest for that profile, that profile is still active, and it
// answers the query that was asked (a late answer for "gat" never replaces the one for "gate").
import { create } from 'zustand';
import type { CredentialSearchDTO, ErrorDTO } from '../../../src-preload/contract';
import { call } from '../bridge';
import { latestRequests, patchEntry, withoutEntry } from './entries';
import { useProfiles } from './profiles';

/** As many hits as a dropdown can usefully show; the answer says how many there are in all. */
export const SEARCH_LIMIT = 50;

export type SearchEntry = {
  /** What is typed, trimmed. */
  query: string;
  /** Main's answer for `query` (null while there is none, or nothing is typed). */
  result: CredentialSearchDTO | null;
  loading: boolean;
  error: ErrorDTO | null;
};

type SearchState = {
  byProfile: Record<string, SearchEntry>;
  search(profileId: string, typed: string): Promise<void>;
  forget(profileId: string): void;
};

const EMPTY: SearchEntry = { query: '', result: null, loading: false, error: null };
const searches = latestRequests();

export const useSearch = create<SearchState>()((set) => {
  function patch(profileId: string, change: Partial<SearchEntry>) {
    set((s) => ({ byProfile: patchEntry(s.byProfile, profileId, EMPTY, change) }));
  }

  return {
    byProfile: {},

    async search(profileId, typed) {
      const query = typed.trim().slice(0, 64);
      const isLatest = searches.start(profileId);
      if (!query) {
        patch(profileId, EMPTY);
        return;
      }
      patch(profileId, { query, loading: true, error: null });
      const result = await call('searchCredentials', { profileId, query, limit: SEARCH_LIMIT });
      if (!isLatest() || useProfiles.getState().activeId !== profileId) return;
      if (!result.ok) patch(profileId, { loading: false, error: result.error, result: null });
      else if (result.value.profileId !== profileId || result.value.query.trim().toLowerCase() !== query.toLowerCase()) {
        patch(profileId, { loading: false, error: MISMATCH, result: null });
      } else patch(profileId, { loading: false, error: null, result: result.value });
    },

    forget(profileId) {
      searches.forget((k) => k === profileId);
      set((s) => ({ byProfile: withoutEntry(s.byProfile, profileId) }));
    },
  };
});

const MISMATCH: ErrorDTO = {
  code: 'INTERNAL',
  message: 'Trunkdesk received search results for a different search.',
  hint: 'Type the search again.',
  retryable: true,
};

export function selectSearchEntry(profileId: string) {
  return (s: SearchState): SearchEntry => s.byProfile[profileId] ?? EMPTY;
}
