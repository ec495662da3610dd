// A provider that refuses with nothing but a code ({"error":"20050"}) must not put "20050" on
// screen as the message: the admin reads a sentence, and the code only as "Error code 20050".
import { describe, expect, it } from 'vitest';
import { createCustomerViaUi, northwindCustomers, openApp } from './support';

describe('a bare provider code', () => {
  it('creating a customer that Vobiz refuses with only {"error":"20050"} shows a sentence and a labelled code', async () => {
    const app = await openApp();
    const { page, sim } = app;
    await northwindCustomers(app);
    sim.setFaults({ queue: [{ match: 'POST /api/v1/partner/accounts', kind: 'status', status: 400, body: { error: '20050' } }] });
    const form = await createCustomerViaUi(page, { name: 'Code Only Ltd', email: 'ops@codeonly.example', password: 'Str0ng#Pass99', country: 'IN', phone: '+919800000001' });
    const alert = form.getByRole('alert').first();
    await alert.waitFor({ timeout: 10_000 });
    const title = (await alert.locator('.notice-title').innerText()).trim();
    expect(title).not.toBe('20050');
    expect(title).toBe('Vobiz rejected the values sent. Error code 20050.');
    // No line of the notice is a bare code: the app's own code line is labelled too.
    const lines = (await alert.innerText()).split('\n').map((l) => l.trim()).filter(Boolean);
    for (const line of lines) expect(line).not.toMatch(/^[A-Z0-9_]+( · HTTP \d+)?$/);
    expect(lines).toContain('Error code VALIDATION · HTTP 400');
  });
});
