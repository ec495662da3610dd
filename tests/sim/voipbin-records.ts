// VoIPBIN record factories and the test-facing mutators behind Simulator.addVoipbin*/addExtension/
// addTrunk and /__sim/voipbin/*. They throw on bad input; the admin endpoint turns that into a 400.
// Seed helpers skip the plan limit (maxExtensions), which only POST /extensions enforces.
import { createHash, randomBytes } from 'node:crypto';
import { findById, findByKey, invalidateCreatedIndex, noteCreated } from './created-index';
import { fresh, isoMicros, nowIso } from './ids';
import {
  VOIPBIN_PERMISSION,
  type VoipbinAccesskeyRecord,
  type VoipbinAgentRecord,
  type VoipbinCustomerRecord,
  type VoipbinExtensionRecord,
  type VoipbinState,
  type VoipbinTrunkRecord,
} from './types';

export type NewVoipbinCustomer = Partial<VoipbinCustomerRecord> & { name: string };
export type NewVoipbinAgent = Partial<VoipbinAgentRecord> & { username: string; password: string };
export type NewVoipbinExtension = Partial<VoipbinExtensionRecord> & { extension: string };
export type NewVoipbinTrunk = Partial<VoipbinTrunkRecord> & { name: string; domainName: string };
export interface NewVoipbinAccessKey {
  name?: string;
  detail?: string;
  /** The full token (default: a fresh `vb_` + 32 chars). Must start with `vb_`. */
  token?: string;
  /** Absolute expiry (any ISO-8601 form), or null for none. Wins over ttlSeconds. */
  expiresAt?: string | null;
  /** Expiry relative to now; negative = already expired. Default one year. */
  ttlSeconds?: number;
  id?: string;
  tmCreate?: string;
}

export const TRUNK_DOMAIN = /^([a-zA-Z]{1})([a-zA-Z0-9\-.]{1,30})$/;
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export const sha256Hex = (s: string): string => createHash('sha256').update(s).digest('hex');

// One randomBytes call per 4 KiB instead of one per record: bulk seeding (100,000 extensions) stays fast.
let pool = Buffer.alloc(0);
let poolAt = 0;
function randomChunk(length: number): Buffer {
  if (poolAt + length > pool.length) {
    pool = randomBytes(Math.max(4096, length));
    poolAt = 0;
  }
  const out = pool.subarray(poolAt, poolAt + length);
  poolAt += length;
  return out;
}

export function randomBase62(length: number): string {
  let s = '';
  for (const b of randomChunk(length)) s += BASE62[b % BASE62.length];
  return s;
}

export const freshDirectHash = (): string => `direct.${randomChunk(8).toString('hex')}`;

/** "2006-01-02T15:04:05.000000Z" for an epoch-ms instant. */
export const voipbinTime = (ms: number): string => isoMicros(Math.floor(ms) * 1000);

/**
 * A timestamp in the canonical µs form, from RFC3339 (any fraction, Z or ±00:00), the older
 * "2022-06-17 06:06:14.948432" form, or anything Date.parse reads. undefined if unreadable.
 */
export function canonicalTime(raw: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]00:?00)?$/.exec(raw.trim());
  if (m) return `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(6, '0').slice(0, 6)}Z`;
  const ms = Date.parse(raw);
  return Number.isFinite(ms) ? voipbinTime(ms) : undefined;
}

export const extensionKey = (e: VoipbinExtensionRecord): string => e.extension;

export function emptyVoipbin(): VoipbinState {
  return { customers: [], agents: [], extensions: [], trunks: [], accesskeys: [] };
}

export function clearVoipbin(v: VoipbinState): void {
  v.customers.length = 0;
  v.agents.length = 0;
  v.extensions.length = 0;
  v.trunks.length = 0;
  v.accesskeys.length = 0;
  invalidateCreatedIndex(v.extensions);
  invalidateCreatedIndex(v.trunks);
  invalidateCreatedIndex(v.accesskeys);
}

export function findVoipbinCustomer(v: VoipbinState, id: string): VoipbinCustomerRecord | undefined {
  return v.customers.find((c) => c.id === id);
}

function customerOrThrow(v: VoipbinState, id: string): VoipbinCustomerRecord {
  const c = findVoipbinCustomer(v, id);
  if (!c) throw new Error(`no VoIPBIN customer ${id}`);
  return c;
}

export function makeVoipbinCustomer(c: NewVoipbinCustomer): VoipbinCustomerRecord {
  return {
    id: fresh.uuid(),
    detail: '',
    email: `${c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@customers.example`,
    phoneNumber: '+15555550100',
    address: '',
    webhookMethod: 'POST',
    webhookUri: '',
    webhookSecret: randomBase62(32),
    billingAccountId: fresh.uuid(),
    emailVerified: true,
    status: 'active',
    identityVerificationStatus: 'verified',
    maxExtensions: 1000,
    tmDeletionScheduled: null,
    tmCreate: nowIso(),
    tmUpdate: null,
    tmDelete: null,
    ...c,
  };
}

export function addVoipbinCustomer(v: VoipbinState, c: NewVoipbinCustomer): VoipbinCustomerRecord {
  if (!c.name) throw new Error('addVoipbinCustomer needs name');
  if (c.id && findVoipbinCustomer(v, c.id)) throw new Error(`VoIPBIN customer ${c.id} already exists`);
  const customer = makeVoipbinCustomer(c);
  v.customers.push(customer);
  return customer;
}

export function addVoipbinAgent(v: VoipbinState, customerId: string, a: NewVoipbinAgent): VoipbinAgentRecord {
  customerOrThrow(v, customerId);
  if (!a.username || !a.password) throw new Error('addVoipbinAgent needs username and password');
  if (v.agents.some((x) => x.username === a.username)) throw new Error(`VoIPBIN agent ${a.username} already exists`);
  const agent: VoipbinAgentRecord = {
    id: fresh.uuid(),
    name: a.username,
    detail: '',
    ringMethod: 'ringall',
    status: 'available',
    permission: VOIPBIN_PERMISSION.admin,
    tagIds: [],
    addresses: [],
    directHash: freshDirectHash(),
    tmCreate: nowIso(),
    tmUpdate: null,
    tmDelete: null,
    ...a,
    customerId,
  };
  v.agents.push(agent);
  return agent;
}

/** Adds an access key; returns the full `vb_…` token (only its hash is kept). */
export function addVoipbinAccessKey(v: VoipbinState, customerId: string, opts: NewVoipbinAccessKey = {}, nowMs = Date.now()): string {
  customerOrThrow(v, customerId);
  const token = opts.token ?? `vb_${randomBase62(32)}`;
  if (!token.startsWith('vb_') || token.length < 12) throw new Error('an access key token must start with vb_ and have at least 9 more characters');
  const tokenHash = sha256Hex(token);
  if (v.accesskeys.some((k) => k.tokenHash === tokenHash)) throw new Error('that access key token already exists');
  let tmExpire: string | null;
  if (opts.expiresAt === null) tmExpire = null;
  else if (opts.expiresAt !== undefined) {
    const t = canonicalTime(opts.expiresAt);
    if (!t) throw new Error(`unreadable expiresAt ${opts.expiresAt}`);
    tmExpire = t;
  } else tmExpire = voipbinTime(nowMs + (opts.ttlSeconds ?? 365 * 86_400) * 1000);
  const record: VoipbinAccesskeyRecord = {
    id: opts.id ?? fresh.uuid(),
    customerId,
    name: opts.name ?? 'API key',
    detail: opts.detail ?? '',
    tokenHash,
    tokenPrefix: token.slice(0, 11),
    tmExpire,
    tmCreate: opts.tmCreate ?? nowIso(),
    tmUpdate: null,
    tmDelete: null,
  };
  v.accesskeys.push(record);
  noteCreated(v.accesskeys, record);
  return token;
}

export function makeVoipbinExtension(customerId: string, e: NewVoipbinExtension): VoipbinExtensionRecord {
  return {
    id: fresh.uuid(),
    name: e.extension,
    detail: '',
    password: randomBase62(16),
    directHash: freshDirectHash(),
    tmCreate: nowIso(),
    tmUpdate: null,
    tmDelete: null,
    ...e,
    customerId,
  };
}

export function extensionTaken(v: VoipbinState, customerId: string, extension: string): boolean {
  return findByKey(v.extensions, extensionKey, customerId, extension) !== undefined;
}

/** O(1) per call (bulk seeding 100,000 is fine). tmCreate must be distinct within the customer: it is the page cursor. */
export function addVoipbinExtension(v: VoipbinState, customerId: string, e: NewVoipbinExtension): VoipbinExtensionRecord {
  customerOrThrow(v, customerId);
  if (!e.extension) throw new Error('addExtension needs extension');
  if (extensionTaken(v, customerId, e.extension)) throw new Error(`extension ${e.extension} already exists`);
  if (e.tmCreate !== undefined) {
    const t = canonicalTime(e.tmCreate);
    if (!t) throw new Error(`unreadable tmCreate ${e.tmCreate}`);
    e = { ...e, tmCreate: t };
  }
  if (e.id !== undefined && findById(v.extensions, e.id)) throw new Error(`extension id ${e.id} already exists`);
  const record = makeVoipbinExtension(customerId, e);
  v.extensions.push(record);
  noteCreated(v.extensions, record);
  return record;
}

export function makeVoipbinTrunk(customerId: string, t: NewVoipbinTrunk): VoipbinTrunkRecord {
  return {
    id: fresh.uuid(),
    detail: '',
    authTypes: ['basic'],
    username: t.domainName,
    password: randomBase62(16),
    allowedIps: [],
    tmCreate: nowIso(),
    tmUpdate: null,
    tmDelete: null,
    ...t,
    customerId,
  };
}

export function trunkDomainTaken(v: VoipbinState, domainName: string): boolean {
  const d = domainName.toLowerCase();
  return v.trunks.some((t) => t.domainName.toLowerCase() === d);
}

export function addVoipbinTrunk(v: VoipbinState, customerId: string, t: NewVoipbinTrunk): VoipbinTrunkRecord {
  customerOrThrow(v, customerId);
  if (!t.name || !t.domainName) throw new Error('addTrunk needs name and domainName');
  if (!TRUNK_DOMAIN.test(t.domainName)) throw new Error(`domainName ${t.domainName} does not match ${TRUNK_DOMAIN.source}`);
  if (trunkDomainTaken(v, t.domainName)) throw new Error(`trunk domain ${t.domainName} already exists`);
  const record = makeVoipbinTrunk(customerId, t);
  v.trunks.push(record);
  noteCreated(v.trunks, record);
  return record;
}
