// Settings → Network: the proxy in effect (said, not set: it comes from the environment or the
// OS) and the company CA file, an app-wide setting kept in `network.json` in the data folder.
// The CA's certificates are copied into that file (the admin's file may move or vanish; main
// never reads a path again after the dialog). Main opens the file dialog itself, so the
// renderer never names a path.
import { readFile } from 'node:fs/promises';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import type { NetworkSettingsDTO } from '../../src-preload/contract';
import { keepAside, writeFileAtomically } from '../fs/atomic';
import { checkCaPem, MAX_CA_FILE_BYTES } from '../net/ca-file';
import type { Dispatchers } from '../net/dispatchers';
import { AppError } from '../net/errors';
import { log } from '../net/redact';
import type { OpenDialog } from '../platform';

const NetworkFile = z.strictObject({
  version: z.literal(1),
  ca: z.strictObject({ fileName: z.string().max(255), addedAt: z.string(), pem: z.string().max(MAX_CA_FILE_BYTES) }).nullable(),
});
type NetworkFile = z.infer<typeof NetworkFile>;

export class NetworkSettings {
  private constructor(
    private readonly path: string,
    private file: NetworkFile,
  ) {}

  /** The settings file, or none; a damaged one is kept aside and logged, and the app goes on without a CA file. */
  static async open(path: string): Promise<NetworkSettings> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return new NetworkSettings(path, { version: 1, ca: null });
    }
    try {
      const file = NetworkFile.parse(JSON.parse(text));
      if (file.ca) checkCaPem(file.ca.pem);
      return new NetworkSettings(path, file);
    } catch {
      const aside = await keepAside(path, 'corrupt').catch(() => path);
      log.warn(`the network settings file did not read; kept aside as ${basename(aside)}, going on without a CA file`);
      return new NetworkSettings(path, { version: 1, ca: null });
    }
  }

  get ca(): NetworkFile['ca'] {
    return this.file.ca;
  }

  async setCa(ca: NetworkFile['ca']): Promise<void> {
    const next: NetworkFile = { version: 1, ca };
    await writeFileAtomically(this.path, JSON.stringify(next, null, 2));
    this.file = next;
  }
}

export class NetworkService {
  constructor(
    private readonly settings: NetworkSettings,
    private readonly dispatchers: Dispatchers,
    private readonly dialog: OpenDialog,
    private readonly env: Record<string, string | undefined> = process.env,
  ) {}

  /** The CA certificates to trust besides the defaults, for building the dispatchers. */
  static extraCa(settings: NetworkSettings): string[] {
    return settings.ca ? checkCaPem(settings.ca.pem).pems : [];
  }

  async current(): Promise<NetworkSettingsDTO> {
    const proxy = await this.dispatchers.describe();
    const ca = this.settings.ca;
    const extra = this.env.NODE_EXTRA_CA_CERTS;
    return {
      proxy,
      caFile: ca ? { fileName: ca.fileName, addedAt: ca.addedAt, certificates: checkCaPem(ca.pem).certificates } : null,
      extraCaEnv: extra ? basename(extra) : null,
    };
  }

  /** The OS's open dialog, then the file checked, stored and in use; a cancelled dialog changes nothing. */
  async chooseCa(): Promise<NetworkSettingsDTO> {
    const path = await this.dialog.chooseOpenPath({ name: 'CA certificate (PEM)', extensions: ['pem', 'crt', 'cer'] });
    if (!path) return this.current();
    const size = await stat(path).then((s) => s.size, () => -1);
    if (size < 0) throw new AppError('VALIDATION', 'That file could not be read.', { retryable: false });
    if (size > MAX_CA_FILE_BYTES) throw new AppError('VALIDATION', 'That file is far larger than a CA certificate file.', { retryable: false });
    const text = await readFile(path, 'utf8');
    const { pems } = checkCaPem(text);
    await this.settings.setCa({ fileName: basename(path).slice(0, 255), addedAt: new Date().toISOString(), pem: pems.join('\n') + '\n' });
    this.dispatchers.setExtraCa(pems);
    return this.current();
  }

  async clearCa(): Promise<NetworkSettingsDTO> {
    await this.settings.setCa(null);
    this.dispatchers.setExtraCa([]);
    return this.current();
  }
}
