// Accepted trunkdesk:// links on their way to the window. A link can arrive before the window is
// listening (the one the app was launched with; macOS 'open-url' before ready; one that reopens a
// closed window), and an event sent then would be lost: so until the renderer has taken what is
// waiting (the takePendingLink channel, once it is subscribed to events), the latest link waits
// here; after that, each link goes out at once as an `open` event.
import type { DeepLinkDTO } from '../../src-preload/contract';
import { describeRefusal, parseDeepLink } from '../deep-link';
import { log } from '../net/redact';
import type { EventBus } from './events';

export class DeepLinkInbox {
  private pending: DeepLinkDTO | null = null;
  private listening = false;

  constructor(private readonly events: EventBus) {}

  /** A raw link from the OS. Returns whether it was accepted; a refused one is logged, by reason only. */
  receive(raw: unknown): boolean {
    const parsed = parseDeepLink(raw);
    if (!parsed.ok) {
      log.warn(describeRefusal(parsed));
      return false;
    }
    if (this.listening) this.events.emit({ type: 'open', ...parsed.link });
    else this.pending = parsed.link;
    return true;
  }

  /** The renderer is subscribed: hand over what waited, and send later links as events. */
  take(): DeepLinkDTO | null {
    this.listening = true;
    const link = this.pending;
    this.pending = null;
    return link;
  }

  /** The window is gone: hold links again until a new one takes them. */
  windowClosed(): void {
    this.listening = false;
  }
}
