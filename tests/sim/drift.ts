// The `drift` fault: the real 2xx body, changed the way an unannounced API change might change it
// (vobiz.md §1: "additive changes can ship without notice, so parse responses leniently").
//
// variant 'extras'  — additive or documented-tolerable changes only. A correct, lenient parser MUST
//                     still succeed (unknown fields added; /me balance as a number and no currency,
//                     both allowed by vobiz.md §3.1; older credential fields description/trunk_id).
// variant 'types'   — (default) the extras PLUS one breaking change per route (a wrong type or a
//                     renamed required field). A parser that validates types MUST reject it:
//   partner.login            tokens.expires_in: "3600" (string)
//   partner.me               is_active: "true" (string)
//   partner.accounts.list    total: "8" (string); every row is_active: "true"/"false"
//   partner.accounts.get     is_active: "true"/"false" (string)
//   partner.accounts.create  auth_id renamed to account_auth_id
//   credentials.list         meta.total (or total_count): string; every object enabled: "true"/"false"
//   credentials.create/update enabled: "true"/"false" (string)
// Routes without a JSON body (credentials.delete → 204) are sent unchanged.
import { isRecord } from './router';

export type DriftVariant = 'types' | 'extras';

type Obj = Record<string, unknown>;

const ROW_EXTRAS: Obj = { sip_domain: null, tags: [], metadata: {} };
const CREDENTIAL_EXTRAS: Obj = { description: null, trunk_id: null };

function boolToString(o: Obj, field: string): void {
  if (typeof o[field] === 'boolean') o[field] = String(o[field]);
}

function rows(o: Obj, field: string): Obj[] {
  const v = o[field];
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

const drifts: Record<string, (body: Obj, breaking: boolean) => void> = {
  'partner.login': (b, breaking) => {
    b.issued_at = new Date().toISOString();
    const tokens = isRecord(b.tokens) ? b.tokens : undefined;
    if (!tokens) return;
    tokens.scope = 'partner';
    if (breaking) tokens.expires_in = String(tokens.expires_in);
  },
  'partner.me': (b, breaking) => {
    Object.assign(b, { region: 'ap-south-1', features: { kyc_widget: true, concurrency_marketplace: false }, timezone: 'Asia/Kolkata' });
    b.balance = Number(b.balance); // documented as string, but parse "string or number" (§3.1)
    delete b.currency; // optional per §3.1
    if (breaking) boolToString(b, 'is_active');
  },
  'partner.accounts.list': (b, breaking) => {
    const size = typeof b.size === 'number' ? b.size : 20;
    const total = typeof b.total === 'number' ? b.total : 0;
    Object.assign(b, { per_page: size, total_pages: Math.ceil(total / size), has_more: false });
    for (const row of rows(b, 'accounts')) {
      Object.assign(row, ROW_EXTRAS);
      if (breaking) boolToString(row, 'is_active');
    }
    if (breaking) b.total = String(b.total);
  },
  'partner.accounts.get': (b, breaking) => {
    Object.assign(b, ROW_EXTRAS);
    if (breaking) boolToString(b, 'is_active');
  },
  'partner.accounts.create': (b, breaking) => {
    Object.assign(b, { message: 'Account created successfully', kyc_status: 'not_started' });
    if (breaking) {
      b.account_auth_id = b.auth_id;
      delete b.auth_id;
    }
  },
  'credentials.list': (b, breaking) => {
    b.api_id = '00000000-0000-4000-8000-000000000000';
    const meta = isRecord(b.meta) ? b.meta : undefined;
    if (meta) {
      Object.assign(meta, { next: null, previous: null });
      if (breaking) for (const k of ['total', 'total_count']) if (k in meta) meta[k] = String(meta[k]);
    }
    for (const c of rows(b, 'objects')) {
      Object.assign(c, CREDENTIAL_EXTRAS);
      if (breaking) boolToString(c, 'enabled');
    }
  },
  'credentials.create': (b, breaking) => driftCredential(b, breaking),
  'credentials.update': (b, breaking) => driftCredential(b, breaking),
  // VoIPBIN: extras = unknown fields and the documented "9999-01-01 00:00:00.000000" tm_delete
  // sentinel for "not deleted" (§1.8.7); breaking = `extension` as a number.
  'voipbin.extensions.list': (b, breaking) => {
    for (const e of rows(b, 'result')) driftExtension(e, breaking);
  },
  'voipbin.extensions.get': (b, breaking) => driftExtension(b, breaking),
  'voipbin.extensions.create': (b, breaking) => driftExtension(b, breaking),
  'voipbin.extensions.update': (b, breaking) => driftExtension(b, breaking),
  'voipbin.trunks.list': (b, breaking) => {
    for (const t of rows(b, 'result')) {
      Object.assign(t, { tm_delete: '9999-01-01 00:00:00.000000', registered: false });
      if (breaking) t.allowed_ips = Array.isArray(t.allowed_ips) ? t.allowed_ips.join(',') : t.allowed_ips;
    }
  },
  // Vocobase: extras = unknown fields; breaking = is_default / agent_limit as strings.
  'vocobase.config': (b, breaking) => {
    const d = isRecord(b.data) ? b.data : undefined;
    if (!d) return;
    Object.assign(d, { features: { knowledge_base: true }, credits: { balance: 1200.5, currency: 'INR' } });
    if (breaking) d.agent_limit = String(d.agent_limit);
  },
  'vocobase.connections.list': (b, breaking) => {
    const d = isRecord(b.data) ? b.data : undefined;
    if (!d) return;
    d.total = Array.isArray(d.connections) ? d.connections.length : 0;
    for (const c of rows(d, 'connections')) driftConnection(c, breaking);
  },
  'vocobase.connections.create': (b, breaking) => {
    const d = isRecord(b.data) ? b.data : undefined;
    if (d && isRecord(d.connection)) driftConnection(d.connection, breaking);
  },
};

function driftExtension(e: Obj, breaking: boolean): void {
  Object.assign(e, { tm_delete: '9999-01-01 00:00:00.000000', type: 'extension', realm: `${String(e.customer_id)}.registrar.voipbin.net` });
  if (breaking && typeof e.extension === 'string' && /^\d+$/.test(e.extension)) e.extension = Number(e.extension);
}

function driftConnection(c: Obj, breaking: boolean): void {
  Object.assign(c, { updated_at: c.created_at, metadata: {}, region: 'ap-south-1' });
  if (breaking) boolToString(c, 'is_default');
}

function driftCredential(b: Obj, breaking: boolean): void {
  Object.assign(b, CREDENTIAL_EXTRAS, { api_id: '00000000-0000-4000-8000-000000000000' });
  if (breaking) boolToString(b, 'enabled');
}

/** A drifted copy of `body` for the named route; the body itself is not touched. */
export function driftBody(routeName: string, body: unknown, variant: DriftVariant = 'types'): unknown {
  const apply = drifts[routeName];
  if (!apply || !isRecord(body)) return body;
  const copy = structuredClone(body);
  apply(copy, variant === 'types');
  return copy;
}
