import { z } from 'zod';
import { Instant, OdooRecordRef } from '../../../shared/domain';

const base = { at: Instant, actor: z.string().min(1).max(200) };
const Id = z.string().min(1).max(100);

/**
 * The canonical events the outbox produces, shaped exactly like the audit log's (command queued,
 * pushed, failed, dead-lettered, replanned), so the hash-chained log's `append` can be passed in as
 * `recordEvent` unchanged. They are recorded inside the same SQLite transaction as the state change
 * they describe: an event is never written for a change that did not happen, nor the reverse.
 */
export const OutboxEvent = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('command-queued'), ...base, commandId: Id, batchId: Id.nullable(), lineId: Id.nullable(), commandKind: z.string().min(1), idempotencyKey: Id }),
  z.strictObject({ kind: z.literal('command-pushed'), ...base, commandId: Id, odooRecords: z.array(OdooRecordRef) }),
  z.strictObject({ kind: z.literal('command-failed'), ...base, commandId: Id, attempt: z.number().int().positive(), transient: z.boolean(), message: z.string() }),
  z.strictObject({ kind: z.literal('command-dead-lettered'), ...base, commandId: Id, message: z.string() }),
  z.strictObject({ kind: z.literal('replanned'), ...base, commandId: Id.nullable(), lineId: Id.nullable(), reason: z.string().min(1) }),
]);
export type OutboxEvent = z.infer<typeof OutboxEvent>;

/** Appends one event; throwing aborts the transaction it is called in. */
export type RecordEvent = (event: OutboxEvent) => void;

export const recordNothing: RecordEvent = () => {};

/** The actor of what the pusher does on its own. */
export const SYSTEM_ACTOR = 'system';
