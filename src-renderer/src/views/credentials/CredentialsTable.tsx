import { defaultRangeExtractor, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import type { CredentialDTO, CredentialSort, ProviderCapsDTO } from '../../../../src-preload/contract';
import type { WriteBlock } from '../../components/BlockedReason';
import { kindCaps, kindsTitle } from '../../lib/caps';
import { useRovingGrid } from '../../lib/useRovingGrid';
import { zoneLabel } from '../../lib/format';
import { useFitLevel } from '../../lib/useFitLevel';
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

/**
 * One realm for every row (an account's own domain): said once beside the pager (SharedRealm), not
 * on each row, and the Realm column is left out.
 */
export function sharedRealmOf(items: readonly CredentialDTO[]): string | null {
  const realms = new Set(items.map((c) => c.realm ?? ''));
  return realms.size === 1 ? (items[0]?.realm ?? null) : null;
}

/** The realm every row shares, in a line above the table. */
export function SharedRealm({ items }: { items: readonly CredentialDTO[] }) {
  const realm = sharedRealmOf(items);
  if (!realm) return null;
  return (
    // Its title holds the whole realm where a narrow window cuts the line short.
    <p className="shared-realm muted" data-testid="shared-realm" title={realm}>
      Realm of every row: <code>{realm}</code>
    </p>
  );
}

/** A virtual row: a credential, or the panel opened under one. */
type Entry = { key: string; c: CredentialDTO; index: number; expansion: boolean };

/** Dense rows: the estimate the virtualizer starts from before it measures. */
const ROW_HEIGHT = 30;

/**
 * One page of credentials: checkboxes, sortable columns and each row's actions. A Kind column when
 * the provider has several kinds, a Name column when a row has a name, and on each row only the
 * actions its kind allows (Settings always: it only reads). The table scrolls inside its own box
 * (header sticky) and only the rows in view are in the DOM: a 100-row page stays light. It is an
 * ARIA grid with one Tab stop (lib/useRovingGrid): the arrow keys move between rows and controls.
 */
export function CredentialsTable(props: Props) {
  const { customerName, items, caps, sort, checked, busyIds, onCheck, onSort, expansion } = props;
  const allRef = useRef<HTMLInputElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const checkedSet = new Set(checked);
  const selectable = items.filter((c) => isSelectable(caps, c));
  const all = selectable.length > 0 && selectable.every((c) => checkedSet.has(c.id));
  const some = !all && selectable.some((c) => checkedSet.has(c.id));
  const sharedRealm = sharedRealmOf(items);
  const tableRef = useRef<HTMLTableElement>(null);
  const shape = {
    check: caps.kinds.some((k) => k.toggle || k.delete),
    kind: caps.kinds.length > 1,
    name: items.some((c) => !!c.name),
    realm: !sharedRealm && items.some((c) => !!c.realm),
  };
  // A row too wide for the box (a narrow window) is trimmed rather than have the Updated date
  // pushed out of view or under the sticky actions: first the Created date goes, the column of
  // least use (each Updated date's tooltip has it, and Settings shows both); then the Enable /
  // Disable button shrinks to its icon like the other actions; last (a very long username), a
  // username may break over lines and a name is cut shorter; last of all the dates show the day
  // only (the time and zone stay in each one's tooltip).
  const fit = useFitLevel(wrapRef, tableRef, 4, `${items.map((c) => c.id).join()}|${JSON.stringify(shape)}`);
  const cols: Columns = { ...shape, created: fit < 1, dayOnly: fit >= 4 };
  const colCount = 4 + Number(cols.check) + Number(cols.kind) + Number(cols.name) + Number(cols.realm) + Number(cols.created);

  const entries: Entry[] = [];
  /** Grid row n (1 = the first credential; 0 is the header) → its entry in the virtual list. */
  const entryOfRow: number[] = [-1];
  items.forEach((c, index) => {
    entryOfRow.push(entries.length);
    entries.push({ key: c.id, c, index, expansion: false });
    if (expansion?.id === c.id) entries.push({ key: `${c.id}:expansion`, c, index, expansion: true });
  });

  const virtualRef = useRef<Virtualizer<HTMLDivElement, Element> | null>(null);
  const grid = useRovingGrid({
    container: wrapRef,
    rowCount: items.length + 1,
    bringIntoDom: (row) => {
      if (row === 0) wrapRef.current?.scrollTo({ top: 0 });
      else virtualRef.current?.scrollToIndex(entryOfRow[row] ?? 0, { align: 'auto' });
    },
    pageRows: () => Math.max(1, Math.floor((wrapRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 2),
    resetKey: `${props.offset}:${sort?.field}:${sort?.dir}`,
  });

  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => wrapRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (i) => entries[i]!.key,
    overscan: 8,
    // The row holding the grid's Tab stop stays rendered wherever the list is scrolled, so Tab
    // always finds it and focus is never dropped with an unmounted row.
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      const active = entryOfRow[grid.activeRow.current];
      if (active !== undefined && active >= 0 && active < range.count && !indexes.includes(active)) {
        indexes.push(active);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
  });
  virtualRef.current = virtualizer;
  const virtual = virtualizer.getVirtualItems();
  const padBottom = virtual.length > 0 ? virtualizer.getTotalSize() - virtual[virtual.length - 1]!.end : 0;

  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = some;
  }, [some]);

  // A new page starts at its top row.
  useEffect(() => {
    wrapRef.current?.scrollTo({ top: 0 });
  }, [props.offset, sort?.field, sort?.dir]);

  // The dates' zone, named once in their headers (each cell has its full time in its tooltip).
  const zone = zoneLabel();
  const header = (field: SortField, label: string, title?: string) => {
    const active = sort?.field === field;
    const dir = active ? sort.dir : null;
    const dateColumn = field === 'createdAt' || field === 'updatedAt';
    return (
      <th
        scope="col"
        role="columnheader"
        aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
        data-sort-field={field}
        className={dateColumn ? 'col-date' : undefined}
        title={title}
      >
        <button type="button" className="sort-button" onClick={() => onSort(field)}>
          {label}
          {dateColumn && <span className="col-zone">{zone}</span>}
          <span className="sort-icon" aria-hidden="true">
            {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <>
      <div className="table-wrap" ref={wrapRef} data-testid="credentials-scroll">
        <table
          ref={tableRef}
          className="table"
          data-created-column={cols.created ? 'shown' : 'dropped'}
          data-fit={fit}
          role="grid"
          onKeyDown={grid.onKeyDown}
          onFocus={grid.onFocus}
          data-testid="credentials-table"
          data-kinds={caps.kinds.map((k) => k.kind).join(' ')}
          aria-rowcount={props.total + 1}
        >
          <caption className="visually-hidden">
            {kindsTitle(caps)} of {customerName}
          </caption>
          <thead>
            <tr role="row" aria-rowindex={1} data-grid-row={0}>
              {cols.check && (
                <th scope="col" role="columnheader" className="col-check">
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
              {cols.kind && <th scope="col" role="columnheader">Kind</th>}
              {cols.name && <th scope="col" role="columnheader">Name</th>}
              {cols.realm && <th scope="col" role="columnheader">Realm</th>}
              {header('enabled', 'Enabled')}
              {cols.created && header('createdAt', 'Created')}
              {header('updatedAt', 'Updated', cols.created ? undefined : 'Created dates: in each row’s Settings, or widen the window')}
              <th scope="col" role="columnheader" className="col-actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {/* One flat list, keyed: a row keeps its DOM node (and focus) as rows come and go around it. */}
            {virtual.flatMap((v, i) => {
              const e = entries[v.index]!;
              // Rows not rendered (above, or between the rows in view and the kept focused row).
              const gap = v.start - (i === 0 ? 0 : virtual[i - 1]!.end);
              const spacer = gap > 0 ? [<Spacer key={`gap-${v.key}`} height={gap} cols={colCount} />] : [];
              if (e.expansion)
                return [
                  ...spacer,
                  <tr key={v.key} role="row" ref={virtualizer.measureElement} data-index={v.index} className="row-expansion">
                    {/* Not a grid row: the confirmation's own buttons keep their Tab stops. */}
                    <td role="gridcell" colSpan={colCount}>
                      {expansion?.node}
                    </td>
                  </tr>,
                ];
              return [
                ...spacer,
                <CredentialRow
                  key={v.key}
                  {...props}
                  c={e.c}
                  cols={cols}
                  rowIndex={props.offset + e.index + 2}
                  gridRow={e.index + 1}
                  virtualIndex={v.index}
                  measureRef={virtualizer.measureElement}
                  isChecked={checkedSet.has(e.c.id)}
                  busy={busyIds.has(e.c.id)}
                  onCheckRow={(on) => onCheck(on ? [...checked, e.c.id] : checked.filter((id) => id !== e.c.id))}
                />,
              ];
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
