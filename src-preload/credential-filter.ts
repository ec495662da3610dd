// Whether one credential matches a view's filter: the one rule, used by main's view index (every
// page, export and "all matching" bulk action) and by the renderer (which rows of the page shown
// belong to an "all matching" selection made under another filter). Pure, no zod: the renderer
// and main both import it.
import type { CredentialFilter } from './contract';

/**
 * A filter prepared once for many checks: the needle lowercased, and whether any date applies.
 * The check takes the fields as arguments (the username already lowercased, as main keeps it per
 * list), so a keystroke's scan of 100,000 credentials allocates nothing per credential.
 */
export type FilterCheck = (lowerUsername: string, enabled: boolean, createdAt: string | null, updatedAt: string | null) => boolean;

export function prepareFilter(filter: CredentialFilter | undefined): FilterCheck {
  const f = filter ?? {};
  const needle = f.username?.trim().toLowerCase() || undefined;
  const dated = !!(f.createdFrom || f.createdTo || f.updatedFrom || f.updatedTo);
  return (lowerUsername, enabled, createdAt, updatedAt) => {
    if (needle && !lowerUsername.includes(needle)) return false;
    if (f.enabled !== undefined && enabled !== f.enabled) return false;
    return !dated || (within(createdAt, f.createdFrom, f.createdTo) && within(updatedAt, f.updatedFrom, f.updatedTo));
  };
}

function within(iso: string | null, from?: string, to?: string): boolean {
  const day = (iso ?? '').slice(0, 10);
  return (!from || day >= from) && (!to || (day !== '' && day <= to));
}
