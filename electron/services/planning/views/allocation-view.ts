import type { AllocatedLine, AllocationPlan } from '../../../../shared/domain';
import type { AllocationFilter, AllocationLineView, AllocationPage } from '../../../../shared/ipc';
import type { NetworkLabels } from './network-labels';

function lineView(line: AllocatedLine, labels: NetworkLabels): AllocationLineView {
  const byNode = new Map<string, AllocationLineView['assigned'][number]>();
  for (const part of line.parts) {
    const seen = byNode.get(part.nodeId);
    if (seen) {
      seen.qty += part.qty;
      if (part.arrivalDate > seen.arrivalDate) seen.arrivalDate = part.arrivalDate;
      seen.lateDays = Math.max(seen.lateDays, part.lateDays);
    } else {
      byNode.set(part.nodeId, { nodeId: part.nodeId, nodeCode: labels.nodeCodeOf(part.nodeId), qty: part.qty, shipDate: part.shipDate, arrivalDate: part.arrivalDate, lateDays: part.lateDays });
    }
  }
  const assigned = [...byNode.values()].sort((a, b) => b.qty - a.qty || (a.nodeCode < b.nodeCode ? -1 : a.nodeCode > b.nodeCode ? 1 : 0));
  return {
    demandLineId: line.demandLineId,
    skuId: line.skuId,
    ...labels.sku(line.skuId),
    customer: line.customer,
    priority: line.priority,
    dueDate: line.dueDate,
    currentNodeId: line.currentNodeId,
    currentNodeCode: labels.nodeCodeOf(line.currentNodeId),
    assigned,
    qty: line.qty,
    servedQty: line.servedQty,
    unservedQty: line.unservedQty,
    margin: line.margin,
    transportCost: line.transportCost,
    latePenalty: line.latePenalty,
    value: line.value,
    lateDays: line.parts.reduce((late, part) => Math.max(late, part.lateDays), 0),
    moved: line.moved,
  };
}

/** An allocation run the worker holds: lines by due date then id, filtered orders cached for paging. */
export class HeldAllocation {
  private readonly lines: AllocatedLine[];
  private readonly orders = new Map<string, Uint32Array>();

  constructor(
    readonly plan: AllocationPlan,
    private readonly labels: NetworkLabels,
  ) {
    this.lines = [...plan.lines].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.demandLineId < b.demandLineId ? -1 : a.demandLineId > b.demandLineId ? 1 : 0));
  }

  page(filter: AllocationFilter, offset: number, limit: number): AllocationPage {
    const order = this.orderFor(filter);
    const rows: AllocationLineView[] = [];
    for (let i = offset; i < Math.min(order.length, offset + limit); i++) rows.push(lineView(this.lines[order[i] ?? 0] as AllocatedLine, this.labels));
    return { rows, total: order.length };
  }

  private orderFor(filter: AllocationFilter): Uint32Array {
    const key = JSON.stringify([filter.nodeId ?? null, filter.skuText?.trim().toLowerCase() ?? '', filter.onlyMoved ?? false, filter.onlyUnserved ?? false]);
    const cached = this.orders.get(key);
    if (cached) return cached;
    const matches: number[] = [];
    this.lines.forEach((line, index) => {
      if (filter.onlyMoved && !line.moved) return;
      if (filter.onlyUnserved && line.unservedQty <= 0) return;
      if (filter.nodeId !== undefined && line.currentNodeId !== filter.nodeId && !line.parts.some((part) => part.nodeId === filter.nodeId)) return;
      if (!this.labels.skuMatches(line.skuId, filter.skuText)) return;
      matches.push(index);
    });
    const order = Uint32Array.from(matches);
    if (this.orders.size >= 8) this.orders.clear();
    this.orders.set(key, order);
    return order;
  }
}
