import { BusyButton } from '../../components/Busy';
import { CREDENTIAL_PAGE_SIZES, type CredentialFilter, type CredentialKind, type CredentialKindCaps } from '../../../../src-preload/contract';
import { blockedProps, type WriteBlock } from '../../components/BlockedReason';
import { SearchField } from '../../components/SearchField';
import { SelectField } from '../../components/SelectField';
import { TextField, verbatimInput } from '../../components/TextField';
import { useId } from 'react';
import { newKindLabel } from '../../lib/caps';
import { datePattern } from '../../lib/format';
import type { CredentialQuery } from '../../store/credentials';

type Props = {
  query: CredentialQuery;
  /** A new filter or page size (the view goes back to the first page). */
  onChange(change: Partial<CredentialQuery>): void;
  onExport(): void;
  onNew(kind: CredentialKind): void;
  exporting: boolean;
  /** The kind whose create form is open, if one is. */
  creating: CredentialKind | null;
  /** One "+ New …" button per kind the provider lets the admin create. */
  creatable: readonly CredentialKindCaps[];
  /** Set while writes are off (offline): the "+ New …" buttons are disabled with the reason. */
  writeBlock: WriteBlock;
};

const STATUS_OPTIONS = [
  { value: 'all', label: 'All' },
  { value: 'enabled', label: 'Enabled' },
  { value: 'disabled', label: 'Disabled' },
] as const;

const SIZE_OPTIONS = CREDENTIAL_PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }));

/** Filters, page size and the list's actions. Everything but "+ New credential" works offline. */
export function CredentialsToolbar({ query, onChange, onExport, onNew, exporting, creating, creatable, writeBlock }: Props) {
  const { filter } = query;

  const setFilter = (patch: Partial<CredentialFilter>) => {
    const next: CredentialFilter = { ...filter, ...patch };
    for (const k of Object.keys(next) as (keyof CredentialFilter)[]) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange({ filter: next });
  };

  const status = filter.enabled === undefined ? 'all' : filter.enabled ? 'enabled' : 'disabled';
  // The native date input writes dates in the browser's locale, which is the locale every other
  // date in the app is formatted in (lib/format.ts uses the default one, never a fixed one), so the
  // filters and the table agree. The pattern is said in words for hover and assistive tech.
  const pattern = datePattern();
  const patternHintId = useId();
  const date = (key: 'createdFrom' | 'createdTo' | 'updatedFrom' | 'updatedTo', label: string) => (
    <TextField
      label={label}
      type="date"
      name={key}
      value={filter[key] ?? ''}
      onChange={(e) => setFilter({ [key]: e.target.value || undefined })}
      className="field-date"
      title={`Date, as ${pattern}`}
      aria-describedby={patternHintId}
      data-date-pattern={pattern}
    />
  );
  const moreActive = !!(filter.createdFrom || filter.createdTo || filter.updatedFrom || filter.updatedTo);

  return (
    <div className="cred-toolbar" data-testid="credentials-toolbar">
      <p id={patternHintId} className="visually-hidden">
        Dates are written {pattern}.
      </p>
      <div className="cred-filters" role="group" aria-label="Filters">
        {/* Filters run on the local store, so each keystroke applies at once: no debounce. The
            label is the placeholder's words, hidden: the toolbar is one line above the table. */}
        <SearchField
          pauseMs={0}
          label="Filter by username"
          placeholder="Filter by username"
          name="usernameFilter"
          initial={filter.username ?? ''}
          onSearch={(value) => setFilter({ username: value.trim() || undefined })}
          {...verbatimInput}
          maxLength={64}
          className="field-grow field-label-hidden"
        />
        <SelectField
          label="Status"
          name="status"
          options={STATUS_OPTIONS}
          value={status}
          onChange={(e) =>
            setFilter({ enabled: e.target.value === 'all' ? undefined : e.target.value === 'enabled' })
          }
          className="field-inline"
        />
        {/* The date filters, used less, fold away (open while one is set). */}
        <details className="more-filters" open={moreActive || undefined}>
          <summary>{moreActive ? 'Date filters (on)' : 'Date filters'}</summary>
          <div className="cred-filters cred-date-filters">
            {date('createdFrom', 'Created from')}
            {date('createdTo', 'Created to')}
            {date('updatedFrom', 'Updated from')}
            {date('updatedTo', 'Updated to')}
          </div>
        </details>
      </div>
      <div className="cred-actions">
        <BusyButton type="button" className="btn" onClick={onExport} busy={exporting} label="Export CSV" busyLabel="Exporting…" />
        {creatable.length > 0 && (
          <span className="cred-new" role="group" aria-label="Create">
            {creatable.map((k) => (
              <button
                key={k.kind}
                type="button"
                className="btn btn-primary"
                onClick={() => onNew(k.kind)}
                disabled={creating === k.kind || !!writeBlock}
                data-testid={`new-${k.kind}`}
                {...blockedProps(writeBlock)}
              >
                {newKindLabel(k)}
              </button>
            ))}
          </span>
        )}
      </div>
    </div>
  );
}

/** The page size, beside the pager above the table (it says how much one page holds). */
export function PerPageField({ limit, onChange }: { limit: number; onChange(limit: number): void }) {
  return (
    <SelectField
      label="Per page"
      name="perPage"
      options={SIZE_OPTIONS}
      value={String(limit)}
      onChange={(e) => onChange(Number(e.target.value))}
      className="field-inline"
    />
  );
}
