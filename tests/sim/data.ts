// Deterministic demo data. Every id, token and timestamp is derived from fixed labels, so a human
// can type the partner tokens below and tests can rely on the same numbers on every run.
//
// What the seed exercises:
//  - Northwind Telecom: the happy path (can create, 8 of 50 accounts). Harborlight Logistics has
//    47 credentials (paging; one in use by calls → DELETE 409), Quillon Analytics has none
//    (empty list → objects:null), Meridian Health's token comes back "<redacted>", Lotus Bay is
//    an inactive customer (its /Account/* calls → 403 ACCOUNT_INACTIVE).
//  - Blue Fjord Communications: can_create_accounts=false, can_transfer_balance=false, USD.
//  - Saffron Voice Networks: 3 of max 4 accounts (one create succeeds, the next is 403), not verified.
//  - Old Quay Telecom: is_active=false (every partner call → 403 ACCOUNT_INACTIVE).
import { invalidateCredentialIndex } from './credential-index';
import { isoMicros, seeded } from './ids';
import { clearState, insertCustomer, makeCredential, makeCustomer, makePartner, type NewCustomer, type NewPartner } from './records';
import type { PartnerRecord, SimState } from './types';

// The other two providers' demo data lives next to their routes; re-exported here so every demo
// credential can be imported from one place.
export { DEMO_VOIPBIN, type DemoVoipbinLogin } from './voipbin-data';
export { DEMO_VOCOBASE } from './vocobase-data';

export interface DemoPartner {
  displayName: string;
  authId: string;
  token: string;
  name: string;
  email: string;
  password: string;
  note: string;
  /** Why the demo does not add it as a profile (it cannot be added), when it is left out on purpose. */
  notInDemo?: string;
}

/** Printable, typeable demo credentials (also shown by `npm run sim`). */
export const DEMO_PARTNERS: readonly DemoPartner[] = [
  {
    displayName: 'Northwind (demo)',
    authId: 'PA_NWND2026',
    token: 'northwind-demo-token',
    name: 'Northwind Telecom',
    email: 'admin@northwind-telecom.example',
    password: 'Northwind#2026',
    note: 'can create accounts; 8 customers, one with 47 credentials',
  },
  {
    displayName: 'Blue Fjord (demo)',
    authId: 'PA_BFJD3141',
    token: 'bluefjord-demo-token',
    name: 'Blue Fjord Communications',
    email: 'ops@bluefjord.example',
    password: 'BlueFjord#2026',
    note: 'can_create_accounts=false, can_transfer_balance=false',
  },
  {
    displayName: 'Saffron Voice (demo)',
    authId: 'PA_SAFV0404',
    token: 'saffron-demo-token',
    name: 'Saffron Voice Networks',
    email: 'noc@saffronvoice.example',
    password: 'Saffron#2026',
    note: '3 of max 4 accounts',
  },
  {
    displayName: 'Old Quay (demo)',
    authId: 'PA_OLDQ0001',
    token: 'oldquay-demo-token',
    name: 'Old Quay Telecom',
    email: 'it@oldquay.example',
    password: 'OldQuay#2026',
    note: 'inactive partner: every call is 403',
    // Adding a profile verifies it with GET /me first, and an inactive partner's /me is 403: the
    // demo would try it and quietly drop it. Left out, and said so; add it by hand to see the error.
    notInDemo: 'inactive on purpose (every call is 403 ACCOUNT_INACTIVE), so it cannot be added; add it yourself with its token to see how Trunkdesk reports an inactive account',
  },
];

const BASE_MS = Date.UTC(2025, 5, 2); // 2025-06-02: all seed records are older than anything created live

/** A seed timestamp `days` after BASE_MS, with a label-derived time of day and microseconds. */
function stamp(label: string, days: number): string {
  const ms = BASE_MS + days * 86_400_000 + seeded.int(`${label}:ms`, 0, 86_399_999);
  return isoMicros(ms * 1000 + seeded.int(`${label}:us`, 0, 999));
}

interface SeedCredentials {
  usernames: string[];
  disabled?: string[];
  inUse?: string[];
}

interface SeedCustomer extends NewCustomer {
  days: number; // created this many days after BASE_MS
  credentials: SeedCredentials;
}

const PARTNER_DETAILS: Record<string, Omit<NewPartner, 'authId' | 'token' | 'name'> & { days: number }> = {
  PA_NWND2026: {
    days: 0, accountId: 4101, company: 'Northwind Telecom Pvt Ltd', phone: '+912240031100', billingModel: 'direct',
    maxAccounts: 50, balance: '23906.83000', currency: 'INR',
  },
  PA_BFJD3141: {
    days: 12, accountId: 4117, company: 'Blue Fjord Communications Inc.', phone: '+14155550100', billingModel: 'wholesale',
    maxAccounts: 25, canCreateAccounts: false, canTransferBalance: false, canCreatePricingTiers: false,
    balance: '1250.50000', currency: 'USD',
  },
  PA_SAFV0404: {
    days: 30, accountId: 4139, company: 'Saffron Voice Networks LLP', phone: '+918040112233', billingModel: 'direct',
    maxAccounts: 4, isVerified: false, canViewCdrs: false, balance: '310.25000', currency: 'INR',
  },
  PA_OLDQ0001: {
    days: 45, accountId: 4152, company: 'Old Quay Telecom Ltd', phone: '+442079460000', billingModel: 'direct',
    maxAccounts: 10, isActive: false, balance: '0.00000', currency: 'GBP',
  },
};

/** 47 usernames for Harborlight: dock01, dispatch01, gate01, … (more than two pages of 20). */
function harborlightUsernames(): string[] {
  const prefixes = ['dock', 'dispatch', 'gate', 'yard', 'office', 'coldstore'];
  return Array.from({ length: 47 }, (_, i) => `${prefixes[i % prefixes.length]}${String(Math.floor(i / prefixes.length) + 1).padStart(2, '0')}`);
}

const CUSTOMERS: Record<string, SeedCustomer[]> = {
  PA_NWND2026: [
    {
      days: 3, name: 'Harborlight Logistics', company: 'Harborlight Logistics Pvt Ltd', email: 'it@harborlight-logistics.example',
      phone: '+919820012345', country: 'IN', city: 'Mumbai', state: 'Maharashtra', address: 'Unit 14, Bhiwandi Logistics Park',
      zipCode: '421302', gstin: '27AABCH1234F1Z5', gstStatus: 'registered', businessType: 'logistics',
      cashCredits: '1300.00000', kycStatus: 'verified', isVerified: true, cpsLimit: 10, concurrentCallsLimit: 60,
      baseCpsLimit: 5, baseConcurrentCallsLimit: 30, purchasedCps: 5, purchasedConcurrentCalls: 30, autoRecharge: true,
      credentials: { usernames: harborlightUsernames(), disabled: ['yard02', 'office05', 'gate07'], inUse: ['dispatch01'] },
    },
    {
      days: 9, name: 'Quillon Analytics', email: 'ops@quillon.example', phone: '+918041234567', country: 'IN', city: 'Bengaluru',
      state: 'Karnataka', address: '3rd Floor, 80 Feet Road, Koramangala', zipCode: '560034', cashCredits: '0.00000',
      isTrialAccount: true, kycStatus: 'not_started', accountType: 'individual',
      credentials: { usernames: [] },
    },
    {
      days: 14, name: 'Meridian Health Clinics', email: 'telecom@meridianhealth.example', phone: '+914428150011', country: 'IN',
      city: 'Chennai', state: 'Tamil Nadu', address: '12 Greams Lane', zipCode: '600006', gstin: '33AAFCM5678K1Z2',
      gstStatus: 'registered', businessType: 'healthcare', cashCredits: '842.15000', kycStatus: 'verified', isVerified: true,
      tokenRedacted: true,
      credentials: { usernames: ['reception01', 'reception02', 'pharmacy01', 'oncall01'] },
    },
    {
      days: 21, name: 'Kestrel Freight Forwarding', email: 'noc@kestrelfreight.example', phone: '+97145551234', country: 'AE',
      city: 'Dubai', state: 'Dubai', address: 'Jebel Ali Free Zone, Building LOB 16', zipCode: '00000', timezone: 'Asia/Dubai',
      businessType: 'logistics', cashCredits: '5120.40000', kycStatus: 'verified', isVerified: true, postpaid: true,
      billingMode: 'postpaid',
      credentials: { usernames: ['jafza01', 'jafza02', 'portdesk', 'customs01', 'customs02', 'nightshift'], disabled: ['customs02'], inUse: ['portdesk'] },
    },
    {
      days: 33, name: 'Lotus Bay Hospitality', email: 'frontoffice@lotusbay.example', phone: '+918322245678', country: 'IN',
      city: 'Panaji', state: 'Goa', address: 'Dona Paula Beach Road', zipCode: '403004', cashCredits: '12.00000',
      kycStatus: 'rejected', isActive: false, enabled: false,
      credentials: { usernames: ['lobby01', 'roomservice'] },
    },
    {
      days: 41, name: 'Cobalt Ridge Software', email: 'voice@cobaltridge.example', phone: '+14155550142', country: 'US',
      city: 'San Francisco', state: 'CA', address: '500 Howard St, Suite 300', zipCode: '94105', timezone: 'America/Los_Angeles',
      cashCredits: '275.60000', kycStatus: 'verified', isVerified: true,
      // office_phone_01: created when the API still accepted underscores (vobiz.md §4).
      credentials: { usernames: ['office_phone_01', 'supportline', 'qaBot7'], disabled: ['qaBot7'] },
    },
    {
      days: 52, name: 'Tamarind Retail', company: 'Tamarind Retail Ltd', email: 'stores@tamarindretail.example',
      phone: '+442079460321', country: 'GB', city: 'London', state: 'Greater London', address: '221 Camden High Street',
      zipCode: 'NW1 7BU', timezone: 'Europe/London', cashCredits: '96.75000', kycStatus: 'verified', isVerified: true,
      credentials: { usernames: ['camden01', 'camden02', 'brixton01', 'hackney01', 'warehouse'] },
    },
    {
      days: 60, name: 'Aravalli Edu Services', email: 'admin@aravalliedu.example', phone: '+911412556677', country: 'IN',
      city: 'Jaipur', state: 'Rajasthan', address: 'Malviya Nagar, Sector 4', zipCode: '302017', cashCredits: '58.00000',
      kycStatus: 'pending',
      credentials: { usernames: ['admissions', 'helpdesk2'] },
    },
  ],
  PA_BFJD3141: [
    {
      days: 15, name: 'Fjordline Marine Services', email: 'bridge@fjordline.example', phone: '+4722334455', country: 'NO',
      city: 'Bergen', state: 'Vestland', address: 'Bryggen 7', zipCode: '5003', timezone: 'Europe/Oslo', cashCredits: '410.00000',
      kycStatus: 'verified', isVerified: true,
      credentials: { usernames: ['harbour01', 'harbour02', 'dispatch'] },
    },
    {
      days: 19, name: 'Pinecrest Dental Group', email: 'it@pinecrestdental.example', phone: '+15035550187', country: 'US',
      city: 'Portland', state: 'OR', address: '1200 NW Everett St', zipCode: '97209', timezone: 'America/Los_Angeles',
      cashCredits: '88.20000', kycStatus: 'verified', isVerified: true,
      credentials: { usernames: ['frontdesk', 'billing01'] },
    },
    {
      days: 26, name: 'Granite Bay Realty', email: 'office@granitebay.example', phone: '+19165550123', country: 'US',
      city: 'Sacramento', state: 'CA', address: '8800 Sierra College Blvd', zipCode: '95661', timezone: 'America/Los_Angeles',
      cashCredits: '150.00000', kycStatus: 'pending',
      credentials: { usernames: ['agent01', 'agent02', 'agent03', 'listings'], disabled: ['agent03'] },
    },
    {
      days: 37, name: 'Maple Leaf Couriers', email: 'ops@mapleleafcouriers.example', phone: '+14165550199', country: 'CA',
      city: 'Toronto', state: 'ON', address: '40 Bay St', zipCode: 'M5J 2X2', timezone: 'America/Toronto',
      cashCredits: '19.99000', kycStatus: 'verified', isVerified: true,
      credentials: { usernames: ['courierdesk'] },
    },
  ],
  PA_SAFV0404: [
    {
      days: 31, name: 'Indigo Loom Textiles', email: 'accounts@indigoloom.example', phone: '+919876543210', country: 'IN',
      city: 'Surat', state: 'Gujarat', address: 'Ring Road Textile Market, Shop 118', zipCode: '395002', cashCredits: '640.00000',
      kycStatus: 'verified', isVerified: true,
      credentials: { usernames: ['salesdesk', 'factory01'] },
    },
    {
      days: 38, name: 'Sundarban Travels', email: 'bookings@sundarbantravels.example', phone: '+913340123456', country: 'IN',
      city: 'Kolkata', state: 'West Bengal', address: '14 Park Street', zipCode: '700016', cashCredits: '205.50000',
      kycStatus: 'pending',
      credentials: { usernames: ['bookings01', 'bookings02', 'afterhours'] },
    },
    {
      days: 49, name: 'Peacock Lane Bakers', email: 'orders@peacocklane.example', phone: '+912226591234', country: 'IN',
      city: 'Mumbai', state: 'Maharashtra', address: 'Hill Road, Bandra West', zipCode: '400050', cashCredits: '33.30000',
      isTrialAccount: true, kycStatus: 'not_started',
      credentials: { usernames: ['orders'] },
    },
  ],
  PA_OLDQ0001: [
    {
      days: 46, name: 'Thames Gate Solicitors', email: 'it@thamesgate.example', phone: '+442079460812', country: 'GB',
      city: 'London', state: 'Greater London', address: '9 Bedford Row', zipCode: 'WC1R 4BU', timezone: 'Europe/London',
      cashCredits: '0.00000', kycStatus: 'verified', isVerified: true,
      credentials: { usernames: ['reception', 'partnerline'] },
    },
    {
      days: 58, name: 'Bramble & Finch Interiors', email: 'studio@brambleandfinch.example', phone: '+441614960123', country: 'GB',
      city: 'Manchester', state: 'Greater Manchester', address: '22 Tib Street', zipCode: 'M4 1LA', timezone: 'Europe/London',
      cashCredits: '4.10000', kycStatus: 'pending',
      credentials: { usernames: ['studio01'] },
    },
  ],
};

/** Fills `state` (cleared first) with the demo data. */
export function seedState(state: SimState): void {
  clearState(state);
  for (const demo of DEMO_PARTNERS) {
    const { days, ...details } = PARTNER_DETAILS[demo.authId] ?? { days: 0 };
    const created = stamp(demo.authId, days);
    const partner = makePartner({
      ...details,
      id: seeded.uuid(`partner:${demo.authId}`),
      authId: demo.authId,
      token: demo.token,
      name: demo.name,
      email: demo.email,
      password: demo.password,
      defaultPricingTierId: seeded.uuid(`tier:${demo.authId}`),
      createdAt: created,
      updatedAt: stamp(`${demo.authId}:updated`, days + 120),
    });
    state.partners.push(partner);
    for (const seed of CUSTOMERS[demo.authId] ?? []) seedCustomer(state, partner, seed);
  }
}

function seedCustomer(state: SimState, partner: PartnerRecord, seed: SeedCustomer): void {
  const { days, credentials, ...fields } = seed;
  const authId = seeded.authId('MA_', `customer:${seed.email}`);
  const customer = makeCustomer(state, partner, {
    timezone: 'Asia/Kolkata',
    ...fields,
    authId,
    apiId: seeded.uuid(`api:${authId}`),
    authToken: seeded.token(authId),
    password: 'Customer#2026',
    referralCode: seeded.token(`ref:${authId}`).slice(0, 8).toUpperCase(),
    createdAt: stamp(authId, days),
    updatedAt: stamp(`${authId}:updated`, days + 90),
    lastLogin: fields.isActive === false ? null : stamp(`${authId}:login`, days + 150),
  });
  insertCustomer(state, partner, customer);

  credentials.usernames.forEach((username, i) => {
    const label = `${authId}:${username}`;
    const created = stamp(label, days + 1 + i * 2);
    const disabled = credentials.disabled?.includes(username) ?? false;
    const credential = makeCredential(authId, {
      id: seeded.uuid(`credential:${label}`),
      username,
      password: `Sip#${seeded.token(label).slice(0, 10)}`,
      enabled: !disabled,
      inUse: credentials.inUse?.includes(username) ?? false,
      createdAt: created,
      // A disabled credential was edited after creation.
      updatedAt: disabled ? stamp(`${label}:disabled`, days + 2 + i * 2) : created,
    });
    state.credentials.push(credential);
  });
  invalidateCredentialIndex(state.credentials);
}
