// VoIPBIN limits each customer to about 16.7 requests a second, burst 33, with agent JWTs and
// access keys sharing one bucket (api/voipbin_vocobase.md §1.6). One client-side limiter per
// customer credential, shared by every client built for it, keeps normal use under that: a sync
// walk, a burst of reads and the sign-in all queue here, so VoIPBIN never has to say 429.
import { LONGEST_RETRY_PAUSE_MS, RateLimiter, RateLimiters, type RateRule } from '../../net/rate-limiter';
import type { VoipbinCredentials } from './session';

/** 16 starts in any 1,000 ms: under 16.7 rps, and far under the burst of 33. */
export const VOIPBIN_RATE: RateRule = { limit: 16, windowMs: 1_000 };

const limiters = new RateLimiters();

/** The limiter of one customer credential: the access key, or the username at this base URL. */
export function limiterFor(baseUrl: string, creds: VoipbinCredentials): RateLimiter {
  // RateLimiters keeps only a hash of what it is given, so the key does not live on in the map.
  const secret = creds.kind === 'accesskey' ? `key:${creds.key}` : `login:${creds.username.toLowerCase()}`;
  return limiters.get(secret, `voipbin ${baseUrl}`, VOIPBIN_RATE);
}

/** VoIPBIN said 429 anyway: pause the limiter for what it asked (at least 1 s, at most 60 s). */
export function pauseAfter429(limiter: RateLimiter, retryAfterSeconds: number): void {
  limiter.pause(Math.min(LONGEST_RETRY_PAUSE_MS, Math.max(1, retryAfterSeconds) * 1000));
}
