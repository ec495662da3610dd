// Views over one profile's whole customer list: search, sort and page in main. The provider pages
// its account list but does not sort it (vobiz.md §2a, §7.14), so the customer service reads every
// page once and this index orders the lot. The lowercase search text is computed once per list and
// each order once per list, field and direction, so a keystroke or a page change is one scan.
import type { CustomerSort } from '../../src-preload/contract';
import type { StoredAccount } from '../store/local-store';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export interface CustomerView {
  rows: StoredAccount[];
  /** Matches of the search (all pages). */
  total: number;
  /** The page shown: the one asked for, or the last one when the search left fewer. */
  page: number;
}

export class CustomerIndex {
  private readonly haystack: string[];
  private readonly orders = new Map<string, Uint32Array>();

  constructor(readonly rows: readonly StoredAccount[]) {
    this.haystack = rows.map((a) => [a.name, a.email, a.authId, a.company].filter(Boolean).join('\n').toLowerCase());
  }

  view(sort: CustomerSort, search: string, page: number, perPage: number): CustomerView {
    const needle = search.trim().toLowerCase();
    const order = this.order(sort);
    const matches: number[] = [];
    for (let k = 0; k < order.length; k++) if (!needle || this.haystack[order[k]!]!.includes(needle)) matches.push(order[k]!);
    const pages = Math.max(1, Math.ceil(matches.length / perPage));
    const shown = Math.min(Math.max(1, page), pages);
    const rows = matches.slice((shown - 1) * perPage, shown * perPage).map((i) => this.rows[i]!);
    return { rows, total: matches.length, page: shown };
  }

  /**
   * Positions in the sort's order. Customers without the key (no balance, no created date) come
   * last in both directions; ties are broken by name, then auth id, so every order is total and
   * pages never share or skip a customer.
   */
  private order(sort: CustomerSort): Uint32Array {
    const cacheKey = `${sort.field}:${sort.dir}`;
    const cached = this.orders.get(cacheKey);
    if (cached) return cached;
    const { rows } = this;
    const sign = sort.dir === 'asc' ? 1 : -1;
    const key = rows.map((a) => keyOf(a, sort.field));
    const byName = (a: number, b: number) => collator.compare(rows[a]!.name, rows[b]!.name) || cmp(rows[a]!.authId, rows[b]!.authId);
    const idx = Array.from({ length: rows.length }, (_, i) => i);
    idx.sort((a, b) => {
      const x = key[a]!;
      const y = key[b]!;
      if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
      const primary = typeof x === 'string' ? (sort.field === 'name' ? collator.compare(x, y as string) : cmp(x, y as string)) : (x as number) - (y as number);
      return sign * primary || byName(a, b);
    });
    const order = Uint32Array.from(idx);
    this.orders.set(cacheKey, order);
    return order;
  }
}

/** A sortable key; null when the customer has none. Status: active before inactive when ascending. */
function keyOf(a: StoredAccount, field: CustomerSort['field']): string | number | null {
  switch (field) {
    case 'name':
      return a.name;
    case 'createdAt': {
      // By instant, not by text: the provider's timestamps need not share one format.
      const t = a.createdAt ? Date.parse(a.createdAt) : NaN;
      return Number.isFinite(t) ? t : null;
    }
    case 'status':
      return a.isActive ? 0 : 1;
    case 'balance': {
      const n = a.cashCredits === null ? NaN : Number(a.cashCredits);
      return Number.isFinite(n) ? n : null;
    }
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
