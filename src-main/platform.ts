// The few OS services main needs besides the network and the keychain. Electron provides them in
// electron-platform.ts; the test harness provides stand-ins so tests can see what was copied or saved.

/** Async, as Electron's clipboard is since v45. */
export interface Clipboard {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): Promise<void> | void;
}

export interface SaveDialog {
  /** Ask where to save; null when the admin cancels. */
  chooseSavePath(suggestedName: string, filter: { name: string; extensions: string[] }): Promise<string | null>;
}

export interface FileManager {
  /** Open the OS file manager on the folder holding `path`, with the file selected. */
  showItemInFolder(path: string): void;
  /** Open a folder in the OS file manager ("Open logs folder"). */
  openFolder(dir: string): Promise<void>;
}

export interface Platform {
  clipboard: Clipboard;
  saveDialog: SaveDialog;
  files: FileManager;
}
