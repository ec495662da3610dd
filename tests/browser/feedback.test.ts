// Feedback while the app waits on a slow network (the simulator's latency switch): a busy button
// shows nothing for 300 ms (no flicker), then a spinner and aria-busy, and from 2 s how long it
// has been working; the partner view and the customer list show skeletons, not a blank screen.
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERS } from '../sim/data';
import { addProfileViaUi, HARBORLIGHT, northwindCustomers, openApp, openCredentials, openCustomers, waitForPartner } from './support';

const northwind = DEMO_PARTNERS[0]!;

type Sample = { at: number; spinner: boolean; ariaBusy: string | null; label: string; note: string | null };

/**
 * From the page's own clock, what the add-profile form's submit button shows 100 ms, 400 ms and
 * 2.5 s after the form is submitted (sampled in the page, so test-runner delays cannot skew it).
 */
async function sampleSubmit(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __samples: Sample[] };
    w.__samples = [];
    document.addEventListener(
      'submit',
      (e) => {
        const form = e.target as HTMLFormElement;
        const start = performance.now();
        for (const at of [100, 400, 2500]) {
          setTimeout(() => {
            const button = form.isConnected ? form.querySelector('button[type="submit"]') : null;
            w.__samples.push({
              at: Math.round(performance.now() - start),
              spinner: !!button?.querySelector('[data-testid="busy-spinner"]'),
              ariaBusy: button?.getAttribute('aria-busy') ?? null,
              label: (button as HTMLElement | null)?.innerText ?? '(form gone)',
              note: form.isConnected ? (form.querySelector('[data-testid="busy-note"]')?.textContent ?? null) : null,
            });
          }, at);
        }
      },
      { capture: true, once: true },
    );
  });
}

const samples = (page: Page) => page.evaluate(() => (window as unknown as { __samples: Sample[] }).__samples);

describe('busy buttons', () => {
  it('a 1 s request: no spinner at 100 ms, a spinner and aria-busy at 400 ms, no "still working"', async () => {
    const { page, sim } = await openApp();
    await page.getByTestId('add-profile-form').waitFor();
    sim.setFaults({ latencyMs: 1000 });
    await sampleSubmit(page);
    await addProfileViaUi(page, { name: 'Northwind', authId: northwind.authId, token: northwind.token, baseUrl: sim.partnerBaseUrl });
    await expect.poll(async () => (await samples(page)).length, { timeout: 10_000 }).toBe(3);
    const [at100, at400, at2500] = await samples(page);
    expect(at100).toMatchObject({ spinner: false, ariaBusy: 'false', label: 'Add profile' });
    expect(at400).toMatchObject({ spinner: true, ariaBusy: 'true', label: 'Verifying with Vobiz…', note: null });
    // Done in about a second: the form is gone, and it never said "Still working".
    expect(at2500!.note).toBeNull();
    await waitForPartner(page, northwind.name);
  });

  it('a 3 s request: from 2 s it says how long it has been working', async () => {
    const { page, sim } = await openApp();
    await page.getByTestId('add-profile-form').waitFor();
    sim.setFaults({ latencyMs: 3000 });
    await sampleSubmit(page);
    await addProfileViaUi(page, { name: 'Northwind', authId: northwind.authId, token: northwind.token, baseUrl: sim.partnerBaseUrl });
    await expect.poll(async () => (await samples(page)).length, { timeout: 10_000 }).toBe(3);
    const [at100, at400, at2500] = await samples(page);
    expect(at100).toMatchObject({ spinner: false, ariaBusy: 'false' });
    expect(at400).toMatchObject({ spinner: true, ariaBusy: 'true', note: null });
    expect(at2500).toMatchObject({ spinner: true, ariaBusy: 'true' });
    expect(at2500!.note?.replace(/\s/g, ' ')).toMatch(/^Still working… 2 sec$/);
    sim.setFaults({});
    await waitForPartner(page, northwind.name);
  });
});

describe('a row action on a slow network', () => {
  it('Disable from the keyboard: no spinner at 100 ms, a spinner at 400 ms, and the focus stays on the button throughout', async () => {
    const app = await openApp();
    await northwindCustomers(app);
    const view = await openCredentials(app.page, HARBORLIGHT);
    const row = view.locator('tr[data-username][data-enabled="true"]').first();
    const username = await row.getAttribute('data-username');
    const toggle = row.locator('button.row-toggle');
    await toggle.focus();
    app.sim.setFaults({ latencyMs: 1200 });
    // Sampled by the page's own clock from the keypress.
    await app.page.evaluate(() => {
      const w = window as unknown as { __row: { at: number; spinner: boolean; focused: boolean; ariaDisabled: string | null }[] };
      w.__row = [];
      const button = document.activeElement as HTMLElement;
      for (const at of [100, 400, 900]) {
        setTimeout(() => {
          const now = document.activeElement as HTMLElement;
          w.__row.push({
            at,
            spinner: !!now?.querySelector('[data-testid="busy-spinner"]'),
            focused: now === button || (now?.classList.contains('row-toggle') ?? false),
            ariaDisabled: now?.getAttribute('aria-disabled') ?? null,
          });
        }, at);
      }
    });
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app.page.evaluate(() => (window as unknown as { __row: unknown[] }).__row.length), { timeout: 5000 }).toBe(3);
    const [at100, at400, at900] = await app.page.evaluate(() => (window as unknown as { __row: { spinner: boolean; focused: boolean; ariaDisabled: string | null }[] }).__row);
    expect(at100).toMatchObject({ spinner: false, focused: true, ariaDisabled: 'true' });
    expect(at400).toMatchObject({ spinner: true, focused: true, ariaDisabled: 'true' });
    expect(at900).toMatchObject({ spinner: true, focused: true });
    // Done: the row says Disabled, and the focus is still on its (now Enable) button.
    const same = view.locator(`tr[data-username="${username}"]`);
    await expect.poll(() => same.getAttribute('data-enabled'), { timeout: 10_000 }).toBe('false');
    app.sim.setFaults({});
    expect(await app.page.evaluate(() => (document.activeElement as HTMLElement).closest('tr')?.getAttribute('data-username'))).toBe(username);
  });
});

describe('skeletons while a first answer loads', () => {
  it('a slow GET /me shows the partner skeleton, then the partner; a slow customer list shows skeleton options', async () => {
    const { page, sim } = await openApp();
    await page.getByTestId('add-profile-form').waitFor();
    sim.setFaults({ latencyMs: 1500 });
    await addProfileViaUi(page, { name: 'Northwind', authId: northwind.authId, token: northwind.token, baseUrl: sim.partnerBaseUrl });

    // Added (its /me answered the check); the partner view's own /me is on its way.
    const view = page.getByTestId('partner-view');
    const skeleton = view.getByTestId('partner-skeleton');
    await skeleton.waitFor({ timeout: 10_000 });
    expect(await skeleton.getAttribute('aria-busy')).toBe('true');
    expect(await skeleton.getByRole('status').innerText()).toBe('Loading the partner account…');
    await waitForPartner(page, northwind.name);
    expect(await skeleton.count()).toBe(0);

    await openCustomers(page);
    const rows = page.getByTestId('customer-list').getByTestId('customers-skeleton');
    await rows.waitFor();
    expect(await rows.locator('.skeleton-row').count()).toBeGreaterThan(3);
    expect(await rows.getByRole('status').innerText()).toBe('Loading customers…');
    await page.getByRole('listbox', { name: 'Customers' }).getByRole('option').first().waitFor({ timeout: 10_000 });
    expect(await rows.count()).toBe(0);
  });
});
