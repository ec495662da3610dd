import { useEffect, useRef } from 'react';
import type { CredentialDTO, CredentialSort, ProviderCapsDTO } from '../../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { blockedProps, type WriteBlock } from '../../components/BlockedReason';
import { Icon, type IconName } from '../../components/Icon';
import { kindCaps, kindsTitle } from '../../lib/caps';
import { credentialLabel } from '../../lib/credential';
import { formatDateTime } from '../../lib/format';

type SortField = CredentialSort['field'];

type Props = {
  customerName: string;
  items: CredentialDTO[];
  /** What the provider allows per kind: which columns and row actions are shown. */
  caps: ProviderCapsDTO;
  sort: CredentialSort | null;
  checked: string[];
  busyIds: ReadonlySet<string>;
  /** Set while writes are off (offline): each row's actions are disabled with the reason. */
  writeBlock: WriteBlock;
  onCheck(ids: string[]): void;
  onSort(field: SortField): void;
  onToggle(c: CredentialDTO): void;
  onChangePassword(c: CredentialDTO): void;
  onDelete(c: CredentialDTO): void;
  onSettings(c: CredentialDTO): void;
  onEdit(c: CredentialDTO): void;
};

/** Whether a row can take part in a bulk action (enable, disable or delete). */
export function isSelectable(caps: ProviderCapsDTO, c: CredentialDTO): boolean {
  const k = kindCaps(caps, c.kind);
  return k.toggle || k.delete;
}

/**
 * One page of credentials: checkboxes, sortable columns and each row's actions. A Kind column when
 * the provider has several kinds, a Name column when a row has a name, and on each row only the
 * actions its kind allows (Settings always: it only reads).
 */
export function CredentialsTable(props: Props) {
  const { customerName, items, caps, sort, checked, busyIds, onCheck, onSort } = props;
  const allRef = useRef<HTMLInputElement>(null);
  const checkedSet = new Set(checked);
  const selectable = items.filter((c) => isSelectable(caps, c));
  const all = selectable.length > 0 && selectable.every((c) => checkedSet.has(c.id));
  const some = !all && selectable.some((c) => checkedSet.has(c.id));
  const showKind = caps.kinds.length > 1;
  const showName = items.some((c) => !!c.name);
  // One realm for every row (an account's own domain): said once above the table, not on each row.
  const realms = new Set(items.map((c) => c.realm ?? ''));
  const sharedRealm = realms.size === 1 ? (items[0]?.realm ?? null) : null;
  const showRealm = !sharedRealm && items.some((c) => !!c.realm);
  const showCheck = caps.kinds.some((k) => k.toggle || k.delete);

  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = some;
  }, [some]);

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
      <div className="table-wrap">
        <table className="table" data-testid="credentials-table" data-kinds={caps.kinds.map((k) => k.kind).join(' ')}>
          <caption className="visually-hidden">
            {kindsTitle(caps)} of {customerName}
          </caption>
          <thead>
            <tr>
              {showCheck && (
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
              {showKind && <th scope="col">Kind</th>}
              {showName && <th scope="col">Name</th>}
              {showRealm && <th scope="col">Realm</th>}
              {header('enabled', 'Enabled')}
              {header('createdAt', 'Created')}
              {header('updatedAt', 'Updated')}
              <th scope="col" className="col-actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <Row
                key={c.id}
                {...props}
                c={c}
                cols={{ check: showCheck, kind: showKind, name: showName, realm: showRealm }}
                isChecked={checkedSet.has(c.id)}
                busy={busyIds.has(c.id)}
                onCheckRow={(on) => onCheck(on ? [...checked, c.id] : checked.filter((id) => id !== c.id))}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

type RowProps = Props & {
  c: CredentialDTO;
  cols: { check: boolean; kind: boolean; name: boolean; realm: boolean };
  isChecked: boolean;
  busy: boolean;
  onCheckRow(on: boolean): void;
};

function Row({ c, caps, cols, isChecked, busy, writeBlock, onCheckRow, onToggle, onChangePassword, onDelete, onSettings, onEdit }: RowProps) {
  const off = busy || !!writeBlock;
  const k = kindCaps(caps, c.kind);
  const label = credentialLabel(c);
  return (
    <tr
      data-credential-id={c.id}
      data-username={c.username}
      data-kind={c.kind}
      data-enabled={String(c.enabled)}
      className={isChecked ? 'is-checked' : undefined}
      aria-busy={busy || undefined}
    >
      {cols.check && (
        <td className="col-check">
          {(k.toggle || k.delete) && (
            <input type="checkbox" aria-label={`Select ${label}`} checked={isChecked} onChange={(e) => onCheckRow(e.target.checked)} />
          )}
        </td>
      )}
      <td className="col-username">
        {c.username ? <code>{c.username}</code> : <span className="muted" title="No username (authenticated by IP)">—</span>}
      </td>
      {cols.kind && (
        <td className="col-kind" data-field="kind">
          <span className={`kind-tag kind-tag-${c.kind}`}>{k.label}</span>
        </td>
      )}
      {cols.name && (
        <td className="col-name" data-field="name">
          {c.name ? <span title={c.name}>{c.name}</span> : <span className="muted">—</span>}
        </td>
      )}
      {cols.realm && (
        <td className="col-realm">{c.realm ? <code title={c.realm}>{breakAfterAccountId(c.realm)}</code> : <span className="muted">—</span>}</td>
      )}
      <td>
        <Badge tone={c.enabled ? 'good' : 'neutral'}>{c.enabled ? 'Enabled' : 'Disabled'}</Badge>
      </td>
      <td className="col-date">
        <DateCell iso={c.createdAt} />
      </td>
      <td className="col-date">
        <DateCell iso={c.updatedAt} />
      </td>
      <td className="col-actions">
        <div className="row-actions">
          {k.toggle && (
            <button type="button" className="btn btn-small" onClick={() => onToggle(c)} disabled={off} aria-busy={busy} {...blockedProps(writeBlock)}>
              {c.enabled ? 'Disable' : 'Enable'}
            </button>
          )}
          {/* Reads only (from this computer's store): never blocked offline. */}
          <RowAction icon="gear" label="Settings" name={`Settings for ${label}`} onClick={() => onSettings(c)} disabled={busy} writeBlock={null} />
          {k.rename && <RowAction icon="pencil" label="Edit" name={`Edit ${label}`} onClick={() => onEdit(c)} disabled={off} writeBlock={writeBlock} />}
          {k.changePassword && (
            <RowAction icon="key" label="Change password" onClick={() => onChangePassword(c)} disabled={off} writeBlock={writeBlock} />
          )}
          {k.delete && <RowAction icon="trash" label="Delete" onClick={() => onDelete(c)} disabled={off} writeBlock={writeBlock} danger />}
        </div>
      </td>
    </tr>
  );
}

/** "MA_X.sip.vobiz.ai" may wrap after the account id, and nowhere else. */
function breakAfterAccountId(text: string) {
  const dot = text.indexOf('.');
  if (dot < 0) return text;
  return (
    <>
      {text.slice(0, dot + 1)}
      <wbr />
      {text.slice(dot + 1)}
    </>
  );
}

/**
 * A row action that shrinks to its icon in a narrow panel; its visible word stays its name (so
 * "Change password" and "Delete" read the same everywhere), or `name` gives a fuller one.
 */
function RowAction(p: {
  icon: IconName;
  label: string;
  name?: string;
  onClick(): void;
  disabled: boolean;
  writeBlock: WriteBlock;
  danger?: boolean;
}) {
  return (
    <button
      type="button"
      className={`btn btn-small row-action${p.danger ? ' btn-danger' : ''}`}
      onClick={p.onClick}
      disabled={p.disabled}
      title={p.writeBlock ? `${p.label}: ${p.writeBlock.reason}` : p.label}
      aria-label={p.name}
      aria-describedby={p.writeBlock?.describedBy}
    >
      <Icon name={p.icon} />
      <span className="row-action-label">{p.label}</span>
    </button>
  );
}

function DateCell({ iso }: { iso: string | null }) {
  if (!iso) return <span className="muted">—</span>;
  return (
    <time dateTime={iso} title={iso}>
      {formatDateTime(iso)}
    </time>
  );
}
