import { z } from 'zod';

/** Why a request failed, in words the person at the screen can act on. */
export const IpcErrorCode = z.enum(['invalid-request', 'unknown-channel', 'forbidden', 'not-ready', 'not-found', 'conflict', 'cancelled', 'unavailable', 'failed']);
export type IpcErrorCode = z.infer<typeof IpcErrorCode>;

export const IpcError = z.object({ code: IpcErrorCode, message: z.string() });
export type IpcError = z.infer<typeof IpcError>;

export const IpcResult = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: IpcError })]);
export type IpcResult = z.infer<typeof IpcResult>;

/** Thrown in the renderer when the services refuse or fail a request. */
export class PlannerRequestError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PlannerRequestError';
  }
}

/** The WebSocket framing of the same contract. */
export const SocketRequest = z.strictObject({ id: z.number().int().nonnegative(), channel: z.string(), request: z.unknown() });
export const SocketMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('response'), id: z.number(), result: IpcResult }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type SocketMessage = z.infer<typeof SocketMessage>;
