// The one scrubber of secrets. Main remembers every secret value it holds or has been handed
// (partner and customer tokens, session JWTs, login and customer passwords, SIP passwords typed or
// generated) and replaces each of them, wherever it appears, in everything that leaves main: IPC
// answers and events (ipc/outgoing.ts) and log lines (redact.ts).
//
// Why values and not patterns: a hostile or buggy server can echo a token in any words it likes
// ("Invalid X-Auth-Token abc…"), so only knowing the value itself catches it. Each secret is also
// looked for as the server may have re-encoded it: URL-encoded and JSON-escaped.
//
// Lookup: a count of 4-character prefixes finds the few places where a secret could start, and
// there one set per secret length is asked for the exact text. So scrubbing stays linear in the
// text however many secrets are known (hundreds of customer tokens, every password typed this
// run), even when thousands share a prefix, as every JWT does ("eyJhbGci…").

export const SCRUBBED = '[redacted]';
/** Shorter values cannot be told apart from ordinary text; no provider accepts such a secret. */
export const MIN_SECRET_LENGTH = 4;
/** Bounds memory under a long run (a fuzzer typing tokens): the oldest are forgotten first. */
const MAX_SECRETS = 20_000;
const PREFIX = MIN_SECRET_LENGTH;

class KnownSecrets {
  /** secret -> its variants, in insertion order (a Map keeps it), for eviction. */
  private readonly secrets = new Map<string, string[]>();
  /** variant -> how many secrets have it (two secrets can share an encoded form). */
  private readonly variants = new Map<string, number>();
  private readonly prefixes = new Map<string, number>();
  private readonly byLength = new Map<number, Set<string>>();
  /** Distinct variant lengths, longest first, so the longest match wins. */
  private lengths: number[] = [];

  remember(value: string): void {
    if (value.length < MIN_SECRET_LENGTH) return;
    const had = this.secrets.get(value);
    // Refresh its place so a secret still in use is not the next one evicted.
    this.secrets.delete(value);
    if (had) return void this.secrets.set(value, had);
    const vs = [...new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])];
    this.secrets.set(value, vs);
    for (const v of vs) this.add(v);
    if (this.secrets.size > MAX_SECRETS) this.forget(this.secrets.keys().next().value!);
  }

  private add(v: string): void {
    const n = this.variants.get(v) ?? 0;
    this.variants.set(v, n + 1);
    if (n > 0) return;
    bump(this.prefixes, v.slice(0, PREFIX), 1);
    let set = this.byLength.get(v.length);
    if (!set) {
      this.byLength.set(v.length, (set = new Set()));
      this.lengths = [...this.byLength.keys()].sort((a, b) => b - a);
    }
    set.add(v);
  }

  private forget(value: string): void {
    for (const v of this.secrets.get(value) ?? []) {
      const n = this.variants.get(v) ?? 0;
      if (n > 1) {
        this.variants.set(v, n - 1);
        continue;
      }
      this.variants.delete(v);
      bump(this.prefixes, v.slice(0, PREFIX), -1);
      const set = this.byLength.get(v.length);
      set?.delete(v);
      if (set && set.size === 0) {
        this.byLength.delete(v.length);
        this.lengths = [...this.byLength.keys()].sort((a, b) => b - a);
      }
    }
    this.secrets.delete(value);
  }

  get size(): number {
    return this.secrets.size;
  }

  /** The text with every known secret replaced; the same string when there is none. */
  scrub(text: string): string {
    if (this.prefixes.size === 0 || text.length < MIN_SECRET_LENGTH) return text;
    let out = '';
    let from = 0;
    for (let i = 0; i + PREFIX <= text.length; ) {
      const len = this.prefixes.has(text.slice(i, i + PREFIX)) ? this.matchAt(text, i) : 0;
      if (len > 0) {
        out += text.slice(from, i) + SCRUBBED;
        i += len;
        from = i;
      } else i++;
    }
    return from === 0 ? text : out + text.slice(from);
  }

  private matchAt(text: string, i: number): number {
    for (const len of this.lengths) {
      if (i + len <= text.length && this.byLength.get(len)!.has(text.slice(i, i + len))) return len;
    }
    return 0;
  }
}

function bump(m: Map<string, number>, k: string, by: number): void {
  const n = (m.get(k) ?? 0) + by;
  if (n > 0) m.set(k, n);
  else m.delete(k);
}

const known = new KnownSecrets();

/** Register a secret value so it is scrubbed from everything that leaves main while the app runs. */
export function rememberSecret(value: string | null | undefined): void {
  if (typeof value === 'string') known.remember(value);
}

/**
 * Secrets whose shape the providers document, scrubbed whether or not main knows the value: a key
 * rotated away (or issued) before this run, which a server had put into a stored name, is no
 * longer known after a restart, yet still a secret. Lengths are those of real keys (a VoIPBIN
 * key's 8-character `token_prefix`, which servers show openly, is not matched); no SIP username
 * or customer name the providers accept has this shape.
 */
const SECRET_FORMATS: ReadonlyArray<[RegExp, string]> = [
  // Vocobase API key (api/voipbin_vocobase.md §2.1).
  [/\brg_live_[A-Za-z0-9]{16,}/g, SCRUBBED],
  // VoIPBIN access key (§1.1): `vb_` and a long random part.
  [/\bvb_[A-Za-z0-9]{16,}/g, SCRUBBED],
  // A JWT (VoIPBIN and Vobiz sessions): three base64url parts, the first a JSON header.
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, SCRUBBED],
];

/** The text with every known secret, and everything shaped like a provider's secret, replaced. */
export function scrubText(text: string): string {
  let out = known.scrub(text);
  // Cheap guard: most strings hold none of the formats' anchors.
  if (out.includes('rg_live_') || out.includes('vb_') || out.includes('eyJ')) {
    for (const [re, rep] of SECRET_FORMATS) out = out.replace(re, rep);
  }
  return out;
}

/** How many secrets are known (tests and diagnostics; never the values). */
export const knownSecretCount = (): number => known.size;

/**
 * A deep copy of a JSON-like value with every string scrubbed. `disclosed` names strings that
 * are meant to cross exactly as they are (the one-time reveal of a generated password).
 */
export function scrubDeep<T>(value: T, disclosed?: ReadonlySet<string>): T {
  return walk(value, disclosed) as T;
}

function walk(v: unknown, disclosed: ReadonlySet<string> | undefined): unknown {
  if (typeof v === 'string') return disclosed?.has(v) ? v : scrubText(v);
  if (Array.isArray(v)) return v.map((x) => walk(x, disclosed));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x, disclosed);
    return out;
  }
  return v;
}
