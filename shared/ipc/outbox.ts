import { z } from 'zod';

/**
 * The Outbox screen's view of approved work on its way to Odoo. `status` refines the stored state
 * of queued commands: waiting for a retry, blocked by a line of the batch that is not in Odoo yet,
 * or being cancelled.
 */
export const OutboxCommandStatus = z.enum(['queued', 'retrying', 'blocked', 'pushing', 'done', 'needs-replanning', 'dead-letter', 'cancelling', 'cancelled']);
export type OutboxCommandStatus = z.infer<typeof OutboxCommandStatus>;

export const OutboxConnection = z.object({
  /** `circuit-open`: Odoo failed repeatedly (or refused the login); only a health probe is tried until it answers. */
  state: z.enum(['not-configured', 'connecting', 'reachable', 'circuit-open', 'paused', 'stopped']),
  message: z.string(),
  serverVersion: z.string().nullable(),
  nextProbeAt: z.string().nullable(),
  since: z.string(),
});
export type OutboxConnection = z.infer<typeof OutboxConnection>;

export const OutboxStatus = z.object({
  counts: z.record(OutboxCommandStatus, z.number().int().nonnegative()),
  total: z.number().int().nonnegative(),
  paused: z.boolean(),
  connection: OutboxConnection,
});
export type OutboxStatus = z.infer<typeof OutboxStatus>;

export const OutboxOdooRecord = z.object({ model: z.string(), id: z.number().int(), name: z.string(), role: z.string(), state: z.string() });
export type OutboxOdooRecord = z.infer<typeof OutboxOdooRecord>;

export const OutboxReplan = z.object({ nodeId: z.string(), skuId: z.string(), needed: z.number(), available: z.number(), checkedAt: z.string() });

export const OutboxCommandView = z.object({
  id: z.string(),
  idempotencyKey: z.string(),
  batchId: z.string().nullable(),
  kind: z.enum(['transfer', 'purchase']),
  status: OutboxCommandStatus,
  summary: z.string(),
  lines: z.array(z.object({ lineId: z.string(), skuId: z.string(), qty: z.number() })),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  replan: OutboxReplan.nullable(),
  odooRecords: z.array(OutboxOdooRecord),
  nextAttemptAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  doneAt: z.string().nullable(),
  canRetry: z.boolean(),
  canCancel: z.boolean(),
  canEdit: z.boolean(),
});
export type OutboxCommandView = z.infer<typeof OutboxCommandView>;

export const OutboxHistoryEntry = z.object({ at: z.string(), event: z.string(), attempt: z.number().int().nullable(), message: z.string() });
export type OutboxHistoryEntry = z.infer<typeof OutboxHistoryEntry>;

export const OutboxCommandDetail = OutboxCommandView.extend({
  history: z.array(OutboxHistoryEntry),
  /** Lines of the batch this command waits for, and where each is (null: not in the outbox yet). */
  waitingFor: z.array(z.object({ lineId: z.string(), commandId: z.string().nullable(), state: z.string().nullable() })),
});
export type OutboxCommandDetail = z.infer<typeof OutboxCommandDetail>;

const CommandId = z.strictObject({ id: z.string().min(1).max(100) });

export const OutboxListRequest = z.strictObject({
  statuses: z.array(OutboxCommandStatus).max(9).optional(),
  batchId: z.string().min(1).max(100).optional(),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(500).default(100),
});

export const OutboxEditRequest = z.strictObject({
  id: z.string().min(1).max(100),
  /** Which line of a grouped purchase order; may be left out when the command has one line. */
  lineId: z.string().min(1).max(100).optional(),
  qty: z.number({ error: 'must be a number of units' }).positive('must be more than zero units').finite(),
});

export const OutboxBatchNotice = z.object({ batchId: z.string(), commands: z.number().int(), cancelled: z.number().int(), records: z.array(z.string()), message: z.string() });
export type OutboxBatchNotice = z.infer<typeof OutboxBatchNotice>;

export const OUTBOX_REQUESTS = {
  'outbox.status': { request: z.strictObject({}), response: OutboxStatus },
  'outbox.list': { request: OutboxListRequest, response: z.object({ total: z.number().int(), commands: z.array(OutboxCommandView) }) },
  'outbox.command': { request: CommandId, response: OutboxCommandDetail },
  'outbox.pause': { request: z.strictObject({}), response: OutboxStatus },
  'outbox.resume': { request: z.strictObject({}), response: OutboxStatus },
  'outbox.retry': { request: CommandId, response: OutboxCommandView },
  'outbox.cancel': { request: CommandId, response: OutboxCommandView },
  'outbox.edit': { request: OutboxEditRequest, response: OutboxCommandView },
} as const;

export const OUTBOX_EVENTS = {
  'outbox.changed': OutboxStatus,
  'outbox.batchInOdoo': OutboxBatchNotice,
} as const;
