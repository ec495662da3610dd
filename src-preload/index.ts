// The narrow bridge. It exposes window.trunkdesk with exactly one function per channel of the
// contract and one event subscription: no generic invoke, no ipcRenderer, nothing else. It is
// bundled as a single CommonJS file because a sandboxed preload can only require('electron').
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, EVENT_CHANNEL, ipcName, type Channel } from './channels';
import type { AppEvent, TrunkdeskApi } from './contract';

function channelFunction(channel: Channel) {
  // The name is fixed here, at build time; the renderer can only choose the input.
  const name = ipcName(channel);
  return (input: unknown) => ipcRenderer.invoke(name, input);
}

const api = Object.fromEntries(CHANNELS.map((c) => [c, channelFunction(c)])) as Omit<TrunkdeskApi, 'onEvent'>;

const bridge: TrunkdeskApi = {
  ...api,
  onEvent(listener: (event: AppEvent) => void) {
    // Hand the renderer the payload only, never the IpcRendererEvent (it carries `sender`).
    const wrapped = (_e: IpcRendererEvent, payload: AppEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('trunkdesk', Object.freeze(bridge));
