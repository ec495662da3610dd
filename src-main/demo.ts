// `npm run demo`: on first start against the bundled simulator, add its demo partners so the
// app opens on real-looking data. The simulator's tokens are sample values, not secrets, but
// they still travel only main-side, through the same add-profile path a user's would.
import type { ProfileService } from './services/profiles';
import { log } from './net/redact';

export interface DemoPartner {
  displayName: string;
  authId: string;
  token: string;
}

export async function seedDemoProfiles(profiles: ProfileService, simUrl: string, partners = demoPartnersFromEnv()): Promise<void> {
  if ((await profiles.list()).profiles.length > 0) return;
  for (const p of partners) {
    try {
      await profiles.add({ displayName: p.displayName, authId: p.authId, token: p.token, baseUrl: `${simUrl}/api/v1/partner` });
    } catch (e) {
      log.warn(`demo profile ${p.authId} not added`, e);
    }
  }
}

function demoPartnersFromEnv(): DemoPartner[] {
  try {
    return JSON.parse(process.env.TRUNKDESK_DEMO_PARTNERS ?? '[]') as DemoPartner[];
  } catch {
    return [];
  }
}
