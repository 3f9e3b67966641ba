import { ELECTRON_INVOKE_CHANNEL, type IpcResult } from '../../shared/ipc';
import type { PlannerEvents } from '../app/planner-events';
import type { PlannerServices } from '../app/compose';
import type { Log } from '../app/log';
import { dispatchRequest } from '../ipc/dispatch';
import { isTrustedSender, type IpcEventLike } from './trusted-sender';

/** The subset of Electron's ipcMain we use, so tests can hand in a stand-in. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/**
 * Every renderer request arrives on one Electron channel and goes through the same gate as the
 * headless host's socket: trusted sender first, then the contract's schema.
 */
export function registerIpcHandlers(ipcMain: IpcMainLike, services: Pick<PlannerServices, 'handlers'>, rendererUrl: () => string, log: Log): () => void {
  ipcMain.handle(ELECTRON_INVOKE_CHANNEL, async (event, message): Promise<IpcResult> => {
    if (!isTrustedSender(event, rendererUrl())) {
      log.warn({ sender: event.senderFrame?.url ?? '(gone)' }, 'refused an IPC request from an untrusted frame');
      return { ok: false, error: { code: 'forbidden', message: 'This request did not come from the Network Planner window.' } };
    }
    const { channel, request } = (typeof message === 'object' && message !== null ? message : {}) as { channel?: unknown; request?: unknown };
    return dispatchRequest(services.handlers, channel, request, log);
  });
  return () => ipcMain.removeHandler(ELECTRON_INVOKE_CHANNEL);
}

/** Pushes every service event to the window as `{ event, payload }` on the event channel. */
export function forwardEvents(events: PlannerEvents, send: (message: { event: string; payload: unknown }) => void): () => void {
  return events.subscribe((event, payload) => send({ event, payload }));
}
