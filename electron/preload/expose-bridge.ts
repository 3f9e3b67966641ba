import { ELECTRON_EVENT_CHANNEL, ELECTRON_INVOKE_CHANNEL, type PreloadBridge } from '../../shared/ipc';

export interface IpcRendererLike {
  invoke(channel: string, message: unknown): Promise<unknown>;
  on(channel: string, listener: (message: unknown) => void): () => void;
}

/**
 * What the preload hands to the page: the contract's channel names and two functions, nothing of
 * ipcRenderer itself. Requests on channels outside the contract are still forwarded so that main
 * refuses them and logs the attempt in one place.
 */
export function exposeBridge(ipc: IpcRendererLike, requestChannels: readonly string[], eventChannels: readonly string[]): PreloadBridge {
  const events = new Set(eventChannels);
  return Object.freeze({
    channels: Object.freeze([...requestChannels]),
    invoke(channel: string, request: unknown): Promise<unknown> {
      return ipc.invoke(ELECTRON_INVOKE_CHANNEL, { channel, request });
    },
    subscribe(event: string, listener: (payload: unknown) => void): () => void {
      if (!events.has(event)) throw new Error(`"${event}" is not a Network Planner event`);
      return ipc.on(ELECTRON_EVENT_CHANNEL, (message) => {
        const { event: name, payload } = (typeof message === 'object' && message !== null ? message : {}) as { event?: unknown; payload?: unknown };
        if (name === event) listener(payload);
      });
    },
  });
}
