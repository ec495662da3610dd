// Copy diagnostics and Open logs folder through the real renderer, preload, router and services
// (the harness): after calls that really failed against the simulator, the Help area's button
// copies the report to the (stand-in) clipboard and says so; the report names the versions, the
// profile count per provider and each error's code with the simulator's own request id, and holds
// no secret and no customer data. The same commands via the menu's event; Open logs folder asks the
// file manager to open the log folder.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../harness/harness';
import { DEMO_PARTNERS } from '../sim/data';
import { canary } from './canary-sweep';
import { addProfileViaUi, northwindCustomers, openApp, waitForPartner } from './support';

const POLL = { timeout: 15_000, interval: 50 };

describe('Help: Copy diagnostics and Open logs folder', () => {
  it('copies a report with versions, counts and request ids after failing calls, and nothing secret or about customers', async () => {
    const a = await openApp();
    const { page, sim, h } = a;
    const northwind = DEMO_PARTNERS[0]!;
    await addProfileViaUi(page, { name: 'Northwind', authId: northwind.authId, token: northwind.token, baseUrl: sim.partnerBaseUrl });
    await waitForPartner(page, northwind.name);

    // A real failure: the partner profile answers 500 on Refresh.
    sim.setFaults({ queue: [{ match: 'GET /api/v1/partner/me', kind: 'status', status: 500, times: -1 }] });
    await page.keyboard.press('Control+R');
    await page.getByTestId('partner-error').waitFor(POLL);
    const failedId = sim.requests.filter((r) => r.path.startsWith('/api/v1/partner/me')).at(-1)!.requestId;
    sim.setFaults({});

    // A second partner whose token is a canary, refused by a hostile answer that echoes it.
    const token = canary('HELP');
    sim.addPartner({ authId: 'PA_HELPDIAG1', token, name: 'Helpdesk Secret Partner' });
    sim.setFaults({ queue: [{ match: 'GET /api/v1/partner/me', kind: 'echo', status: 401 }] });
    await page.getByRole('button', { name: '+ Add profile' }).click();
    await addProfileViaUi(page, { name: 'Canary partner', authId: 'PA_HELPDIAG1', token, baseUrl: sim.partnerBaseUrl });
    await page.getByTestId('add-profile-error').waitFor(POLL);
    expect(sim.echoed.join('\n')).toContain(token);
    sim.setFaults({});

    await page.getByTestId('copy-diagnostics').click();
    const notice = page.getByTestId('help-notice').locator('.notice-title');
    await expect.poll(() => notice.innerText(), POLL).toMatch(/^Diagnostics copied: \d+ lines, 2 recent errors\./);
    const text = h.platform.clipboardText;
    expect(text).toContain(`App version: ${APP_VERSION}\n`);
    expect(text).toContain(`Node: ${process.versions.node}\n`);
    expect(text).toMatch(/\nOS: \S+ \S+ \(\w+\)\n/);
    expect(text).toContain('Profiles: 1 (Vobiz 1, VoIPBIN 0, Vocobase 0)\n');
    expect(text).toContain(`| Vobiz | UPSTREAM | HTTP 500 | request ${failedId} | GET the partner profile\n`);
    expect(text).toMatch(/\| Vobiz \| UNAUTHORIZED \| HTTP 401 \| request req_[0-9a-f]+ \| GET the partner profile\n/);
    // No secret and no customer data: tokens, the partners' and their customers' names, auth IDs, emails.
    const customers = sim.state.customers.filter((c) => c.partnerAuthId === northwind.authId);
    expect(customers.length).toBeGreaterThan(3);
    const forbidden = [token, northwind.token, northwind.authId, northwind.name, 'Northwind', 'PA_HELPDIAG1', 'Helpdesk Secret', ...customers.flatMap((c) => [c.name, c.authId, c.email, c.authToken])];
    expect(forbidden.filter((s) => text.includes(s))).toEqual([]);
    // Nor did the canary reach anything the renderer shows.
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(token);

    // Open logs folder, by its button and through the menu's event: the log folder, both times.
    await page.getByTestId('open-logs-folder').click();
    await expect.poll(() => notice.innerText(), POLL).toBe('Logs folder opened.');
    h.services.events.emit({ type: 'menu', command: 'openLogsFolder' });
    await expect.poll(() => h.platform.openedFolders.length, POLL).toBe(2);
    expect(h.platform.openedFolders).toEqual([join(h.dataDir, 'logs'), join(h.dataDir, 'logs')]);
  });

  it('Copy diagnostics from the menu, whatever is on screen', async () => {
    const a = await openApp();
    await northwindCustomers(a);
    a.h.platform.clipboardText = '';
    a.h.services.events.emit({ type: 'menu', command: 'copyDiagnostics' });
    await expect.poll(() => a.page.getByTestId('help-notice').innerText(), POLL).toMatch(/^Diagnostics copied: \d+ lines, no recent errors\./);
    expect(a.h.platform.clipboardText).toMatch(/^Trunkdesk diagnostics\n[\s\S]*Profiles: 1 \(Vobiz 1, VoIPBIN 0, Vocobase 0\)\n[\s\S]*Recent errors: none\n$/);
  });
});
