import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNELS, REQUEST_CHANNELS, type PreloadBridge } from '../../shared/ipc';
import { exposeBridge } from './expose-bridge';

// Runs sandboxed: only contextBridge and ipcRenderer are available, and only the contract crosses.
contextBridge.exposeInMainWorld(
  'plannerBridge',
  exposeBridge(
    {
      invoke: (channel, message) => ipcRenderer.invoke(channel, message),
      on: (channel, listener) => {
        const wrapped = (_event: IpcRendererEvent, message: unknown): void => listener(message);
        ipcRenderer.on(channel, wrapped);
        return () => ipcRenderer.removeListener(channel, wrapped);
      },
    },
    REQUEST_CHANNELS,
    EVENT_CHANNELS,
  ) satisfies PreloadBridge,
);
