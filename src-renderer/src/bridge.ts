// The renderer's only way out: window.trunkdesk, wrapped so that a missing bridge or a rejected
// IPC call becomes an ordinary error Result instead of an exception in a component.
import type { Channel } from '../../src-preload/channels';
import type { AppEvent, ChannelInput, ChannelOutput, ErrorDTO, Result } from '../../src-preload/contract';

type Call<C extends Channel> = (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;

const NOT_CONNECTED: ErrorDTO = {
  code: 'INTERNAL',
  message: "Trunkdesk's window is not connected to its background process.",
  hint: 'Restart Trunkdesk. If this keeps happening, reinstall it.',
  retryable: true,
};

const CALL_FAILED: ErrorDTO = {
  code: 'INTERNAL',
  message: 'Trunkdesk could not complete that request.',
  hint: 'Try again. If it keeps failing, restart Trunkdesk.',
  retryable: true,
};

function api(): Window['trunkdesk'] | undefined {
  return typeof window === 'undefined' ? undefined : (window.trunkdesk as Window['trunkdesk'] | undefined);
}

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  const bridge = api();
  const fn = bridge?.[channel] as Call<C> | undefined;
  if (typeof fn !== 'function') return { ok: false, error: NOT_CONNECTED };
  try {
    const result = await fn(input);
    if (result && typeof result === 'object' && 'ok' in result) return result;
    return { ok: false, error: CALL_FAILED };
  } catch {
    return { ok: false, error: CALL_FAILED };
  }
}

export function onEvent(listener: (event: AppEvent) => void): () => void {
  const bridge = api();
  if (!bridge || typeof bridge.onEvent !== 'function') return () => {};
  return bridge.onEvent(listener);
}
