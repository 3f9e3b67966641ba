import { z } from 'zod';
import { ProposalKind } from '../approvals/approval-matrix';
import { Instant, LocalDate } from './calendar';
import { OdooRecordRef, SupplyKind } from './flows';
import { NodeId, SkuId } from './network';

/** Who caused an event: a user's login, or `system` (sync, outbox) when nobody at the desk did. */
export const Actor = z.string().min(1).max(200);

const base = { at: Instant, actor: Actor };
const Id = z.string().min(1).max(100);
/** A figure before and after a change; null on the side where the line did not exist. */
const Quantity = z.number().finite().nullable();
const Change = z.enum(['new', 'changed', 'closed']);
const flowLine = { nodeId: NodeId, skuId: SkuId, lineId: Id, source: OdooRecordRef.nullable(), change: Change, qtyBefore: Quantity, qtyAfter: Quantity };

/**
 * What a sync found changed in Odoo since the last one (the activity feed; not the audit log,
 * which records decisions, not the weather).
 */
const NETWORK_CHANGE_EVENTS = [
  /** On hand of one node × SKU. */
  z.strictObject({ kind: z.literal('stock-changed'), ...base, nodeId: NodeId, skuId: SkuId, onHandBefore: z.number().finite(), onHandAfter: z.number().finite() }),
  /** An open demand line appeared, moved (quantity or due date) or closed (shipped or cancelled). */
  z.strictObject({ kind: z.literal('demand-changed'), ...base, ...flowLine, customer: z.string(), dueBefore: LocalDate.nullable(), dueAfter: LocalDate.nullable() }),
  /**
   * An open supply line appeared, moved or closed (received or cancelled). Its ETA moving is
   * DESIGN.md's "supply ETA changed"; a transfer going from planned to in transit is its milestone.
   */
  z.strictObject({
    kind: z.literal('supply-changed'),
    ...base,
    ...flowLine,
    supplyKindBefore: SupplyKind.nullable(),
    supplyKindAfter: SupplyKind.nullable(),
    counterparty: z.string().nullable(),
    etaBefore: LocalDate.nullable(),
    etaAfter: LocalDate.nullable(),
  }),
] as const;
export const NetworkChangeEvent = z.discriminatedUnion('kind', NETWORK_CHANGE_EVENTS);
export type NetworkChangeEvent = z.infer<typeof NetworkChangeEvent>;

/**
 * The canonical events: one typed union for everything worth recording, used by the audit log,
 * the activity feed and outgoing webhooks. New kinds are added here, never shaped ad hoc by callers.
 * Secrets never travel in an event: a stored API key is recorded as "stored", not by value.
 */
export const CanonicalEvent = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('proposal-created'), ...base, proposalId: Id, proposalKind: ProposalKind, scenarioId: Id.nullable(), summary: z.string().min(1) }),
  z.strictObject({ kind: z.literal('batch-submitted'), ...base, batchId: Id, lineIds: z.array(Id).min(1) }),
  z.strictObject({
    kind: z.literal('decision-made'),
    ...base,
    batchId: Id,
    lineId: Id,
    decision: z.enum(['approved', 'rejected']),
    role: z.string().min(1),
    comment: z.string().nullable(),
    device: z.string().nullable(),
    signature: z.string().nullable(),
  }),
  z.strictObject({ kind: z.literal('command-queued'), ...base, commandId: Id, batchId: Id.nullable(), lineId: Id.nullable(), commandKind: z.string().min(1), idempotencyKey: Id }),
  z.strictObject({ kind: z.literal('command-pushed'), ...base, commandId: Id, odooRecords: z.array(OdooRecordRef) }),
  z.strictObject({ kind: z.literal('command-failed'), ...base, commandId: Id, attempt: z.number().int().positive(), transient: z.boolean(), message: z.string() }),
  z.strictObject({ kind: z.literal('command-dead-lettered'), ...base, commandId: Id, message: z.string() }),
  z.strictObject({ kind: z.literal('replanned'), ...base, commandId: Id.nullable(), lineId: Id.nullable(), reason: z.string().min(1) }),
  /** A setting a user changed on purpose (e.g. the Odoo server a region build talks to). */
  z.strictObject({ kind: z.literal('setting-changed'), ...base, setting: z.string().min(1), from: z.json(), to: z.json(), reason: z.string().nullable() }),
  /** A signed exchange file (a batch, or decisions on one) left this desktop, arrived, or was refused with the reason. */
  z.strictObject({
    kind: z.literal('exchange-file'),
    ...base,
    direction: z.enum(['exported', 'imported', 'refused']),
    fileId: Id.nullable(),
    fileKind: z.enum(['batch', 'decisions']).nullable(),
    batchId: Id.nullable(),
    signer: z.string().nullable(),
    device: z.string().nullable(),
    count: z.number().int().nonnegative(),
    reason: z.string().nullable(),
  }),
  ...NETWORK_CHANGE_EVENTS,
  /** A credential was stored or removed; its value is never part of the event. */
  z.strictObject({ kind: z.literal('secret-changed'), ...base, secret: z.string().min(1), change: z.enum(['stored', 'cleared']), reason: z.string().nullable() }),
]);
export type CanonicalEvent = z.infer<typeof CanonicalEvent>;
export type CanonicalEventKind = CanonicalEvent['kind'];
export const CANONICAL_EVENT_KINDS = CanonicalEvent.options.map((option) => option.shape.kind.value) as CanonicalEventKind[];

/** One link of the hash-chained audit log. */
export const AuditEntry = z.object({
  seq: z.number().int().positive(),
  event: CanonicalEvent,
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
