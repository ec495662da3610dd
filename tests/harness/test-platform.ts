// Stand-ins for the OS clipboard, save and open dialogs, file manager and proxy answer (platform.ts), so tests can see
// what main copied, choose where an export goes and see which file it showed. Everything else in the harness is the real thing.
import type { Platform } from '../../src-main/platform';

export class TestPlatform implements Platform {
  clipboardText = '';
  /** Where the next save dialog "chooses" to save; null plays a cancelled dialog. */
  nextSavePath: string | null = null;
  readonly offeredNames: string[] = [];
  /** When set, the save dialog "stays open" until it settles: a test can see the export's busy state. */
  saveGate: Promise<void> | null = null;

  readonly clipboard = {
    writeText: async (t: string) => {
      this.clipboardText = t;
    },
    readText: async () => this.clipboardText,
    clear: () => {
      this.clipboardText = '';
    },
  };

  /** Every path main asked the file manager to show, in order. */
  readonly shownInFolder: string[] = [];

  /** Every folder main asked the file manager to open ("Open logs folder"), in order. */
  readonly openedFolders: string[] = [];

  readonly files = {
    showItemInFolder: (path: string) => {
      this.shownInFolder.push(path);
    },
    openFolder: async (dir: string) => {
      this.openedFolders.push(dir);
    },
  };

  /** What the next open dialog "chooses"; null plays a cancelled dialog. */
  nextOpenPath: string | null = null;
  /** Every filter main showed an open dialog with. */
  readonly openFilters: string[] = [];
  readonly openDialog = {
    chooseOpenPath: async (filter: { name: string; extensions: string[] }) => {
      this.openFilters.push(filter.name);
      return this.nextOpenPath;
    },
  };
  /** The OS's proxy answer, as Electron's session.resolveProxy would give it; unset: no system proxy. */
  resolveProxy: ((url: string) => Promise<string>) | undefined = undefined;

  readonly saveDialog = {
    chooseSavePath: async (suggestedName: string) => {
      this.offeredNames.push(suggestedName);
      if (this.saveGate) await this.saveGate;
      return this.nextSavePath;
    },
  };
}
