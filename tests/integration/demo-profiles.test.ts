// `npm run demo` and screenshot mode add the demo profiles through the real add paths: every one
// it names must load (its partner view opens), and a partner left out says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProfiles } from '../../src-main/demo';
import { DEMO_PARTNERS } from '../sim/data';
import { demoLeftOut, demoProfiles } from '../sim/demo-profiles';
import { startSimulator, type Simulator } from '../sim/server';
import { mainApp } from './support';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ quiet: true });
});
afterAll(async () => {
  await sim.close();
});

describe('demo profiles', () => {
  it('every profile the demo adds is added and loads its partner', async () => {
    const app = await mainApp();
    const demo = demoProfiles();
    await seedDemoProfiles(app.services.profiles, sim.url, demo);
    const { profiles } = await app.services.profiles.list();
    expect(profiles.map((p) => p.displayName).sort()).toEqual(demo.map((d) => ('token' in d ? d.displayName : d.input.displayName)).sort());
    for (const p of profiles) {
      await app.services.profiles.switchTo(p.id);
      await expect(app.services.profiles.partner(p.id), p.displayName).resolves.toBeTruthy();
    }
    await app.services.close();
  });

  it('a demo partner that cannot be added is left out, and the demo says why', () => {
    const out = DEMO_PARTNERS.filter((p) => p.notInDemo);
    expect(out.map((p) => p.authId)).toEqual(['PA_OLDQ0001']);
    expect(demoProfiles().some((d) => 'token' in d && d.authId === 'PA_OLDQ0001')).toBe(false);
    expect(demoLeftOut()).toEqual([expect.stringMatching(/^Old Quay Telecom \(PA_OLDQ0001, token oldquay-demo-token\) is not added: inactive on purpose/)]);
  });
});
