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
          ) : customer.tokenState === 'available' ? (
            // Vobiz hands this token over; it is fetched when the customer can be opened online.
            !selectError && (
              <p role="status" className="status" data-testid="customer-token-available">
                Vobiz hands over {customer.name}'s API token: Trunkdesk fetches it when it can reach Vobiz.
              </p>
            )
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

/**
 * Whether the customer's details are unfolded. The credential table is what an admin came for, so
 * the card is one line at first; the choice is kept while the admin moves between customers.
 */
let detailsOpen = false;

function CustomerCard({ profileId, customer: c }: { profileId: string; customer: CustomerDTO }) {
  const [replacing, setReplacing] = useState(false);
  const [open, setOpen] = useState(detailsOpen);
  const blocked = useWriteBlock();
  const currency = useAccountCurrency(profileId);
  const reasonId = useId();
  const detailsId = useId();
  const stored = c.tokenState === 'stored';
  const shown = open || replacing;
  const toggle = () => {
    detailsOpen = !shown;
    setOpen(!shown);
    if (shown) setReplacing(false);
  };
  return (
    <section className="card customer-card" aria-labelledby="customer-name" data-open={shown}>
      <div className="customer-card-head">
        <h2 id="customer-name" className="customer-name" tabIndex={-1}>
          {c.name}
        </h2>
        <span data-field="status">
          <Badge tone={c.isActive ? 'good' : 'bad'}>{c.isActive ? 'Active' : 'Inactive'}</Badge>
        </span>
        {/* The one-line summary: what tells customers apart, the rest under Details. */}
        {!shown && (
          <span className="customer-summary muted">
            <code>{c.authId}</code>
            {c.email && (
              <span className="customer-summary-email" title={c.email}>
                {c.email}
              </span>
            )}
          </span>
        )}
        <button
          type="button"
          className="btn btn-small btn-quiet customer-details-toggle"
          aria-expanded={shown}
          aria-controls={detailsId}
          onClick={toggle}
          data-testid="customer-details-toggle"
        >
          {shown ? 'Hide details' : 'Details'}
        </button>
      </div>
      <div id={detailsId} className="customer-details" hidden={!shown}>
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
      </div>
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
