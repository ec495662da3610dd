import { useEffect, useState } from 'react';
import type { ProfileDTO } from '../../../../src-preload/contract';
import { canCallVobiz } from '../../lib/profile';
import { selectCustomersEntry, useCustomers } from '../../store/customers';
import { useUi } from '../../store/ui';
import { TokenProblemNotice } from '../TokenProblemNotice';
import { CreateCustomerForm } from './CreateCustomerForm';
import { CustomerList } from './CustomerList';
import { CustomerPanel } from './CustomerPanel';

/** The Customers tab: the partner's customers on the left, the selected one (or a new one) on the right. */
export function CustomersView({ profile }: { profile: ProfileDTO }) {
  const entry = useCustomers(selectCustomersEntry(profile.id));
  const load = useCustomers((s) => s.load);
  const select = useCustomers((s) => s.select);
  const openSettings = useUi((s) => s.openSettings);
  const [creating, setCreating] = useState(false);
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

  return (
    <section className="customers-view" data-testid="customers-view" data-profile-id={profile.id}>
      <CustomerList
        profileId={profile.id}
        entry={entry}
        creating={creating}
        onSelect={(authId) => {
          setCreating(false);
          if (authId !== entry.selectedId || entry.selectError) void select(profile.id, authId);
        }}
        onNew={() => setCreating(true)}
      />
      <div className="customer-main">
        {creating ? (
          <CreateCustomerForm profileId={profile.id} onDone={() => setCreating(false)} />
        ) : entry.selectedId ? (
          <CustomerPanel profileId={profile.id} entry={entry} />
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
