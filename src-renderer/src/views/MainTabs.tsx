import { useEffect } from 'react';
import type { ProfileDTO } from '../../../src-preload/contract';
import { panelId, tabId, Tabs } from '../components/Tabs';
import { canCallVobiz } from '../lib/profile';
import { useCustomers } from '../store/customers';
import { useUi, type MainTab } from '../store/ui';
import { CustomersView } from './customers/CustomersView';
import { PartnerView } from './PartnerView';

const TABS = [
  { value: 'partner', label: 'Partner' },
  { value: 'customers', label: 'Customers' },
] as const satisfies readonly { value: MainTab; label: string }[];

/** The active profile's sections: its partner account, and its customers with their SIP credentials. */
export function MainTabs({ profile }: { profile: ProfileDTO }) {
  const tab = useUi((s) => s.tab);
  const setTab = useUi((s) => s.setTab);
  const restore = useCustomers((s) => s.restore);
  const usable = canCallVobiz(profile);

  // On activation, reopen the customer main remembers for this profile (once per profile).
  useEffect(() => {
    if (usable) restore(profile.id, profile.lastCustomerAuthId);
  }, [profile.id, profile.lastCustomerAuthId, usable, restore]);

  return (
    <div className="main-tabs">
      <Tabs label="Profile sections" tabs={TABS} value={tab} onChange={setTab} idPrefix="main" />
      <div role="tabpanel" id={panelId('main', tab)} aria-labelledby={tabId('main', tab)} className="tab-panel">
        {tab === 'partner' ? <PartnerView profile={profile} /> : <CustomersView key={profile.id} profile={profile} />}
      </div>
    </div>
  );
}
