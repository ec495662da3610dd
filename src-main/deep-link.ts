// trunkdesk:// links: anything on the computer (a web page, a chat message, another app) can open
// one, so a link is hostile input. The one form accepted is
//
//   trunkdesk://open?profile=<profile id>&customer=<account id>     (customer optional)
//
// Its ids follow the contract's own rules (ProfileId, CustomerAuthId), nothing else may be in it,
// and a link never carries a secret: one with a token, key or password parameter is refused, so no
// page can hand Trunkdesk a credential. Pure: index.ts feeds it process.argv, 'second-instance'
// argv and macOS 'open-url'; services/deep-links.ts hands an accepted link to the window.
import { z } from 'zod';
import { CustomerAuthId, ProfileId } from '../src-preload/contract';

export const LINK_SCHEME = 'trunkdesk';
/** Longer than any valid link (about 150 characters), far shorter than anything that hurts. */
export const MAX_LINK_LENGTH = 512;

export type DeepLink = { profileId: string; accountId?: string };

export type RefusalReason =
  | 'not-a-string'
  | 'too-long'
  | 'unsafe-characters'
  | 'not-a-url'
  | 'wrong-scheme'
  | 'wrong-action'
  | 'has-credentials'
  | 'has-fragment'
  | 'secret-parameter'
  | 'unknown-parameter'
  | 'repeated-parameter'
  | 'bad-profile'
  | 'bad-customer';

export type ParsedLink = { ok: true; link: DeepLink } | { ok: false; reason: RefusalReason; parameters: string[] };

/** Parameter names that would carry a credential: refused whatever else the link holds. */
const SECRET_NAME = /token|key|pass|secret|auth|jwt|bearer|session|cookie|credential|sig/i;

const OpenQuery = z.strictObject({ profile: ProfileId, customer: CustomerAuthId.optional() });

const refuse = (reason: RefusalReason, parameters: string[] = []): ParsedLink => ({ ok: false, reason, parameters });

/**
 * A parameter name as it may be logged: names only (never a value), and only plain ones, since
 * the name itself came from whoever made the link.
 */
const loggableName = (name: string): string => (/^[A-Za-z0-9_-]{1,24}$/.test(name) ? name : '?');

export function parseDeepLink(raw: unknown): ParsedLink {
  if (typeof raw !== 'string') return refuse('not-a-string');
  if (raw.length > MAX_LINK_LENGTH) return refuse('too-long');
  // Visible ASCII only: no spaces, controls, bidi overrides or look-alike letters. A valid link
  // needs none (ids are ASCII), and the URL parser would otherwise quietly strip or encode them.
  if (!/^[\x21-\x7e]+$/.test(raw)) return refuse('unsafe-characters');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('not-a-url');
  }
  if (url.protocol !== `${LINK_SCHEME}:`) return refuse('wrong-scheme');
  // The action is the host; browsers and Windows may add a slash after it (`trunkdesk://open/?…`).
  if (url.host !== 'open' || (url.pathname !== '' && url.pathname !== '/')) return refuse('wrong-action');
  if (url.username !== '' || url.password !== '') return refuse('has-credentials');
  if (raw.includes('#')) return refuse('has-fragment');
  const names = [...url.searchParams.keys()];
  const logged = names.map(loggableName);
  if (names.some((n) => SECRET_NAME.test(n))) return refuse('secret-parameter', logged);
  if (new Set(names).size !== names.length) return refuse('repeated-parameter', logged);
  const query = OpenQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) {
    const issue = query.error.issues[0];
    if (issue?.code === 'unrecognized_keys') return refuse('unknown-parameter', logged);
    return refuse(issue?.path[0] === 'customer' ? 'bad-customer' : 'bad-profile', logged);
  }
  const { profile, customer } = query.data;
  return { ok: true, link: customer === undefined ? { profileId: profile } : { profileId: profile, accountId: customer } };
}

/** What a refused link may say in a log: the reason and the parameter names, never the link. */
export function describeRefusal(r: { reason: RefusalReason; parameters: string[] }): string {
  return `refused a ${LINK_SCHEME}:// link: ${r.reason}${r.parameters.length ? ` (parameters: ${r.parameters.slice(0, 8).join(', ')})` : ''}`;
}

/**
 * The link in a command line (first launch, or a second launch's argv on Windows and Linux), if
 * any. Chromium may add switches of its own around it, so it is found by its scheme, not its place.
 */
export function linkFromArgv(argv: readonly string[]): string | undefined {
  return argv.slice(1).find((a) => typeof a === 'string' && a.slice(0, LINK_SCHEME.length + 1).toLowerCase() === `${LINK_SCHEME}:`);
}

/**
 * The arguments for app.setAsDefaultProtocolClient. Packaged (or on macOS, where the bundle's
 * Info.plist names the scheme): none. Run from source on Windows and Linux, the OS must start
 * Electron with the app's folder, or the link would open a bare Electron.
 */
export function protocolClientArgs(o: { packaged: boolean; platform: NodeJS.Platform; execPath: string; appPath: string | undefined }): [] | [string, string[]] {
  if (o.packaged || o.platform === 'darwin' || !o.appPath) return [];
  return [o.execPath, [o.appPath]];
}
