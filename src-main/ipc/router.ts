// The IPC router: for every call, sender check -> input parse (secret inputs remembered) ->
// handler -> output parse -> scrub -> Result. Nothing reaches a handler from a foreign sender or
// with malformed input, nothing leaves that is not a valid DTO or that holds a secret main knows,
// and no failure crashes main: every path ends in a typed Result.
import type { z } from 'zod';
import { CHANNEL_PREFIX, CHANNELS, ipcName, type Channel } from '../../src-preload/channels';
import { contract, type ChannelOutput, type Result } from '../../src-preload/contract';
import { AppError, toErrorDTO } from '../net/errors';
import { log } from '../net/redact';
import { outgoingResult, rememberSecretInputs } from './outgoing';
import { checkSender, type IpcSenderInfo, type SenderPolicy } from './trusted-sender';

export type Handlers = {
  [C in Channel]: (input: z.infer<(typeof contract)[C]['input']>) => Promise<ChannelOutput<C>>;
};

/** The part of Electron's ipcMain we use; the harness provides the same over Playwright. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderInfo, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export function createDispatcher(handlers: Handlers, policy: SenderPolicy) {
  return async function dispatch(ipcChannel: string, event: IpcSenderInfo, payload: unknown): Promise<Result<unknown>> {
    return outgoingResult(channelOf(ipcChannel), await answer(ipcChannel, event, payload));
  };

  async function answer(ipcChannel: string, event: IpcSenderInfo, payload: unknown): Promise<Result<unknown>> {
    const verdict = checkSender(event, policy);
    if (!verdict.ok) {
      log.warn(`dropped IPC call on ${safeName(ipcChannel)}: ${verdict.reason}`);
      return fail(new AppError('FORBIDDEN', 'This window is not allowed to talk to Trunkdesk.', { retryable: false }));
    }
    const channel = channelOf(ipcChannel);
    if (!channel) {
      log.warn(`unknown IPC channel ${safeName(ipcChannel)}`);
      return fail(new AppError('VALIDATION', 'Unknown request.', { retryable: false }));
    }
    const spec = contract[channel];
    // safeParse can throw: zod 4 runs a string's min/max length checks on any value that has a
    // `length` (after the type check failed), and comparing one that will not convert to a number
    // (a null-prototype object, found by the IPC fuzz in tests/security) throws a TypeError. A
    // malformed request is a VALIDATION answer however it is malformed, never a rejected call.
    let input: ReturnType<typeof spec.input.safeParse>;
    try {
      input = spec.input.safeParse(payload ?? {});
    } catch {
      return fail(new AppError('VALIDATION', 'The request was malformed.', { retryable: false }));
    }
    if (!input.success) {
      const issue = input.error.issues[0];
      const field = issue?.path.map(String).join('.') || undefined;
      return fail(new AppError('VALIDATION', issue?.message ?? 'The request was malformed.', { retryable: false, ...(field ? { field } : {}) }));
    }
    rememberSecretInputs(channel, input.data);
    try {
      const handler = handlers[channel] as (i: unknown) => Promise<unknown>;
      const value = await handler(input.data);
      const output = spec.output.safeParse(value);
      if (!output.success) {
        // Defence in depth: a handler that produced a non-DTO (say, with a token field) is a bug;
        // the value is not sent, and the log names only the path of the offending field.
        log.error(`handler ${channel} produced an invalid DTO at ${output.error.issues[0]?.path.join('.')}`);
        return fail(new Error('invalid DTO'));
      }
      return { ok: true, value: output.data };
    } catch (e) {
      if (!(e instanceof AppError)) log.error(`handler ${channel} failed`, e);
      return fail(e);
    }
  }
}

export function registerIpc(ipcMain: IpcMainLike, handlers: Handlers, policy: SenderPolicy): () => void {
  const dispatch = createDispatcher(handlers, policy);
  for (const c of CHANNELS) {
    const name = ipcName(c);
    ipcMain.handle(name, (event, payload) => dispatch(name, event, payload));
  }
  return () => CHANNELS.forEach((c) => ipcMain.removeHandler(ipcName(c)));
}

function channelOf(ipcChannel: string): Channel | undefined {
  if (!ipcChannel.startsWith(CHANNEL_PREFIX)) return undefined;
  const name = ipcChannel.slice(CHANNEL_PREFIX.length);
  return (CHANNELS as readonly string[]).includes(name) ? (name as Channel) : undefined;
}

const safeName = (s: string) => JSON.stringify(String(s).slice(0, 80));
const fail = (e: unknown): Result<never> => ({ ok: false, error: toErrorDTO(e) });
