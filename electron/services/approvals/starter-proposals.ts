import { dayOf, projectRow, type Horizon } from '../../../shared/approvals';
import { addDays, daysBetween, type Proposal } from '../../../shared/domain';
import type { StockRow } from '../../../shared/ipc';
import type { NetworkFacts } from '../store';

const money = (value: number): number => Math.round(value * 100) / 100;
const later = (a: string, b: string): string => (a > b ? a : b);

/**
 * A few proposals for the most urgent shortages, so the Approvals screen can be tried before the
 * Replenishment screen hosts "Submit batch": a transfer from the lane's node with the most to spare
 * (never more than keeps it at or above zero from the ship day on), else a purchase from the
 * cheapest supplier (raised to its minimum, then its multiple). The full engine
 * (shared/engine/replenishment) proposes with every rule; this only feeds the approval flow.
 */
export function starterProposals(shortRows: readonly StockRow[], network: NetworkFacts, horizon: Horizon, count: number): Proposal[] {
  const proposals: Proposal[] = [];
  for (const row of shortRows) {
    if (proposals.length >= count) break;
    const need = Math.ceil(row.unitsShort);
    if (need <= 0 || !row.firstShortageDate) continue;
    const neededBy = row.firstShortageDate;
    const opening = `${row.nodeCode} runs short of ${row.skuCode} on ${neededBy} (${need} short).`;
    let best: { from: string; transitDays: number; costPerUnit: number; qty: number; shipDate: string; spare: number } | null = null;
    for (const lane of network.lanesInto(row.nodeId)) {
      const shipDate = later(horizon.dayZero, addDays(neededBy, -lane.transitDays));
      const shipDay = dayOf(horizon, shipDate);
      if (shipDay === null) continue;
      const balances = projectRow(network.rowFlows(lane.fromNodeId, row.skuId), horizon);
      const spare = Math.floor(Math.min(...balances.slice(shipDay)));
      const qty = Math.min(need, spare);
      if (qty >= 1 && (!best || spare > best.spare)) best = { from: lane.fromNodeId, transitDays: lane.transitDays, costPerUnit: lane.costPerUnit, qty, shipDate, spare };
    }
    if (best) {
      const arrivalDate = addDays(best.shipDate, best.transitDays);
      const cost = money(best.qty * best.costPerUnit);
      proposals.push({
        id: `S-${row.nodeId}-${row.skuId}`,
        kind: 'transfer',
        nodeId: row.nodeId,
        skuId: row.skuId,
        fromNodeId: best.from,
        qty: best.qty,
        shipDate: best.shipDate,
        neededBy,
        arrivalDate,
        daysLate: Math.max(0, daysBetween(neededBy, arrivalDate)),
        cost,
        reason: {
          text: `${opening} Transfer ${best.qty} from ${best.from}, which keeps at least ${best.spare - best.qty} from ${best.shipDate} to the end of the horizon. Ships ${best.shipDate}, ${best.transitDays}-day lane, arrives ${arrivalDate}. Freight ${best.qty} × ${best.costPerUnit} = ${cost}.`,
          figures: { unitsShort: need, sourceSpare: best.spare, transitDays: best.transitDays, costPerUnit: best.costPerUnit },
        },
      });
      continue;
    }
    const option = network.supplierOptionsOf(row.skuId)[0];
    if (!option) continue;
    const atLeast = Math.max(need, option.minQty);
    const qty = option.multiple > 0 ? Math.ceil(atLeast / option.multiple) * option.multiple : atLeast;
    const orderDate = later(horizon.dayZero, addDays(neededBy, -option.leadDays));
    const arrivalDate = addDays(orderDate, option.leadDays);
    const cost = money(qty * option.unitPrice);
    proposals.push({
      id: `S-${row.nodeId}-${row.skuId}`,
      kind: 'purchase',
      nodeId: row.nodeId,
      skuId: row.skuId,
      supplierOptionId: option.id,
      supplier: option.supplier,
      requestedQty: need,
      qty,
      orderDate,
      neededBy,
      arrivalDate,
      daysLate: Math.max(0, daysBetween(neededBy, arrivalDate)),
      cost,
      reason: {
        text: `${opening} No node with a lane to ${row.nodeCode} can spare it. Buy ${qty} from ${option.supplier} (${need} needed), ${option.leadDays} days lead time, arrives ${arrivalDate}. Cost ${qty} × ${option.unitPrice} = ${cost}.`,
        figures: { unitsShort: need, leadDays: option.leadDays, supplierMinimum: option.minQty, supplierMultiple: option.multiple, unitPrice: option.unitPrice },
      },
    });
  }
  return proposals;
}
