import { useEffect } from 'react';
import type { ProfileDTO } from '../../../../src-preload/contract';
import { canCallVobiz } from '../../lib/profile';
import { selectCustomersEntry, useCustomers } from '../../store/customers';
import { selectSyncEntry, useSync } from '../../store/sync';
import { useUi } from '../../store/ui';
import { SyncHistory } from '../sync/SyncHistory';
import { SyncStatus } from '../sync/SyncStatus';
import { TokenProblemNotice } from '../TokenProblemNotice';
import { CreateCustomerForm } from './CreateCustomerForm';
import { credentialsOnScreen, CustomerPanel } from './CustomerPanel';
import { CustomerList } from './CustomerList';
import { CustomersBar } from './CustomersBar';

/**
 * The Customers tab: syncing and the sync history on top, the partner's customers on the left,
 * and beside them the selected customer, the new-customer form or the sync history.
 */
export function CustomersView({ profile }: { profile: ProfileDTO }) {
  const entry = useCustomers(selectCustomersEntry(profile.id));
  const sync = useSync(selectSyncEntry(profile.id));
  const load = useCustomers((s) => s.load);
  const select = useCustomers((s) => s.select);
  const openSettings = useUi((s) => s.openSettings);
  const pane = useUi((s) => s.pane);
  const setPane = useUi((s) => s.setPane);
  const usable = canCallVobiz(profile);

  useEffect(() => {
    if (usable) void load(profile.id);
  }, [profile.id, usable, load]);

  if (!usable) {
    return (
      <section className="customers-view" data-testid="customers-view" data-state="token-problem">
        <TokenProblemNotice profile={profile} onReplace={() => openSettings('rotate')} showAction />
      </section>
    );
  }

  // An account sync shows its progress in that customer's credential list when it is on screen; any other here.
  const target = (sync.running ?? sync.last)?.target;
  const inCredentials = pane === 'customer' && target?.scope === 'account' && target.customerAuthId === credentialsOnScreen(entry);
  const showHistory = () => setPane('history');

  return (
    <section className="customers-view" data-testid="customers-view" data-profile-id={profile.id}>
      <div className="customers-top">
        <CustomersBar
          profileId={profile.id}
          sync={sync}
          historyOpen={pane === 'history'}
          onToggleHistory={() => setPane(pane === 'history' ? 'customer' : 'history')}
        />
        {!inCredentials && <SyncStatus profileId={profile.id} entry={sync} onHistory={pane === 'history' ? undefined : showHistory} />}
      </div>
      <CustomerList
        profileId={profile.id}
        entry={entry}
        creating={pane === 'create'}
        onSelect={(authId) => {
          setPane('customer');
          if (authId !== entry.selectedId || entry.selectError) void select(profile.id, authId);
        }}
        onNew={() => setPane('create')}
      />
      <div className="customer-main" id="customer-main">
        {pane === 'create' ? (
          <CreateCustomerForm profileId={profile.id} onDone={() => setPane('customer')} />
        ) : pane === 'history' ? (
          <SyncHistory profileId={profile.id} onClose={() => setPane('customer')} />
        ) : entry.selectedId ? (
          <CustomerPanel profileId={profile.id} entry={entry} onHistory={showHistory} />
        ) : (
          <div className="empty customer-empty" data-testid="no-customer-selected">
            <h2>No customer selected</h2>
            <p>Choose a customer on the left to see and manage their SIP credentials.</p>
          </div>
        )}
      </div>
    </section>
  );
}
