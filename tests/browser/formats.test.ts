// Every date on the main screens in the admin's locale and time zone, with the zone named, the
// way Chromium (and Electron) get them from the OS: run here as en-GB in Asia/Kolkata and as en-US
// in New York. Balances carry their currency, ages read as ages with the full time on hover, and
// the date filters say the same locale's pattern.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { northwindCustomers, openApp, openCredentials } from './support';

const KESTREL = 'Kestrel Freight Forwarding';

const CASES = [
  {
    locale: 'en-GB',
    timezoneId: 'Asia/Kolkata',
    dateTime: /^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2} (GMT\+5:30|IST)$/,
    age: /^(just now|\d+ (min|hr|day)s? ago|yesterday)$/,
    pattern: 'dd/mm/yyyy',
    zone: 'GMT+5:30',
    offsetMinutes: -330,
  },
  {
    locale: 'en-US',
    timezoneId: 'America/New_York',
    dateTime: /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} (AM|PM) (EST|EDT)$/,
    age: /^(just now|\d+ (min|hr|day)\.? ago|yesterday)$/,
    pattern: 'mm/dd/yyyy',
    zone: 'ET',
    offsetMinutes: 240,
  },
] as const;

/** Intl writes no-break and narrow no-break spaces; compare words, not space characters. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').trim();

/** The same instant as Node's Intl writes it for that locale and zone (Chromium and Node share ICU's data). */
function expected(iso: string, locale: string, timeZone: string, zone = true): string {
  return plain(
    new Intl.DateTimeFormat(locale, {
      timeZone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      ...(zone ? { timeZoneName: 'short' as const } : {}),
    }).format(new Date(iso)),
  );
}

/** Every <time> element in `scope` that is visible, with its text, instant and tooltip. */
async function times(page: Page, scope: string) {
  return page.locator(`${scope} time`).evaluateAll((els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => ({
        text: (el as HTMLElement).innerText,
        iso: el.getAttribute('datetime') ?? '',
        title: el.getAttribute('title') ?? '',
        inTable: !!el.closest('[data-testid="credentials-table"]'),
      })),
  );
}

describe.each(CASES)('dates and numbers in $locale, $timezoneId', (c) => {
  it('every date on the partner, customer and credential screens is in that locale with the zone, ages with their time on hover, balances with currency, filters with the pattern', async () => {
    const app = await openApp({ locale: c.locale, timezoneId: c.timezoneId });
    const { page } = app;
    await northwindCustomers(app);

    // The partner tab: its balance has a currency, its "fetched" pill is an age with the time on hover.
    await page.getByRole('tablist', { name: 'Profile sections' }).getByRole('tab', { name: 'Partner' }).click();
    const partner = page.getByTestId('partner-view');
    expect(plain(await partner.locator('[data-field="balance"] dd').innerText())).toMatch(/^₹[\d,]+\.\d{2}$/);
    const partnerTimes = await times(page, '[data-testid="partner-view"]');
    expect(partnerTimes.length).toBeGreaterThan(0);
    for (const t of partnerTimes) {
      expect(plain(t.text)).toMatch(c.age);
      expect(plain(t.title)).toBe(expected(t.iso, c.locale, c.timezoneId));
    }
    expect(plain(await partner.getByTestId('data-source').innerText())).toMatch(/^Live · fetched (just now|\d+ min\.? ago)$/);

    // A customer: the balance in the partner's currency, the created time and every table date in the locale, with zone.
    await page.getByRole('tablist', { name: 'Profile sections' }).getByRole('tab', { name: 'Customers' }).click();
    const view = await openCredentials(page, KESTREL);
    const card = page.getByTestId('customer-panel').locator('[data-field="balance"] dd');
    expect(plain(await card.innerText())).toMatch(/^₹[\d,]+\.\d{2}$/);

    const shown = await times(page, '[data-testid="customers-view"]');
    const absolute = shown.filter((t) => !c.age.test(plain(t.text)));
    expect(absolute.length).toBeGreaterThan(3); // the created line and the table's created/updated cells
    for (const t of shown) {
      const text = plain(t.text);
      if (c.age.test(text)) expect(plain(t.title)).toBe(expected(t.iso, c.locale, c.timezoneId));
      else if (t.inTable) {
        // The table names the zone once, in its date headers; each cell has it in its tooltip.
        expect(text).toBe(expected(t.iso, c.locale, c.timezoneId, false));
        expect(plain(t.title)).toBe(expected(t.iso, c.locale, c.timezoneId));
      } else {
        expect(text).toMatch(c.dateTime);
        expect(text).toBe(expected(t.iso, c.locale, c.timezoneId));
      }
    }
    expect(shown.filter((t) => t.inTable).length).toBeGreaterThan(3);
    expect(plain(await view.locator('th[data-sort-field="updatedAt"] .col-zone').innerText())).toBe(c.zone);
    // No hand-made format left anywhere on screen: no "2025-06-05 11:25", no bare clock "at 11:47".
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(body).not.toMatch(/\bat \d{1,2}:\d{2}\b/);

    // The date filters: the native input follows the same locale; its description says the pattern.
    const from = view.getByLabel('Created from');
    expect(await from.getAttribute('data-date-pattern')).toBe(c.pattern);
    const description = await from.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(description).toContain(`Dates are written ${c.pattern}.`);
    expect(await from.getAttribute('title')).toBe(`Date, as ${c.pattern}`);
    // And the browser itself is in that locale and zone (what the native input uses).
    // (ICU may name Kolkata by its old alias, Asia/Calcutta: compare the offset it applies.)
    expect(await page.evaluate(() => [navigator.language, new Date('2025-06-05T10:25:00Z').getTimezoneOffset()])).toEqual([c.locale, c.offsetMinutes]);
  });
});
