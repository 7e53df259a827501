/**
 * The preload: exposes exactly one frozen API, `window.shadowswap` = { invoke, subscribe }, and never
 * ipcRenderer itself. Event callbacks receive only the payload, never the IpcRendererEvent (which
 * would hand the page a path back to ipcRenderer).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Channel, Outcome } from '../shared/rpc';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels';

const bridge: Channel = {
  invoke(method: string, params: unknown): Promise<Outcome> {
    return ipcRenderer.invoke(INVOKE_CHANNEL, String(method), params) as Promise<Outcome>;
  },
  subscribe(event: string, listener: (payload: unknown) => void): () => void {
    const wanted = String(event);
    const relay = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === wanted) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.off(EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('shadowswap', Object.freeze(bridge));
