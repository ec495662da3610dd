// When what main holds for a profile changed without a write from this window (a sync finished,
// or the app came back online), the lists of that profile that are on screen are fetched again.
// Only the active profile's: another profile's lists are fetched afresh when it is opened.
import { shownCustomerId, useCustomers } from './customers';
import { keyOf, useCredentials } from './credentials';
import { usePartner } from './partner';
import { useProfiles } from './profiles';

const isActive = (profileId: string): boolean => useProfiles.getState().activeId === profileId;

/** After a sync: the open credential list (of that customer, for an account sync) and the customer list. */
export function refreshAfterSync(profileId: string, customerAuthId: string | null): void {
  if (!isActive(profileId)) return;
  const shown = shownCustomerId(profileId);
  if (shown && (customerAuthId === null || customerAuthId === shown)) useCredentials.getState().changed(profileId, shown);
  if (customerAuthId === null) {
    // Sync all lists every customer (and keeps the tokens the list carries): the markers change.
    if (useCustomers.getState().byProfile[profileId]?.list) void useCustomers.getState().load(profileId);
    if (usePartner.getState().byProfile[profileId]?.dto) void usePartner.getState().fetch(profileId);
  }
}

/** Back online: what was shown from the store (or failed) is fetched again, so it says Live. */
export function refreshBackOnline(profileId: string | null): void {
  if (!profileId || !isActive(profileId)) return;
  if (usePartner.getState().byProfile[profileId]) void usePartner.getState().fetch(profileId);
  if (useCustomers.getState().byProfile[profileId]?.list || useCustomers.getState().byProfile[profileId]?.listError) {
    void useCustomers.getState().load(profileId);
  }
  const shown = shownCustomerId(profileId);
  // A customer whose details could not be fetched: fetch them now, so the failure does not outlive it.
  if (shown && useCustomers.getState().byProfile[profileId]?.selectError) void useCustomers.getState().select(profileId, shown);
  // A customer opened offline for the first time had nothing stored: it can be synced now.
  if (shown && useCredentials.getState().byKey[keyOf(profileId, shown)]?.error) useCredentials.getState().changed(profileId, shown);
}
