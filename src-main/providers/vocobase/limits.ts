// Vocobase's published rate limits, kept on our side so normal use never meets a 429
// (api/voipbin_vocobase.md §2.1): 60 requests a minute per API key in general, and 10 a minute for
// `/calls/*`, a /calls request taking a slot in both. One limiter per key and rule, shared by every
// client built for that key (net/rate-limiter.ts RateLimiters, which holds keys only as a hash).
//
// The margin: RateLimiter counts a request from the moment it is let go, but Vocobase counts it
// when it arrives, a little later and not always equally later (a queue for a pooled connection,
// the network). Spacing each request's successor `window + margin` after it keeps the server's
// count within the limit however its own windows are placed, as long as no request takes longer
// than the margin to get from here to there after being let go.
import { AppError } from '../../net/errors';
import { LONGEST_RETRY_PAUSE_MS, RateLimiters, type RateLimiter } from '../../net/rate-limiter';
import { abortableSleep as sleep } from '../../net/sleep';

export const VOCOBASE_GENERAL_LIMIT = 60;
export const VOCOBASE_CALLS_LIMIT = 10;
export const VOCOBASE_WINDOW_MS = 60_000;

export interface VocobaseLimitOptions {
  /** The provider's window (ms); 60,000 in production, shrunk in tests to match the simulator. */
  windowMs?: number;
  generalLimit?: number;
  callsLimit?: number;
  /** Added to the window on our side (see above); default 5 % of the window, 100 ms to 2 s. */
  marginMs?: number;
}

interface Config {
  windowMs: number;
  generalLimit: number;
  callsLimit: number;
  marginMs: number;
}

const defaultMargin = (windowMs: number) => Math.min(2_000, Math.max(100, Math.round(windowMs * 0.05)));

let config: Config = { windowMs: VOCOBASE_WINDOW_MS, generalLimit: VOCOBASE_GENERAL_LIMIT, callsLimit: VOCOBASE_CALLS_LIMIT, marginMs: defaultMargin(VOCOBASE_WINDOW_MS) };
let limiters = new RateLimiters();
/** Per /calls limiter (so per key): /calls requests take their two slots one request at a time. */
let callsTurns = new WeakMap<RateLimiter, Promise<void>>();

/**
 * Set the limits (tests and the simulator wiring shrink the window). Starts fresh limiters, so
 * the new rule applies to every key from the next request on; omitted fields take their defaults.
 */
export function configureVocobaseLimits(o: VocobaseLimitOptions = {}): void {
  const windowMs = o.windowMs ?? VOCOBASE_WINDOW_MS;
  if (!(windowMs > 0)) throw new AppError('INTERNAL', 'The Vocobase rate-limit window must be positive.', { retryable: false });
  config = {
    windowMs,
    generalLimit: o.generalLimit ?? VOCOBASE_GENERAL_LIMIT,
    callsLimit: o.callsLimit ?? VOCOBASE_CALLS_LIMIT,
    marginMs: o.marginMs ?? defaultMargin(windowMs),
  };
  limiters = new RateLimiters();
  callsTurns = new WeakMap();
}

/** The limits in force (read-only copy). */
export function vocobaseLimits(): Readonly<Config> {
  return { ...config };
}

/** `/calls` and everything under it, whatever the query. */
export const isCallsPath = (path: string): boolean => /^\/calls(?:[/?#]|$)/.test(path);

export interface Slots {
  /** The limiters this request took a slot in (a 429 pauses them). */
  readonly limiters: RateLimiter[];
}

function limitersFor(key: string, baseUrl: string, calls: boolean): { general: RateLimiter; calls?: RateLimiter } {
  const span = config.windowMs + config.marginMs;
  // Per server too: a simulator and the real API count separately.
  const where = baseUrl.replace(/\/+$/, '');
  const general = limiters.get(key, `vocobase ${where}`, { limit: config.generalLimit, windowMs: span });
  if (!calls) return { general };
  return { general, calls: limiters.get(key, `vocobase /calls ${where}`, { limit: config.callsLimit, windowMs: span }) };
}

/**
 * Wait until the request to `path` may start, and take its slots. For a /calls request both
 * slots must be taken at (nearly) the same moment, or the one taken first would count the request
 * as sent too early: so /calls requests of one key take turns, first wait, without taking, for the
 * /calls window (no other /calls request can take it meanwhile), then queue for a general slot
 * with everyone else, and only then take the /calls slot, which is free by then.
 */
export async function takeSlots(key: string, baseUrl: string, path: string, signal?: AbortSignal): Promise<Slots> {
  const l = limitersFor(key, baseUrl, isCallsPath(path));
  if (!l.calls) {
    await l.general.acquire(signal);
    return { limiters: [l.general] };
  }
  const callsLimiter = l.calls;
  const before = callsTurns.get(callsLimiter) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  callsTurns.set(callsLimiter, before.then(() => mine));
  try {
    await before;
    for (let w = callsLimiter.nextWaitMs(); w > 0; w = callsLimiter.nextWaitMs()) await sleep(w, signal);
    await l.general.acquire(signal);
    const t = Date.now();
    await callsLimiter.acquire(signal);
    // Only a 429 pause set meanwhile can have held the /calls slot; then the general one is stale.
    if (Date.now() - t > config.marginMs / 2) await l.general.acquire(signal);
    return { limiters: [l.general, callsLimiter] };
  } finally {
    release();
  }
}

/** Vocobase said 429 anyway: hold every request of these limiters for `ms` (capped). */
export function pauseSlots(slots: Slots, ms: number): number {
  const wait = Math.min(LONGEST_RETRY_PAUSE_MS, Math.max(0, ms));
  for (const l of slots.limiters) l.pause(wait);
  return wait;
}


