// Display formatting. Money is formatted from the provider's decimal string, not from a float.

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;
const TWO_DECIMALS = { minimumFractionDigits: 2, maximumFractionDigits: 2 } as const;

/** "23906.83000" + "INR" -> "₹23,906.83" (locale dependent). Unparseable input is shown as-is. */
export function formatBalance(balance: string, currency: string | null, locale?: string): string {
  const value = balance.trim();
  if (!DECIMAL.test(value)) return currency ? `${balance} ${currency}` : balance;
  const exact = value as Intl.StringNumericLiteral; // Intl formats numeric strings without float rounding
  if (currency) {
    try {
      return new Intl.NumberFormat(locale, { ...TWO_DECIMALS, style: 'currency', currency }).format(exact);
    } catch {
      // Not an ISO 4217 code Intl knows: show the number and the code side by side.
      return `${new Intl.NumberFormat(locale, TWO_DECIMALS).format(exact)} ${currency}`;
    }
  }
  return new Intl.NumberFormat(locale, TWO_DECIMALS).format(exact);
}

/** "2026-05-12T05:11:51Z" -> "05:11" in local time (24-hour). */
export function formatClock(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** A calm, locale-aware date for "created" lines. */
export function formatDate(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

export function formatCount(n: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2026-04-22T08:51:07Z" -> "2026-04-22 08:51" in local time: compact and sortable by eye. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "1 credential" / "3 credentials". */
export function plural(n: number, one: string, many: string, locale?: string): string {
  return `${formatCount(n, locale)} ${n === 1 ? one : many}`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago `iso` was, for labels that say how old shown data is. `short` fits a pill
 * ("5 min ago"), `long` reads after "from" in a sentence ("5 minutes ago"). Past a month it is
 * the date. A time a little in the future (clocks differ) counts as now.
 */
export function formatAge(iso: string, now: number, style: 'short' | 'long' = 'short'): string {
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return iso;
  const ms = Math.max(0, now - at);
  const long = style === 'long';
  if (ms < MINUTE) return long ? 'less than a minute ago' : 'just now';
  if (ms < HOUR) {
    const m = Math.floor(ms / MINUTE);
    return long ? `${m} ${m === 1 ? 'minute' : 'minutes'} ago` : `${m} min ago`;
  }
  if (ms < DAY) {
    const h = Math.floor(ms / HOUR);
    return long ? `${h} ${h === 1 ? 'hour' : 'hours'} ago` : `${h} h ago`;
  }
  const d = Math.floor(ms / DAY);
  if (d === 1) return 'yesterday';
  if (d < 31) return `${d} days ago`;
  return formatDate(iso);
}

/** A sync's length: "0.4 s", "12 s", "3 min 5 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}
