// Who may call main: only our own window's main frame, loaded from our own origin (after VS Code's
// ValidatedIpcMain and GitHub Desktop's trusted-sender registry). Checked before any handler.

/** The part of Electron's IpcMainInvokeEvent the check reads; the test harness builds the same. */
export interface IpcSenderInfo {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown | null } | null;
}

export interface SenderPolicy {
  /** Origins our pages are served from, e.g. `app://trunkdesk`. */
  origins: readonly string[];
  /** webContents ids of our own windows. */
  isOurWebContents(id: number): boolean;
}

export type SenderVerdict = { ok: true } | { ok: false; reason: string };

export function checkSender(event: IpcSenderInfo, policy: SenderPolicy): SenderVerdict {
  const frame = event.senderFrame;
  if (!frame) return { ok: false, reason: 'no sender frame (navigated away or destroyed)' };
  if (frame.parent !== null) return { ok: false, reason: 'not the main frame' };
  if (!policy.isOurWebContents(event.sender.id)) return { ok: false, reason: 'not one of our windows' };
  const origin = originOf(frame.url);
  if (!origin || !policy.origins.includes(origin)) return { ok: false, reason: `foreign origin ${origin ?? '(none)'}` };
  return { ok: true };
}

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    // Custom schemes such as app:// report origin "null"; rebuild it from protocol and host.
    return u.origin !== 'null' ? u.origin : `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}
