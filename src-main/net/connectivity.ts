// Whether the providers can be reached. The HTTP client reports every outcome here: any HTTP
// answer means reachable; a refused or unresolvable connection or a timeout means not. Offline,
// the app shows stored data and disables writes; a probe (a plain GET to the origin that failed,
// no credentials) runs every few seconds and brings the app back online by itself.
import type { AppEvent, ConnectivityDTO } from '../../src-preload/contract';

export class Connectivity {
  private state: ConnectivityDTO = { online: true, lastOnlineAt: null, reason: null };
  private probeUrl: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private probing = false;
  private readonly listeners = new Set<(e: Extract<AppEvent, { type: 'connectivity' }>) => void>();

  constructor(
    private readonly probeEveryMs = 5_000,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Set by the composition root: how to knock on an origin (any HTTP answer counts). */
  probe: ((url: string) => Promise<void>) | undefined;

  get current(): ConnectivityDTO {
    return { ...this.state };
  }

  get online(): boolean {
    return this.state.online;
  }

  on(listener: (e: Extract<AppEvent, { type: 'connectivity' }>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reachable(): void {
    const was = this.state.online;
    this.state = { online: true, lastOnlineAt: this.now().toISOString(), reason: null };
    if (!was) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.announce();
    }
  }

  unreachable(url: string, reason: string): void {
    this.probeUrl = originOf(url);
    if (!this.state.online) return;
    this.state = { ...this.state, online: false, reason };
    this.announce();
    this.timer = setInterval(() => void this.knock(), this.probeEveryMs);
    this.timer.unref?.();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async knock(): Promise<void> {
    if (this.probing || !this.probeUrl || !this.probe) return;
    this.probing = true;
    try {
      await this.probe(this.probeUrl);
    } catch {
      /* still offline: the client has already said so */
    } finally {
      this.probing = false;
    }
  }

  private announce(): void {
    const e = { type: 'connectivity' as const, ...this.state };
    for (const l of this.listeners) l(e);
  }
}

function originOf(url: string): string | undefined {
  try {
    return `${new URL(url).origin}/`;
  } catch {
    return undefined;
  }
}

/** Network-level failures: the ones that mean "offline", not "the server said no". */
export function isUnreachable(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  const message = (e as { message?: string })?.message ?? '';
  return code === 'OFFLINE' || (code === 'TIMEOUT' && !/cancelled/i.test(message));
}
