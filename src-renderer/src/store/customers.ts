// Customers slice: per profile id, the customer list page (with its query) and the selected
// customer. Every list fetch and every selection is numbered per profile; an answer lands only if
// it is the latest of its kind for that profile, the profile is still the active one, and (for a
// selection) that customer is still the one selected. Anything else is dropped, never shown.
import { create } from 'zustand';
import {
  DEFAULT_CUSTOMER_SORT,
  type ChannelInput,
  type CustomerDTO,
  type CustomerPageDTO,
  type CustomerSort,
  type ErrorDTO,
  type Result,
} from '../../../src-preload/contract';
import { call } from '../bridge';
import { latestRequests, patchEntry, withoutEntry } from './entries';
import { useProfiles } from './profiles';

export const CUSTOMERS_PER_PAGE = 20;
/** The page sizes offered; the one chosen is kept per profile for the run. */
export const CUSTOMER_PAGE_SIZES = [20, 50, 100] as const;

/** What the list shows: main searches, sorts and pages the whole customer list. */
export type CustomerQuery = { page: number; perPage: number; search: string; sort: CustomerSort };

export type CustomersEntry = {
  query: CustomerQuery;
  list: CustomerPageDTO | null;
  listLoading: boolean;
  listError: ErrorDTO | null;
  /** The customer the admin picked; set at once, before its details arrive. */
  selectedId: string | null;
  /** Its details as main last reported them (only ever for selectedId). */
  selected: CustomerDTO | null;
  selecting: boolean;
  selectError: ErrorDTO | null;
  /** A one-line confirmation for the customer panel (e.g. after creating the customer). */
  notice: string | null;
  /** Whether the profile's remembered customer has been reopened (once per profile per run). */
  restored: boolean;
};

export type NewCustomer = Omit<ChannelInput<'createCustomer'>, 'profileId'>;

type CustomersState = {
  byProfile: Record<string, CustomersEntry>;
  /** Fetch the list; `change` updates the query first (a new search or sort starts at page 1). */
  load(profileId: string, change?: Partial<CustomerQuery>): Promise<void>;
  select(profileId: string, customerAuthId: string): Promise<void>;
  /** Reopen the customer main remembers for this profile, once. */
  restore(profileId: string, lastCustomerAuthId: string | null): void;
  setToken(profileId: string, customerAuthId: string, token: string): Promise<Result<CustomerDTO>>;
  create(profileId: string, fields: NewCustomer): Promise<Result<CustomerDTO>>;
  setNotice(profileId: string, notice: string | null): void;
  forget(profileId: string): void;
};

const EMPTY: CustomersEntry = {
  query: { page: 1, perPage: CUSTOMERS_PER_PAGE, search: '', sort: DEFAULT_CUSTOMER_SORT },
  list: null,
  listLoading: false,
  listError: null,
  selectedId: null,
  selected: null,
  selecting: false,
  selectError: null,
  notice: null,
  restored: false,
};

const listFetches = latestRequests();
const selections = latestRequests();

const isActive = (profileId: string): boolean => useProfiles.getState().activeId === profileId;

const mismatch = (what: string): ErrorDTO => ({
  code: 'INTERNAL',
  message: `Trunkdesk received ${what} for a different profile or customer.`,
  hint: 'Try again.',
  retryable: true,
});

export const useCustomers = create<CustomersState>()((set, get) => {
  const entryOf = (profileId: string): CustomersEntry => get().byProfile[profileId] ?? EMPTY;

  function patch(profileId: string, change: Partial<CustomersEntry> | ((e: CustomersEntry) => Partial<CustomersEntry>)) {
    set((s) => ({ byProfile: patchEntry(s.byProfile, profileId, EMPTY, change) }));
  }

  /** Put a fresher copy of a customer wherever it is shown (the selection and the list row). */
  function applyCustomer(profileId: string, dto: CustomerDTO): void {
    patch(profileId, (e) => ({
      selected: e.selectedId === dto.authId ? dto : e.selected,
      list: e.list ? { ...e.list, items: e.list.items.map((c) => (c.authId === dto.authId ? dto : c)) } : e.list,
    }));
  }

  return {
    byProfile: {},

    async load(profileId, change) {
      const query = { ...entryOf(profileId).query, ...change };
      const isLatest = listFetches.start(profileId);
      patch(profileId, { query, listLoading: true, listError: null });

      const result = await call('listCustomers', {
        profileId,
        page: query.page,
        perPage: query.perPage,
        search: query.search.trim(),
        sort: query.sort,
      });

      if (!isLatest()) return; // a newer fetch owns the entry
      if (!isActive(profileId)) {
        patch(profileId, { listLoading: false });
        return;
      }
      if (!result.ok) patch(profileId, { listLoading: false, listError: result.error });
      else if (result.value.profileId !== profileId) patch(profileId, { listLoading: false, listError: mismatch('customers') });
      // Main may have moved the page (a narrower search has fewer): the query follows what is shown.
      else patch(profileId, (e) => ({ listLoading: false, listError: null, list: result.value, query: { ...e.query, page: result.value.page } }));
    },

    async select(profileId, customerAuthId) {
      const isLatest = selections.start(profileId);
      patch(profileId, (e) => ({
        selectedId: customerAuthId,
        // Keep what we know of this customer (from the list) while its details load.
        selected: e.selected?.authId === customerAuthId ? e.selected : (e.list?.items.find((c) => c.authId === customerAuthId) ?? null),
        selecting: true,
        selectError: null,
        notice: e.selectedId === customerAuthId ? e.notice : null,
        restored: true,
      }));

      const result = await call('selectCustomer', { profileId, customerAuthId });

      if (!isLatest()) return;
      if (!isActive(profileId) || entryOf(profileId).selectedId !== customerAuthId) {
        patch(profileId, { selecting: false });
        return;
      }
      if (!result.ok) patch(profileId, { selecting: false, selectError: result.error });
      else if (result.value.authId !== customerAuthId) patch(profileId, { selecting: false, selectError: mismatch('a customer') });
      else {
        patch(profileId, { selecting: false, selectError: null });
        applyCustomer(profileId, result.value);
      }
    },

    restore(profileId, lastCustomerAuthId) {
      const entry = entryOf(profileId);
      if (entry.restored) return;
      if (entry.selectedId) {
        patch(profileId, { restored: true });
        return;
      }
      if (lastCustomerAuthId) void get().select(profileId, lastCustomerAuthId);
      else patch(profileId, { restored: true });
    },

    async setToken(profileId, customerAuthId, token) {
      const result = await call('setCustomerToken', { profileId, customerAuthId, token });
      if (result.ok && isActive(profileId) && result.value.authId === customerAuthId) applyCustomer(profileId, result.value);
      return result;
    },

    async create(profileId, fields) {
      const result = await call('createCustomer', { profileId, ...fields });
      if (!result.ok || !isActive(profileId)) return result;
      const dto = result.value;
      // Show the new customer at once, then let main remember it and fetch the list again.
      selections.start(profileId); // an earlier selection's answer must not replace it
      patch(profileId, {
        selectedId: dto.authId,
        selected: dto,
        selecting: false,
        selectError: null,
        restored: true,
        notice:
          dto.tokenState === 'stored'
            ? `Customer ${dto.name} created. Its API token was stored securely on this computer.`
            : `Customer ${dto.name} created.`,
      });
      void get().select(profileId, dto.authId);
      void get().load(profileId);
      return result;
    },

    setNotice(profileId, notice) {
      if (notice !== null || get().byProfile[profileId]) patch(profileId, { notice });
    },

    forget(profileId) {
      listFetches.forget((k) => k === profileId);
      selections.forget((k) => k === profileId);
      set((s) => ({ byProfile: withoutEntry(s.byProfile, profileId) }));
    },
  };
});

export function selectCustomersEntry(profileId: string | null) {
  return (s: CustomersState): CustomersEntry => (profileId ? (s.byProfile[profileId] ?? EMPTY) : EMPTY);
}

/** The customer whose credentials are on screen, if any: the selected one of the active profile. */
export function shownCustomerId(profileId: string): string | null {
  if (useProfiles.getState().activeId !== profileId) return null;
  return useCustomers.getState().byProfile[profileId]?.selectedId ?? null;
}
