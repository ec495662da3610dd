import type { PartnerDTO } from '../../../src-preload/contract';
import { Badge } from '../components/Badge';
import { CapabilityList } from '../components/CapabilityList';
import { DetailField as Field, orNone } from '../components/DetailField';
import { UsageMeter } from '../components/UsageMeter';
import { formatBalance } from '../lib/format';

/** The partner account behind the active profile, as Vobiz reported it at fetchedAt. */
export function PartnerDetails({ partner }: { partner: PartnerDTO }) {
  return (
    <>
      <div className="card">
        <dl className="details">
          <div className="detail detail-name" data-field="name">
            <dt className="visually-hidden">Partner name</dt>
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
          <Field name="authId" label="Auth ID">
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
          <Field name="accounts" label="Customer accounts">
            <UsageMeter used={partner.accountCount} max={partner.maxAccounts} />
          </Field>
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
        <CapabilityList capabilities={partner.capabilities} />
      </section>
    </>
  );
}
