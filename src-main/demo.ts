// `npm run demo`: on first start against the bundled simulator, add its demo profiles (Vobiz
// partners, a VoIPBIN customer, a Vocobase partner) so the app opens on real-looking data for all
// three providers. The simulator's secrets are sample values, not secrets, but they still travel
// only main-side, through the same add-profile paths a user's would.
import type { AddProviderProfileInput } from '../src-preload/contract';
import type { ProfileService } from './services/profiles';
import { log } from './net/redact';

/** A Vobiz partner by token, or a VoIPBIN/Vocobase profile whose base URL is the simulator's origin + `basePath`. */
export type DemoProfile =
  | { displayName: string; authId: string; token: string }
  | { basePath: string; input: WithoutBaseUrl<AddProviderProfileInput> };
/** Omit over each member of a union (plain Omit would merge the sign-in methods into one shape). */
type WithoutBaseUrl<T> = T extends unknown ? Omit<T, 'baseUrl'> : never;

export async function seedDemoProfiles(profiles: ProfileService, simUrl: string, demo = demoProfilesFromEnv()): Promise<void> {
  if ((await profiles.list()).profiles.length > 0) return;
  for (const p of demo) {
    try {
      if ('token' in p) await profiles.add({ displayName: p.displayName, authId: p.authId, token: p.token, baseUrl: `${simUrl}/api/v1/partner` });
      else await profiles.addProvider({ ...p.input, baseUrl: `${simUrl}${p.basePath}` } as AddProviderProfileInput);
    } catch (e) {
      log.warn(`demo profile ${'token' in p ? p.authId : p.input.displayName} not added`, e);
    }
  }
}

function demoProfilesFromEnv(): DemoProfile[] {
  try {
    return JSON.parse(process.env.TRUNKDESK_DEMO_PARTNERS ?? '[]') as DemoProfile[];
  } catch {
    return [];
  }
}
