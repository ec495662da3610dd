// A partner with hundreds of customers (issue 9: the customer list at 300). Deterministic: names,
// balances, creation dates and statuses come from hashes of fixed labels, in an order unrelated
// to their names, so a list sorted by any key differs from the provider's own (newest first).
// Every 37th customer's token comes back "<redacted>" (the admin must enter it, like Meridian's).
import { isoMicros, seeded } from './ids';
import { addCustomer, findPartner } from './records';
import type { CustomerRecord, SimState } from './types';

const FIRST = ['Amber', 'Birch', 'Cedar', 'Delta', 'Ember', 'Falcon', 'Granite', 'Harbor', 'Indigo', 'Juniper', 'Kestrel', 'Lumen', 'Maple', 'Nimbus', 'Onyx'];
const SECOND = ['Logistics', 'Clinics', 'Retail', 'Freight', 'Software', 'Hotels', 'Travels', 'Bakers', 'Studios', 'Dental', 'Couriers', 'Realty', 'Textiles', 'Foods', 'Labs', 'Motors', 'Media', 'Schools', 'Telecom', 'Farms'];

const BASE_MS = Date.UTC(2024, 0, 1);

/** Adds `count` customers to the partner (its max_accounts raised to fit them and 10 more). Returns them, in creation order. */
export function addManyCustomers(state: SimState, partnerAuthId: string, count: number): CustomerRecord[] {
  const partner = findPartner(state, partnerAuthId);
  if (!partner) throw new Error(`no partner ${partnerAuthId}`);
  partner.maxAccounts = Math.max(partner.maxAccounts, partner.accountCount + count + 10);
  const out: CustomerRecord[] = [];
  for (let i = 0; i < count; i++) {
    const label = `many:${partnerAuthId}:${i}`;
    // Names in an order unrelated to i: 15 × 20 = 300 distinct pairs before a number is needed.
    const k = (i * 7919) % (FIRST.length * SECOND.length);
    const round = Math.floor(i / (FIRST.length * SECOND.length));
    const name = `${FIRST[k % FIRST.length]} ${SECOND[Math.floor(k / FIRST.length)]}${round > 0 ? ` ${round + 1}` : ''}`;
    const authId = seeded.authId('MA_', label);
    const cents = seeded.int(`${label}:balance`, 0, 2_000_000);
    out.push(
      addCustomer(state, partnerAuthId, {
        authId,
        apiId: seeded.uuid(`api:${authId}`),
        authToken: seeded.token(authId),
        name,
        email: `admin${i}@${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`,
        cashCredits: (cents / 100).toFixed(5),
        // Every 11th is inactive; creation dates spread over two years in hash order.
        isActive: i % 11 !== 5,
        enabled: i % 11 !== 5,
        tokenRedacted: i % 37 === 20,
        createdAt: isoMicros((BASE_MS + seeded.int(`${label}:created`, 0, 730 * 86_400) * 1000) * 1000 + i),
        updatedAt: isoMicros(BASE_MS * 1000),
      }),
    );
  }
  return out;
}
