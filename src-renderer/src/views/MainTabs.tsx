import { useEffect } from 'react';
import type { ProfileDTO } from '../../../src-preload/contract';
import { panelId, tabId, Tabs } from '../components/Tabs';
import { isSelfAccount } from '../lib/caps';
import { canCallVobiz } from '../lib/profile';
import { useCustomers } from '../store/customers';
import { useUi, type MainTab } from '../store/ui';
import { AccountView } from './account/AccountView';
import { CustomersView } from './customers/CustomersView';
import { PartnerView } from './PartnerView';

const PARTNER_TABS = [
  { value: 'partner', label: 'Partner' },
  { value: 'customers', label: 'Customers' },
] as const satisfies readonly { value: MainTab; label: string }[];

/** A profile that is its own (only) account: the account, and its credentials straight away. */
const ACCOUNT_TABS = [
  { value: 'partner', label: 'Account' },
  { value: 'customers', label: 'Credentials' },
] as const satisfies readonly { value: MainTab; label: string }[];

/**
 * The active profile's sections: its partner account, and its customers with their SIP
 * credentials; or, for a provider without sub-accounts, the account and its credentials.
 */
export function MainTabs({ profile }: { profile: ProfileDTO }) {
  const tab = useUi((s) => s.tab);
  const setTab = useUi((s) => s.setTab);
  const restore = useCustomers((s) => s.restore);
  const usable = canCallVobiz(profile);
  const self = isSelfAccount(profile);

  // On activation, reopen the customer main remembers for this profile (once per profile).
  useEffect(() => {
    if (usable) restore(profile.id, profile.lastCustomerAuthId);
  }, [profile.id, profile.lastCustomerAuthId, usable, restore]);

  return (
    <div className="main-tabs">
      <Tabs label="Profile sections" tabs={self ? ACCOUNT_TABS : PARTNER_TABS} value={tab} onChange={setTab} idPrefix="main" />
      <div role="tabpanel" id={panelId('main', tab)} aria-labelledby={tabId('main', tab)} className="tab-panel">
        {tab === 'partner' ? (
          <PartnerView profile={profile} />
        ) : self ? (
          <AccountView key={profile.id} profile={profile} />
        ) : (
          <CustomersView key={profile.id} profile={profile} />
        )}
      </div>
    </div>
  );
}
