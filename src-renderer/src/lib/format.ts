// The one place dates, times, ages, durations, counts and money become text. Everything goes
// through Intl in the admin's own locale and time zone (the OS's, which Chromium and Electron pass
// to the renderer as its defaults), so the table, the panels, the pills and the native date
// filters all agree. An absolute time always names its zone ("5 Jun 2025, 11:25 GMT+1"): the
// provider's clock, the admin's and a colleague's are rarely the same.
//
// Intl formatters are costly to build and the credential table formats many rows per frame, so
// each one is built once per (locale, zone, options) and kept.
//
// Every function takes an optional `{ locale, timeZone }`: only tests pass one; the app uses the
// defaults.

export type Where = { locale?: string | undefined; timeZone?: string | undefined };

const cache = new Map<string, unknown>();

function cached<T>(kind: string, where: Where, options: object, make: () => T): T {
  const key = `${kind}|${where.locale ?? ''}|${where.timeZone ?? ''}|${JSON.stringify(options)}`;
  let f = cache.get(key) as T | undefined;
  if (f === undefined) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

function dateTimeFormat(where: Where, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached('dt', where, options, () => new Intl.DateTimeFormat(where.locale, { ...options, ...(where.timeZone ? { timeZone: where.timeZone } : {}) }));
}

function numberFormat(where: Where, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached('num', where, options, () => new Intl.NumberFormat(where.locale, options));
}

function relativeFormat(where: Where, options: Intl.RelativeTimeFormatOptions): Intl.RelativeTimeFormat {
  return cached('rel', where, options, () => new Intl.RelativeTimeFormat(where.locale, options));
}

function parse(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

// ---------------------------------------------------------------------------------------------
// Absolute times

const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };

/** "2025-06-05T10:25:00Z" -> "5 Jun 2025, 11:25 GMT+1" (en-GB, London) or "Jun 5, 2025, 6:25 AM EDT" (en-US, New York). */
export function formatDateTime(iso: string, where: Where = {}): string {
  const d = parse(iso);
  return d ? dateTimeFormat(where, { ...DATE, ...TIME }).format(d) : iso;
}

/**
 * For a column of times whose header names the zone once (`zoneLabel`): "5 Jun 2025, 11:25" /
 * "Jun 5, 2025, 6:25 AM". Repeating "GMT+5:30" on every row of a table is noise and width.
 */
export function formatDateTimeNoZone(iso: string, where: Where = {}): string {
  const d = parse(iso);
  return d ? dateTimeFormat(where, { ...DATE, hour: 'numeric', minute: '2-digit' }).format(d) : iso;
}

/**
 * The admin's zone, short, for a column header: its generic name where that is short ("ET",
 * "MEZ"), else its offset now ("GMT+5:30"). Generic, not "EST"/"EDT": one header covers rows
 * from summer and winter, each written in its own wall time.
 */
export function zoneLabel(where: Where = {}, now: number = Date.now()): string {
  const part = (style: 'shortGeneric' | 'short') =>
    dateTimeFormat(where, { timeZoneName: style }).formatToParts(now).find((x) => x.type === 'timeZoneName')?.value ?? '';
  const generic = part('shortGeneric');
  return generic && generic.length <= 6 ? generic : part('short');
}

/** "5 Jun 2025" / "Jun 5, 2025": the day in the admin's zone, for "created" lines. */
export function formatDate(iso: string, where: Where = {}): string {
  const d = parse(iso);
  return d ? dateTimeFormat(where, DATE).format(d) : iso;
}

/**
 * A time soon before or after now (a session's end): "11:25 GMT+1" when it falls today in the
 * admin's zone, the full date and time when it does not (a bare time past midnight misleads).
 */
export function formatTime(iso: string, now: number = Date.now(), where: Where = {}): string {
  const d = parse(iso);
  if (!d) return iso;
  const day = dateTimeFormat(where, DATE);
  return day.format(d) === day.format(now) ? dateTimeFormat(where, TIME).format(d) : formatDateTime(iso, where);
}

type DatePart = 'day' | 'month' | 'year';

/**
 * How the locale writes a numeric date, as a hint for date inputs: "dd/mm/yyyy" (en-GB),
 * "mm/dd/yyyy" (en-US), "dd.mm.yyyy" (de). Chromium's native date input follows the same locale,
 * so the hint describes what the field shows.
 */
export function datePattern(where: Where = {}): string {
  const letters: Record<DatePart, string> = { day: 'dd', month: 'mm', year: 'yyyy' };
  return dateTimeFormat(where, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(Date.UTC(2001, 10, 22, 12)))
    .map((p) => (p.type === 'literal' ? p.value : (letters[p.type as DatePart] ?? '')))
    .join('');
}

// ---------------------------------------------------------------------------------------------
// Relative ages

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago `iso` was, for labels that say how old shown data is: `short` fits a pill
 * ("5 min ago"), `long` reads in a sentence ("5 minutes ago"). Under a minute it is "just now"
 * ("less than a minute ago" in a sentence: ages tick every 15 s, so seconds would be stale); past a month, the date. A time a little in
 * the future (clocks differ) counts as now. Show it in a <time> whose title is formatDateTime.
 */
export function formatAge(iso: string, now: number, style: 'short' | 'long' = 'short', where: Where = {}): string {
  const at = parse(iso)?.getTime();
  if (at === undefined) return iso;
  const ms = Math.max(0, now - at);
  if (ms < MINUTE) return style === 'short' ? 'just now' : 'less than a minute ago'; // "from just now" would not read
  const rtf = relativeFormat(where, { numeric: 'auto', style: style === 'short' ? 'short' : 'long' });
  if (ms < HOUR) return rtf.format(-Math.floor(ms / MINUTE), 'minute');
  if (ms < DAY) return rtf.format(-Math.floor(ms / HOUR), 'hour');
  const days = Math.floor(ms / DAY);
  if (days < 31) return rtf.format(-days, 'day');
  return formatDate(iso, where);
}

// ---------------------------------------------------------------------------------------------
// Numbers, durations, money

export function formatCount(n: number, where: Where = {}): string {
  return numberFormat(where, {}).format(n);
}

/** "1 credential" / "3 credentials". */
export function plural(n: number, one: string, many: string, where: Where = {}): string {
  return `${formatCount(n, where)} ${n === 1 ? one : many}`;
}

function unit(n: number, name: 'second' | 'minute', digits: number, where: Where): string {
  return numberFormat(where, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

/** A sync's or a wait's length: "0.4 sec", "12 sec", "3 min, 5 sec" (en-US; "0.4s"/"12s" in some locales). */
export function formatDuration(ms: number, where: Where = {}): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 10 * SECOND) return unit(ms / SECOND, 'second', 1, where);
  const s = Math.round(ms / SECOND);
  if (s < 60) return unit(s, 'second', 0, where);
  return `${unit(Math.floor(s / 60), 'minute', 0, where)} ${unit(s % 60, 'second', 0, where)}`;
}

/** Whole seconds waited so far: "3 sec". */
export function formatElapsed(ms: number, where: Where = {}): string {
  return unit(Math.max(0, Math.floor(ms / SECOND)), 'second', 0, where);
}

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;
const TWO_DECIMALS = { minimumFractionDigits: 2, maximumFractionDigits: 2 } as const;

/**
 * "23906.83000" + "INR" -> "₹23,906.83" (en-IN "₹23,906.83", de "23.906,83 ₹"). Money is formatted
 * from the provider's decimal string, never through a float. Unparseable input is shown as-is.
 * A balance with no known currency is shown with a plain number; callers say why.
 */
export function formatBalance(balance: string, currency: string | null, where: Where = {}): string {
  const value = balance.trim();
  if (!DECIMAL.test(value)) return currency ? `${balance} ${currency}` : balance;
  const exact = value as Intl.StringNumericLiteral; // Intl formats numeric strings without float rounding
  if (currency) {
    try {
      return numberFormat(where, { ...TWO_DECIMALS, style: 'currency', currency }).format(exact);
    } catch {
      // Not an ISO 4217 code Intl knows: show the number and the code side by side.
      return `${numberFormat(where, TWO_DECIMALS).format(exact)} ${currency}`;
    }
  }
  return numberFormat(where, TWO_DECIMALS).format(exact);
}
