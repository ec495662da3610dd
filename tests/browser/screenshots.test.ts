// Screenshot mode (`npm run harness -- --screenshot DIR`) shows whole screens: the app scrolls
// inside its own panes, so a shot must include what those panes hide, at both documented sizes.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERS } from '../sim/data';
import { hiddenBelow, wholeScreenShot } from '../harness/whole-screen';
import { addProfileViaUi, openApp, openCustomers, selectCustomerByName, waitForPartner } from './support';

const northwind = DEMO_PARTNERS[0]!;

/** A PNG's height in pixels, from its IHDR chunk. */
const pngHeight = (file: string): number => readFileSync(file).readUInt32BE(20);

describe('screenshot mode', () => {
  it.each([
    [1280, 800],
    [900, 700],
  ])('at %ix%i the credentials shot holds all 20 rows of the page, and the window keeps its size', async (width, height) => {
    const app = await openApp({ viewport: { width, height } });
    const { page, sim } = app;
    await addProfileViaUi(page, { name: 'Northwind', authId: northwind.authId, token: northwind.token, baseUrl: sim.partnerBaseUrl });
    await waitForPartner(page, northwind.name);
    await openCustomers(page);
    await selectCustomerByName(page, 'Harborlight Logistics');
    const rows = page.getByTestId('credentials-table').locator('tbody tr[data-username]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(20);
    expect(await hiddenBelow(page)).toBeGreaterThan(0); // the pane does hide rows at this size

    const file = join(mkdtempSync(join(tmpdir(), 'wt2-shot-')), 'credentials.png');
    const used = await wholeScreenShot(page, file);
    expect(pngHeight(file)).toBeGreaterThanOrEqual(used);
    expect(used).toBeGreaterThan(height);
    expect(page.viewportSize()).toEqual({ width, height });

    // At the height the shot used, no pane hides anything and the last row is inside the picture.
    await page.setViewportSize({ width, height: used });
    expect(await hiddenBelow(page)).toBeLessThanOrEqual(1);
    const last = await rows.last().boundingBox();
    expect(last!.y + last!.height).toBeLessThanOrEqual(used);
  });
});
