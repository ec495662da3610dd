// When the data on screen was fetched from Vobiz: the oldest fetch among the lists the open tab
// shows (the partner, or the customer list and the open credential list). Null when nothing is
// shown yet. The offline banner says this age, since it is what the admin is looking at.
import { keyOf, useCredentials } from '../store/credentials';
import { useCustomers } from '../store/customers';
import { usePartner } from '../store/partner';
import { useProfiles } from '../store/profiles';
import { useUi } from '../store/ui';

const oldest = (times: (string | undefined)[]): string | null =>
  times.filter((t): t is string => !!t).sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;

export function useShownDataAge(): string | null {
  const profileId = useProfiles((s) => s.activeId);
  const view = useUi((s) => s.view);
  const tab = useUi((s) => s.tab);
  const partner = usePartner((s) => (profileId ? s.byProfile[profileId]?.dto?.source.fetchedAt : undefined));
  const customers = useCustomers((s) => (profileId ? s.byProfile[profileId] : undefined));
  const customerList = customers?.list?.source.fetchedAt;
  const selectedId = customers?.selectedId ?? null;
  const credentials = useCredentials((s) =>
    profileId && selectedId ? s.byKey[keyOf(profileId, selectedId)]?.page?.source.fetchedAt : undefined,
  );
  if (!profileId || view !== 'main') return null;
  return tab === 'partner' ? oldest([partner]) : oldest([customerList, credentials]);
}
