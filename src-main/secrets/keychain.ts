// The OS keychain, behind a small keytar-shaped interface so tests can use the real Secret
// Service and the rest of main never imports keytar. Any failure to reach the keychain is a
// KEYCHAIN_UNAVAILABLE error that names what to install; there is no plaintext fallback.
import { AppError } from '../net/errors';

export interface SecretStore {
  get(service: string, account: string): Promise<string | null>;
  set(service: string, account: string, secret: string): Promise<void>;
  delete(service: string, account: string): Promise<boolean>;
}

type Keytar = {
  getPassword(s: string, a: string): Promise<string | null>;
  setPassword(s: string, a: string, p: string): Promise<void>;
  deletePassword(s: string, a: string): Promise<boolean>;
};

export function keytarStore(load: () => Keytar = defaultLoad): SecretStore {
  let keytar: Keytar | undefined;
  const k = (): Keytar => {
    try {
      keytar ??= load();
      return keytar;
    } catch (e) {
      throw keychainUnavailable(e);
    }
  };
  const guard = async <T>(op: () => Promise<T>): Promise<T> => {
    try {
      return await op();
    } catch (e) {
      throw e instanceof AppError ? e : keychainUnavailable(e);
    }
  };
  return {
    get: (s, a) => guard(() => k().getPassword(s, a)),
    set: (s, a, p) => guard(() => k().setPassword(s, a, p)),
    delete: (s, a) => guard(() => k().deletePassword(s, a)),
  };
}

function defaultLoad(): Keytar {
  // Loaded lazily: a missing or broken native module must become a clear error, not a crash at start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('keytar') as Keytar;
}

export function keychainUnavailable(cause?: unknown): AppError {
  // A locked keyring is reachable: saying "cannot reach" sent admins to reinstall what works.
  // libsecret cannot show the unlock prompt without a desktop session, so a read of a locked
  // collection answers "no item" and the write that follows fails with "…locked collection"
  // (issue 10, tests/security/keychain-states.test.ts).
  if (/\blocked\b/i.test(String((cause as Error | undefined)?.message ?? ''))) {
    return new AppError('KEYCHAIN_UNAVAILABLE', 'The OS keychain is locked, so Trunkdesk cannot read or store tokens.', {
      hint: `Unlock it and try again. ${platformHint()}`,
      retryable: true,
      cause,
    });
  }
  return new AppError('KEYCHAIN_UNAVAILABLE', 'Trunkdesk cannot reach the OS keychain, so it cannot read or store tokens.', {
    hint: platformHint(),
    retryable: true,
    cause,
  });
}

function platformHint(): string {
  switch (process.platform) {
    case 'darwin':
      return 'Unlock your login keychain and allow Trunkdesk to use it when macOS asks, then try again.';
    case 'win32':
      return 'Make sure Windows Credential Manager is available for your user, then try again.';
    default:
      return 'Trunkdesk needs a Secret Service keyring: install and unlock GNOME Keyring or KWallet (e.g. `sudo apt install gnome-keyring libsecret-1-0`) in your desktop session, then try again.';
  }
}
