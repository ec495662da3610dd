// Passwords main generated, held in memory under a random handle until they are used and then
// shown once or copied to the clipboard (cleared after 30 s, if it still holds the password).
// Showing does not spend the handle for copying: an admin who has read it must still be able to
// copy it into the PBX. The handle ends when the renderer discards it (the panel was closed) or
// after 10 minutes. Nothing here touches the disk.
import { randomBytes } from 'node:crypto';
import { AppError } from '../net/errors';
import { rememberSecret } from '../net/scrub';
import type { Clipboard } from '../platform';
import { generateSipPassword } from './password-generator';

const TTL_MS = 10 * 60_000;
export const CLIPBOARD_CLEAR_SECONDS = 30;

export class PendingSecrets {
  private readonly slots = new Map<string, { value: string; timer: NodeJS.Timeout; revealed: boolean }>();

  constructor(private readonly clipboard: Clipboard) {}

  generate(): string {
    return this.hold(generateSipPassword());
  }

  /**
   * Put a password main already holds (one VoIPBIN returned, sealed in the store) behind a
   * handle, on the admin's explicit request: it then crosses once (reveal) or goes to the clipboard.
   */
  hold(value: string): string {
    const id = `s_${randomBytes(16).toString('hex')}`;
    rememberSecret(value);
    const timer = setTimeout(() => this.slots.delete(id), TTL_MS);
    timer.unref();
    this.slots.set(id, { value, timer, revealed: false });
    return id;
  }

  /** The password behind a handle, for sending to the provider. The handle stays valid. */
  value(id: string): string {
    const slot = this.slots.get(id);
    if (!slot) throw expired();
    return slot.value;
  }

  /** Show once: a second reveal is refused, but the handle can still be copied until discarded. */
  reveal(id: string): string {
    const slot = this.slots.get(id);
    if (!slot || slot.revealed) throw expired();
    slot.revealed = true;
    return slot.value;
  }

  async copy(id: string, clearAfterMs = CLIPBOARD_CLEAR_SECONDS * 1000): Promise<number> {
    const value = this.value(id);
    await this.clipboard.writeText(value);
    // Clear only if it still holds our password: never wipe something the admin copied since.
    const t = setTimeout(() => {
      void this.clipboard.readText().then((now) => (now === value ? this.clipboard.clear() : undefined));
    }, clearAfterMs);
    t.unref();
    return CLIPBOARD_CLEAR_SECONDS;
  }

  discard(id: string): void {
    const slot = this.slots.get(id);
    if (slot) clearTimeout(slot.timer);
    this.slots.delete(id);
  }
}

function expired(): AppError {
  return new AppError('VALIDATION', 'That generated password is no longer available.', {
    hint: 'Generated passwords are kept for 10 minutes and shown once. Generate a new one.',
    retryable: false,
  });
}
