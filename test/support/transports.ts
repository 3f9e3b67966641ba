import WebSocket from 'ws';
import { ELECTRON_EVENT_CHANNEL, EVENT_CHANNELS, REQUEST_CHANNELS, type PlannerApi } from '../../shared/ipc';
import type { PlannerServices } from '../../electron/app/compose';
import { silentLog } from '../../electron/app/log';
import { startHeadlessServer } from '../../electron/headless/headless-server';
import { forwardEvents, registerIpcHandlers, type IpcMainLike } from '../../electron/main/ipc-registration';
import type { IpcEventLike } from '../../electron/main/trusted-sender';
import { exposeBridge } from '../../electron/preload/expose-bridge';
import { createPreloadBridge } from '../../renderer/src/bridge/preload-bridge';
import { createWebSocketBridge } from '../../renderer/src/bridge/websocket-bridge';
import { makeTempDir } from './temp-dir';
import { writeFileSync } from 'node:fs';

export interface Transport {
  name: string;
  api: PlannerApi;
  /** Sends a message exactly as given, bypassing the typed API, to probe the gate. */
  sendRaw(channel: string, request: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export const RENDERER_URL = 'file:///opt/network-planner/out/renderer/index.html';

/** Electron's ipcMain and ipcRenderer, joined in memory: the real registration and preload code run on both ends. */
export class InMemoryIpc implements IpcMainLike {
  private readonly handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
  private readonly rendererListeners = new Map<string, Set<(message: unknown) => void>>();
  senderUrl = RENDERER_URL;
  senderParent: unknown = null;

  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void {
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  rendererInvoke(channel: string, message: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    // Electron clones arguments across processes: nothing but data survives.
    const cloned: unknown = structuredClone(message);
    return handler({ senderFrame: { url: this.senderUrl, parent: this.senderParent } }, cloned).then((value) => structuredClone(value));
  }
  rendererOn(channel: string, listener: (message: unknown) => void): () => void {
    const set = this.rendererListeners.get(channel) ?? new Set();
    set.add(listener);
    this.rendererListeners.set(channel, set);
    return () => set.delete(listener);
  }
  sendToRenderer(channel: string, message: unknown): void {
    for (const listener of this.rendererListeners.get(channel) ?? []) listener(structuredClone(message));
  }
}

export function electronTransport(services: Pick<PlannerServices, 'handlers' | 'events'>): Transport & { ipc: InMemoryIpc } {
  const ipc = new InMemoryIpc();
  const unregister = registerIpcHandlers(ipc, services, () => RENDERER_URL, silentLog());
  const stopEvents = forwardEvents(services.events, (message) => ipc.sendToRenderer(ELECTRON_EVENT_CHANNEL, message));
  const bridge = exposeBridge({ invoke: (channel, message) => ipc.rendererInvoke(channel, message), on: (channel, listener) => ipc.rendererOn(channel, listener) }, REQUEST_CHANNELS, EVENT_CHANNELS);
  return {
    name: 'Electron IPC',
    ipc,
    api: createPreloadBridge(bridge),
    sendRaw: (channel, request) => bridge.invoke(channel, request),
    async close() {
      stopEvents();
      unregister();
    },
  };
}

/** A browser-like WebSocket: sends the page's Origin, as Chromium would. */
export function browserWebSocket(origin: string): typeof globalThis.WebSocket {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { origin });
    }
  } as unknown as typeof globalThis.WebSocket;
}

export async function websocketTransport(services: Pick<PlannerServices, 'handlers' | 'events'>): Promise<Transport> {
  const renderer = makeTempDir('renderer');
  writeFileSync(`${renderer.path}/index.html`, '<!doctype html><title>test</title>');
  const server = await startHeadlessServer({ services, rendererDir: renderer.path, log: silentLog() });
  const previous = globalThis.WebSocket;
  globalThis.WebSocket = browserWebSocket(server.origin);
  const api = createWebSocketBridge(`ws://127.0.0.1:${server.port}/ipc`, server.token);
  const raw = new WebSocket(`ws://127.0.0.1:${server.port}/ipc`, ['planner.v1', `token.${server.token}`], { origin: server.origin });
  await new Promise<void>((resolve, reject) => {
    raw.once('open', () => resolve());
    raw.once('error', reject);
  });
  let nextId = 10_000;
  return {
    name: 'WebSocket',
    api,
    sendRaw(channel, request) {
      const id = nextId++;
      return new Promise((resolve) => {
        const onMessage = (data: WebSocket.RawData): void => {
          const message = JSON.parse(String(data)) as { type: string; id?: number; result?: unknown };
          if (message.type === 'response' && message.id === id) {
            raw.off('message', onMessage);
            resolve(message.result);
          }
        };
        raw.on('message', onMessage);
        raw.send(JSON.stringify({ id, channel, request }));
      });
    },
    async close() {
      raw.close();
      await server.close();
      globalThis.WebSocket = previous;
      renderer.remove();
    },
  };
}
