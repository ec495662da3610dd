import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import type { CredentialDTO, CredentialSort, ProviderCapsDTO } from '../../../../src-preload/contract';
import type { WriteBlock } from '../../components/BlockedReason';
import { kindCaps, kindsTitle } from '../../lib/caps';
import { CredentialRow, type Columns, type RowActions } from './CredentialRow';

type SortField = CredentialSort['field'];

type Props = RowActions & {
  customerName: string;
  items: CredentialDTO[];
  /** The page's place in the whole filtered list: aria-rowcount and each row's aria-rowindex. */
  offset: number;
  total: number;
  /** What the provider allows per kind: which columns and row actions are shown. */
  caps: ProviderCapsDTO;
  /** The sort of the rows shown (not of a request still on its way). */
  sort: CredentialSort | null;
  checked: string[];
  busyIds: ReadonlySet<string>;
  /** Set while writes are off (offline): each row's actions are disabled with the reason. */
  writeBlock: WriteBlock;
  /** A panel opened under one row (the delete confirmation), so it appears where the admin clicked. */
  expansion: { id: string; node: ReactNode } | null;
  onCheck(ids: string[]): void;
  onSort(field: SortField): void;
};

/** Whether a row can take part in a bulk action (enable, disable or delete). */
export function isSelectable(caps: ProviderCapsDTO, c: CredentialDTO): boolean {
  const k = kindCaps(caps, c.kind);
  return k.toggle || k.delete;
}

/** A virtual row: a credential, or the panel opened under one. */
type Entry = { key: string; c: CredentialDTO; index: number; expansion: boolean };

/** Dense rows: the estimate the virtualizer starts from before it measures. */
const ROW_HEIGHT = 33;

/**
 * One page of credentials: checkboxes, sortable columns and each row's actions. A Kind column when
 * the provider has several kinds, a Name column when a row has a name, and on each row only the
 * actions its kind allows (Settings always: it only reads). The table scrolls inside its own box
 * (header sticky) and only the rows in view are in the DOM: a 100-row page stays light.
 */
export function CredentialsTable(props: Props) {
  const { customerName, items, caps, sort, checked, busyIds, onCheck, onSort, expansion } = props;
  const allRef = useRef<HTMLInputElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const checkedSet = new Set(checked);
  const selectable = items.filter((c) => isSelectable(caps, c));
  const all = selectable.length > 0 && selectable.every((c) => checkedSet.has(c.id));
  const some = !all && selectable.some((c) => checkedSet.has(c.id));
  // One realm for every row (an account's own domain): said once above the table, not on each row.
  const realms = new Set(items.map((c) => c.realm ?? ''));
  const sharedRealm = realms.size === 1 ? (items[0]?.realm ?? null) : null;
  const cols: Columns = {
    check: caps.kinds.some((k) => k.toggle || k.delete),
    kind: caps.kinds.length > 1,
    name: items.some((c) => !!c.name),
    realm: !sharedRealm && items.some((c) => !!c.realm),
  };
  const colCount = 5 + Number(cols.check) + Number(cols.kind) + Number(cols.name) + Number(cols.realm);

  const entries: Entry[] = [];
  items.forEach((c, index) => {
    entries.push({ key: c.id, c, index, expansion: false });
    if (expansion?.id === c.id) entries.push({ key: `${c.id}:expansion`, c, index, expansion: true });
  });

  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => wrapRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (i) => entries[i]!.key,
    // Rows past the edge are kept so Tab reaches the next row's buttons before it scrolls in.
    overscan: 8,
  });
  const virtual = virtualizer.getVirtualItems();
  const padTop = virtual[0]?.start ?? 0;
  const padBottom = virtual.length > 0 ? virtualizer.getTotalSize() - virtual[virtual.length - 1]!.end : 0;

  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = some;
  }, [some]);

  // A new page starts at its top row.
  useEffect(() => {
    wrapRef.current?.scrollTo({ top: 0 });
  }, [props.offset, sort?.field, sort?.dir]);

  const header = (field: SortField, label: string) => {
    const active = sort?.field === field;
    const dir = active ? sort.dir : null;
    return (
      <th scope="col" aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'} data-sort-field={field}>
        <button type="button" className="sort-button" onClick={() => onSort(field)}>
          {label}
          <span className="sort-icon" aria-hidden="true">
            {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <>
      {sharedRealm && (
        <p className="shared-realm muted" data-testid="shared-realm">
          Realm of every row shown: <code title={sharedRealm}>{sharedRealm}</code>
        </p>
      )}
      <div className="table-wrap" ref={wrapRef} data-testid="credentials-scroll">
        <table
          className="table"
          data-testid="credentials-table"
          data-kinds={caps.kinds.map((k) => k.kind).join(' ')}
          aria-rowcount={props.total + 1}
        >
          <caption className="visually-hidden">
            {kindsTitle(caps)} of {customerName}
          </caption>
          <thead>
            <tr aria-rowindex={1}>
              {cols.check && (
                <th scope="col" className="col-check">
                  <input
                    ref={allRef}
                    type="checkbox"
                    aria-label="Select all on this page"
                    checked={all}
                    disabled={selectable.length === 0}
                    onChange={() => onCheck(all ? [] : selectable.map((c) => c.id))}
                  />
                </th>
              )}
              {header('username', 'Username')}
              {cols.kind && <th scope="col">Kind</th>}
              {cols.name && <th scope="col">Name</th>}
              {cols.realm && <th scope="col">Realm</th>}
              {header('enabled', 'Enabled')}
              {header('createdAt', 'Created')}
              {header('updatedAt', 'Updated')}
              <th scope="col" className="col-actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && <Spacer height={padTop} cols={colCount} />}
            {virtual.map((v) => {
              const e = entries[v.index]!;
              if (e.expansion)
                return (
                  <tr key={v.key} ref={virtualizer.measureElement} data-index={v.index} className="row-expansion">
                    <td colSpan={colCount}>{expansion?.node}</td>
                  </tr>
                );
              return (
                <CredentialRow
                  key={v.key}
                  {...props}
                  c={e.c}
                  cols={cols}
                  rowIndex={props.offset + e.index + 2}
                  virtualIndex={v.index}
                  measureRef={virtualizer.measureElement}
                  isChecked={checkedSet.has(e.c.id)}
                  busy={busyIds.has(e.c.id)}
                  onCheckRow={(on) => onCheck(on ? [...checked, e.c.id] : checked.filter((id) => id !== e.c.id))}
                />
              );
            })}
            {padBottom > 0 && <Spacer height={padBottom} cols={colCount} />}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The height of the rows not rendered, so the scroll bar tells the page's true length. */
function Spacer({ height, cols }: { height: number; cols: number }) {
  return (
    <tr aria-hidden="true" className="row-spacer">
      <td colSpan={cols} style={{ height }} />
    </tr>
  );
}
