// Deterministic VoIPBIN demo data (same ids, keys and timestamps on every run).
//  - Aurora Dental Group (active): an admin (32), a manager (64) and a plain agent (16) login;
//    40 extensions 1001…1040; 3 trunks with basic auth; a live access key and an expired one.
//    maxExtensions 50: ten more creates succeed, the eleventh is 402 RESOURCE_LIMIT_EXCEEDED.
//  - Borealis Imports (frozen): every request, JWT or access key, is 403 ACCOUNT_FROZEN.
import { isoMicros, seeded } from './ids';
import { invalidateCreatedIndex } from './created-index';
import { clearVoipbin, sha256Hex } from './voipbin-records';
import { VOIPBIN_PERMISSION, type VoipbinAccesskeyRecord, type VoipbinCustomerRecord, type VoipbinState } from './types';

export interface DemoVoipbinLogin {
  username: string;
  password: string;
  permission: number;
  customerId: string;
  name: string;
  note: string;
}

const AURORA_ID = seeded.uuid('voipbin:customer:aurora');
const BOREALIS_ID = seeded.uuid('voipbin:customer:borealis');
const key = (label: string): string => `vb_${seeded.token(`voipbin:accesskey:${label}`).slice(0, 32)}`;

/** Printable, typeable VoIPBIN demo credentials (base URL: `sim.voipbinBaseUrl`). */
export const DEMO_VOIPBIN = {
  aurora: { customerId: AURORA_ID, name: 'Aurora Dental Group', status: 'active', extensions: 40, trunks: 3, maxExtensions: 50 },
  borealis: { customerId: BOREALIS_ID, name: 'Borealis Imports', status: 'frozen', extensions: 2, trunks: 0, maxExtensions: 20 },
  logins: {
    admin: {
      username: 'admin@aurora-dental.example', password: 'Aurora#2026', permission: VOIPBIN_PERMISSION.admin,
      customerId: AURORA_ID, name: 'Maja Lindqvist', note: 'CustomerAdmin (32): extensions, trunks, customer, access keys',
    },
    manager: {
      username: 'manager@aurora-dental.example', password: 'Manager#2026', permission: VOIPBIN_PERMISSION.manager,
      customerId: AURORA_ID, name: 'Jonas Berg', note: 'CustomerManager (64): extensions, trunks, customer; not access keys',
    },
    agent: {
      username: 'frontdesk@aurora-dental.example', password: 'Frontdesk#2026', permission: VOIPBIN_PERMISSION.agent,
      customerId: AURORA_ID, name: 'Front Desk', note: 'plain agent (16): /me only; /extensions is 403 PERMISSION_DENIED',
    },
    frozen: {
      username: 'it@borealis.example', password: 'Borealis#2026', permission: VOIPBIN_PERMISSION.admin,
      customerId: BOREALIS_ID, name: 'Borealis IT', note: 'login works; every API call is 403 ACCOUNT_FROZEN',
    },
  } satisfies Record<string, DemoVoipbinLogin>,
  /** Aurora's access key (send as ?accesskey=, never as Bearer). Expires 2036. */
  accessKey: key('aurora'),
  /** Aurora's key that expired on 2025-12-31 → 401 INVALID_CREDENTIALS. */
  expiredAccessKey: key('aurora-expired'),
  /** Borealis's key → 403 ACCOUNT_FROZEN. */
  frozenAccessKey: key('borealis'),
} as const;

const BASE_MS = Date.UTC(2025, 6, 1); // 2025-07-01: every seed record is older than anything created live

/** A seed timestamp `hours` after BASE_MS plus a label-derived offset under an hour (so order follows `hours`). */
function stamp(label: string, hours: number): string {
  const ms = BASE_MS + hours * 3_600_000 + seeded.int(`${label}:ms`, 0, 3_599_999);
  return isoMicros(ms * 1000 + seeded.int(`${label}:us`, 0, 999));
}

const ROOMS = ['Reception', 'Surgery', 'Hygiene', 'Billing', 'Lab'];
const CLINICS = ['Oslo clinic', 'Bergen clinic', 'Trondheim clinic', 'Stavanger clinic'];

function customer(id: string, name: string, fields: Partial<VoipbinCustomerRecord>, hours: number): VoipbinCustomerRecord {
  return {
    id,
    name,
    detail: '',
    email: '',
    phoneNumber: '',
    address: '',
    webhookMethod: 'POST',
    webhookUri: '',
    webhookSecret: seeded.token(`voipbin:webhook:${id}`).slice(0, 32),
    billingAccountId: seeded.uuid(`voipbin:billing:${id}`),
    emailVerified: true,
    status: 'active',
    identityVerificationStatus: 'verified',
    maxExtensions: 1000,
    tmDeletionScheduled: null,
    tmCreate: stamp(`customer:${id}`, hours),
    tmUpdate: stamp(`customer:${id}:update`, hours + 200),
    tmDelete: null,
    ...fields,
  };
}

function accesskey(label: string, customerId: string, name: string, tmExpire: string, hours: number): VoipbinAccesskeyRecord {
  const token = key(label);
  return {
    id: seeded.uuid(`voipbin:accesskey-id:${label}`),
    customerId,
    name,
    detail: '',
    tokenHash: sha256Hex(token),
    tokenPrefix: token.slice(0, 11),
    tmExpire,
    tmCreate: stamp(`accesskey:${label}`, hours),
    tmUpdate: null,
    tmDelete: null,
  };
}

/** Fills `v` (cleared first) with the demo data. */
export function seedVoipbin(v: VoipbinState): void {
  clearVoipbin(v);
  const d = DEMO_VOIPBIN;
  v.customers.push(
    customer(AURORA_ID, d.aurora.name, {
      detail: 'Four dental clinics in Norway', email: 'it@aurora-dental.example', phoneNumber: '+4721000100',
      address: 'Karl Johans gate 12, 0154 Oslo', webhookUri: 'https://hooks.aurora-dental.example/voipbin', maxExtensions: d.aurora.maxExtensions,
    }, 0),
    customer(BOREALIS_ID, d.borealis.name, {
      detail: 'Import and wholesale', email: 'it@borealis.example', phoneNumber: '+3580900100', address: 'Satamakatu 3, Helsinki',
      status: 'frozen', maxExtensions: d.borealis.maxExtensions, tmDeletionScheduled: '2026-05-01T09:00:00.000000Z',
    }, 10),
  );
  for (const [i, login] of Object.values(d.logins).entries()) {
    v.agents.push({
      id: seeded.uuid(`voipbin:agent:${login.username}`),
      customerId: login.customerId,
      username: login.username,
      password: login.password,
      name: login.name,
      detail: login.note,
      ringMethod: 'ringall',
      status: 'available',
      permission: login.permission,
      tagIds: [],
      addresses: login.permission === VOIPBIN_PERMISSION.agent ? [{ type: 'extension', target: '1001', target_name: '1001', name: 'Reception 1', detail: '' }] : [],
      directHash: `direct.${seeded.token(`voipbin:agent-direct:${login.username}`).slice(0, 16)}`,
      tmCreate: stamp(`agent:${login.username}`, 1 + i),
      tmUpdate: null,
      tmDelete: null,
    });
  }
  for (let i = 0; i < d.aurora.extensions; i++) {
    const ext = String(1001 + i);
    v.extensions.push({
      id: seeded.uuid(`voipbin:extension:aurora:${ext}`),
      customerId: AURORA_ID,
      name: `${ROOMS[i % ROOMS.length]} ${Math.floor(i / ROOMS.length) + 1}`,
      detail: CLINICS[i % CLINICS.length] ?? '',
      extension: ext,
      password: seeded.token(`voipbin:extension-password:${ext}`).slice(0, 16),
      directHash: `direct.${seeded.token(`voipbin:extension-direct:${ext}`).slice(0, 16)}`,
      tmCreate: stamp(`extension:aurora:${ext}`, 24 + i * 6),
      tmUpdate: i % 7 === 3 ? stamp(`extension:aurora:${ext}:update`, 24 + i * 6 + 400) : null,
      tmDelete: null,
    });
  }
  for (let i = 0; i < d.borealis.extensions; i++) {
    const ext = String(201 + i);
    v.extensions.push({
      id: seeded.uuid(`voipbin:extension:borealis:${ext}`),
      customerId: BOREALIS_ID,
      name: ['Warehouse', 'Sales'][i] ?? ext,
      detail: '',
      extension: ext,
      password: seeded.token(`voipbin:extension-password:borealis:${ext}`).slice(0, 16),
      directHash: `direct.${seeded.token(`voipbin:extension-direct:borealis:${ext}`).slice(0, 16)}`,
      tmCreate: stamp(`extension:borealis:${ext}`, 30 + i * 6),
      tmUpdate: null,
      tmDelete: null,
    });
  }
  const trunks = [
    { name: 'Aurora HQ PBX', detail: 'Oslo head office IP-PBX', domainName: 'aurora-hq', authTypes: ['basic'], allowedIps: [] as string[] },
    { name: 'Bergen clinic PBX', detail: 'Registers from the clinic LAN', domainName: 'aurora-bergen', authTypes: ['basic', 'ip'], allowedIps: ['198.51.100.21', '198.51.100.22'] },
    { name: 'Fax gateway', detail: 'T.38 gateway for referrals', domainName: 'aurora-fax', authTypes: ['basic'], allowedIps: ['203.0.113.40'] },
  ];
  trunks.forEach((t, i) => {
    v.trunks.push({
      id: seeded.uuid(`voipbin:trunk:${t.domainName}`),
      customerId: AURORA_ID,
      ...t,
      username: t.domainName.replace(/-/g, ''),
      password: seeded.token(`voipbin:trunk-password:${t.domainName}`).slice(0, 20),
      tmCreate: stamp(`trunk:${t.domainName}`, 12 + i * 5),
      tmUpdate: null,
      tmDelete: null,
    });
  });
  v.accesskeys.push(
    accesskey('aurora', AURORA_ID, 'Trunkdesk', '2036-01-01T00:00:00.000000Z', 5),
    accesskey('aurora-expired', AURORA_ID, 'Old integration', '2025-12-31T00:00:00.000000Z', 4),
    accesskey('borealis', BOREALIS_ID, 'ERP sync', '2036-01-01T00:00:00.000000Z', 11),
  );
  invalidateCreatedIndex(v.extensions);
  invalidateCreatedIndex(v.trunks);
  invalidateCreatedIndex(v.accesskeys);
}
