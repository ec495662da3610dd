import { useEffect, useId } from 'react';
import { formatCount } from '../../lib/format';
import { useWriteBlock } from '../../store/connectivity';
import { selectPartnerEntry, usePartner } from '../../store/partner';

/** Why this partner cannot create a customer right now, or null when it can (or we don't know yet). */
function blockedReason(partner: ReturnType<ReturnType<typeof selectPartnerEntry>>['dto']): string | null {
  if (!partner) return null;
  if (!partner.capabilities.canCreateAccounts) return "Your partner account can't create customer accounts (Vobiz reports this capability as off).";
  const { accountCount: used, maxAccounts: max } = partner;
  if (used !== null && max !== null && used >= max)
    return `You have used all ${formatCount(max)} customer accounts your partner account allows.`;
  return null;
}

/** "+ New customer", disabled with the reason when the partner account cannot create one. */
export function NewCustomerButton({ profileId, onClick }: { profileId: string; onClick(): void }) {
  const entry = usePartner(selectPartnerEntry(profileId));
  const fetchPartner = usePartner((s) => s.fetch);
  const reasonId = useId();
  const offline = useWriteBlock();

  // The capability and the account limit come from the partner: load it if nothing has yet.
  useEffect(() => {
    if (!entry.dto && !entry.loading && !entry.error) void fetchPartner(profileId);
  }, [profileId, entry.dto, entry.loading, entry.error, fetchPartner]);

  // Offline first: it is the reason that goes away by itself.
  const reason = offline ?? blockedReason(entry.dto);
  return (
    <div className="new-customer">
      <button
        type="button"
        className="btn btn-primary"
        onClick={onClick}
        disabled={reason !== null}
        title={reason ?? undefined}
        aria-describedby={reason ? reasonId : undefined}
        data-testid="new-customer"
      >
        + New customer
      </button>
      {reason && (
        <p id={reasonId} className="field-help" data-testid="new-customer-blocked">
          {reason}
        </p>
      )}
    </div>
  );
}
