// Bulk writes on VoIPBIN and Vocobase (issue 9 covered Vobiz in bulk-scale.test.ts): the same runner
// and router, against the simulator over loopback. VoIPBIN deletes extensions in bulk under its
// per-customer rate limiter (16 starts a second), and a 429 it sends anyway pauses the run, not
// fails it. Vocobase's API cannot change or delete a SIP connection, so a bulk action there
// resolves to nothing and sends nothing.
import { describe, expect, it } from 'vitest';
import type { BulkResultDTO, CredentialPageDTO, CustomerPageDTO, ProfileListDTO } from '../../src-preload/contract';
import { DEMO_VOCOBASE, DEMO_VOIPBIN } from '../sim/data';
import { ok, simulatorAndApp } from './support';

const fixture = simulatorAndApp();

async function account(input: Record<string, unknown>) {
  const app = fixture.app();
  const list = ok<ProfileListDTO>(await app.call('addProviderProfile', input));
  const profileId = list.activeId!;
  const customerAuthId = ok<CustomerPageDTO>(await app.call('listCustomers', { profileId })).items[0]!.authId;
  return { profileId, customerAuthId };
}
const deletes = () => fixture.sim().requests.filter((r) => r.method === 'DELETE');

describe('bulk writes on VoIPBIN and Vocobase', () => {
  it('VoIPBIN: 40 extensions deleted in bulk, under its rate limit, a 429 waited out, the list stored again', async () => {
    const [sim, app] = [fixture.sim(), fixture.app()];
    const aurora = DEMO_VOIPBIN.aurora;
    const admin = DEMO_VOIPBIN.logins.admin;
    const ref = await account({ method: 'voipbin-login', displayName: 'Aurora', username: admin.username, password: admin.password, baseUrl: sim.voipbinBaseUrl });
    const page = ok<CredentialPageDTO>(await app.call('listCredentials', { ...ref, limit: 100, offset: 0 }));
    const ids = page.items.filter((c) => c.kind === 'extension').map((c) => c.id);
    expect(ids.length).toBe(aurora.extensions);
    sim.setFaults({ queue: [{ match: '/extensions/', kind: 'status', status: 429, retryAfter: 1, times: 1 }] });
    const t0 = Date.now();
    const r = ok<BulkResultDTO>(await app.call('bulkCredentials', { ...ref, bulkId: 'b_voipbin01', action: 'delete', selection: { ids } }));
    const ms = Date.now() - t0;

    expect(r.total).toBe(ids.length);
    expect(r.results.filter((x) => !x.ok)).toEqual([]);
    expect(r.notStarted).toBe(0);
    // Every extension is gone at the provider, each DELETE sent once more only for the refused one.
    const left = sim.state.voipbin.extensions.filter((e) => e.customerId === aurora.customerId && !e.tmDelete && ids.includes(e.id));
    expect(left).toEqual([]);
    expect(deletes()).toHaveLength(ids.length + 1);
    // Under VoIPBIN's 16 starts a second overall: the first and last arrivals at the simulator are
    // at least (n - 16) / 16 s apart. (A per-second window at the server would be flaky: a loaded
    // machine delivers requests started a few ms apart in bunches.)
    const at = sim.requests.filter((q) => q.path.includes('/v1.0/')).map((q) => q.at).sort((a, b) => a - b);
    expect(at.length).toBeGreaterThan(ids.length);
    expect(at.at(-1)! - at[0]!).toBeGreaterThanOrEqual(((at.length - 16) / 16) * 1000 - 50);
    expect(ms).toBeGreaterThan(2_000);
    const after = ok<CredentialPageDTO>(await app.call('listCredentials', { ...ref, limit: 100, offset: 0 }));
    expect(after.items.filter((c) => ids.includes(c.id))).toEqual([]);
  });

  it('Vocobase: a bulk delete or disable resolves to no connection and sends nothing (its API cannot change one)', async () => {
    const [sim, app] = [fixture.sim(), fixture.app()];
    const ref = await account({ method: 'vocobase-key', displayName: 'Cinder', apiKey: DEMO_VOCOBASE.cinder.key, baseUrl: sim.vocobaseBaseUrl });
    const page = ok<CredentialPageDTO>(await app.call('listCredentials', { ...ref, limit: 100, offset: 0 }));
    const ids = page.items.map((c) => c.id);
    expect(ids.length).toBeGreaterThan(0);
    const before = sim.requests.length;
    for (const [action, selection] of [['delete', { ids }], ['disable', { matching: {}, except: [], also: [] }]] as const) {
      const r = ok<BulkResultDTO>(await app.call('bulkCredentials', { ...ref, bulkId: `b_vocobase${action}`, action, selection }));
      expect(r).toMatchObject({ total: 0, results: [], notStarted: 0 });
    }
    expect(sim.requests.slice(before).filter((q) => q.method !== 'GET')).toEqual([]);
    expect(ok<CredentialPageDTO>(await app.call('listCredentials', { ...ref, limit: 100, offset: 0 })).total).toBe(ids.length);
  });
});
