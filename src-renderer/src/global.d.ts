import type { TrunkdeskApi } from '../../src-preload/contract';

declare global {
  interface Window {
    /** The preload bridge: one function per contract channel, plus onEvent. */
    readonly trunkdesk: TrunkdeskApi;
  }
}

export {};
