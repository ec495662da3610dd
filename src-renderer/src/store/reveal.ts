// Going to one credential from anywhere (a hit of the search across customers): the Customers tab,
// that customer selected, and its list filtered to the username, so the row is on screen at once.
import { useCredentials } from './credentials';
import { useCustomers } from './customers';
import { useUi } from './ui';

export function revealCredential(profileId: string, customerAuthId: string, username: string): void {
  const ui = useUi.getState();
  ui.showMain();
  ui.setTab('customers');
  ui.setPane('customer');
  const entry = useCustomers.getState().byProfile[profileId];
  if (entry?.selectedId !== customerAuthId || entry.selectError) void useCustomers.getState().select(profileId, customerAuthId);
  useCredentials.getState().showOnly(profileId, customerAuthId, username);
}
