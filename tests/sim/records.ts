// Record factories: fill every field a route renders, so tests can pass only what they care about.
import { invalidateCredentialIndex } from './credential-index';
import { fresh, nowIso } from './ids';
import type { CredentialRecord, CustomerRecord, PartnerRecord, SimState } from './types';

export type NewPartner = Partial<PartnerRecord> & { authId: string; token: string; name: string };
export type NewCustomer = Partial<CustomerRecord> & { name: string; email: string };
export type NewCredential = Partial<CredentialRecord> & { username: string };

export function slugify(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function makePartner(p: NewPartner): PartnerRecord {
  const now = nowIso();
  const slug = p.slug ?? slugify(p.name);
  return {
    id: fresh.uuid(),
    accountId: 1000 + Math.floor(Math.random() * 9000),
    slug,
    company: p.name,
    email: `${slug}@partners.example`,
    password: 'Partner#2026',
    phone: '+919800000000',
    billingModel: 'direct',
    isActive: true,
    isVerified: true,
    maxAccounts: 50,
    canCreateAccounts: true,
    canCreatePricingTiers: true,
    canViewCdrs: true,
    canTransferBalance: true,
    defaultPricingTierId: fresh.uuid(),
    accountCount: 0,
    balance: '0.00000',
    currency: 'INR',
    createdAt: now,
    updatedAt: now,
    ...p,
  };
}

/** Next numeric customer id ("10231"), unique across all partners. */
function nextCustomerId(state: SimState): string {
  let max = 10200;
  for (const c of state.customers) max = Math.max(max, Number(c.id) || 0);
  return String(max + 1);
}

export function makeCustomer(state: SimState, partner: PartnerRecord, c: NewCustomer): CustomerRecord {
  const now = nowIso();
  const authId = c.authId ?? fresh.authId('MA_');
  return {
    id: nextCustomerId(state),
    authId,
    apiId: fresh.uuid(),
    authToken: fresh.token(),
    password: 'Customer#2026',
    phone: '+919800000001',
    company: c.name,
    description: null,
    country: 'IN',
    city: '',
    state: '',
    address: '',
    zipCode: '',
    timezone: 'Asia/Kolkata',
    accountType: 'business',
    businessType: null,
    gstin: null,
    gstStatus: null,
    tdsEnabled: false,
    tdsPercentage: '0.00',
    billingMode: 'prepaid',
    postpaid: false,
    autoRecharge: false,
    cashCredits: '0.00000',
    cpsLimit: 2,
    concurrentCallsLimit: 10,
    baseCpsLimit: 2,
    baseConcurrentCallsLimit: 10,
    purchasedCps: 0,
    purchasedConcurrentCalls: 0,
    isActive: true,
    isVerified: false,
    isTrialAccount: false,
    enabled: true,
    kycStatus: 'pending',
    referralCode: authId.slice(3, 11),
    pricingTierId: partner.defaultPricingTierId,
    createdAt: now,
    updatedAt: now,
    lastLogin: null,
    tokenRedacted: false,
    ...c,
    partnerAuthId: partner.authId,
  };
}

export function makeCredential(accountId: string, c: NewCredential): CredentialRecord {
  const now = nowIso();
  return {
    id: fresh.uuid(),
    password: 'Sip#pass2026',
    enabled: true,
    description: null,
    inUse: false,
    createdAt: now,
    updatedAt: c.createdAt ?? now,
    ...c,
    accountId,
  };
}

export function findPartner(state: SimState, authId: string): PartnerRecord | undefined {
  return state.partners.find((p) => p.authId === authId);
}

export function findCustomer(state: SimState, authId: string): CustomerRecord | undefined {
  return state.customers.find((c) => c.authId === authId);
}

/** Adds a customer and counts it against its partner's max_accounts. */
export function insertCustomer(state: SimState, partner: PartnerRecord, customer: CustomerRecord): void {
  state.customers.push(customer);
  partner.accountCount += 1;
}

export function clearState(state: SimState): void {
  state.partners.length = 0;
  state.customers.length = 0;
  state.credentials.length = 0;
  invalidateCredentialIndex(state.credentials);
}

// The test-facing mutators behind Simulator.addPartner/addCustomer/addCredential and /__sim/*.
// They throw on bad input; the admin endpoint turns that into a 400.

export function addPartner(state: SimState, p: NewPartner): PartnerRecord {
  if (!p.authId || !p.token || !p.name) throw new Error('addPartner needs authId, token and name');
  if (findPartner(state, p.authId)) throw new Error(`partner ${p.authId} already exists`);
  const partner = makePartner(p);
  state.partners.push(partner);
  return partner;
}

export function addCustomer(state: SimState, partnerAuthId: string, c: NewCustomer): CustomerRecord {
  const partner = findPartner(state, partnerAuthId);
  if (!partner) throw new Error(`no partner ${partnerAuthId}`);
  if (!c.name || !c.email) throw new Error('addCustomer needs name and email');
  if (c.authId && findCustomer(state, c.authId)) throw new Error(`customer ${c.authId} already exists`);
  const customer = makeCustomer(state, partner, c);
  insertCustomer(state, partner, customer);
  return customer;
}

export function addCredential(state: SimState, customerAuthId: string, c: NewCredential): CredentialRecord {
  if (!findCustomer(state, customerAuthId)) throw new Error(`no customer ${customerAuthId}`);
  const credential = makeCredential(customerAuthId, c);
  state.credentials.push(credential);
  invalidateCredentialIndex(state.credentials);
  return credential;
}
