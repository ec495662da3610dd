import { useRef, useState, type KeyboardEvent } from 'react';
import type { CustomerDTO } from '../../../../src-preload/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FetchedAt } from '../../components/FetchedAt';
import { SearchField } from '../../components/SearchField';
import { Skeleton } from '../../components/Skeleton';
import { useCustomers, type CustomersEntry } from '../../store/customers';
import { CustomerPager } from './CustomerPager';
import { CustomerSortField } from './CustomerSortField';
import { NewCustomerButton } from './NewCustomerButton';

type Props = {
  profileId: string;
  entry: CustomersEntry;
  creating: boolean;
  onSelect(customerAuthId: string): void;
  onNew(): void;
};

/**
 * Search, sort, one page of customers as a listbox, and paging (main searches, sorts and pages
 * the whole list). The listbox has one tab stop;
 * Up/Down/Home/End move through it and Enter (or Space, or a click) selects.
 */
export function CustomerList({ profileId, entry, creating, onSelect, onNew }: Props) {
  const load = useCustomers((s) => s.load);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const optionRefs = useRef(new Map<string, HTMLLIElement>());

  const { list, listLoading, listError, query } = entry;
  const items = list?.items ?? [];

  // The tab stop: the focused option if still listed, else the selected one, else the first.
  const tabStop =
    items.find((c) => c.authId === focusedId)?.authId ??
    items.find((c) => c.authId === entry.selectedId)?.authId ??
    items[0]?.authId ??
    null;

  function focusAt(index: number) {
    const target = items[Math.max(0, Math.min(items.length - 1, index))];
    if (!target) return;
    setFocusedId(target.authId);
    optionRefs.current.get(target.authId)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const index = items.findIndex((c) => c.authId === tabStop);
    switch (event.key) {
      case 'ArrowDown':
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        focusAt(index - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(items.length - 1);
        break;
      case 'Enter':
      case ' ':
        if (tabStop) onSelect(tabStop);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  const goTo = (p: number) => {
    setFocusedId(null);
    void load(profileId, { page: p });
  };
  // A new page size keeps the first customer shown on the page shown.
  const setPerPage = (n: number) => {
    setFocusedId(null);
    void load(profileId, { perPage: n, page: Math.floor(((list?.page ?? query.page) - 1) * query.perPage / n) + 1 });
  };

  return (
    <div className="customer-list" data-testid="customer-list" aria-busy={listLoading}>
      <div className="customer-list-head">
        {/* Search as the admin types (main searches the list it holds); a new search starts at page 1. */}
        <SearchField
          label="Search customers"
          name="customerSearch"
          initial={entry.query.search}
          onSearch={(value) => void load(profileId, { search: value, page: 1 })}
          pauseMs={0}
          placeholder="Name or email"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
        />
        <CustomerSortField sort={query.sort} onSort={(sort) => void load(profileId, { sort, page: 1 })} />
        <NewCustomerButton profileId={profileId} onClick={onNew} />
      </div>

      <div role="status" className="live-region">
        {listLoading && list && <p className="status">Updating…</p>}
      </div>

      {/* The first page is on its way: placeholder options where the list will be (the skeleton says "Loading customers…"). */}
      {listLoading && !list && <Skeleton label="Loading customers…" testId="customers-skeleton" shape="list" rows={6} />}

      {listError && (
        <ErrorNotice error={listError} testId="customers-error" onRetry={() => void load(profileId)} />
      )}

      {!list && listLoading ? null : list && items.length === 0 ? (
        <p className="muted customer-list-empty" data-testid="customers-empty">
          {list.search ? `No customers match “${list.search}”.` : 'No customers yet.'}
        </p>
      ) : (
        <ul role="listbox" aria-label="Customers" className="customer-options" onKeyDown={onKeyDown}>
          {items.map((c) => (
            <CustomerOption
              key={c.authId}
              customer={c}
              selected={!creating && c.authId === entry.selectedId}
              tabbable={c.authId === tabStop}
              optionRef={(el) => {
                if (el) optionRefs.current.set(c.authId, el);
                else optionRefs.current.delete(c.authId);
              }}
              onFocus={() => setFocusedId(c.authId)}
              onClick={() => onSelect(c.authId)}
            />
          ))}
        </ul>
      )}

      {list && (
        <div className="customer-list-foot">
          <FetchedAt source={list.source} />
          <CustomerPager list={list} onPage={goTo} onPerPage={setPerPage} />
        </div>
      )}
    </div>
  );
}

type OptionProps = {
  customer: CustomerDTO;
  selected: boolean;
  tabbable: boolean;
  optionRef(el: HTMLLIElement | null): void;
  onFocus(): void;
  onClick(): void;
};

/** What the marker says of a customer's token; nothing when none is needed from the admin. */
const TOKEN_MARKERS = {
  stored: { text: 'token stored', tone: 'token-marker-yes', title: "This customer's API token is stored on this computer." },
  // Vobiz hands this token over: Trunkdesk fetches it when the customer is opened or synced.
  available: null,
  missing: { text: 'no token', tone: 'token-marker-no', title: "Vobiz does not return this customer's API token: open the customer to enter it once." },
  unreadable: { text: 'no token', tone: 'token-marker-no', title: "This customer's stored API token could not be read." },
} as const;

function CustomerOption({ customer: c, selected, tabbable, optionRef, onFocus, onClick }: OptionProps) {
  const marker = TOKEN_MARKERS[c.tokenState];
  return (
    <li
      ref={optionRef}
      role="option"
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      className={`customer-option${selected ? ' is-selected' : ''}`}
      data-customer-auth-id={c.authId}
      data-token-state={c.tokenState}
      onFocus={onFocus}
      onClick={onClick}
    >
      <span className="customer-option-name">
        {c.name}
        {!c.isActive && <span className="customer-option-inactive"> · inactive</span>}
      </span>
      <span className="customer-option-email" title={c.email ?? c.authId}>
        {c.email ?? c.authId}
      </span>
      {marker && (
        <span className={`token-marker ${marker.tone}`} title={marker.title} data-testid="token-marker">
          {marker.text}
        </span>
      )}
    </li>
  );
}
