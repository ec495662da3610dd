// Credentials slice: per profile id + customer auth id, the list query (page, sort, filter), the
// page main last returned for it. Fetches are numbered per key; an answer lands only if it is the
// latest for its key and that customer is still the one on screen (active profile, selected
// customer). Which rows are selected lives in store/bulk.ts: a selection outlives any page.
import { create } from 'zustand';
import type {
  ChannelInput,
  ChannelOutput,
  CredentialFilter,
  CredentialPageDTO,
  CredentialSort,
  ErrorDTO,
  PasswordInput,
  Result,
} from '../../../src-preload/contract';
import { call } from '../bridge';
import { shownCustomerId } from './customers';
import { latestRequests, patchEntry } from './entries';

export type CredentialQuery = {
  limit: number;
  offset: number;
  sort: CredentialSort | null;
  filter: CredentialFilter;
};

export type CredentialsEntry = {
  query: CredentialQuery;
  page: CredentialPageDTO | null;
  /** The sort `page` was fetched with: the header shows it, so its arrow turns when the rows do. */
  pageSort: CredentialSort | null;
  loading: boolean;
  error: ErrorDTO | null;
  /** Bumped when the filter is set from outside the view (a search hit), so its inputs show it. */
  filterSetAt: number;
  /** A username to bring into view once the page is shown (a search hit); cleared by the view. */
  reveal: string | null;
};

type CredentialsState = {
  byKey: Record<string, CredentialsEntry>;
  /** Fetch the page for the entry's query, after applying `change`. */
  load(profileId: string, customerAuthId: string, change?: Partial<CredentialQuery>): Promise<void>;
  /** Main says this customer's credentials changed: refresh if they are on screen. */
  changed(profileId: string, customerAuthId: string): void;
  /** Show only the credentials whose username contains `username` (from the first page, other filters cleared). */
  showOnly(profileId: string, customerAuthId: string, username: string): void;
  /** The view has brought the revealed row into view. */
  revealed(profileId: string, customerAuthId: string): void;
  forgetProfile(profileId: string): void;
};

export const keyOf = (profileId: string, customerAuthId: string): string => `${profileId}|${customerAuthId}`;

const DEFAULT_QUERY: CredentialQuery = { limit: 20, offset: 0, sort: null, filter: {} };
const EMPTY: CredentialsEntry = { query: DEFAULT_QUERY, page: null, pageSort: null, loading: false, error: null, filterSetAt: 0, reveal: null };

const fetches = latestRequests();

const isShown = (profileId: string, customerAuthId: string): boolean => shownCustomerId(profileId) === customerAuthId;

const MISMATCH: ErrorDTO = {
  code: 'INTERNAL',
  message: 'Trunkdesk received credentials for a different customer.',
  hint: 'Refresh to load this customer again.',
  retryable: true,
};

/** The filter without empty fields, or undefined when nothing filters. */
export function activeFilter(filter: CredentialFilter): CredentialFilter | undefined {
  const out: CredentialFilter = {};
  if (filter.username?.trim()) out.username = filter.username.trim();
  if (filter.enabled !== undefined) out.enabled = filter.enabled;
  for (const k of ['createdFrom', 'createdTo', 'updatedFrom', 'updatedTo'] as const) if (filter[k]) out[k] = filter[k];
  return Object.keys(out).length > 0 ? out : undefined;
}

export const useCredentials = create<CredentialsState>()((set, get) => {
  function patch(key: string, change: Partial<CredentialsEntry> | ((e: CredentialsEntry) => Partial<CredentialsEntry>)) {
    set((s) => ({ byKey: patchEntry(s.byKey, key, EMPTY, change) }));
  }

  return {
    byKey: {},

    async load(profileId, customerAuthId, change) {
      const key = keyOf(profileId, customerAuthId);
      const before = get().byKey[key] ?? EMPTY;
      const query = { ...before.query, ...change };
      const isLatest = fetches.start(key);
      patch(key, { query, loading: true, error: null });

      const filter = activeFilter(query.filter);
      const result = await call('listCredentials', {
        profileId,
        customerAuthId,
        limit: query.limit,
        offset: query.offset,
        ...(query.sort ? { sort: query.sort } : {}),
        ...(filter ? { filter } : {}),
      });

      if (!isLatest()) return; // a newer fetch for this customer owns the entry
      if (!isShown(profileId, customerAuthId)) {
        patch(key, { loading: false });
        return;
      }
      if (!result.ok) {
        patch(key, { loading: false, error: result.error });
      } else if (result.value.profileId !== profileId || result.value.customerAuthId !== customerAuthId) {
        patch(key, { loading: false, error: MISMATCH });
      } else {
        patch(key, { loading: false, error: null, page: result.value, pageSort: query.sort });
      }
    },

    changed(profileId, customerAuthId) {
      const key = keyOf(profileId, customerAuthId);
      if (get().byKey[key] && isShown(profileId, customerAuthId)) void get().load(profileId, customerAuthId);
    },

    showOnly(profileId, customerAuthId, username) {
      const key = keyOf(profileId, customerAuthId);
      const change = { offset: 0, filter: { username } };
      patch(key, (e) => ({ filterSetAt: e.filterSetAt + 1, reveal: username }));
      // On screen: fetch now. Not yet (the customer is being selected): its view loads this query when it opens.
      if (isShown(profileId, customerAuthId)) void get().load(profileId, customerAuthId, change);
      else patch(key, (e) => ({ query: { ...e.query, ...change } }));
    },

    revealed(profileId, customerAuthId) {
      patch(keyOf(profileId, customerAuthId), { reveal: null });
    },

    forgetProfile(profileId) {
      set((s) => ({
        byKey: Object.fromEntries(Object.entries(s.byKey).filter(([k]) => !k.startsWith(`${profileId}|`))),
      }));
      fetches.forget((k) => k.startsWith(`${profileId}|`));
    },
  };
});

export function selectCredentialsEntry(profileId: string, customerAuthId: string) {
  return (s: CredentialsState): CredentialsEntry => s.byKey[keyOf(profileId, customerAuthId)] ?? EMPTY;
}

// ---------------------------------------------------------------------------------------------
// Writes. Each returns main's Result as is; the view that asked decides what to show, and it is
// keyed by profile + customer, so an answer for a customer no longer shown has nowhere to land.

/** A new credential's fields other than the username and password (its kind, and what that kind needs). */
export type NewCredential = Omit<ChannelInput<'createCredential'>, 'profileId' | 'customerAuthId' | 'username' | 'password'>;

/** Whose credentials a write is for. */
export type CredentialScope = { profileId: string; customerAuthId: string };

export const credentialWrites = {
  generatePassword: (): Promise<Result<ChannelOutput<'generatePassword'>>> => call('generatePassword', {}),
  revealPassword: (secretId: string) => call('revealPassword', { secretId }),
  copyPassword: (secretId: string) => call('copyPassword', { secretId }),
  create: (scope: CredentialScope, username: string, password: PasswordInput, fields: NewCredential = {}) =>
    call('createCredential', { ...scope, ...fields, username, password }),
  update: (scope: CredentialScope, credentialId: string, change: Pick<ChannelInput<'updateCredential'>, 'enabled' | 'password' | 'name' | 'detail'>) =>
    call('updateCredential', { ...scope, credentialId, ...change }),
  settings: (scope: CredentialScope, credentialId: string) => call('credentialSettings', { ...scope, credentialId }),
  /** An explicit request for a stored password: a one-time handle, to reveal once or copy. */
  storedPassword: (scope: CredentialScope, credentialId: string) => call('storedPassword', { ...scope, credentialId }),
  remove: (scope: CredentialScope, credentialId: string) => call('deleteCredential', { ...scope, credentialId }),
  exportCsv: (scope: CredentialScope, query: CredentialQuery) => {
    const filter = activeFilter(query.filter);
    return call('exportCredentials', {
      ...scope,
      ...(query.sort ? { sort: query.sort } : {}),
      ...(filter ? { filter } : {}),
    });
  },
};
