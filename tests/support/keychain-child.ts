// A child process for tests/security/keychain-states.test.ts: the real main services against
// whatever keychain its environment gives it (none, a locked one…). Prints one "RESULT {json}"
// line. Arguments: mode, dataDir, keychain service, token.
//   setup  store one profile with its token, the way the app does (vault first, then the profile)
//   try    through the real router: listProfiles, then addProfile with the token
import { join } from 'node:path';
import { ipcName } from '../../src-preload/channels';
import { createDispatcher } from '../../src-main/ipc/router';
import { ProfileStore } from '../../src-main/profiles/store';
import { keytarStore } from '../../src-main/secrets/keychain';
import { entryIds, VaultAccess } from '../../src-main/secrets/vault-access';
import { createServices } from '../../src-main/services';
import { TestPlatform } from '../harness/test-platform';

const [mode, dataDir, service, token] = process.argv.slice(2) as [string, string, string, string];
const ORIGIN = 'http://127.0.0.1:1';
const SENDER = { sender: { id: 1 }, senderFrame: { url: `${ORIGIN}/index.html`, parent: null } };
const result = (v: unknown): void => void process.stdout.write(`RESULT ${JSON.stringify(v)}\n`);

async function main(): Promise<void> {
  if (mode === 'setup') {
    const vault = await new VaultAccess(keytarStore(), service, dataDir).get();
    const id = 'p_keychainstate01';
    await vault.set(entryIds.partnerToken(id), token);
    const store = await ProfileStore.open(join(dataDir, 'profiles.json'));
    await store.add({ id, displayName: 'Locked One', provider: 'vobiz', authId: 'MA_LOCKED01', baseUrl: 'https://api.vobiz.ai/api/v1/partner', createdAt: new Date().toISOString() }, true);
    return result({ ok: true, id });
  }
  const services = await createServices({ dataDir, secrets: keytarStore(), keychainService: service, platform: new TestPlatform(), http: { maxRetries: 0 } });
  const dispatch = createDispatcher(services.handlers, { origins: [ORIGIN], isOurWebContents: (id) => id === 1 });
  const list = await dispatch(ipcName('listProfiles'), SENDER, {});
  const add = await dispatch(ipcName('addProfile'), SENDER, { displayName: 'Canary', authId: 'PA_CANARY001', token, baseUrl: 'https://127.0.0.1:9/api/v1/partner' });
  await services.close();
  result({ list, add });
}
main().then(
  () => process.exit(0),
  (e) => (result({ thrown: { code: (e as { code?: string }).code, message: String((e as Error).message) } }), process.exit(0)),
);
