import { useEffect, useRef } from 'react';
import type { CredentialDTO, CredentialSort } from '../../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { blockedProps, type WriteBlock } from '../../components/BlockedReason';
import { Icon } from '../../components/Icon';
import { formatDateTime } from '../../lib/format';

type SortField = CredentialSort['field'];

type Props = {
  customerName: string;
  items: CredentialDTO[];
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
};

/** One page of credentials: checkboxes, sortable columns and each row's actions. */
export function CredentialsTable(props: Props) {
  const { customerName, items, sort, checked, busyIds, writeBlock, onCheck, onSort, onToggle, onChangePassword, onDelete } = props;
  const allRef = useRef<HTMLInputElement>(null);
  const checkedSet = new Set(checked);
  const all = items.length > 0 && items.every((c) => checkedSet.has(c.id));
  const some = !all && items.some((c) => checkedSet.has(c.id));

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
    <div className="table-wrap">
      <table className="table" data-testid="credentials-table">
        <caption className="visually-hidden">SIP credentials of {customerName}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-check">
              <input
                ref={allRef}
                type="checkbox"
                aria-label="Select all on this page"
                checked={all}
                onChange={() => onCheck(all ? [] : items.map((c) => c.id))}
              />
            </th>
            {header('username', 'Username')}
            <th scope="col">Realm</th>
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
              c={c}
              isChecked={checkedSet.has(c.id)}
              busy={busyIds.has(c.id)}
              writeBlock={writeBlock}
              onCheck={(on) => onCheck(on ? [...checked, c.id] : checked.filter((id) => id !== c.id))}
              onToggle={onToggle}
              onChangePassword={onChangePassword}
              onDelete={onDelete}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

type RowProps = Pick<Props, 'onToggle' | 'onChangePassword' | 'onDelete' | 'writeBlock'> & {
  c: CredentialDTO;
  isChecked: boolean;
  busy: boolean;
  onCheck(on: boolean): void;
};

function Row({ c, isChecked, busy, writeBlock, onCheck, onToggle, onChangePassword, onDelete }: RowProps) {
  const off = busy || !!writeBlock;
  return (
    <tr
      data-credential-id={c.id}
      data-username={c.username}
      data-enabled={String(c.enabled)}
      className={isChecked ? 'is-checked' : undefined}
      aria-busy={busy || undefined}
    >
      <td className="col-check">
        <input type="checkbox" aria-label={`Select ${c.username}`} checked={isChecked} onChange={(e) => onCheck(e.target.checked)} />
      </td>
      <td className="col-username">
        <code>{c.username}</code>
      </td>
      <td className="col-realm">{c.realm ? <code title={c.realm}>{breakAfterAccountId(c.realm)}</code> : <span className="muted">—</span>}</td>
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
          <button type="button" className="btn btn-small" onClick={() => onToggle(c)} disabled={off} aria-busy={busy} {...blockedProps(writeBlock)}>
            {c.enabled ? 'Disable' : 'Enable'}
          </button>
          <RowAction icon="key" label="Change password" onClick={() => onChangePassword(c)} disabled={off} writeBlock={writeBlock} />
          <RowAction icon="trash" label="Delete" onClick={() => onDelete(c)} disabled={off} writeBlock={writeBlock} danger />
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

/** A row action that shrinks to its icon in a narrow panel; its name stays the label either way. */
function RowAction(p: { icon: 'key' | 'trash'; label: string; onClick(): void; disabled: boolean; writeBlock: WriteBlock; danger?: boolean }) {
  return (
    <button
      type="button"
      className={`btn btn-small row-action${p.danger ? ' btn-danger' : ''}`}
      onClick={p.onClick}
      disabled={p.disabled}
      title={p.writeBlock ? `${p.label}: ${p.writeBlock.reason}` : p.label}
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
