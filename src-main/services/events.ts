// Main-to-renderer events. Services emit; the window (or the test harness) delivers.
import type { AppEvent } from '../../src-preload/contract';

export class EventBus {
  private readonly listeners = new Set<(e: AppEvent) => void>();

  on(listener: (e: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(e: AppEvent): void {
    for (const l of this.listeners) l(e);
  }
}
