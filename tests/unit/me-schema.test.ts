import { describe, expect, it } from 'vitest';
import { MeBody } from '../../src-main/providers/vobiz/schemas';

const documented = {
  id: '7c1d', account_id: 12, name: 'Northwind', slug: 'northwind', company: 'Northwind Ltd', auth_id: 'PA_ABC', email: 'a@b.c',
  phone: '+911234567890', billing_model: 'direct', is_active: true, is_verified: false, max_accounts: 50, can_create_accounts: true,
  can_create_pricing_tiers: false, can_view_cdrs: true, can_transfer_balance: false, default_pricing_tier_id: 't1', account_count: 3,
  balance: '23906.83000', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-02T00:00:00Z',
};

describe('GET /me is read leniently, as the docs disagree', () => {
  it('reads all 21 documented fields; currency is optional', () => {
    const m = MeBody.parse(documented);
    expect(m.balance).toBe('23906.83000');
    expect(m.currency).toBeNull();
    expect(m.can_view_cdrs).toBe(true);
    expect(Object.keys(documented)).toHaveLength(21);
  });
  it('accepts balance as a number without losing the 5-decimal form, and extra fields', () => {
    const m = MeBody.parse({ ...documented, balance: 50000, currency: 'INR', brand_new_field: { x: 1 } });
    expect(m.balance).toBe('50000.00000');
    expect(m.currency).toBe('INR');
  });
  it('accepts booleans sent as strings', () => {
    expect(MeBody.parse({ ...documented, is_active: 'false' }).is_active).toBe(false);
  });
  it('rejects a body without the fields the app cannot work without', () => {
    expect(MeBody.safeParse({ ...documented, auth_id: undefined }).success).toBe(false);
    expect(MeBody.safeParse({ ...documented, can_create_accounts: 'maybe' }).success).toBe(false);
  });
});
