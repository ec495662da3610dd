// The two ways anything leaves main for the renderer, an IPC answer and an event, and the one rule
// they share: every string passes the secret scrubber (net/scrub.ts). Enforced here, at the exit,
// so no error mapper, DTO builder or future provider can forget it.
import type { Channel } from '../../src-preload/channels';
import { AppEvent, DISCLOSED_OUTPUT_PATHS, SECRET_INPUT_PATHS, type Result } from '../../src-preload/contract';
import { log } from '../net/redact';
import { rememberSecret, scrubDeep } from '../net/scrub';
import type { EventBus } from '../services/events';

/** Hand a channel's secret inputs to the scrubber before its handler can send them anywhere. */
export function rememberSecretInputs(channel: Channel, input: unknown): void {
  for (const path of SECRET_INPUT_PATHS[channel] ?? []) {
    const v = at(input, path);
    if (typeof v === 'string') rememberSecret(v);
  }
}

/** A Result as it may leave main: scrubbed, except for what the channel exists to disclose. */
export function outgoingResult(channel: Channel | undefined, result: Result<unknown>): Result<unknown> {
  if (!result.ok || !channel) return scrubDeep(result);
  const paths = DISCLOSED_OUTPUT_PATHS[channel] ?? [];
  const value = result.value;
  return scrubDeep(result, new Set(paths.map((p) => at(value, p)).filter((v): v is string => typeof v === 'string')));
}

/**
 * An event as it may leave main: checked against the contract (an event the renderer would not
 * understand is a bug and is not sent, null) and scrubbed.
 */
export function outgoingEvent(e: unknown): AppEvent | null {
  const parsed = AppEvent.safeParse(e);
  if (!parsed.success) {
    log.error(`dropped an event that is not in the contract at ${parsed.error.issues[0]?.path.join('.')}`);
    return null;
  }
  return scrubDeep(parsed.data);
}

/** Deliver the bus's events to a window, each through outgoingEvent. Returns the unsubscribe. */
export function forwardEvents(bus: EventBus, send: (e: AppEvent) => void): () => void {
  return bus.on((e) => {
    const out = outgoingEvent(e);
    if (out) send(out);
  });
}

/** One event for one window (an application-menu command goes to the focused window only). */
export function sendEvent(e: AppEvent, send: (e: AppEvent) => void): void {
  const out = outgoingEvent(e);
  if (out) send(out);
}

function at(value: unknown, path: string): unknown {
  let v = value;
  for (const key of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}
