// The one formatting module, in fixed locales and zones: the same instant reads the way each
// admin's OS would write it, always naming its zone, and ages, counts, durations and money follow
// the locale too.
import { describe, expect, it } from 'vitest';
import {
  datePattern,
  formatAge,
  formatBalance,
  formatCount,
  formatDate,
  formatDateTime,
  formatDateTimeNoZone,
  formatDuration,
  formatElapsed,
  formatTime,
  plural,
  zoneLabel,
} from '../../src-renderer/src/lib/format';

const GB_LONDON = { locale: 'en-GB', timeZone: 'Europe/London' };
const GB_KOLKATA = { locale: 'en-GB', timeZone: 'Asia/Kolkata' };
const US_NY = { locale: 'en-US', timeZone: 'America/New_York' };
const DE_BERLIN = { locale: 'de-DE', timeZone: 'Europe/Berlin' };

const SUMMER = '2025-06-05T10:25:00Z';
const WINTER = '2025-01-15T16:25:00Z';
const at = (iso: string) => Date.parse(iso);

describe('a table column of times: the zone once in its header, each cell without it', () => {
  it('cells in the zone, without its name', () => {
    expect(formatDateTimeNoZone(SUMMER, GB_LONDON)).toBe('5 Jun 2025, 11:25');
    expect(formatDateTimeNoZone(SUMMER, GB_KOLKATA)).toBe('5 Jun 2025, 15:55');
    expect(formatDateTimeNoZone(SUMMER, US_NY).replace(/\u202f/g, ' ')).toBe('Jun 5, 2025, 6:25 AM');
  });
  it('the header: a short generic name, else the offset; the same in summer and winter where generic', () => {
    expect(zoneLabel(US_NY, at(SUMMER))).toBe('ET');
    expect(zoneLabel(US_NY, at(WINTER))).toBe('ET');
    expect(zoneLabel(GB_KOLKATA, at(SUMMER))).toBe('GMT+5:30');
    expect(zoneLabel(DE_BERLIN, at(WINTER))).toBe('MEZ');
  });
});

describe('absolute times: Intl, in the admin’s locale and zone, with the zone named', () => {
  it('a date and time', () => {
    expect(formatDateTime(SUMMER, GB_LONDON)).toBe('5 Jun 2025, 11:25 BST');
    expect(formatDateTime(WINTER, GB_LONDON)).toBe('15 Jan 2025, 16:25 GMT');
    expect(formatDateTime(SUMMER, GB_KOLKATA)).toBe('5 Jun 2025, 15:55 GMT+5:30');
    expect(formatDateTime(SUMMER, US_NY)).toBe('Jun 5, 2025, 6:25 AM EDT');
    expect(formatDateTime(WINTER, US_NY)).toBe('Jan 15, 2025, 11:25 AM EST');
    expect(formatDateTime(SUMMER, DE_BERLIN)).toBe('5. Juni 2025, 12:25 MESZ');
  });

  it('the day is the day in the admin’s zone', () => {
    const lateUtc = '2025-06-05T20:00:00Z'; // already 6 June in Kolkata
    expect(formatDate(lateUtc, GB_KOLKATA)).toBe('6 Jun 2025');
    expect(formatDate(lateUtc, US_NY)).toBe('Jun 5, 2025');
  });

  it('a time near now is the time of day when it is today, the whole date and time when it is not', () => {
    expect(formatTime(SUMMER, at(SUMMER) - 30 * 60_000, GB_LONDON)).toBe('11:25 BST');
    expect(formatTime(SUMMER, at(SUMMER) - 30 * 60_000, US_NY)).toBe('6:25 AM EDT');
    // 00:40 in London tomorrow, seen at 23:50 today: a bare "00:40" would mislead.
    expect(formatTime('2025-06-05T23:40:00Z', at('2025-06-05T22:50:00Z'), GB_LONDON)).toBe('6 Jun 2025, 00:40 BST');
  });

  it('the numeric date pattern a date input shows in that locale', () => {
    expect(datePattern(GB_LONDON)).toBe('dd/mm/yyyy');
    expect(datePattern(US_NY)).toBe('mm/dd/yyyy');
    expect(datePattern(DE_BERLIN)).toBe('dd.mm.yyyy');
  });

  it('what is not a time is shown as given, not as "Invalid Date"', () => {
    expect(formatDateTime('soon', US_NY)).toBe('soon');
    expect(formatDate('', US_NY)).toBe('');
  });
});

describe('relative ages: Intl.RelativeTimeFormat', () => {
  const now = at(SUMMER);
  const ago = (ms: number) => new Date(now - ms).toISOString();
  it('short for pills, long for sentences, in the locale', () => {
    expect(formatAge(ago(20_000), now, 'short', US_NY)).toBe('just now');
    expect(formatAge(ago(20_000), now, 'long', US_NY)).toBe('less than a minute ago');
    expect(formatAge(ago(3 * 60_000), now, 'short', US_NY)).toBe('3 min. ago');
    expect(formatAge(ago(3 * 60_000), now, 'short', GB_LONDON)).toBe('3 min ago');
    expect(formatAge(ago(3 * 60_000), now, 'long', GB_LONDON)).toBe('3 minutes ago');
    expect(formatAge(ago(2 * 3_600_000), now, 'long', US_NY)).toBe('2 hours ago');
    expect(formatAge(ago(26 * 3_600_000), now, 'short', US_NY)).toBe('yesterday');
    expect(formatAge(ago(5 * 86_400_000), now, 'short', US_NY)).toBe('5 days ago');
    expect(formatAge(ago(3 * 60_000), now, 'long', DE_BERLIN)).toBe('vor 3 Minuten');
  });
  it('past a month it is the date; a little in the future (clocks differ) is now', () => {
    expect(formatAge('2025-04-01T10:00:00Z', now, 'short', US_NY)).toBe('Apr 1, 2025');
    expect(formatAge(new Date(now + 5_000).toISOString(), now, 'short', US_NY)).toBe('just now');
  });
});

describe('numbers, durations and money', () => {
  it('counts', () => {
    expect(formatCount(1234567, US_NY)).toBe('1,234,567');
    expect(formatCount(1234567, DE_BERLIN)).toBe('1.234.567');
    expect(plural(1, 'credential', 'credentials', US_NY)).toBe('1 credential');
    expect(plural(12000, 'credential', 'credentials', US_NY)).toBe('12,000 credentials');
  });
  it('durations and elapsed waits', () => {
    expect(formatDuration(400, US_NY)).toBe('0.4 sec');
    expect(formatDuration(12_300, US_NY)).toBe('12 sec');
    expect(formatDuration(185_000, US_NY)).toBe('3 min 5 sec');
    expect(formatDuration(-1, US_NY)).toBe('—');
    expect(formatElapsed(3_900, US_NY)).toBe('3 sec');
  });
  it('a balance carries its currency, from the exact decimal string', () => {
    expect(formatBalance('23906.83000', 'INR', US_NY)).toBe('₹23,906.83');
    expect(formatBalance('1250.50000', 'USD', GB_LONDON)).toBe('US$1,250.50');
    expect(formatBalance('1250.50000', 'USD', US_NY)).toBe('$1,250.50');
    expect(formatBalance('0.00000', 'GBP', DE_BERLIN)).toBe('0,00\u00a0£'); // a no-break space, as Intl writes it
    // No float on the way: 0.1 + 0.2 style rounding cannot creep in.
    expect(formatBalance('9007199254740993.12000', 'USD', US_NY)).toBe('$9,007,199,254,740,993.12');
    expect(formatBalance('12.5', 'XYZ1', US_NY)).toBe('12.50 XYZ1');
    expect(formatBalance('n/a', 'USD', US_NY)).toBe('n/a USD');
  });
});
