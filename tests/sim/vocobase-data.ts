// Deterministic Vocobase demo data (same ids, keys and timestamps on every run).
//  - Cinder Voice AI (ACTIVE): 4 SIP carrier connections (BYOP trunks) and 1 Twilio connection,
//    a dozen calls for GET /calls.
//  - Halcyon Callbots (SUSPENDED): its key is valid, every request is 403 FORBIDDEN.
import { isoMicros, seeded } from './ids';
import { clearVocobase, keyPrefixOf } from './vocobase-records';
import { sha256Hex } from './voipbin-records';
import type { VocobaseCallRecord, VocobaseConnectionRecord, VocobasePartnerRecord, VocobaseState } from './types';

const CINDER_ID = seeded.uuid('vocobase:partner:cinder');
const HALCYON_ID = seeded.uuid('vocobase:partner:halcyon');
const key = (label: string): string => `rg_live_${seeded.token(`vocobase:key:${label}`).slice(0, 32)}`;

/** Printable Vocobase demo credentials (base URL: `sim.vocobaseBaseUrl`; send as `Authorization: Bearer <key>`). */
export const DEMO_VOCOBASE = {
  cinder: { partnerId: CINDER_ID, name: 'Cinder Voice AI', key: key('cinder'), status: 'ACTIVE', sipConnections: 4, otherConnections: 1, calls: 12 },
  suspended: { partnerId: HALCYON_ID, name: 'Halcyon Callbots', key: key('halcyon'), status: 'SUSPENDED', sipConnections: 1, otherConnections: 0, calls: 0 },
} as const;

const BASE_MS = Date.UTC(2025, 7, 4); // 2025-08-04

function stamp(label: string, hours: number): string {
  const ms = BASE_MS + hours * 3_600_000 + seeded.int(`${label}:ms`, 0, 3_599_999);
  return isoMicros(ms * 1000).replace(/\.(\d{3})000Z$/, '.$1Z'); // JS-style ISO (ms): a Node/Postgres backend
}

function partner(id: string, name: string, k: string, fields: Partial<VocobasePartnerRecord>, hours: number): VocobasePartnerRecord {
  return {
    id,
    name: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    displayName: name,
    status: 'ACTIVE',
    keyHash: sha256Hex(k),
    keyPrefix: keyPrefixOf(k),
    agentLimit: 10,
    currentAgentCount: 3,
    allowedVoices: ['aria', 'kabir', 'meera', 'james'],
    allowedLanguages: ['en-IN', 'hi-IN', 'en-US'],
    allowedTelephonyProviders: ['sip', 'twilio', 'plivo', 'vobiz'],
    concurrencyLimit: 5,
    createdAt: stamp(`partner:${id}`, hours),
    ...fields,
  };
}

interface SeedSip {
  name: string;
  sipHost: string;
  user: string | null;
  did: string;
  ips: string[];
  transport: 'UDP' | 'TCP' | 'TLS';
  status?: 'ACTIVE' | 'INACTIVE';
}

const CINDER_SIP: SeedSip[] = [
  { name: 'Primary SIP trunk - Mumbai', sipHost: 'sip.mumbai.carrier-one.example', user: 'cinder-mum', did: '+912240001100', ips: ['203.0.113.10', '203.0.113.11'], transport: 'UDP' },
  { name: 'Backup SIP - Bengaluru', sipHost: 'sip.blr.carrier-one.example', user: 'cinder-blr', did: '+918040002200', ips: ['203.0.113.20'], transport: 'TCP' },
  { name: 'US East SIP', sipHost: 'us-east.trunks.carrier-two.example', user: 'cinder-use1', did: '+12125550123', ips: ['198.51.100.0/28'], transport: 'TLS' },
  { name: 'EU SIP (IP auth)', sipHost: '192.0.2.50', user: null, did: '+442079460111', ips: ['192.0.2.50'], transport: 'UDP', status: 'INACTIVE' },
];

function sipConnection(partnerId: string, s: SeedSip, i: number, isDefault: boolean): VocobaseConnectionRecord {
  const id = seeded.uuid(`vocobase:connection:${s.name}`);
  const created = stamp(`connection:${s.name}`, 24 + i * 30);
  return {
    id,
    partnerId,
    provider: 'sip',
    name: s.name,
    status: s.status ?? 'ACTIVE',
    isDefault,
    phoneNumbers: [{ id: seeded.uuid(`vocobase:number:${s.did}`), phoneNumber: s.did, friendlyName: null, status: 'ACTIVE', isDefault: true }],
    sipHost: s.sipHost,
    outboundUsername: s.user,
    outboundPasswordHash: s.user ? sha256Hex(seeded.token(`vocobase:sip-password:${s.name}`).slice(0, 20)) : null,
    sourceIps: [...s.ips],
    transport: s.transport,
    secretHashes: {},
    createdAt: created,
    updatedAt: created,
  };
}

const CALL_STATUSES: VocobaseCallRecord['status'][] = ['completed', 'completed', 'no_answer', 'completed', 'busy', 'failed', 'completed', 'canceled', 'completed', 'completed', 'in_progress', 'ringing'];

/** Fills `s` (cleared first) with the demo data. */
export function seedVocobase(s: VocobaseState): void {
  clearVocobase(s);
  const d = DEMO_VOCOBASE;
  s.partners.push(
    partner(CINDER_ID, d.cinder.name, d.cinder.key, {}, 0),
    partner(HALCYON_ID, d.suspended.name, d.suspended.key, { status: 'SUSPENDED', currentAgentCount: 1, allowedTelephonyProviders: ['sip'] }, 5),
  );
  CINDER_SIP.forEach((c, i) => s.connections.push(sipConnection(CINDER_ID, c, i, i === 0)));
  const twilioCreated = stamp('connection:twilio', 20);
  s.connections.push({
    id: seeded.uuid('vocobase:connection:twilio'),
    partnerId: CINDER_ID,
    provider: 'twilio',
    name: 'Twilio US',
    status: 'ACTIVE',
    isDefault: true,
    phoneNumbers: [{ id: seeded.uuid('vocobase:number:+14155550177'), phoneNumber: '+14155550177', friendlyName: 'US main', status: 'ACTIVE', isDefault: true }],
    sipHost: null,
    outboundUsername: null,
    outboundPasswordHash: null,
    sourceIps: [],
    transport: null,
    secretHashes: { auth_token: sha256Hex(seeded.token('vocobase:twilio-token')) },
    createdAt: twilioCreated,
    updatedAt: twilioCreated,
  });
  s.connections.push(sipConnection(HALCYON_ID, { name: 'Halcyon SIP', sipHost: 'sip.halcyon-carrier.example', user: 'halcyon', did: '+919820012399', ips: ['203.0.113.90'], transport: 'UDP' }, 0, true));
  CALL_STATUSES.forEach((status, i) => {
    const created = stamp(`call:${i}`, 200 + i * 7);
    const ended = status !== 'in_progress' && status !== 'ringing';
    const answered = status === 'completed' || status === 'in_progress';
    const duration = status === 'completed' ? seeded.int(`call:${i}:duration`, 20, 600) : null;
    s.calls.push({
      callId: seeded.uuid(`vocobase:call:${i}`),
      partnerId: CINDER_ID,
      agentId: seeded.uuid(`vocobase:agent:${i % 3}`),
      sessionId: seeded.uuid(`vocobase:session:${i}`),
      direction: i % 4 === 3 ? 'inbound' : 'outbound',
      fromNumber: i % 2 === 0 ? '+912240001100' : '+14155550177',
      toNumber: `+9198200${String(10000 + i * 137).slice(-5)}`,
      status,
      provider: i % 2 === 0 ? 'sip' : 'twilio',
      durationSeconds: duration,
      errorMessage: status === 'failed' ? 'Carrier rejected the call (SIP 503)' : null,
      startedAt: answered ? created : null,
      endedAt: ended ? stamp(`call:${i}:end`, 200 + i * 7 + 1) : null,
      createdAt: created,
    });
  });
}
