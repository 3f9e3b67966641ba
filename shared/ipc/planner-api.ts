import type { EventChannel, EventOf, RequestChannel, RequestOf, ResponseOf } from './contract';

/**
 * What the renderer sees as `window.planner` (Electron preload) or builds over the WebSocket
 * (headless host): one typed door to the services, whichever transport is underneath.
 */
export interface PlannerApi {
  readonly transport: 'electron' | 'websocket';
  invoke<C extends RequestChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  subscribe<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void;
}

/** The raw shape the preload hands over contextBridge: results still carry their envelope. */
export interface PreloadBridge {
  readonly channels: readonly string[];
  invoke(channel: string, request: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}
