import type { Database } from 'better-sqlite3';
import { monotonicFactory } from 'ulid';
import { z } from 'zod';
import { describeProblems, Proposal, type PurchaseProposal, type RegionProfile, type TransferProposal } from '../../../shared/domain';
import { OutboxStore } from '../store';
import { type CommandPayload, describePayload, idempotencyKeyOf, laneOf, lineIdsOf, type NodeRef, type PurchasePayload, type SkuRef } from './command';
import { type RecordEvent, recordNothing } from './outbox-events';

/** One approved line the approvals half hands over. */
export const ApprovedLine = z.strictObject({
  lineId: z.string().min(1).max(100),
  proposal: Proposal,
  /** The approval matrix said the purchase goes to Odoo as a confirmed PO, not a draft RFQ. */
  confirmPurchase: z.boolean().default(false),
  /** Lines of the same batch that must be in Odoo before this one is pushed. */
  after: z.array(z.string().min(1).max(100)).default([]),
  /**
   * A ULID the line already has on every desktop that knows it: a command made of this line alone
   * takes it as its id (and so its key in Odoo), so two desktops pushing the same line make one record.
   */
  stableId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'expected a ULID').optional(),
});
export type ApprovedLine = z.input<typeof ApprovedLine>;

export const EnqueueRequest = z.strictObject({
  batchId: z.string().min(1).max(100).nullable(),
  /** Who approved (or `system` for auto-approved lines). */
  actor: z.string().min(1).max(200),
  lines: z.array(ApprovedLine).min(1),
});
export type EnqueueRequest = z.input<typeof EnqueueRequest>;

export interface EnqueuedCommand {
  id: string;
  idempotencyKey: string;
  lineIds: string[];
  summary: string;
}

export interface EnqueueContext {
  profile: RegionProfile;
  now?: Date;
  recordEvent?: RecordEvent;
}

/** Bad input to `enqueue`: the caller's transaction should fail with it, whole. */
export class OutboxInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboxInputError';
  }
}

// Monotonic: commands queued in the same millisecond still sort in the order they were queued.
const nextCommandId = monotonicFactory();

function nodeRef(store: OutboxStore, profile: RegionProfile, nodeId: string): NodeRef {
  const cached = store.cachedNode(nodeId);
  const configured = profile.nodes.find((node) => node.code === (cached?.code ?? nodeId));
  return { id: nodeId, warehouseCode: configured?.odooWarehouseCode ?? cached?.code ?? nodeId, odooWarehouseId: cached?.odooWarehouseId ?? null };
}

function skuRef(store: OutboxStore, skuId: string): SkuRef {
  const cached = store.cachedSku(skuId);
  return { id: skuId, code: cached?.code ?? skuId, odooProductId: cached?.odooProductId ?? null };
}

function transferPayload(store: OutboxStore, profile: RegionProfile, lineId: string, proposal: TransferProposal): CommandPayload {
  if (proposal.fromNodeId === proposal.nodeId) throw new OutboxInputError(`Line ${lineId}: a transfer must go between two different nodes (both are ${proposal.nodeId}).`);
  return {
    kind: 'transfer',
    mode: profile.transferMode,
    lineId,
    from: nodeRef(store, profile, proposal.fromNodeId),
    to: nodeRef(store, profile, proposal.nodeId),
    sku: skuRef(store, proposal.skuId),
    qty: proposal.qty,
    shipDate: proposal.shipDate,
    arrivalDate: proposal.arrivalDate,
  };
}

interface PurchaseGroup {
  payload: PurchasePayload;
  after: string[];
  stableId?: string;
}

/**
 * Turns approved lines into commands (one per transfer; one per purchase line, or one per
 * supplier × receiving node × confirm flag when the profile groups purchases) and writes them.
 * Call it inside the transaction that records the decision: it uses a savepoint, so if anything
 * fails (bad input, a full disk, a locked database) the caller's transaction fails whole.
 */
export function enqueueApproved(db: Database, rawRequest: EnqueueRequest, context: EnqueueContext): EnqueuedCommand[] {
  const parsed = EnqueueRequest.safeParse(rawRequest);
  if (!parsed.success) throw new OutboxInputError(`Cannot queue these lines: ${describeProblems(parsed.error)}`);
  const request = parsed.data;
  const { profile } = context;
  const recordEvent = context.recordEvent ?? recordNothing;
  const now = (context.now ?? new Date()).toISOString();
  const store = new OutboxStore(db);

  const seen = new Set<string>();
  for (const line of request.lines) {
    if (seen.has(line.lineId)) throw new OutboxInputError(`Line ${line.lineId} appears twice in the request.`);
    seen.add(line.lineId);
    if (line.after.includes(line.lineId)) throw new OutboxInputError(`Line ${line.lineId} cannot wait for itself.`);
  }

  const built: { payload: CommandPayload; after: string[]; stableId?: string }[] = [];
  const groups = new Map<string, PurchaseGroup>();
  const grouped = profile.purchaseGrouping === 'per-supplier';
  for (const line of request.lines) {
    const proposal = line.proposal;
    if (proposal.kind === 'transfer') {
      built.push({ payload: transferPayload(store, profile, line.lineId, proposal), after: line.after, stableId: line.stableId });
      continue;
    }
    const purchase: PurchaseProposal = proposal;
    const option = store.cachedSupplierOption(purchase.supplierOptionId);
    const supplier = { name: option?.supplier ?? purchase.supplier, odooPartnerId: option?.odooPartnerId ?? null };
    const purchaseLine = { lineId: line.lineId, sku: skuRef(store, purchase.skuId), qty: purchase.qty, arrivalDate: purchase.arrivalDate };
    const key = `${supplier.name}|${purchase.nodeId}|${line.confirmPurchase ? 'confirm' : 'draft'}`;
    const group = grouped ? groups.get(key) : undefined;
    if (group) {
      group.payload.lines.push(purchaseLine);
      if (purchase.orderDate < group.payload.orderDate) group.payload.orderDate = purchase.orderDate;
      group.after.push(...line.after);
      continue;
    }
    const fresh: PurchaseGroup = {
      payload: { kind: 'purchase', supplier, to: nodeRef(store, profile, purchase.nodeId), confirm: line.confirmPurchase, orderDate: purchase.orderDate, lines: [purchaseLine] },
      after: [...line.after],
      stableId: line.stableId,
    };
    if (grouped) groups.set(key, fresh);
    built.push(fresh);
  }

  const enqueued: EnqueuedCommand[] = [];
  // The ids in the payloads are that network's: they go to its server alone, and the demo's to none.
  const madeOn = store.originFor(request.batchId);
  db.transaction(() => {
    for (const { payload, after, stableId } of built) {
      const lineIds = lineIdsOf(payload);
      for (const lineId of lineIds) {
        const owner = store.commandOfLine(request.batchId, lineId);
        if (owner) throw new OutboxInputError(`Line ${lineId}${request.batchId ? ` of batch ${request.batchId}` : ''} is already queued (command ${owner}); a line goes to Odoo once.`);
      }
      // A group of several lines has no single line's id to borrow: it gets its own.
      const id = stableId !== undefined && lineIds.length === 1 ? stableId : nextCommandId();
      const idempotencyKey = idempotencyKeyOf(id);
      // Lines grouped into one order wait for nothing inside that order.
      const afterLineIds = [...new Set(after.filter((lineId) => !lineIds.includes(lineId)))];
      store.insertCommand({ id, idempotencyKey, batchId: request.batchId, kind: payload.kind, lane: laneOf(payload), payload, lineIds, afterLineIds, createdBy: request.actor, now, madeOn });
      const summary = describePayload(payload);
      store.appendHistory(id, now, 'queued', `Queued by ${request.actor}${request.batchId ? ` from batch ${request.batchId}` : ''}: ${summary}. Idempotency key ${idempotencyKey}.`);
      for (const lineId of lineIds) {
        recordEvent({ kind: 'command-queued', at: now, actor: request.actor, commandId: id, batchId: request.batchId, lineId, commandKind: payload.kind, idempotencyKey });
      }
      enqueued.push({ id, idempotencyKey, lineIds, summary });
    }
    rejectCycles(store, enqueued.map((command) => command.id));
  })();
  return enqueued;
}

/** Two commands waiting for each other would never go; refuse them while they can still be fixed. */
function rejectCycles(store: OutboxStore, commandIds: string[]): void {
  const waitsFor = (commandId: string): string[] =>
    store
      .dependenciesOf(commandId)
      .map((dependency) => dependency.commandId)
      .filter((id): id is string => id !== null);
  for (const start of commandIds) {
    const stack = [...waitsFor(start)];
    const visited = new Set<string>();
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (next === start) throw new OutboxInputError(`Command ${start} would wait for itself through its dependencies (lines ${store.lineIdsOf(start).join(', ')}).`);
      if (visited.has(next)) continue;
      visited.add(next);
      stack.push(...waitsFor(next));
    }
  }
}
