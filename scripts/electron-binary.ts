// Where the Electron binary is, without ever triggering its download (electron's own index.js
// downloads on first require when it is missing, which cannot work on machines without GitHub).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type ElectronBinary = { path: string; reason?: undefined } | { path?: undefined; reason: string };

export function findElectronBinary(): ElectronBinary {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let pkgDir: string;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed (run npm ci)' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  if (!override && !existsSync(pathFile)) {
    return {
      reason:
        'the Electron binary is not installed (it is downloaded from GitHub, which this machine cannot reach; installs here use ELECTRON_SKIP_BINARY_DOWNLOAD=1)',
    };
  }
  const exe = override ? join(override, readFileSync(pathFile, 'utf8').trim() || 'electron') : join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? { path: exe } : { reason: `the Electron binary is missing at ${exe}` };
}
