// Sorting and filtering a customer's whole credential list in main. Vobiz pages credentials with
// limit/offset but documents no sort or filter, so a sorted or filtered view is built from every
// page; the plain view uses Vobiz's own paging.
import type { CredentialDTO, CredentialFilter, CredentialSort } from '../../src-preload/contract';

export function isPlainView(sort?: CredentialSort, filter?: CredentialFilter): boolean {
  return !sort && (!filter || Object.values(filter).every((v) => v === undefined || v === ''));
}

export function applyView(items: readonly CredentialDTO[], sort?: CredentialSort, filter?: CredentialFilter): CredentialDTO[] {
  const f = filter ?? {};
  const needle = f.username?.toLowerCase();
  const day = (iso: string | null) => (iso ?? '').slice(0, 10);
  const within = (iso: string | null, from?: string, to?: string) => (!from || day(iso) >= from) && (!to || (day(iso) !== '' && day(iso) <= to));
  const out = items.filter(
    (c) =>
      (!needle || c.username.toLowerCase().includes(needle)) &&
      (f.enabled === undefined || c.enabled === f.enabled) &&
      within(c.createdAt, f.createdFrom, f.createdTo) &&
      within(c.updatedAt, f.updatedFrom, f.updatedTo),
  );
  if (sort) {
    const dir = sort.dir === 'asc' ? 1 : -1;
    const key = (c: CredentialDTO): string => {
      switch (sort.field) {
        case 'username':
          return c.username.toLowerCase();
        case 'enabled':
          return c.enabled ? '1' : '0';
        case 'createdAt':
          return c.createdAt ?? '';
        case 'updatedAt':
          return c.updatedAt ?? '';
      }
    };
    out.sort((a, b) => dir * key(a).localeCompare(key(b)) || a.username.localeCompare(b.username));
  }
  return out;
}
