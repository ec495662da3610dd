// Stand-ins for the OS clipboard and save dialog (platform.ts), so tests can see what main copied
// and choose where an export goes. Everything else in the harness is the real thing.
import type { Platform } from '../../src-main/platform';

export class TestPlatform implements Platform {
  clipboardText = '';
  /** Where the next save dialog "chooses" to save; null plays a cancelled dialog. */
  nextSavePath: string | null = null;
  readonly offeredNames: string[] = [];

  readonly clipboard = {
    writeText: async (t: string) => {
      this.clipboardText = t;
    },
    readText: async () => this.clipboardText,
    clear: () => {
      this.clipboardText = '';
    },
  };

  readonly saveDialog = {
    chooseSavePath: async (suggestedName: string) => {
      this.offeredNames.push(suggestedName);
      return this.nextSavePath;
    },
  };
}
