// The few OS services main needs besides the network and the keychain (and the OS's proxy answer). Electron provides them in
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

export interface OpenDialog {
  /** Ask which file to open; null when the admin cancels. Main reads the file: the renderer never names a path. */
  chooseOpenPath(filter: { name: string; extensions: string[] }): Promise<string | null>;
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
  openDialog: OpenDialog;
  /**
   * The OS's proxy for a URL as Chromium resolves it (PAC-style: "DIRECT", "PROXY host:port; DIRECT").
   * Absent where there is no Electron (Node, tests): then only the environment's proxy applies.
   */
  resolveProxy?: (url: string) => Promise<string>;
}
