import {
  EVENTS,
  IpcResult,
  isEventChannel,
  PlannerRequestError,
  SocketMessage,
  type EventChannel,
  type EventOf,
  type PlannerApi,
  type RequestChannel,
  type RequestOf,
  type ResponseOf,
} from '../../../shared/ipc';

const TOKEN_KEY = 'planner.token';

/**
 * The token arrives in the address's fragment once; it is kept for this tab only (so a reload
 * still works) and removed from the address bar so it is not copied around.
 */
export function takeLaunchToken(location: Location, history: History, storage: Storage): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return storage.getItem(TOKEN_KEY);
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** The headless host's transport: the same contract as the preload, over one WebSocket. */
export function createWebSocketBridge(url: string, token: string): PlannerApi {
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;

  const connect = (): Promise<WebSocket> => {
    if (opened) return opened;
    opened = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url, ['planner.v1', `token.${token}`]);
      ws.addEventListener('open', () => {
        socket = ws;
        resolve(ws);
      });
      ws.addEventListener('message', (event: MessageEvent<string>) => {
        let message: SocketMessage;
        try {
          message = SocketMessage.parse(JSON.parse(event.data));
        } catch {
          return;
        }
        if (message.type === 'response') {
          const waiting = pending.get(message.id);
          if (!waiting) return;
          pending.delete(message.id);
          const result = IpcResult.parse(message.result);
          if (result.ok) waiting.resolve(result.value);
          else waiting.reject(new PlannerRequestError(result.error.code, result.error.message));
        } else if (isEventChannel(message.event)) {
          const parsed = EVENTS[message.event].safeParse(message.payload);
          if (parsed.success) for (const listener of listeners.get(message.event) ?? []) listener(parsed.data);
        }
      });
      ws.addEventListener('close', () => {
        socket = null;
        opened = null;
        for (const [, waiting] of pending) waiting.reject(new PlannerRequestError('unavailable', 'The connection to the planner services was lost. Reload the page.'));
        pending.clear();
        reject(new PlannerRequestError('unavailable', 'The planner services refused or closed the connection. Open the address printed by `npm start` again.'));
      });
    });
    return opened;
  };

  return {
    transport: 'websocket',
    async invoke<C extends RequestChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      const ws = socket ?? (await connect());
      const id = nextId++;
      return new Promise<ResponseOf<C>>((resolve, reject) => {
        pending.set(id, { resolve: (value) => resolve(value as ResponseOf<C>), reject });
        ws.send(JSON.stringify({ id, channel, request }));
      });
    },
    subscribe<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      listeners.set(event, set);
      void connect().catch(() => {});
      return () => set.delete(wrapped);
    },
  };
}
