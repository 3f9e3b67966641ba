import {
  EVENTS,
  IpcResult,
  PlannerRequestError,
  type EventChannel,
  type EventOf,
  type PlannerApi,
  type PreloadBridge,
  type RequestChannel,
  type RequestOf,
  type ResponseOf,
} from '../../../shared/ipc';

/** The Electron transport: wraps what the preload exposed through contextBridge. */
export function createPreloadBridge(raw: PreloadBridge): PlannerApi {
  return {
    transport: 'electron',
    async invoke<C extends RequestChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      const result = IpcResult.parse(await raw.invoke(channel, request));
      if (!result.ok) throw new PlannerRequestError(result.error.code, result.error.message);
      return result.value as ResponseOf<C>;
    },
    subscribe<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void {
      return raw.subscribe(event, (payload) => {
        const parsed = EVENTS[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventOf<E>);
      });
    },
  };
}
