import type { PartnerDTO, ProviderCapsDTO } from '../../../src-preload/contract';
import { Badge } from '../components/Badge';
import { CapabilityList } from '../components/CapabilityList';
import { DetailField as Field, orNone } from '../components/DetailField';
import { UsageMeter } from '../components/UsageMeter';
import { kindsTitle, pluralLabel } from '../lib/caps';
import { formatBalance } from '../lib/format';

/**
 * The account behind the active profile, as its provider reported it at fetchedAt: a partner with
 * customer accounts and capability flags (Vobiz), or the profile's own account (VoIPBIN, Vocobase),
 * with what Trunkdesk can do with its credentials.
 */
export function PartnerDetails({ partner, caps }: { partner: PartnerDTO; caps?: ProviderCapsDTO | undefined }) {
  const self = caps?.accounts === 'self';
  return (
    <>
      <div className="card">
        <dl className="details">
          <div className="detail detail-name" data-field="name">
            <dt className="visually-hidden">{self ? 'Account name' : 'Partner name'}</dt>
            <dd>
              <h1 className="partner-name">{partner.name}</h1>
            </dd>
          </div>
          <Field name="company" label="Company">
            {orNone(partner.company)}
          </Field>
          <Field name="email" label="Email">
            {orNone(partner.email)}
          </Field>
          <Field name="phone" label="Phone">
            {orNone(partner.phone)}
          </Field>
          <Field name="authId" label={self ? 'Account ID' : 'Auth ID'}>
            <code>{partner.authId}</code>
          </Field>
          <Field name="balance" label="Balance">
            {partner.balance === null ? (
              <span className="muted">Not reported</span>
            ) : (
              <span className="balance" title={`${partner.balance}${partner.currency ? ` ${partner.currency}` : ''}`}>
                {formatBalance(partner.balance, partner.currency)}
                {!partner.currency && <span className="muted"> (currency not reported)</span>}
              </span>
            )}
          </Field>
          {!self && (
            <Field name="accounts" label="Customer accounts">
              <UsageMeter used={partner.accountCount} max={partner.maxAccounts} />
            </Field>
          )}
          <Field name="status" label="Status">
            <Badge tone={partner.isActive ? 'good' : 'bad'}>{partner.isActive ? 'Active' : 'Inactive'}</Badge>
          </Field>
          <Field name="verified" label="Verification">
            <Badge tone={partner.isVerified ? 'good' : 'neutral'}>
              {partner.isVerified ? 'Verified' : 'Not verified'}
            </Badge>
          </Field>
        </dl>
      </div>

      <section className="card" aria-labelledby="capabilities-title">
        <h2 id="capabilities-title" className="card-title">
          What you can do
        </h2>
        {self && caps ? <KindCapsList caps={caps} /> : <CapabilityList capabilities={partner.capabilities} />}
      </section>
    </>
  );
}

const ACTIONS = [
  { key: 'create', label: 'create' },
  { key: 'toggle', label: 'disable' },
  { key: 'changePassword', label: 'change the password' },
  { key: 'rename', label: 'rename' },
  { key: 'delete', label: 'delete' },
  { key: 'revealPassword', label: 'reveal the stored password' },
] as const;

/** Per credential kind, what the provider lets Trunkdesk do with it: one line of what it can, one of what it cannot. */
function KindCapsList({ caps }: { caps: ProviderCapsDTO }) {
  return (
    <ul className="capabilities" data-testid="kind-capabilities" aria-label={kindsTitle(caps)}>
      {caps.kinds.map((k) => {
        const can = ACTIONS.filter((a) => k[a.key]).map((a) => a.label);
        const cannot = ACTIONS.filter((a) => !k[a.key]).map((a) => a.label);
        return (
          <li key={k.kind} className={`capability ${can.length > 0 ? 'capability-yes' : 'capability-no'}`} data-kind={k.kind}>
            <span className="capability-icon" aria-hidden="true">
              {can.length > 0 ? '✓' : '✕'}
            </span>
            <span className="capability-text">
              <span className="capability-label">{pluralLabel(k.label)}</span>
              <span className="capability-desc" data-testid="kind-can">
                You can view their settings{can.length > 0 ? `, ${can.join(', ')}` : ''}.
              </span>
              {cannot.length > 0 && (
                <span className="capability-desc" data-testid="kind-cannot">
                  {caps.label} does not allow: {cannot.join(', ')}.
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
