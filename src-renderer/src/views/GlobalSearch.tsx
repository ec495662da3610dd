import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { CredentialSearchDTO } from '../../../src-preload/contract';
import { TextField, verbatimInput } from '../components/TextField';
import { accountNoun, useActiveCaps } from '../lib/caps';
import { Age } from '../components/Time';
import { formatCount, plural } from '../lib/format';
import { globalSearchInput } from '../lib/focus';
import { revealCredential } from '../store/reveal';
import { selectSearchEntry, useSearch } from '../store/search';

type Hit = CredentialSearchDTO['items'][number];

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const SHORTCUT = IS_MAC ? '⌘⇧F' : 'Ctrl+Shift+F';

/**
 * "Which customer has SIP user X?": a combobox over every stored customer of the profile. Main
 * searches its local store, so it asks on every keystroke and works offline. Up/Down move through
 * the hits, Enter opens one (that customer, its list filtered to the username), Escape closes.
 */
export function GlobalSearch({ profileId }: { profileId: string }) {
  const entry = useSearch(selectSearchEntry(profileId));
  const search = useSearch((s) => s.search);
  const [value, setValue] = useState(entry.query);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const wrapRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  const noun = accountNoun(useActiveCaps());
  const optionId = (i: number) => `${listId}-hit-${i}`;

  const { result } = entry;
  // Hits only for what is typed now: an answer for an earlier query is not offered to choose.
  const current = result && result.query.toLowerCase() === value.trim().toLowerCase() ? result : null;
  const hits = current?.items ?? [];
  const showing = open && value.trim() !== '';
  const activeIndex = Math.min(active, Math.max(0, hits.length - 1));

  function choose(hit: Hit) {
    setOpen(false);
    revealCredential(profileId, hit.customerAuthId, hit.credential.username);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!showing) setOpen(true);
        else if (hits.length > 0) setActive((activeIndex + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
        break;
      }
      case 'Enter': {
        const hit = hits[activeIndex];
        if (!showing || !hit) return;
        choose(hit);
        break;
      }
      case 'Escape':
        // First Escape closes the results; with them closed, the field's own Escape clears it.
        if (!showing) return;
        setOpen(false);
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  // Closes when focus leaves the field and its results (a click on a hit keeps it until chosen).
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!wrapRef.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
  };

  return (
    <div className="global-search" ref={wrapRef} onBlur={onBlur}>
      <TextField
        label="Find SIP user"
        inputRef={globalSearchInput}
        type="search"
        name="globalSearch"
        data-testid="global-search"
        role="combobox"
        aria-expanded={showing}
        aria-controls={showing ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={showing && hits[activeIndex] ? optionId(activeIndex) : undefined}
        aria-keyshortcuts="Control+Shift+F Meta+Shift+F /"
        placeholder={`Username in ${noun.one === 'customer' ? 'any customer' : 'this account'} (${SHORTCUT})`}
        {...verbatimInput}
        maxLength={64}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setActive(0);
          setOpen(true);
          void search(profileId, e.target.value);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        className="field-inline global-search-field"
      />
      {showing && (
        <div className="global-results" data-testid="global-search-results">
          <SearchSummary result={current} loading={entry.loading} failed={entry.error?.message ?? null} noun={noun} />
          {hits.length > 0 && (
            <ul role="listbox" id={listId} aria-label="SIP users found" className="global-hits">
              {hits.map((h, i) => (
                <li
                  key={`${h.customerAuthId}|${h.credential.id}`}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === activeIndex}
                  className={`global-hit${i === activeIndex ? ' is-active' : ''}`}
                  data-customer-auth-id={h.customerAuthId}
                  data-username={h.credential.username}
                  // Keep focus in the field: the click chooses, the field's blur must not close first.
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => choose(h)}
                >
                  {!h.credential.enabled && <span className="global-hit-off">disabled</span>}
                  <code className="global-hit-user">{h.credential.username}</code> <span className="global-hit-sep">—</span>{' '}
                  <span className="global-hit-customer">{h.customerName}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** How many matched, how many customers were searched, and how old the stored lists may be. */
function SearchSummary({
  result,
  loading,
  failed,
  noun,
}: {
  result: CredentialSearchDTO | null;
  loading: boolean;
  failed: string | null;
  noun: { one: string; many: string };
}) {
  if (failed) return <p className="global-results-note global-results-error">{failed}</p>;
  if (!result) return loading ? <p className="global-results-note">Searching…</p> : null;
  if (result.accountsSearched === 0) {
    return (
      <p className="global-results-note" data-testid="global-search-summary">
        {noun.one === 'customer'
          ? "No customer's credentials are stored on this computer yet. Open a customer, or use Sync all on the Customers tab."
          : 'No credentials are stored on this computer yet. Open the Credentials tab, or Sync there.'}
      </p>
    );
  }
  const matches =
    result.total === 0
      ? `No SIP user contains “${result.query}”`
      : result.total > result.items.length
        ? `First ${formatCount(result.items.length)} of ${plural(result.total, 'match', 'matches')}`
        : plural(result.total, 'match', 'matches');
  return (
    <p className="global-results-note" data-testid="global-search-summary" role="status">
      {matches} · {plural(result.accountsSearched, noun.one, noun.many)} searched
      {result.oldestFetchedAt && (
        <>
          {' '}
          · oldest list fetched{' '}
          <Age iso={result.oldestFetchedAt} />
        </>
      )}
    </p>
  );
}
