// What one account's sync changed since the previous one: added, removed, enabled, disabled, and
// password changed where the provider's updated_at moved while the enabled flag did not (the one
// sign of a new password that a list can show). Usernames are listed up to 50 of each kind; the
// counts are exact.
import type { AccountChangesDTO } from '../../src-preload/contract';
import type { SipCredential } from '../providers/provider';

const LIST_AT_MOST = 50;

/** The changes, or undefined when nothing changed (and it was not the first sync). */
export function diffLists(account: { accountId: string; name: string }, before: readonly SipCredential[] | undefined, after: readonly SipCredential[]): AccountChangesDTO | undefined {
  const kinds = { added: [] as string[], removed: [] as string[], enabled: [] as string[], disabled: [] as string[], passwordChanged: [] as string[] };
  if (before) {
    const old = new Map(before.map((c) => [c.id, c]));
    for (const c of after) {
      const was = old.get(c.id);
      if (!was) kinds.added.push(c.username);
      else {
        if (was.enabled !== c.enabled) (c.enabled ? kinds.enabled : kinds.disabled).push(c.username);
        else if (c.updatedAt && was.updatedAt && c.updatedAt !== was.updatedAt) kinds.passwordChanged.push(c.username);
        old.delete(c.id);
      }
    }
    for (const c of old.values()) kinds.removed.push(c.username);
  }
  const counts = { added: kinds.added.length, removed: kinds.removed.length, enabled: kinds.enabled.length, disabled: kinds.disabled.length, passwordChanged: kinds.passwordChanged.length };
  if (before && Object.values(counts).every((n) => n === 0)) return undefined;
  const clip = (l: string[]) => l.sort().slice(0, LIST_AT_MOST);
  return {
    customerAuthId: account.accountId,
    customerName: account.name,
    added: clip(kinds.added),
    removed: clip(kinds.removed),
    enabled: clip(kinds.enabled),
    disabled: clip(kinds.disabled),
    passwordChanged: clip(kinds.passwordChanged),
    counts,
    firstSync: !before,
  };
}
