import { useEffect } from 'react';
import type { CustomerDTO, ProfileDTO } from '../../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { capsOf, kindsInSentence } from '../../lib/caps';
import { canCallVobiz } from '../../lib/profile';
import { selectCustomersEntry, useCustomers, type CustomersEntry } from '../../store/customers';
import { selectSyncEntry, useSync } from '../../store/sync';
import { useUi } from '../../store/ui';
import { CredentialsView } from '../credentials/CredentialsView';
import { SyncHistory } from '../sync/SyncHistory';
import { SyncStatus } from '../sync/SyncStatus';
import { TokenProblemNotice } from '../TokenProblemNotice';

/** The one account, once its details are known (they may lag the selection). */
const accountOf = ({ selected, selectedId }: CustomersEntry): CustomerDTO | null =>
  selected && selected.authId === selectedId ? selected : null;

/**
 * A profile that is its own account (VoIPBIN, Vocobase): no customer list and nothing to create.
 * Main lists that one account (total 1); it is selected by itself and its credentials are shown
 * at once, with the sync history a click away.
 */
export function AccountView({ profile }: { profile: ProfileDTO }) {
  const entry = useCustomers(selectCustomersEntry(profile.id));
  const sync = useSync(selectSyncEntry(profile.id));
  const load = useCustomers((s) => s.load);
  const select = useCustomers((s) => s.select);
  const openSettings = useUi((s) => s.openSettings);
  const pane = useUi((s) => s.pane);
  const setPane = useUi((s) => s.setPane);
  const usable = canCallVobiz(profile);
  const caps = capsOf(profile);

  useEffect(() => {
    if (usable) void load(profile.id);
  }, [profile.id, usable, load]);

  // The list has the account: select it, unless one is selected already (main remembers it too).
  const first = entry.list?.items[0]?.authId ?? null;
  const selectedId = entry.selectedId;
  useEffect(() => {
    if (usable && first && !selectedId) void select(profile.id, first);
  }, [usable, first, selectedId, profile.id, select]);

  if (!usable) {
    return (
      <section className="account-view" data-testid="account-view" data-state="token-problem">
        <TokenProblemNotice profile={profile} onReplace={() => openSettings('rotate')} showAction />
      </section>
    );
  }

  const account = accountOf(entry);
  const history = pane === 'history';
  // The account's own sync shows its progress in the credential list; here only while that is hidden.
  const showSync = history && (sync.running ?? sync.last) !== null;

  return (
    <section className="account-view" data-testid="account-view" data-profile-id={profile.id} aria-busy={entry.listLoading || entry.selecting}>
      <div className="account-bar">
        <div className="account-bar-text">
          {account ? (
            <>
              <h2 className="account-name" id="account-name">
                {account.name}
              </h2>
              <span className="account-id muted" title="Account id">
                <code>{account.authId}</code>
              </span>
              <span data-field="status">
                <Badge tone={account.isActive ? 'good' : 'bad'}>{account.isActive ? 'Active' : 'Inactive'}</Badge>
              </span>
            </>
          ) : (
            <p role="status" className="status">
              {entry.listLoading || entry.selecting ? 'Loading the account…' : ''}
            </p>
          )}
        </div>
        <button
          type="button"
          className="btn"
          aria-pressed={history}
          onClick={() => setPane(history ? 'customer' : 'history')}
          data-testid="open-sync-history"
        >
          Sync history
        </button>
      </div>

      {entry.listError && <ErrorNotice error={entry.listError} testId="account-error" onRetry={() => void load(profile.id)} />}
      {entry.selectError && (
        <ErrorNotice
          error={entry.selectError}
          testId="account-select-error"
          onRetry={selectedId ? () => void select(profile.id, selectedId) : undefined}
        />
      )}
      {entry.list && entry.list.items.length === 0 && !entry.listError && (
        <p className="empty-state" data-testid="account-missing">
          {caps.label} returned no account for this profile. Check the profile’s sign-in in its settings.
        </p>
      )}
      {showSync && <SyncStatus profileId={profile.id} entry={sync} />}

      {history ? (
        <SyncHistory profileId={profile.id} onClose={() => setPane('customer')} />
      ) : account ? (
        account.tokenState === 'stored' ? (
          <CredentialsView key={`${profile.id}:${account.authId}`} profileId={profile.id} customer={account} onHistory={() => setPane('history')} />
        ) : (
          <TokenProblemNotice profile={profile} onReplace={() => openSettings('rotate')} showAction />
        )
      ) : (
        entry.selecting && (
          <p role="status" className="status">
            Loading {kindsInSentence(caps)}…
          </p>
        )
      )}
    </section>
  );
}
