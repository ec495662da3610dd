// The profiles `npm run demo` and the harness add on first start: every Vobiz demo partner that can
// be added (demoLeftOut() names the others and why), the
// VoIPBIN demo customer (signed in with its admin login) and the Vocobase demo partner, so the
// app opens on all three providers. Base URLs are relative to the simulator's origin.
import type { DemoProfile } from '../../src-main/demo';
import { DEMO_PARTNERS } from './data';
import { DEMO_VOCOBASE } from './vocobase-data';
import { DEMO_VOIPBIN } from './voipbin-data';

export function demoProfiles(): DemoProfile[] {
  return [
    ...DEMO_PARTNERS.filter((p) => !p.notInDemo).map((p) => ({ displayName: p.displayName, authId: p.authId, token: p.token })),
    {
      basePath: '/voipbin',
      input: { method: 'voipbin-login', displayName: DEMO_VOIPBIN.aurora.name, username: DEMO_VOIPBIN.logins.admin.username, password: DEMO_VOIPBIN.logins.admin.password },
    },
    { basePath: '/vocobase/api/v2', input: { method: 'vocobase-key', displayName: DEMO_VOCOBASE.cinder.name, apiKey: DEMO_VOCOBASE.cinder.key } },
  ];
}

/** One line per demo partner the demo does not add, saying why, for the demo's own output. */
export function demoLeftOut(): string[] {
  return DEMO_PARTNERS.filter((p) => p.notInDemo).map((p) => `${p.name} (${p.authId}, token ${p.token}) is not added: ${p.notInDemo}.`);
}
