import { useRef, type KeyboardEvent } from 'react';

type Tab<T extends string> = { value: T; label: string };

type Props<T extends string> = {
  /** The tablist's accessible name (visible text elsewhere, when labelledBy is given). */
  label?: string;
  labelledBy?: string;
  tabs: readonly Tab<T>[];
  value: T;
  onChange(value: T): void;
  /** Prefix for the tab ids; the panel for a tab is expected at `${idPrefix}-panel-${value}`. */
  idPrefix: string;
  disabled?: boolean;
  className?: string;
};

/**
 * A row of tabs (ARIA tabs pattern): one tab stop, Left/Right/Home/End move and select.
 * The caller renders the selected panel with `role="tabpanel"` and the id from `panelId`.
 */
export function Tabs<T extends string>({ label, labelledBy, tabs, value, onChange, idPrefix, disabled, className }: Props<T>) {
  const refs = useRef(new Map<T, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((t) => t.value === value);
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onChange(tab.value);
    refs.current.get(tab.value)?.focus();
  }

  return (
    <div
      role="tablist"
      aria-label={labelledBy ? undefined : label}
      aria-labelledby={labelledBy}
      className={`tabs${className ? ` ${className}` : ''}`}
      onKeyDown={onKeyDown}
    >
      {tabs.map((t) => {
        const selected = t.value === value;
        return (
          <button
            key={t.value}
            ref={(el) => {
              if (el) refs.current.set(t.value, el);
              else refs.current.delete(t.value);
            }}
            type="button"
            role="tab"
            id={tabId(idPrefix, t.value)}
            aria-selected={selected}
            aria-controls={selected ? panelId(idPrefix, t.value) : undefined}
            tabIndex={selected ? 0 : -1}
            className={`tab${selected ? ' is-selected' : ''}`}
            data-tab={t.value}
            disabled={disabled && !selected}
            onClick={() => onChange(t.value)}
          >
            {t.label}
          </button>
        );
      })}
    </div>
  );
}

export const tabId = (prefix: string, value: string): string => `${prefix}-tab-${value}`;
export const panelId = (prefix: string, value: string): string => `${prefix}-panel-${value}`;
