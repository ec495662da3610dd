// The two Help commands' main side: "Copy diagnostics" gathers what diagnostics.ts reports and
// puts it on the clipboard (scrubbed once more on the way out), and "Open logs folder" opens the
// log folder in the OS file manager. Also here: the channel-level feed of the error journal.
import { arch, release, type } from 'node:os';
import type { Handlers } from '../ipc/router';
import { buildDiagnostics, type NetworkFacts } from '../diagnostics';
import type { ErrorJournal } from '../net/error-journal';
import type { Connectivity } from '../net/connectivity';
import { AppError, isAppError } from '../net/errors';
import { log, redact } from '../net/redact';
import type { LogFile } from '../logs/log-file';
import type { Platform } from '../platform';
import type { ProfileService } from './profiles';
import type { NetworkService } from './network';

export interface AppInfo {
  version: string;
  locale: string;
}

export class DiagnosticsService {
  constructor(
    private readonly d: {
      app: AppInfo;
      journal: ErrorJournal;
      profiles: ProfileService;
      connectivity: Connectivity;
      platform: Platform;
      logFile: LogFile | null;
      network: NetworkService;
    },
  ) {}

  async copy(): Promise<{ copied: true; lines: number; errors: number }> {
    const list = await this.d.profiles.list();
    const report = buildDiagnostics({
      now: new Date(),
      appVersion: this.d.app.version,
      versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
      os: { type: type(), release: release(), arch: arch() },
      locale: this.d.app.locale,
      profileProviders: list.profiles.map((p) => p.provider),
      network: await this.networkFacts(),
      errors: this.d.journal.list(),
      ...(this.d.logFile ? { droppedLogLines: this.d.logFile.dropped } : {}),
    });
    // It leaves main through the clipboard, not the router: scrubbed here, as every exit is.
    await this.d.platform.clipboard.writeText(redact(report.text));
    log.info(`diagnostics copied (${report.lines} lines, ${report.errors} errors)`);
    return { copied: true, lines: report.lines, errors: report.errors };
  }

  /** From Settings → Network's own answer, so the report and the dialog never disagree. */
  private async networkFacts(): Promise<NetworkFacts | null> {
    try {
      const n = await this.d.network.current();
      const certs = n.caFile?.certificates ?? [];
      return {
        online: this.d.connectivity.current.online,
        proxy: n.proxy.source,
        envProxyUnusable: n.proxy.problem !== null,
        caFile: n.caFile ? { certificates: certs.length, expired: certs.filter((c) => c.expired).length } : null,
        extraCaEnv: n.extraCaEnv !== null,
      };
    } catch (e) {
      log.warn('diagnostics: the network settings could not be read', e);
      return null;
    }
  }

  async openLogsFolder(): Promise<{ opened: true }> {
    if (!this.d.logFile) throw new AppError('NOT_FOUND', 'This run of Trunkdesk keeps no log file.', { retryable: false });
    try {
      await this.d.platform.files.openFolder(this.d.logFile.dir);
    } catch (e) {
      log.warn('could not open the logs folder', e);
      throw new AppError('INTERNAL', 'The logs folder could not be opened.', { hint: "The README's Logs and diagnostics section says where it is on each system.", retryable: true });
    }
    return { opened: true };
  }
}

/**
 * Every handler's failure goes into the error journal (once: a provider failure is recorded where
 * it happened) and, when it was not logged already, into the log as its code and status.
 */
export function recordHandlerFailures(handlers: Handlers, journal: ErrorJournal): Handlers {
  const out = {} as Record<string, (input: never) => Promise<unknown>>;
  for (const [channel, fn] of Object.entries(handlers) as Array<[string, (input: never) => Promise<unknown>]>) {
    out[channel] = async (input) => {
      try {
        return await fn(input);
      } catch (e) {
        if (journal.record(e, { operation: channel })) {
          log.warn(`${channel} failed: code=${isAppError(e) ? e.code : 'INTERNAL'} status=${(isAppError(e) && e.status) || '-'}`);
        }
        throw e;
      }
    };
  }
  return out as unknown as Handlers;
}
