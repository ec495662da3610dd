// Going to one customer or one credential from anywhere (a hit of the search across customers, the
// quick switcher): the Customers tab, that customer selected, and for a credential its list
// filtered to the username, so the row is on screen at once.
import { useCredentials } from './credentials';
import { useCustomers } from './customers';
import { useProfiles } from './profiles';
import { useUi } from './ui';
import { bySelector, focusWhenShown } from '../lib/focus';

/** The active profile's Customers tab on that customer; resolves once its selection is answered. */
export function openCustomer(profileId: string, customerAuthId: string): Promise<void> {
  const ui = useUi.getState();
  ui.showMain();
  ui.setTab('customers');
  ui.setPane('customer');
  const entry = useCustomers.getState().byProfile[profileId];
  if (entry?.selectedId !== customerAuthId || entry.selectError) return useCustomers.getState().select(profileId, customerAuthId);
  return Promise.resolve();
}

/**
 * A profile's main view (the quick switcher, a trunkdesk:// link), focus on its name; resolves
 * once main has answered the switch. The view shows at once: the switch is shown before it is answered.
 */
export async function openProfile(profileId: string): Promise<void> {
  const { activeId, switchTo } = useProfiles.getState();
  const switched = profileId !== activeId ? switchTo(profileId) : Promise.resolve();
  useUi.getState().showMain();
  focusWhenShown(bySelector('[data-testid="active-profile-name"]'));
  await switched;
}

/** Another profile's customer: that profile made active first, then its customer opened. */
export async function openProfileCustomer(profileId: string, customerAuthId: string): Promise<void> {
  await useProfiles.getState().switchTo(profileId);
  if (useProfiles.getState().activeId !== profileId) return; // the switch failed: it says why
  await openCustomer(profileId, customerAuthId);
}

export function revealCredential(profileId: string, customerAuthId: string, username: string): void {
  void openCustomer(profileId, customerAuthId);
  useCredentials.getState().showOnly(profileId, customerAuthId, username);
}
