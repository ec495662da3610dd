// Words a server wrote, made fit to show: secrets cut out first, then the length capped. The
// order matters: a cap that cut a secret in half would leave a prefix the scrubber no longer
// recognises (a VoIPBIN error that echoed the session JWT showed its first 200 characters).
import { scrubText } from './scrub';

/** A server's message, scrubbed of every known secret, then clipped to `max` characters. */
export function serverText(s: string, max = 240): string {
  const clean = scrubText(s);
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/**
 * Words that are only a code ("20050", "E1042", "QUOTA_EXCEEDED"), not a sentence. Shown bare they
 * mean nothing to an admin (issue 9 found an error that read "20050"), so they are only ever
 * shown as a labelled reference after a sentence of ours: "… Error code 20050."
 */
export function isBareCode(s: string): boolean {
  const t = s.trim().replace(/^["'“‘]+|["'”’.]+$/g, '');
  if (!/^[A-Za-z0-9_.:#/-]{1,40}$/.test(t)) return false;
  return /\d/.test(t) || /^[A-Z0-9]+(_[A-Z0-9]+)+$/.test(t);
}

/** A labelled reference to a code the server gave: " Error code 20050." (with its leading space). */
export function codeReference(code: string): string {
  return ` Error code ${serverText(code.trim().replace(/^["'“‘]+|["'”’.]+$/g, ''), 40)}.`;
}

/**
 * What the server said, to follow a sentence of ours: ` Vobiz said: “No such account”`, or
 * ` Error code 20050.` when all it said was a code, or nothing when it said nothing.
 */
export function serverSaid(provider: string, s: string | undefined): string {
  if (!s) return '';
  return isBareCode(s) ? codeReference(s) : ` ${provider} said: “${serverText(s)}”`;
}

/** The server's message as a sentence of its own, or `ours` followed by its code when it gave only a code (or `ours` alone when it gave nothing). */
export function serverSentence(s: string | undefined, ours: string): string {
  if (!s) return ours;
  return isBareCode(s) ? `${ours}${codeReference(s)}` : serverText(s);
}
