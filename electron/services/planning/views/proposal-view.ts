import type { Proposal, ReplenishmentPlan } from '../../../../shared/domain';
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
  };
}

/**
 * A replenishment run the worker holds: proposals most urgent first (needed-by date, then node and
 * SKU), filtered orders cached so paging only slices.
 */
export class HeldReplenishment {
  readonly proposals: Proposal[];
  /** Built on first use (adding proposals to a scenario): hashing 100,000s of ids costs as much as the sort. */
  private byId: Map<string, Proposal> | null = null;
  private readonly orders = new Map<string, Uint32Array>();

  constructor(
    readonly plan: ReplenishmentPlan,
    private readonly labels: NetworkLabels,
  ) {
    // Sort keys read once per proposal, as numbers: runs hold 100,000s of proposals.
    const keyed = plan.proposals.map((proposal) => ({ proposal, key: labels.dateNodeSkuKey(proposal.neededBy, proposal.nodeId, proposal.skuId) }));
    keyed.sort((a, b) => a.key - b.key || (a.proposal.id < b.proposal.id ? -1 : a.proposal.id > b.proposal.id ? 1 : 0));
    this.proposals = keyed.map((entry) => entry.proposal);
  }

  find(id: string): Proposal | undefined {
    this.byId ??= new Map(this.proposals.map((proposal) => [proposal.id, proposal]));
    return this.byId.get(id);
  }

  page(filter: ReplenishmentFilter, offset: number, limit: number, stale: ReadonlyMap<string, StaleNodeData>): ReplenishmentPage {
    const order = this.orderFor(filter);
    const rows: ProposalView[] = [];
    for (let i = offset; i < Math.min(order.length, offset + limit); i++) rows.push(proposalView(this.proposals[order[i] ?? 0] as Proposal, this.labels, stale));
    let staleProposals = 0;
    if (stale.size > 0) for (const proposal of this.proposals) if (nodesOf(proposal).some((nodeId) => stale.has(nodeId))) staleProposals++;
    return { rows, total: order.length, staleProposals };
  }

  private orderFor(filter: ReplenishmentFilter): Uint32Array {
    const key = JSON.stringify([filter.nodeId ?? null, filter.skuText?.trim().toLowerCase() ?? '', filter.kind ?? null]);
    const cached = this.orders.get(key);
    if (cached) return cached;
    const matches: number[] = [];
    this.proposals.forEach((proposal, index) => {
      if (filter.kind !== undefined && proposal.kind !== filter.kind) return;
      if (filter.nodeId !== undefined && proposal.nodeId !== filter.nodeId && !(proposal.kind === 'transfer' && proposal.fromNodeId === filter.nodeId)) return;
      if (!this.labels.skuMatches(proposal.skuId, filter.skuText)) return;
      matches.push(index);
    });
    const order = Uint32Array.from(matches);
    if (this.orders.size >= 8) this.orders.clear();
    this.orders.set(key, order);
    return order;
  }
}
