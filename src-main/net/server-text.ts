// Words a server wrote, made fit to show: secrets cut out first, then the length capped. The
// order matters: a cap that cut a secret in half would leave a prefix the scrubber no longer
// recognises (a VoIPBIN error that echoed the session JWT showed its first 200 characters).
import { scrubText } from './scrub';

/** A server's message, scrubbed of every known secret, then clipped to `max` characters. */
export function serverText(s: string, max = 240): string {
  const clean = scrubText(s);
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
