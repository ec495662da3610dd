// Vocobase record factories and the test-facing mutators behind Simulator.addVocobase* and
// /__sim/vocobase/*. Keys and SIP passwords are kept only as SHA-256 hashes. They throw on bad input.
import { fresh, nowIso } from './ids';
import { randomBase62, sha256Hex } from './voipbin-records';
import {
  VOCOBASE_PROVIDERS,
  type VocobaseConnectionRecord,
  type VocobasePartnerRecord,
  type VocobasePhoneNumber,
  type VocobaseProvider,
  type VocobaseState,
} from './types';

export type NewVocobasePartner = Partial<Omit<VocobasePartnerRecord, 'keyHash' | 'keyPrefix'>> & {
  name: string;
  /** The full API key (default: a fresh `rg_live_` + 32 chars). */
  key?: string;
};

export type NewVocobaseConnection = Partial<Omit<VocobaseConnectionRecord, 'partnerId' | 'outboundPasswordHash' | 'phoneNumbers'>> & {
  name: string;
  /** Default 'sip'. */
  provider?: VocobaseProvider;
  /** Plain SIP password; only its hash is kept. */
  outboundPassword?: string;
  /** Shorthand for one default phone number (the SIP did_number or a from_number). */
  didNumber?: string;
  phoneNumbers?: Partial<VocobasePhoneNumber>[];
};

export const VOCOBASE_KEY_PREFIX = 'rg_live_';
export const keyPrefixOf = (key: string): string => key.slice(0, VOCOBASE_KEY_PREFIX.length + 4);

export function emptyVocobase(): VocobaseState {
  return { partners: [], connections: [], calls: [] };
}

export function clearVocobase(s: VocobaseState): void {
  s.partners.length = 0;
  s.connections.length = 0;
  s.calls.length = 0;
}

export function findVocobasePartnerByKey(s: VocobaseState, key: string): VocobasePartnerRecord | undefined {
  const hash = sha256Hex(key);
  return s.partners.find((p) => p.keyHash === hash);
}

export function makeVocobasePartner(p: NewVocobasePartner, key: string): VocobasePartnerRecord {
  const { key: _ignored, ...fields } = p;
  return {
    id: fresh.uuid(),
    displayName: p.name,
    status: 'ACTIVE',
    agentLimit: 10,
    currentAgentCount: 0,
    allowedVoices: ['aria', 'kabir'],
    allowedLanguages: ['en-IN', 'hi-IN'],
    allowedTelephonyProviders: ['sip', 'twilio', 'plivo', 'vobiz'],
    concurrencyLimit: 5,
    createdAt: nowIso(),
    ...fields,
    keyHash: sha256Hex(key),
    keyPrefix: keyPrefixOf(key),
  };
}

/** Adds a partner; returns its full `rg_live_…` key. */
export function addVocobasePartner(s: VocobaseState, p: NewVocobasePartner): string {
  if (!p.name) throw new Error('addVocobasePartner needs name');
  const key = p.key ?? `${VOCOBASE_KEY_PREFIX}${randomBase62(32)}`;
  if (!key.startsWith(VOCOBASE_KEY_PREFIX) || key.length < VOCOBASE_KEY_PREFIX.length + 8) throw new Error('a Vocobase key must start with rg_live_ and have at least 8 more characters');
  if (findVocobasePartnerByKey(s, key)) throw new Error('that Vocobase key already exists');
  if (p.id && s.partners.some((x) => x.id === p.id)) throw new Error(`Vocobase partner ${p.id} already exists`);
  s.partners.push(makeVocobasePartner(p, key));
  return key;
}

/** A partner by id, or by its full key. */
export function resolveVocobasePartner(s: VocobaseState, idOrKey: string): VocobasePartnerRecord | undefined {
  return idOrKey.startsWith(VOCOBASE_KEY_PREFIX) ? findVocobasePartnerByKey(s, idOrKey) : s.partners.find((p) => p.id === idOrKey);
}

export function makeVocobaseConnection(s: VocobaseState, partnerId: string, c: NewVocobaseConnection): VocobaseConnectionRecord {
  const { outboundPassword, didNumber, phoneNumbers, ...fields } = c;
  const provider = c.provider ?? 'sip';
  const now = nowIso();
  const numbers: VocobasePhoneNumber[] = (phoneNumbers ?? (didNumber ? [{ phoneNumber: didNumber }] : [])).map((n, i) => ({
    id: n.id ?? fresh.uuid(),
    phoneNumber: n.phoneNumber ?? '',
    friendlyName: n.friendlyName ?? null,
    status: n.status ?? 'ACTIVE',
    isDefault: n.isDefault ?? i === 0,
  }));
  const isDefault = !s.connections.some((x) => x.partnerId === partnerId && x.provider === provider && x.status === 'ACTIVE');
  return {
    id: fresh.uuid(),
    status: 'ACTIVE',
    isDefault,
    sipHost: null,
    outboundUsername: null,
    sourceIps: [],
    transport: provider === 'sip' ? 'UDP' : null,
    secretHashes: {},
    createdAt: now,
    updatedAt: now,
    ...fields,
    provider,
    partnerId,
    phoneNumbers: numbers,
    outboundPasswordHash: outboundPassword === undefined ? null : sha256Hex(outboundPassword),
  };
}

export function addVocobaseConnection(s: VocobaseState, partnerIdOrKey: string, c: NewVocobaseConnection): VocobaseConnectionRecord {
  const partner = resolveVocobasePartner(s, partnerIdOrKey);
  if (!partner) throw new Error('no such Vocobase partner');
  if (!c.name) throw new Error('addVocobaseConnection needs name');
  if (c.provider !== undefined && !(VOCOBASE_PROVIDERS as readonly string[]).includes(c.provider)) throw new Error(`unknown provider ${c.provider}`);
  const record = makeVocobaseConnection(s, partner.id, c);
  s.connections.push(record);
  return record;
}
