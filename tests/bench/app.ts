// The real main services behind the real IPC router, as the bench drives them: createServices on
// a data directory (a fresh one is a first start, an existing one a restart) and createDispatcher
// called with a sender that passes the trusted-sender check, as Electron's ipcMain would.
import { ipcName, type Channel } from '../../src-preload/channels';
import type { Result } from '../../src-preload/contract';
import { createDispatcher } from '../../src-main/ipc/router';
import { keytarStore } from '../../src-main/secrets/keychain';
import { APP_ORIGIN } from '../../src-main/security';
import { createServices, type AppServices } from '../../src-main/services';
import type { AdaptiveLimit } from '../../src-main/sync/adaptive-limit';
import { TestPlatform } from '../harness/test-platform';

const SENDER = { sender: { id: 1 }, senderFrame: { url: `${APP_ORIGIN}/index.html`, parent: null } };

export interface BenchApp {
  s: AppServices;
  profileId: string;
  /** One call through the router, exactly as the renderer's bridge makes it. */
  call(channel: Channel, input: unknown): Promise<Result<unknown>>;
  /** The sync engine's concurrency limit for the profile (the bench reads its `peak`). */
  limit(): AdaptiveLimit | undefined;
  close(): Promise<void>;
}

export async function openApp(o: { dataDir: string; keychainService: string; add?: { authId: string; token: string; baseUrl: string } }): Promise<BenchApp> {
  const s = await createServices({ dataDir: o.dataDir, secrets: keytarStore(), keychainService: o.keychainService, platform: new TestPlatform() });
  const dispatch = createDispatcher(s.handlers, { origins: [APP_ORIGIN], isOurWebContents: (id) => id === 1 });
  let profileId: string;
  if (o.add) {
    const list = await s.profiles.add({ displayName: `Bench ${o.add.authId}`, ...o.add });
    profileId = list.activeId!;
  } else {
    const list = await s.profiles.list();
    profileId = list.activeId ?? list.profiles[0]!.id;
  }
  return {
    s,
    profileId,
    call: (channel, input) => dispatch(ipcName(channel), SENDER, input),
    // Private to the engine; read-only here, for "the concurrency the sync used".
    limit: () => (s.sync as unknown as { limits: Map<string, AdaptiveLimit> }).limits.get(profileId),
    close: () => s.close(),
  };
}

/** The value of an ok Result, or a thrown error naming the channel and the error. */
export function valueOf<T>(channel: string, r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
