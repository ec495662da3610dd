import { useId, useState } from 'react';
import type { CustomerDTO } from '../../../../src-preload/contract';
import { Badge } from '../../components/Badge';
import { DetailField as Field, orNone } from '../../components/DetailField';
import { ErrorNotice } from '../../components/ErrorNotice';
import { BlockedReason } from '../../components/BlockedReason';
import { SuccessNotice } from '../../components/SuccessNotice';
import { DateTime } from '../../components/Time';
import { formatBalance } from '../../lib/format';
import { useAccountCurrency } from '../../lib/useAccountCurrency';
import { useWriteBlock } from '../../store/connectivity';
import { useCredentials } from '../../store/credentials';
import { useCustomers, type CustomersEntry } from '../../store/customers';
import { CredentialsView } from '../credentials/CredentialsView';
import { CustomerTokenForm } from './CustomerTokenForm';

/** The selected customer, once its details are known (they may lag the selection). */
const customerOf = ({ selected, selectedId }: CustomersEntry): CustomerDTO | null =>
  selected && selected.authId === selectedId ? selected : null;

/** Whose credential list the panel shows (the customer's token is stored), if anyone's. */
export function credentialsOnScreen(entry: CustomersEntry): string | null {
  const customer = customerOf(entry);
  return customer?.tokenState === 'stored' ? customer.authId : null;
}

type Props = { profileId: string; entry: CustomersEntry; onHistory(): void };

/** The selected customer: who it is, whether we hold its API token, and then its SIP credentials. */
export function CustomerPanel({ profileId, entry, onHistory }: Props) {
  const select = useCustomers((s) => s.select);
  const setNotice = useCustomers((s) => s.setNotice);
  const loadCredentials = useCredentials((s) => s.load);
  const { selectedId, selecting, selectError, notice } = entry;
  const customer = customerOf(entry);

  return (
    <div
      className="customer-panel"
      data-testid="customer-panel"
      data-customer-auth-id={selectedId ?? undefined}
      data-token-state={customer?.tokenState}
      aria-busy={selecting}
    >
      <SuccessNotice notice={notice} testId="customer-notice" onDismiss={() => setNotice(profileId, null)} />

      {selectError && (
        <ErrorNotice
          error={selectError}
          testId="customer-error"
          onRetry={
            selectedId
              ? () => {
                  void select(profileId, selectedId);
                  // The list below failed the same way and does not show it again: retry it too.
                  if (credentialsOnScreen(entry) === selectedId) void loadCredentials(profileId, selectedId);
                }
              : undefined
          }
        />
      )}

      {customer ? (
        <>
          <CustomerCard profileId={profileId} customer={customer} />
          {customer.tokenState === 'stored' ? (
            <CredentialsView
              key={`${profileId}:${customer.authId}`}
              profileId={profileId}
              customer={customer}
              onHistory={onHistory}
              shownAbove={selectError}
            />
          ) : selecting ? (
            // The list only knows what is stored so far; main may still fetch the token from Vobiz.
            <p role="status" className="status">
              Looking for {customer.name}'s API token…
            </p>
          ) : (
            !selectError && <TokenMissing profileId={profileId} customer={customer} />
          )}
        </>
      ) : (
        selecting && (
          <p role="status" className="status">
            Loading customer…
          </p>
        )
      )}
    </div>
  );
}

function CustomerCard({ profileId, customer: c }: { profileId: string; customer: CustomerDTO }) {
  const [replacing, setReplacing] = useState(false);
  const blocked = useWriteBlock();
  const currency = useAccountCurrency(profileId);
  const reasonId = useId();
  const stored = c.tokenState === 'stored';
  return (
    <section className="card customer-card" aria-labelledby="customer-name">
      <div className="customer-card-head">
        <h2 id="customer-name" className="customer-name">
          {c.name}
        </h2>
        <span data-field="status">
          <Badge tone={c.isActive ? 'good' : 'bad'}>{c.isActive ? 'Active' : 'Inactive'}</Badge>
        </span>
      </div>
      <dl className="details details-compact">
        <Field name="email" label="Email">
          {orNone(c.email)}
        </Field>
        <Field name="authId" label="Auth ID">
          <code>{c.authId}</code>
        </Field>
        <Field name="phone" label="Phone">
          {orNone(c.phone)}
        </Field>
        <Field name="country" label="Country">
          {orNone(c.country)}
        </Field>
        {c.company && (
          <Field name="company" label="Company">
            {c.company}
          </Field>
        )}
        <Field name="balance" label="Balance">
          {c.cashCredits === null ? (
            <span className="muted">Not reported</span>
          ) : (
            <>
              {formatBalance(c.cashCredits, currency)}
              {/* A number alone could be any money: say the currency is unknown rather than imply one. */}
              {currency === null && <span className="muted"> (currency not reported)</span>}
            </>
          )}
        </Field>
        {c.createdAt && (
          <Field name="createdAt" label="Created">
            <DateTime iso={c.createdAt} />
          </Field>
        )}
      </dl>
      {stored && (
        <div className="customer-token-actions">
          <div className="customer-token-toggle">
            <button
              type="button"
              className="btn btn-quiet"
              aria-expanded={replacing}
              onClick={() => setReplacing((r) => !r)}
              // Offline the token cannot be checked with Vobiz, so it cannot be replaced (an open form says so itself).
              disabled={blocked !== null && !replacing}
              title={blocked ?? undefined}
              aria-describedby={blocked && !replacing ? reasonId : undefined}
              data-testid="replace-customer-token"
            >
              Replace customer token
            </button>
            {blocked && !replacing && <BlockedReason id={reasonId} reason={blocked} />}
          </div>
          {replacing && (
            <CustomerTokenForm
              profileId={profileId}
              customer={c}
              autoFocus
              intro="Paste the customer's new API token. Trunkdesk checks it with Vobiz before replacing the stored one."
              onSaved={() => setReplacing(false)}
              onCancel={() => setReplacing(false)}
            />
          )}
        </div>
      )}
    </section>
  );
}

function TokenMissing({ profileId, customer: c }: { profileId: string; customer: CustomerDTO }) {
  return (
    <section
      className="notice notice-warning customer-token-missing"
      data-testid="customer-token-missing"
      data-token-state={c.tokenState}
      aria-labelledby="customer-token-missing-title"
    >
      <h3 id="customer-token-missing-title" className="notice-title">
        {c.tokenState === 'unreadable'
          ? `Trunkdesk could not read the stored API token for ${c.name}.`
          : `Vobiz did not return the API token for ${c.name}, so it must be entered once.`}
      </h3>
      <p className="notice-hint">
        SIP credentials belong to the customer's own account, and a partner token cannot manage them: Trunkdesk needs
        the customer's API token. Paste it below once. It is checked with Vobiz, then stored encrypted on this
        computer and never shown again.
      </p>
      <CustomerTokenForm profileId={profileId} customer={c} autoFocus={false} />
    </section>
  );
}
