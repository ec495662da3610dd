// The currency a customer's balance is in. Vobiz's customer record carries none of its own: its
// `cash_credits` is a bare decimal string (api/vobiz.md §3.2), and the only currency near it,
// `pricing_tier.currency`, is the tier's rate currency. Balances move between a partner and its
// customers only in the partner's currency ("currency (must equal partner currency)",
// POST /accounts/{id}/transfer-balance, api/vobiz.md §2a), so the partner's `GET /me` currency
// (§3.1) is the customer's. /me may omit it (§3.1 notes): then it is null and callers say so.
import { useEffect } from 'react';
import { selectPartnerEntry, usePartner } from '../store/partner';

export function useAccountCurrency(profileId: string): string | null {
  const entry = usePartner(selectPartnerEntry(profileId));
  const fetchPartner = usePartner((s) => s.fetch);
  const missing = !entry.dto && !entry.loading && !entry.error;
  // The partner view fetches /me when it opens; a window that opened on another tab has not yet.
  useEffect(() => {
    if (missing) void fetchPartner(profileId);
  }, [missing, profileId, fetchPartner]);
  return entry.dto?.currency ?? null;
}
