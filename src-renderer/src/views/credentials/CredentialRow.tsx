import type { CredentialDTO, ProviderCapsDTO } from '../../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { blockedProps, type WriteBlock } from '../../components/BlockedReason';
import { Spinner } from '../../components/Busy';
import { Icon, type IconName } from '../../components/Icon';
import { kindCaps } from '../../lib/caps';
import { credentialLabel } from '../../lib/credential';
import { useBusyPhase } from '../../lib/useBusyPhase';
import { formatDate, formatDateTime, formatDateTimeNoZone } from '../../lib/format';

export type RowActions = {
  onToggle(c: CredentialDTO): void;
  onChangePassword(c: CredentialDTO): void;
  onDelete(c: CredentialDTO): void;
  onSettings(c: CredentialDTO): void;
  onEdit(c: CredentialDTO): void;
};

/**
 * Which columns the table shows (Created is left out when a row would not fit), and whether its
 * dates are cut to the day (the narrowest fit; the time stays in the tooltip).
 */
export type Columns = { check: boolean; kind: boolean; name: boolean; realm: boolean; created: boolean; dayOnly: boolean };

type RowProps = RowActions & {
  c: CredentialDTO;
  caps: ProviderCapsDTO;
  cols: Columns;
  /** Its place among all the rows that match (1 is the header row), for aria-rowindex. */
  rowIndex: number;
  /** Its row in the keyboard grid (lib/useRovingGrid): 1 for the page's first row. */
  gridRow: number;
  isChecked: boolean;
  busy: boolean;
  writeBlock: WriteBlock;
  onCheckRow(on: boolean): void;
  /** The virtualizer measures each rendered row (a row with a long name may be taller). */
  measureRef(el: HTMLTableRowElement | null): void;
  virtualIndex: number;
};

/** One credential: its check box, fields and the actions its kind allows. */
export function CredentialRow(p: RowProps) {
  const { c, caps, cols, isChecked, busy, writeBlock } = p;
  const off = busy || !!writeBlock;
  const { phase } = useBusyPhase(busy);
  const spinning = phase === 'spinner' || phase === 'long';
  const k = kindCaps(caps, c.kind);
  const label = credentialLabel(c);
  return (
    <tr
      role="row"
      ref={p.measureRef}
      data-index={p.virtualIndex}
      aria-rowindex={p.rowIndex}
      data-grid-row={p.gridRow}
      data-credential-id={c.id}
      data-username={c.username}
      data-kind={c.kind}
      data-enabled={String(c.enabled)}
      className={isChecked ? 'is-checked' : undefined}
      aria-busy={busy || undefined}
    >
      {cols.check && (
        <td role="gridcell" className="col-check">
          {(k.toggle || k.delete) && (
            <input type="checkbox" aria-label={`Select ${label}`} checked={isChecked} onChange={(e) => p.onCheckRow(e.target.checked)} />
          )}
        </td>
      )}
      <td role="gridcell" className="col-username">
        {c.username ? <code>{c.username}</code> : <span className="muted" title="No username (authenticated by IP)">—</span>}
      </td>
      {cols.kind && (
        <td role="gridcell" className="col-kind" data-field="kind">
          <span className={`kind-tag kind-tag-${c.kind}`}>{k.label}</span>
        </td>
      )}
      {cols.name && (
        <td role="gridcell" className="col-name" data-field="name">
          {c.name ? <span title={c.name}>{c.name}</span> : <span className="muted">—</span>}
        </td>
      )}
      {cols.realm && (
        <td role="gridcell" className="col-realm">{c.realm ? <code title={c.realm}>{breakAfterAccountId(c.realm)}</code> : <span className="muted">—</span>}</td>
      )}
      <td role="gridcell">
        <Badge tone={c.enabled ? 'good' : 'neutral'}>{c.enabled ? 'Enabled' : 'Disabled'}</Badge>
      </td>
      {cols.created && (
        <td role="gridcell" className="col-date" data-field="createdAt">
          <DateCell iso={c.createdAt} dayOnly={cols.dayOnly} />
        </td>
      )}
      <td role="gridcell" className="col-date" data-field="updatedAt">
        {/* Without its column, the Created date is in the Updated date's tooltip. */}
        <DateCell iso={c.updatedAt} dayOnly={cols.dayOnly} title={cols.created ? undefined : `Created ${orDash(c.createdAt)} · updated ${orDash(c.updatedAt)}`} />
      </td>
      <td role="gridcell" className="col-actions">
        <div className="row-actions">
          {k.toggle && (
            // Its word, or in a table too wide for its box (data-fit="2") its icon with the word hidden.
            // While its write is on the wire it is aria-disabled, not disabled, so the focus the
            // admin put on it stays (a disabled button drops focus to the page); past 300 ms it spins.
            <button
              type="button"
              className={`btn btn-small row-toggle${spinning ? ' is-busy' : ''}`}
              onClick={() => !busy && p.onToggle(c)}
              disabled={!!writeBlock}
              aria-disabled={busy || undefined}
              aria-busy={spinning}
              title={c.enabled ? 'Disable' : 'Enable'}
              {...blockedProps(writeBlock)}
            >
              {spinning ? <Spinner /> : <Icon name="power" />}
              <span className="row-action-label">{c.enabled ? 'Disable' : 'Enable'}</span>
            </button>
          )}
          {/* Reads only (from this computer's store): never blocked offline. */}
          <RowAction icon="gear" label="Settings" name={`Settings for ${label}`} onClick={() => p.onSettings(c)} disabled={busy} writeBlock={null} />
          {k.rename && <RowAction icon="pencil" label="Edit" name={`Edit ${label}`} onClick={() => p.onEdit(c)} disabled={off} writeBlock={writeBlock} />}
          {k.changePassword && (
            <RowAction icon="key" label="Change password" onClick={() => p.onChangePassword(c)} disabled={off} writeBlock={writeBlock} />
          )}
          {k.delete && <RowAction icon="trash" label="Delete" onClick={() => p.onDelete(c)} disabled={off} writeBlock={writeBlock} danger />}
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

const orDash = (iso: string | null) => (iso ? formatDateTime(iso) : '—');

/**
 * Date and time on one line (a date split over two lines reads as two values), without the zone:
 * the column header names it once. The tooltip has the full time with its zone.
 */
function DateCell({ iso, title, dayOnly }: { iso: string | null; title?: string | undefined; dayOnly: boolean }) {
  if (!iso) return <span className="muted" title={title}>—</span>;
  return (
    <time dateTime={iso} title={title ?? formatDateTime(iso)}>
      {dayOnly ? formatDate(iso) : formatDateTimeNoZone(iso)}
    </time>
  );
}
