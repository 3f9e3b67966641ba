import type { Proposal } from '../../../../shared/domain';
import type { ReplenishmentRun } from '../../../../shared/engine';
import type { ProposalView, ReplenishmentFilter, ReplenishmentPage, StaleNodeData } from '../../../../shared/ipc';
import type { NetworkLabels } from './network-labels';
import { staleWarning } from './stale-data';

/** Nodes whose data a proposal relies on: where it goes, and for a transfer where it comes from. */
function nodesOf(proposal: Proposal): string[] {
  return proposal.kind === 'transfer' ? [proposal.fromNodeId, proposal.nodeId] : [proposal.nodeId];
}

export function proposalView(proposal: Proposal, labels: NetworkLabels, stale: ReadonlyMap<string, StaleNodeData>): ProposalView {
  const staleData = nodesOf(proposal).flatMap((nodeId) => stale.get(nodeId) ?? []);
  const transfer = proposal.kind === 'transfer' ? proposal : null;
  const purchase = proposal.kind === 'purchase' ? proposal : null;
  return {
    id: proposal.id,
    kind: proposal.kind,
    nodeId: proposal.nodeId,
    nodeCode: labels.nodeCodeOf(proposal.nodeId),
    skuId: proposal.skuId,
    ...labels.sku(proposal.skuId),
    fromNodeId: transfer?.fromNodeId ?? null,
    fromNodeCode: transfer ? labels.nodeCodeOf(transfer.fromNodeId) : null,
    supplier: purchase?.supplier ?? null,
    supplierOptionId: purchase?.supplierOptionId ?? null,
    qty: proposal.qty,
    requestedQty: purchase?.requestedQty ?? null,
    startDate: proposal.kind === 'transfer' ? proposal.shipDate : proposal.orderDate,
    arrivalDate: proposal.arrivalDate,
    neededBy: proposal.neededBy,
    daysLate: proposal.daysLate,
    cost: proposal.cost,
    reason: proposal.reason,
    staleData,
    staleWarning: staleWarning(staleData),
    // The approvals are the main process's: it marks what is already submitted.
    submitted: null,
    alsoOrdered: null,
  };
}

/**
 * A replenishment run the worker holds: proposals most urgent first (needed-by date, then node and
 * SKU), filtered orders cached so paging only slices. The run stays in columns; a proposal object
 * with its reason is built only for the rows a page shows and the proposals a planner submits.
 */
export class HeldReplenishment {
  /** Position in the list → index in the run. */
  private readonly urgent: Uint32Array;
  /** Built on first use (adding proposals to a scenario): hashing 100,000s of ids costs as much as the sort. */
  private byId: Map<string, number> | null = null;
  private readonly orders = new Map<string, Uint32Array>();

  constructor(
    readonly run: ReplenishmentRun,
    private readonly labels: NetworkLabels,
  ) {
    // Sort keys as numbers: runs hold 100,000s of proposals. Proposals of one need share the key and
    // go in their id's order (a need has at most a few, so ordinal order is the ids' string order).
    const count = run.count;
    const keys = new Float64Array(count);
    for (let index = 0; index < count; index++) keys[index] = labels.dayNodeSkuKey(run.neededByDayAt(index), run.nodeAt(index), run.skuAt(index));
    const order = Array.from({ length: count }, (_, index) => index);
    order.sort((a, b) => (keys[a] as number) - (keys[b] as number) || run.ordinalAt(a) - run.ordinalAt(b));
    this.urgent = Uint32Array.from(order);
  }

  find(id: string): Proposal | undefined {
    if (!this.byId) {
      const byId = new Map<string, number>();
      for (let index = 0; index < this.run.count; index++) byId.set(this.run.idAt(index), index);
      this.byId = byId;
    }
    const index = this.byId.get(id);
    return index === undefined ? undefined : this.run.proposalAt(index);
  }

  page(filter: ReplenishmentFilter, offset: number, limit: number, stale: ReadonlyMap<string, StaleNodeData>): ReplenishmentPage {
    const order = this.orderFor(filter);
    const rows: ProposalView[] = [];
    for (let i = offset; i < Math.min(order.length, offset + limit); i++) rows.push(proposalView(this.run.proposalAt(this.urgent[order[i] ?? 0] ?? 0), this.labels, stale));
    let staleProposals = 0;
    if (stale.size > 0) {
      const staleNode = this.run.model.nodeIds.map((nodeId) => stale.has(nodeId));
      for (let index = 0; index < this.run.count; index++) {
        if (staleNode[this.run.nodeAt(index)] || staleNode[this.run.sourceNodeAt(index)]) staleProposals++;
      }
    }
    return { rows, total: order.length, staleProposals };
  }

  /** Positions in the urgent list that pass the filter. */
  private orderFor(filter: ReplenishmentFilter): Uint32Array {
    const key = JSON.stringify([filter.nodeId ?? null, filter.skuText?.trim().toLowerCase() ?? '', filter.kind ?? null]);
    const cached = this.orders.get(key);
    if (cached) return cached;
    const { run } = this;
    const node = filter.nodeId === undefined ? undefined : (run.model.nodeIndex.get(filter.nodeId) ?? -2);
    const matches: number[] = [];
    this.urgent.forEach((index, position) => {
      if (filter.kind !== undefined && run.kindAt(index) !== filter.kind) return;
      if (node !== undefined && run.nodeAt(index) !== node && run.sourceNodeAt(index) !== node) return;
      if (!this.labels.skuIndexMatches(run.skuAt(index), filter.skuText)) return;
      matches.push(position);
    });
    const order = Uint32Array.from(matches);
    if (this.orders.size >= 8) this.orders.clear();
    this.orders.set(key, order);
    return order;
  }
}
