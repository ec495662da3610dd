import type { PartnerDTO } from '../../../src-preload/contract';

type Capabilities = PartnerDTO['capabilities'];

const CAPABILITIES: { key: keyof Capabilities; label: string; can: string; cannot: string }[] = [
  {
    key: 'canCreateAccounts',
    label: 'Create customer accounts',
    can: 'You can create customer accounts.',
    cannot: "You can't create customer accounts.",
  },
  {
    key: 'canCreatePricingTiers',
    label: 'Create pricing tiers',
    can: 'You can create pricing tiers.',
    cannot: "You can't create pricing tiers.",
  },
  {
    key: 'canViewCdrs',
    label: 'View call records (CDRs)',
    can: 'You can view call records (CDRs).',
    cannot: "You can't view call records (CDRs).",
  },
  {
    key: 'canTransferBalance',
    label: 'Transfer balance to customers',
    can: 'You can transfer balance to customers.',
    cannot: "You can't transfer balance to customers.",
  },
];

/** What this partner admin may and may not do, as Vobiz reports it. */
export function CapabilityList({ capabilities }: { capabilities: Capabilities }) {
  return (
    <ul className="capabilities" data-testid="capabilities">
      {CAPABILITIES.map(({ key, label, can, cannot }) => {
        const allowed = capabilities[key];
        return (
          <li
            key={key}
            className={`capability ${allowed ? 'capability-yes' : 'capability-no'}`}
            data-capability={key}
            data-allowed={String(allowed)}
          >
            <span className="capability-icon" aria-hidden="true">
              {allowed ? '✓' : '✕'}
            </span>
            <span className="capability-text">
              <span className="capability-label">{label}</span>
              <span className="capability-desc">{allowed ? can : cannot}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
