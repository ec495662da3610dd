import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { trapTab } from '../lib/focus-trap';
import type { QuickSwitchMatchDTO } from '../../../src-preload/contract';
import { call } from '../bridge';
import { focusWhenShown } from '../lib/focus';
import { useEscapeCloses } from '../lib/useEscapeCloses';
import { plural } from '../lib/format';
import { useProfiles } from '../store/profiles';
import { openProfile, openProfileCustomer } from '../store/reveal';
import { useUi } from '../store/ui';

type Answer = { query: string; total: number; items: QuickSwitchMatchDTO[] } | null;

/**
 * Ctrl/Cmd+K: go to any profile (by name or partner auth id) or any stored customer of any profile
 * (by name or auth ID). A modal dialog with one combobox: main searches its local store on every
 * keystroke; Up/Down move through the results, Enter goes there, Escape closes and gives focus
 * back to where it was. Tab stays inside.
 */
export function QuickSwitcher() {
  const close = () => useUi.getState().setQuickSwitcher(false);
  const profiles = useProfiles((s) => s.profiles);
  const [value, setValue] = useState('');
  const [answer, setAnswer] = useState<Answer>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const dialogRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const asked = useRef(0);
  const titleId = useId();
  const listId = useId();
  const optionId = (i: number) => `${listId}-${i}`;

  const dismiss = useEscapeCloses(close, dialogRef);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  // Nothing typed: every profile, to pick from.
  const typed = value.trim();
  const everyProfile: QuickSwitchMatchDTO[] = profiles.map((p) => ({ kind: 'profile', profileId: p.id, profileName: p.displayName, name: p.displayName }));
  const current = typed === '' ? { query: '', total: everyProfile.length, items: everyProfile } : answer && answer.query === typed ? answer : null;
  const items = current?.items ?? [];
  const activeIndex = Math.min(active, Math.max(0, items.length - 1));

  // Keep the highlighted result in view as the arrows move it.
  useEffect(() => {
    document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  });

  async function search(text: string) {
    const query = text.trim();
    const n = ++asked.current;
    if (!query) return;
    const result = await call('quickSwitch', { query });
    if (n !== asked.current) return; // a later keystroke asked again
    if (result.ok) {
      setFailed(null);
      setAnswer(result.value);
    } else setFailed(result.error.message);
  }

  function go(m: QuickSwitchMatchDTO) {
    close();
    if (m.kind === 'customer' && m.customerAuthId) {
      void openProfileCustomer(m.profileId, m.customerAuthId);
      focusWhenShown(() => {
        const h = document.getElementById('customer-name');
        return document.querySelector(`[data-testid="customer-panel"][data-customer-auth-id="${CSS.escape(m.customerAuthId!)}"]`) ? h : null;
      }, 120);
    } else void openProfile(m.profileId);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (items.length > 0) setActive((activeIndex + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
        break;
      case 'Home':
      case 'End':
        if (!e.ctrlKey || items.length === 0) return;
        setActive(e.key === 'Home' ? 0 : items.length - 1);
        break;
      case 'Enter': {
        const m = items[activeIndex];
        if (m) go(m);
        break;
      }
      default:
        return;
    }
    e.preventDefault();
  }

  // The focus trap: Tab and Shift+Tab go round the dialog's own controls.
  function onDialogKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    trapTab(e, dialogRef.current, 'input, button');
  }


  const summary = failed
    ? failed
    : !current
      ? 'Searching…'
      : typed === ''
        ? 'Type a profile or customer name, or an auth ID.'
        : current.total === 0
          ? `Nothing matches “${typed}”. Customers are found once their list is stored on this computer (open the Customers tab, or Sync all).`
          : current.total > items.length
            ? `First ${items.length} of ${plural(current.total, 'match', 'matches')}`
            : plural(current.total, 'match', 'matches');

  return (
    <div className="quick-switcher-backdrop" onMouseDown={(e) => e.target === e.currentTarget && dismiss()}>
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="quick-switcher"
        data-testid="quick-switcher"
        onKeyDown={onDialogKeyDown}
      >
        <div className="quick-switcher-head">
          <h2 id={titleId} className="quick-switcher-title">
            Go to a profile or customer
          </h2>
          <button type="button" className="btn btn-quiet btn-small" onClick={dismiss} aria-keyshortcuts="Escape">
            Close
          </button>
        </div>
        <input
          ref={inputRef}
          type="text"
          className="quick-switcher-input"
          aria-label="Profile or customer"
          role="combobox"
          aria-expanded={items.length > 0}
          aria-controls={items.length > 0 ? listId : undefined}
          aria-autocomplete="list"
          aria-activedescendant={items[activeIndex] ? optionId(activeIndex) : undefined}
          placeholder="Name or auth ID"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setActive(0);
            void search(e.target.value);
          }}
          onKeyDown={onKeyDown}
          data-testid="quick-switcher-input"
        />
        <p className="quick-switcher-summary" role="status" data-testid="quick-switcher-summary">
          {summary}
        </p>
        {/* Only with options in it: an empty listbox is announced as a list with nothing to pick. */}
        {items.length > 0 && (
          <ul role="listbox" id={listId} aria-label="Profiles and customers found" className="quick-switcher-list">
            {items.map((m, i) => (
              <li
                key={`${m.kind}|${m.profileId}|${m.customerAuthId ?? ''}`}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                className={`quick-switcher-option${i === activeIndex ? ' is-active' : ''}`}
                data-kind={m.kind}
                data-profile-id={m.profileId}
                data-customer-auth-id={m.customerAuthId}
                // Keep focus in the input: the click chooses.
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => go(m)}
              >
                <span className="quick-switcher-name">{m.name}</span>
                <span className="quick-switcher-where">
                  {m.kind === 'profile' ? 'Profile' : `Customer · ${m.customerAuthId} · ${m.profileName}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
