// Views over one stored credential list: filter, sort and page in main, at 100,000 credentials,
// per keystroke. The lowercase usernames and day strings are computed once per list, and each
// sort order once per list and field (then reversed for the other direction), so a keystroke
// costs one linear scan and a sort costs nothing after the first.
import type { CredentialFilter, CredentialSort } from '../../src-preload/contract';
import type { SipCredential } from '../providers/provider';

export class CredentialIndex {
  private readonly lower: string[];
  private readonly orders = new Map<CredentialSort['field'], Uint32Array>();
  private ids: Map<string, SipCredential> | undefined;

  constructor(readonly items: readonly SipCredential[]) {
    this.lower = items.map((c) => c.username.toLowerCase());
  }

  byId(id: string): SipCredential | undefined {
    this.ids ??= new Map(this.items.map((c) => [c.id, c]));
    return this.ids.get(id);
  }

  /** Positions of the matching items, in the sort's order. */
  view(sort?: CredentialSort, filter?: CredentialFilter): number[] {
    const f = filter ?? {};
    const needle = f.username?.trim().toLowerCase() || undefined;
    const dated = !!(f.createdFrom || f.createdTo || f.updatedFrom || f.updatedTo);
    const keep = (i: number): boolean => {
      if (needle && !this.lower[i]!.includes(needle)) return false;
      const c = this.items[i]!;
      if (f.enabled !== undefined && c.enabled !== f.enabled) return false;
      return !dated || (within(c.createdAt, f.createdFrom, f.createdTo) && within(c.updatedAt, f.updatedFrom, f.updatedTo));
    };
    const out: number[] = [];
    if (!sort) {
      for (let i = 0; i < this.items.length; i++) if (keep(i)) out.push(i);
      return out;
    }
    const order = this.order(sort.field);
    if (sort.dir === 'asc') for (let k = 0; k < order.length; k++) keep(order[k]!) && out.push(order[k]!);
    else for (let k = order.length - 1; k >= 0; k--) keep(order[k]!) && out.push(order[k]!);
    return out;
  }

  page(sort: CredentialSort | undefined, filter: CredentialFilter | undefined, offset: number, limit: number): { items: SipCredential[]; total: number } {
    const positions = this.view(sort, filter);
    return { items: positions.slice(offset, offset + limit).map((i) => this.items[i]!), total: positions.length };
  }

  /** Ascending order for a field; ties broken by username, then id, so it is stable and total. */
  private order(field: CredentialSort['field']): Uint32Array {
    const cached = this.orders.get(field);
    if (cached) return cached;
    const key: string[] =
      field === 'username'
        ? this.lower
        : this.items.map((c) => (field === 'enabled' ? (c.enabled ? '1' : '0') : ((field === 'createdAt' ? c.createdAt : c.updatedAt) ?? '')));
    const idx = Array.from({ length: this.items.length }, (_, i) => i);
    const lower = this.lower;
    const items = this.items;
    idx.sort((a, b) => cmp(key[a]!, key[b]!) || cmp(lower[a]!, lower[b]!) || cmp(items[a]!.id, items[b]!.id));
    const order = Uint32Array.from(idx);
    this.orders.set(field, order);
    return order;
  }
}

/** Code-unit order of precomputed keys: no per-comparison allocation or locale lookup. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function within(iso: string | null, from?: string, to?: string): boolean {
  const day = (iso ?? '').slice(0, 10);
  return (!from || day >= from) && (!to || (day !== '' && day <= to));
}
