// Issue 9: 100 bulk disables, bounded-parallel (bulkCredentials, BULK_CONCURRENCY at a time) vs one
// at a time (updateCredential after updateCredential, which is what a bulk disable used to do), both
// through the real router against the simulator in its own process at ROUND_TRIP_MS per request.
// The baseline runs in the same app, on other credentials of the same customer, just before.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BULK_CONCURRENCY } from '../../src-main/credentials/bulk-run';
import type { BulkResultDTO } from '../../src-preload/contract';
import { openApp, valueOf } from './app';
import { figure, ms, time } from './report';
import type { SimProcess } from './sim-process';
import { ROUND_TRIP_MS } from './sync';

export const BULK_SPEEDUP_TARGET = 4;
const N = 100;

export async function bulkFigures(sim: SimProcess, keychainService: string): Promise<void> {
  const partner = { authId: 'PA_BENCHBULK', token: 'bench-bulk-partner-token', name: 'Bench bulk' };
  await sim.call('partner', partner);
  const seeded = await sim.call('seed', { partnerAuthId: partner.authId, label: 'Benchbulk', customers: 1, credentialsEach: 2 * N + 60 }); // every 7th is seeded disabled
  const customerAuthId = seeded.customers[0]!.authId;
  const dir = mkdtempSync(join(tmpdir(), 'trunkdesk-bench-bulk-'));
  const app = await openApp({ dataDir: dir, keychainService, add: { authId: partner.authId, token: partner.token, baseUrl: sim.partnerBaseUrl } });
  try {
    const scope = { profileId: app.profileId, customerAuthId };
    valueOf('selectCustomer', await app.call('selectCustomer', scope));
    const page = valueOf<{ items: { id: string }[] }>('listCredentials', await app.call('listCredentials', { ...scope, limit: 100, offset: 0, filter: { enabled: true } }));
    const more = valueOf<{ items: { id: string }[] }>('listCredentials', await app.call('listCredentials', { ...scope, limit: 100, offset: 100, filter: { enabled: true } }));
    const ids = [...page.items, ...more.items].map((c) => c.id);
    if (ids.length < 2 * N) throw new Error(`the bench customer has ${ids.length} enabled credentials, not ${2 * N}`);
    const one = ids.slice(0, N);
    const bulk = ids.slice(N, 2 * N);
    await sim.call('faults', { latencyMs: ROUND_TRIP_MS });

    const sequential = await time(async () => {
      for (const credentialId of one) valueOf('updateCredential', await app.call('updateCredential', { ...scope, credentialId, enabled: false }));
    });
    await sim.call('inFlightReset');
    const parallel = await time(() => app.call('bulkCredentials', { ...scope, bulkId: 'b_benchbulk100', action: 'disable', selection: { ids: bulk } }));
    const peak = (await sim.call('inFlight')).peakWrites;
    const result = valueOf<BulkResultDTO>('bulkCredentials', parallel.value);
    const applied = result.results.filter((r) => r.ok).length;
    const ratio = sequential.ms / parallel.ms;
    figure({
      name: `${N} bulk disables: bounded-parallel vs one-at-a-time (simulator at ${ROUND_TRIP_MS} ms per request)`,
      value: `${ms(parallel.ms)}, ${applied} of ${N} applied, at most ${peak} at once on the simulator (limit ${BULK_CONCURRENCY})`,
      ratio,
      baseline: `one-at-a-time ${ms(sequential.ms)} (${N} updateCredential calls in a row, the same app and customer)`,
      target: `≥ ${BULK_SPEEDUP_TARGET}x faster than sequential`,
      ok: ratio >= BULK_SPEEDUP_TARGET && applied === N && peak <= BULK_CONCURRENCY,
    });
  } finally {
    await sim.call('faults', {});
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
