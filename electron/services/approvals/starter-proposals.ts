import { dayOf, projectRow, type Horizon } from '../../../shared/approvals';
import { addDays, daysBetween, type Proposal } from '../../../shared/domain';
import type { StockRow } from '../../../shared/ipc';
import type { NetworkFacts } from '../store';

const money = (value: number): number => Math.round(value * 100) / 100;
const later = (a: string, b: string): string => (a > b ? a : b);

interface TransferSource {
  from: string;
  transitDays: number;
  costPerUnit: number;
  shipDate: string;
  /** What the source can give from the ship day on and still keep its own minimum (zero without a rule). */
  spare: number;
}

function bestSource(row: StockRow, network: NetworkFacts, horizon: Horizon, neededBy: string): TransferSource | null {
  let best: TransferSource | null = null;
  for (const lane of network.lanesInto(row.nodeId)) {
    const shipDate = later(horizon.dayZero, addDays(neededBy, -lane.transitDays));
    const shipDay = dayOf(horizon, shipDate);
    if (shipDay === null) continue;
    const floor = network.stockRule(lane.fromNodeId, row.skuId)?.min ?? 0;
    const balances = projectRow(network.rowFlows(lane.fromNodeId, row.skuId), horizon);
    const spare = Math.floor(Math.min(...balances.slice(shipDay)) - floor);
    if (spare >= 1 && (!best || spare > best.spare)) best = { from: lane.fromNodeId, transitDays: lane.transitDays, costPerUnit: lane.costPerUnit, shipDate, spare };
  }
  return best;
}

/**
 * A few proposals for the most urgent shortages, so the Approvals screen can be tried before the
 * Replenishment screen hosts "Submit batch". Like the engine, a node short of its rule is brought
 * back to its maximum (else by what it is short): first by a transfer of what the lane's best-stocked
 * node can spare above its own minimum, the rest bought from the cheapest supplier (raised to its
 * minimum, then its multiple). The full engine (shared/engine/replenishment) weighs every rule
 * (timing, sharing, several sources); this only feeds the approval flow.
 */
export function starterProposals(shortRows: readonly StockRow[], network: NetworkFacts, horizon: Horizon, count: number): Proposal[] {
  const proposals: Proposal[] = [];
  for (const row of shortRows) {
    if (proposals.length >= count) break;
    if (row.unitsShort <= 0 || !row.firstShortageDate) continue;
    const neededBy = row.firstShortageDate;
    const rule = network.stockRule(row.nodeId, row.skuId);
    let need = Math.ceil(rule ? Math.max(rule.max - row.lowestBalance, row.unitsShort) : row.unitsShort);
    const opening = `${row.nodeCode} runs short of ${row.skuCode} on ${neededBy} (lowest balance ${row.lowestBalance}); ${need} ${rule ? `brings it back to its maximum ${rule.max}` : 'covers the shortage'}.`;
    const source = bestSource(row, network, horizon, neededBy);
    if (source) {
      const qty = Math.min(need, source.spare);
      const arrivalDate = addDays(source.shipDate, source.transitDays);
      const cost = money(qty * source.costPerUnit);
      proposals.push({
        id: `S-${row.nodeId}-${row.skuId}-1`,
        kind: 'transfer',
        nodeId: row.nodeId,
        skuId: row.skuId,
        fromNodeId: source.from,
        qty,
        shipDate: source.shipDate,
        neededBy,
        arrivalDate,
        daysLate: Math.max(0, daysBetween(neededBy, arrivalDate)),
        cost,
        reason: {
          text: `${opening} Transfer ${qty} from ${source.from}, which can spare ${source.spare} from ${source.shipDate} and keep its own minimum. Ships ${source.shipDate}, ${source.transitDays}-day lane, arrives ${arrivalDate}. Freight ${qty} × ${source.costPerUnit} = ${cost}.`,
          figures: { needQty: need, sourceSpare: source.spare, transitDays: source.transitDays, costPerUnit: source.costPerUnit },
        },
      });
      need -= qty;
    }
    const option = network.supplierOptionsOf(row.skuId)[0];
    if (need <= 0 || !option || proposals.length >= count) continue;
    const atLeast = Math.max(need, option.minQty);
    const qty = option.multiple > 0 ? Math.ceil(atLeast / option.multiple) * option.multiple : atLeast;
    const orderDate = later(horizon.dayZero, addDays(neededBy, -option.leadDays));
    const arrivalDate = addDays(orderDate, option.leadDays);
    const cost = money(qty * option.unitPrice);
    proposals.push({
      id: `S-${row.nodeId}-${row.skuId}-2`,
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
        text: `${opening}${source ? ` ${need} more than ${source.from} can spare:` : ' No node with a lane to it can spare any:'} buy ${qty} from ${option.supplier}, ${option.leadDays} days lead time, arrives ${arrivalDate}. Cost ${qty} × ${option.unitPrice} = ${cost}.`,
        figures: { needQty: need, leadDays: option.leadDays, supplierMinimum: option.minQty, supplierMultiple: option.multiple, unitPrice: option.unitPrice },
      },
    });
  }
  return proposals;
}
