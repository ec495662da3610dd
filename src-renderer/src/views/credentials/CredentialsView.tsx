import { useEffect, useId, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CredentialDTO, CredentialKind, CredentialWriteDTO, CustomerDTO, ErrorDTO } from '../../../../src-preload/contract';
import { BlockedReason } from '../../components/BlockedReason';
import { Spinner } from '../../components/Busy';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FetchedAt } from '../../components/FetchedAt';
import { accountNoun, kindCaps, kindsInSentence, kindsTitle, useProfileCaps } from '../../lib/caps';
import { credentialLabel, inactiveWriteReason } from '../../lib/credential';
import { formatCount, plural } from '../../lib/format';
import { isSelected, selectBulkEntry, selectionCount, useBulk } from '../../store/bulk';
import { useWriteBlock } from '../../store/connectivity';
import {
  activeFilter,
  credentialWrites,
  selectCredentialsEntry,
  useCredentials,
  type CredentialQuery,
} from '../../store/credentials';
import { oneTimeKey, useOneTime, type OneTime } from '../../store/one-time';
import { selectSyncEntry, useSync } from '../../store/sync';
import { useUi } from '../../store/ui';
import { bySelector, focusWhenShown } from '../../lib/focus';
import { SyncStatus } from '../sync/SyncStatus';
import { BulkBar } from './BulkBar';
import { BulkResults } from './BulkResults';
import { ChangePasswordForm } from './ChangePasswordForm';
import { CapsNote } from './CapsNote';
import { CreateCredentialForm } from './CreateCredentialForm';
import { CredentialSettingsPanel } from './CredentialSettingsPanel';
import { CredentialsEmpty } from './CredentialsEmpty';
import { CredentialsFooter, CredentialsTopPager } from './CredentialsFooter';
import { CredentialsSkeleton } from './CredentialsSkeleton';
import { CredentialsTable, isSelectable, SharedRealm } from './CredentialsTable';
import { CredentialsToolbar, PerPageField } from './CredentialsToolbar';
import { DeleteConfirm } from './DeleteConfirm';
import { EditCredentialForm } from './EditCredentialForm';
import { ExportResult, type ExportedFile } from './ExportResult';
import { OneTimePassword } from './OneTimePassword';

/** The one panel open above the table, if any. */
type Panel =
  | { kind: 'create'; credentialKind: CredentialKind }
  | { kind: 'password'; credential: CredentialDTO; enabled?: boolean }
  | { kind: 'edit'; credential: CredentialDTO }
  | { kind: 'delete'; credential: CredentialDTO };

type Props = {
  profileId: string;
  customer: CustomerDTO;
  onHistory(): void;
  /** An error the customer panel already shows above this view: the same one is not shown twice. */
  shownAbove?: ErrorDTO | null;
};

/**
 * An account's credentials of every kind its provider has (Vobiz SIP credentials; VoIPBIN
 * extensions and trunks; Vocobase SIP connections), as stored on this computer: main computes
 * every page, sort and filter over the stored list, and Sync fetches the list from the provider
 * again. Offline, everything but the writes keeps working. What can be created and which row
 * actions are offered come from the profile's caps. Mounted with a key per profile + customer, so
 * whatever a request started here answers after the admin moved on has no view to land in.
 */
export function CredentialsView({ profileId, customer, onHistory, shownAbove = null }: Props) {
  const customerAuthId = customer.authId;
  const scope = { profileId, customerAuthId };
  const entry = useCredentials(selectCredentialsEntry(profileId, customerAuthId));
  const load = useCredentials((s) => s.load);
  const bulkEntry = useBulk(selectBulkEntry(profileId, customerAuthId));
  const cleared = useBulk((s) => (s.cleared?.profileId === profileId && s.cleared.forCustomerAuthId === customerAuthId ? s.cleared : null));
  const sync = useSync(selectSyncEntry(profileId));
  const startSync = useSync((s) => s.start);
  const offline = useWriteBlock();
  // Offline first (nothing can be written anywhere), then this customer's own state.
  const blocked = offline ?? (customer.isActive ? null : inactiveWriteReason(customer.name));
  const blockedId = useId();
  const caps = useProfileCaps(profileId);
  const noun = accountNoun(caps);
  const [panel, setPanel] = useState<Panel | null>(null);
  /** The credential whose settings drawer is open (a dialog, beside whichever panel is open). */
  const [settingsOf, setSettingsOf] = useState<CredentialDTO | null>(null);
  const addOneTime = useOneTime((s) => s.add);
  const setOnScreen = useOneTime((s) => s.setOnScreen);
  const screenKey = oneTimeKey(profileId, customerAuthId);
  const oneTimes = useOneTime(useShallow((s) => s.pending.filter((p) => oneTimeKey(p.profileId, p.customerAuthId) === screenKey)));
  const [exported, setExported] = useState<ExportedFile | null>(null);
  const [exporting, setExporting] = useState(false);
  const [actionError, setActionError] = useState<ErrorDTO | null>(null);
  const [status, setStatus] = useState('');
  /** Something unusual main reported with a successful write (e.g. an error whose outcome it checked). */
  const [note, setNote] = useState<string | null>(null);
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(new Set());
  /** Bumped to reset the toolbar's inputs when the filters are cleared from outside it. */
  const [toolbarKey, setToolbarKey] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const revealed = useCredentials((s) => s.revealed);
  /** When a panel closes, keep focus in this view instead of dropping it to the page. */
  const closePanel = () => {
    setPanel(null);
    headingRef.current?.focus();
  };

  /** A cancelled delete gives focus back to its row's Delete button, where the admin was. */
  const cancelDelete = (id: string) => {
    setPanel(null);
    requestAnimationFrame(() => {
      const button = sectionRef.current?.querySelector<HTMLButtonElement>(`tr[data-credential-id="${CSS.escape(id)}"] .btn-danger`);
      (button ?? headingRef.current)?.focus();
    });
  };

  const { page, query, loading, error } = entry;
  const refresh = () => void load(profileId, customerAuthId);
  const change = (c: Partial<CredentialQuery>) => {
    clearMessages(); // they were about the list as it was
    void load(profileId, customerAuthId, { offset: 0, ...c });
  };

  useEffect(() => {
    void load(profileId, customerAuthId);
  }, [profileId, customerAuthId, load]);

  // Another customer's selection is cleared now that this one is open (and the admin is told).
  useEffect(() => {
    useBulk.getState().entered(profileId, customerAuthId);
  }, [profileId, customerAuthId]);
  // New Credential from the keyboard or the menu (lib/commands.ts): open the create form of the
  // first kind this provider creates, and put focus in it (an open one keeps what was typed).
  const createRequest = useUi((s) => s.createRequest);
  const firstCreatable = caps.kinds.find((k) => k.create)?.kind ?? null;
  useEffect(() => {
    if (createRequest?.profileId !== profileId || createRequest.customerAuthId !== customerAuthId) return;
    useUi.getState().setCreateRequest(null);
    if (!firstCreatable || blocked) return;
    setPanel((p) => (p?.kind === 'create' ? p : { kind: 'create', credentialKind: firstCreatable }));
    focusWhenShown(bySelector('[data-testid="create-credential-form"] input:not([type="radio"]):not([type="checkbox"])'));
  }, [createRequest, profileId, customerAuthId, firstCreatable, blocked]);

  // This customer's pending passwords are shown here; the shell shows them while the admin is elsewhere.
  useEffect(() => {
    setOnScreen(screenKey);
    return () => {
      if (useOneTime.getState().onScreen === screenKey) setOnScreen(null);
    };
  }, [screenKey, setOnScreen]);

  // A new failure makes the earlier confirmations old news ("Deleted …" above "Could not reach …").
  useEffect(() => {
    if (error || shownAbove) {
      setStatus('');
      setExported(null);
      setNote(null);
    }
  }, [error, shownAbove]);

  // This customer's own sync failed: its failure, shown above, is the news now.
  const lastOwn = sync.last?.target.scope === 'account' && sync.last.target.customerAuthId === customerAuthId ? sync.last : null;
  const ownSyncFailed = !!lastOwn && (lastOwn.error !== null || lastOwn.report?.outcome === 'failed' || lastOwn.report?.outcome === 'partial');
  const failedSyncId = ownSyncFailed ? lastOwn.syncId : null;
  useEffect(() => {
    if (failedSyncId) {
      setStatus('');
      setExported(null);
      setNote(null);
    }
  }, [failedSyncId]);

  // Back online, or fresh data arrived (a sync, a reload): a failure to reach the provider is over.
  useEffect(() => {
    if (page && !offline) setActionError((e) => (e && isReachError(e) ? null : e));
  }, [page, offline]);

  // Past the last page (e.g. its last row was deleted): step back to the last page that has rows.
  useEffect(() => {
    if (page && !loading && page.items.length === 0 && page.total > 0 && page.offset > 0) {
      const last = Math.max(0, Math.ceil(page.total / Math.max(1, page.limit)) - 1) * page.limit;
      void load(profileId, customerAuthId, { offset: last });
    }
  }, [page, loading, profileId, customerAuthId, load]);

  // A search hit opened this list: once its filtered page is here, bring the row into view.
  const { reveal } = entry;
  useEffect(() => {
    if (!reveal || !page || loading) return;
    const row = [...(sectionRef.current?.querySelectorAll<HTMLElement>('tbody tr[data-username]') ?? [])].find(
      (tr) => tr.dataset.username === reveal,
    );
    (row ?? sectionRef.current)?.scrollIntoView({ block: 'nearest' });
    revealed(profileId, customerAuthId);
  }, [reveal, page, loading, profileId, customerAuthId, revealed]);

  const clearMessages = () => {
    setActionError(null);
    setNote(null);
    setExported(null);
    setStatus('');
  };
  const setRowBusy = (id: string, on: boolean) =>
    setBusyIds((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  /** A create or password change went through: close its panel, say so, and offer a generated password once. */
  function written(write: CredentialWriteDTO, secretId: string | null, action: OneTime['action'], status: string | null) {
    closePanel();
    setNote(write.note ?? null);
    if (status) setStatus(status);
    if (secretId) {
      const c = write.credential;
      addOneTime({
        secretId,
        profileId,
        customerAuthId,
        customerName: customer.name,
        credentialId: c.id,
        username: c.username,
        realm: c.realm,
        action,
        storedLater: kindCaps(caps, c.kind).revealPassword,
      });
    }
    refresh();
  }

  async function toggle(c: CredentialDTO) {
    clearMessages();
    const enabled = !c.enabled;
    setRowBusy(c.id, true);
    const result = await credentialWrites.update(scope, c.id, { enabled });
    setRowBusy(c.id, false);
    if (result.ok) {
      setStatus(`${enabled ? 'Enabled' : 'Disabled'} ${c.username}.`);
      refresh();
    } else if (result.error.code === 'VALIDATION' && result.error.field?.split('.').pop() === 'password') {
      // Vobiz wants the password with every change: ask for a new one and send both together.
      setPanel({ kind: 'password', credential: c, enabled });
    } else {
      setActionError(result.error);
    }
  }

  async function exportCsv() {
    clearMessages();
    setExporting(true);
    const result = await credentialWrites.exportCsv(scope, query);
    setExporting(false);
    if (!result.ok) setActionError(result.error);
    else if (result.value.saved) setExported(result.value);
    // saved: false means the admin cancelled the save dialog: nothing to say.
  }

  const filtered = activeFilter(query.filter) !== undefined;
  const items = page?.items ?? [];
  // The selection outlives pages, sorts and filters: the table is told which of its rows are in it.
  const { selection } = bulkEntry;
  const selectable = items.filter((c) => isSelectable(caps, c));
  const checked = selectable.filter((c) => isSelected(selection, c)).map((c) => c.id);
  const selectedCount = selectionCount(selection);
  const wholePage = selectable.length > 0 && checked.length === selectable.length;
  const bulk = useBulk.getState();
  const onCheck = (next: string[]) => {
    const want = new Set(next);
    const had = new Set(checked);
    bulk.check(profileId, customerAuthId, customer.name, selectable.filter((c) => want.has(c.id) && !had.has(c.id)), true);
    bulk.check(profileId, customerAuthId, customer.name, selectable.filter((c) => had.has(c.id) && !want.has(c.id)), false);
  };
  // This customer's own sync (Sync here): its progress and summary are shown here, not above.
  const target = (sync.running ?? sync.last)?.target;
  const ownSync = target?.scope === 'account' && target.customerAuthId === customerAuthId;
  const syncing = sync.running !== null;
  /** What a write button says about itself while writes are off. */
  const writeBlock = blocked ? { reason: blocked, describedBy: blockedId } : null;

  return (
    <section
      ref={sectionRef}
      className="card credentials"
      data-testid="credentials-view"
      data-customer-auth-id={customerAuthId}
      data-state={error && !page ? 'error' : page ? 'ready' : 'loading'}
      // Settings plus three or more writes on a row: they shrink to icons sooner.
      data-actions={caps.kinds.some((k) => [k.toggle, k.rename, k.changePassword, k.delete].filter(Boolean).length >= 3) ? 'many' : 'few'}
      aria-labelledby="credentials-title"
      aria-busy={loading}
    >
      <div className="credentials-head">
        <h3 id="credentials-title" className="card-title" tabIndex={-1} ref={headingRef}>
          {kindsTitle(caps)}
        </h3>
        <div className="toolbar-status">
          {page?.mode === 'local' && (
            <p className="muted list-mode" data-testid="list-mode" data-mode="local" title="Pages, sorting and filters are computed from the list stored on this computer">
              Sorted and filtered on this computer
            </p>
          )}
          {page && <FetchedAt source={page.source} />}
          {/* aria-disabled, not disabled: it keeps focus while the sync runs (Escape cancels). */}
          <button
            type="button"
            className="btn btn-small"
            aria-disabled={syncing || undefined}
            title={syncing ? 'A sync is running: wait for it, or cancel it.' : `Fetch ${customer.name}'s ${kindsInSentence(caps)} from ${caps.label}`}
            onClick={() => {
              if (!syncing) void startSync(profileId, { scope: 'account', customerAuthId, customerName: customer.name });
            }}
            data-testid="sync-account"
          >
            {ownSync && sync.running ? 'Syncing…' : 'Sync'}
          </button>
        </div>
      </div>

      {ownSync && <SyncStatus profileId={profileId} entry={sync} onHistory={onHistory} />}

      <CredentialsToolbar
        key={`${toolbarKey}-${entry.filterSetAt}`}
        query={query}
        onChange={change}
        onExport={() => void exportCsv()}
        onNew={(credentialKind) => {
          clearMessages();
          setPanel({ kind: 'create', credentialKind });
        }}
        exporting={exporting}
        creating={panel?.kind === 'create' ? panel.credentialKind : null}
        creatable={caps.kinds.filter((k) => k.create)}
        writeBlock={writeBlock}
      />
      <CapsNote caps={caps} />
      {blocked && (
        <BlockedReason
          id={blockedId}
          // Export is a read of what is stored: say it still works, when there is a stored list to export.
          reason={offline || !page ? blocked : `${blocked} Export CSV still works: it reads the list stored on this computer.`}
          className="credentials-blocked"
        />
      )}

      <div aria-live="polite" className="live-region">
        {status && (
          <p className="form-feedback" data-testid="credentials-status">
            {status}
          </p>
        )}
        {exporting && (
          <p className="status export-progress" data-testid="export-progress">
            <Spinner /> Exporting {kindsInSentence(caps)} to CSV…
          </p>
        )}
      </div>
      {exported && <ExportResult file={exported} onClose={() => setExported(null)} />}
      {note && (
        <div className="notice notice-warning" role="status" data-testid="write-note">
          <p className="notice-title">{note}</p>
        </div>
      )}
      {actionError && <ErrorNotice error={actionError} testId="credential-action-error" />}
      {error && !sameError(error, shownAbove) && <ErrorNotice error={error} testId="credentials-error" onRetry={refresh} />}

      {oneTimes.map((o) => (
        <OneTimePassword key={o.secretId} pending={o} />
      ))}

      {panel?.kind === 'create' && (
        <CreateCredentialForm
          key={panel.credentialKind}
          scope={scope}
          kind={kindCaps(caps, panel.credentialKind)}
          onCreated={(write, secretId) =>
            // With a generated password, the one-time panel says it (and takes focus).
            written(write, secretId, 'created', secretId ? null : `Created ${describe(write.credential)}.`)
          }
          onUnknownOutcome={refresh}
          onCancel={closePanel}
          blocked={blocked}
        />
      )}
      {panel?.kind === 'password' && (
        <ChangePasswordForm
          key={panel.credential.id}
          scope={scope}
          credential={panel.credential}
          kind={kindCaps(caps, panel.credential.kind)}
          enabled={panel.enabled}
          onChanged={(write, secretId) => {
            const u = describe(write.credential);
            written(
              write,
              secretId,
              'changed',
              panel.enabled === undefined
                ? `New password set for ${u}.`
                : `${panel.enabled ? 'Enabled' : 'Disabled'} ${u} with a new password.`,
            );
          }}
          onCancel={closePanel}
          blocked={blocked}
        />
      )}
      {panel?.kind === 'edit' && (
        <EditCredentialForm
          key={panel.credential.id}
          scope={scope}
          credential={panel.credential}
          kind={kindCaps(caps, panel.credential.kind)}
          onSaved={(write) => {
            closePanel();
            setNote(write.note ?? null);
            setStatus(`Saved ${describe(write.credential)}.`);
            refresh();
          }}
          onCancel={closePanel}
          blocked={blocked}
        />
      )}
      {cleared && (
        <div className="notice notice-neutral" role="status" data-testid="selection-cleared">
          <p className="notice-title">
            Your selection of {plural(cleared.count, 'credential', 'credentials')} of {cleared.customerName} was cleared when you opened {customer.name}.
          </p>
          <button type="button" className="btn btn-quiet btn-small" onClick={() => bulk.dismissCleared()}>
            Dismiss
          </button>
        </div>
      )}
      {(selectedCount > 0 || bulkEntry.running) && (
        <BulkBar
          customerName={customer.name}
          count={selectedCount}
          allMatching={selection.kind === 'matching'}
          matchingTotal={wholePage && page && page.total > selectedCount ? page.total : null}
          filtered={filtered}
          running={bulkEntry.running}
          blocked={writeBlock}
          onRun={(a) => {
            clearMessages();
            void bulk.run(profileId, customerAuthId, a);
          }}
          onCancelRun={() => bulk.cancel(profileId, customerAuthId)}
          onSelectMatching={() => page && bulk.selectMatching(profileId, customerAuthId, customer.name, activeFilter(query.filter) ?? {}, page.total)}
          onClear={() => bulk.clear(profileId, customerAuthId)}
          canToggle={caps.kinds.some((k) => k.toggle)}
          canDelete={caps.kinds.some((k) => k.delete)}
        />
      )}
      {bulkEntry.error && <ErrorNotice error={bulkEntry.error} testId="bulk-error" />}
      {bulkEntry.last && (
        <BulkResults action={bulkEntry.last.action} result={bulkEntry.last.result} onClose={() => bulk.dismiss(profileId, customerAuthId)} />
      )}

      {!page && loading && <CredentialsSkeleton />}
      {page && items.length === 0 && page.total === 0 && (
        <CredentialsEmpty
          filtered={filtered}
          what={kindsInSentence(caps)}
          owner={`This ${noun.one}`}
          onClearFilters={() => {
            change({ filter: {} });
            setToolbarKey((k) => k + 1);
          }}
        />
      )}
      {page && items.length > 0 && (
        <div className="cred-pager-line">
          <PerPageField limit={query.limit} onChange={(limit) => change({ limit })} />
          <SharedRealm items={items} />
          <CredentialsTopPager page={page} loading={loading} onOffset={(offset) => change({ offset })} />
        </div>
      )}
      {page && items.length > 0 && (
        <CredentialsTable
          customerName={customer.name}
          items={items}
          caps={caps}
          sort={entry.pageSort}
          offset={page.offset}
          total={page.total}
          expansion={
            panel?.kind === 'delete'
              ? {
                  id: panel.credential.id,
                  node: (
                    <DeleteConfirm
                      key={panel.credential.id}
                      scope={scope}
                      credential={panel.credential}
                      onDeleted={() => {
                        closePanel();
                        setStatus(`Deleted ${describe(panel.credential)}.`);
                        refresh();
                      }}
                      onCancel={() => cancelDelete(panel.credential.id)}
                      blocked={blocked}
                    />
                  ),
                }
              : null
          }
          checked={checked}
          // A bulk action is writing the selected rows: their own writes wait for it.
          busyIds={bulkEntry.running ? new Set([...busyIds, ...checked]) : busyIds}
          writeBlock={writeBlock}
          onCheck={onCheck}
          onSort={(field) =>
            change({
              sort: query.sort?.field === field ? { field, dir: query.sort.dir === 'asc' ? 'desc' : 'asc' } : { field, dir: 'asc' },
            })
          }
          onToggle={(c) => void toggle(c)}
          onChangePassword={(c) => {
            clearMessages();
            setPanel({ kind: 'password', credential: c });
          }}
          onDelete={(c) => {
            clearMessages();
            setPanel({ kind: 'delete', credential: c });
          }}
          onEdit={(c) => {
            clearMessages();
            setPanel({ kind: 'edit', credential: c });
          }}
          onSettings={(c) => setSettingsOf(c)}
        />
      )}
      {page && page.total > 0 && <CredentialsFooter page={page} loading={loading} onOffset={(offset) => change({ offset })} />}
      {page && filtered && (
        <p className="muted cred-stored-total" data-testid="credentials-stored-total">
          {formatCount(page.total)} of {plural(page.storedTotal, 'stored credential', 'stored credentials')} match the filters.
        </p>
      )}
      {settingsOf && (
        <CredentialSettingsPanel
          key={settingsOf.id}
          scope={scope}
          credential={settingsOf}
          kind={kindCaps(caps, settingsOf.kind)}
          onClose={() => setSettingsOf(null)}
        />
      )}
    </section>
  );
}

/** How a credential is named in a status line. */
const describe = credentialLabel;

/** A failure to reach the provider at all, which fresh data from it proves is over. */
const isReachError = (e: ErrorDTO): boolean => e.code === 'OFFLINE' || e.code === 'TIMEOUT';

/** The same failure (its request id in the message differs). */
const sameError = (a: ErrorDTO, b: ErrorDTO | null): boolean => !!b && a.code === b.code && a.status === b.status;
