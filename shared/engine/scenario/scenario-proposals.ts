import type { Proposal } from '../../domain';
import { NO_DAY } from '../projection/no-day';
import { formatMoney, formatUnits } from '../replenishment/reasons';
import type { ScenarioPlan } from './scenario-plan';
import { rowOf } from './state';

/**
 * The transfers and purchases a scenario adds, as proposals that can go for approval: dated and
 * priced as the scenario plans them (outages hold a shipment, a changed lane changes its transit and
 * cost, a delayed purchase arrives later). A cancelled purchase proposes nothing. Each proposal takes
 * its edit's id, so a scenario submitted twice names the same lines twice.
 *
 * `neededBy` is the first day the destination falls below its minimum on the baseline (the need
 * the planner answered); a row that never does is needed on arrival.
 */
export function scenarioProposals(plan: ScenarioPlan, baseline: ScenarioPlan): Proposal[] {
  const { model } = plan;
  const date = (day: number): string => model.calendar.dateOf(day);
  const neededDay = (node: number, sku: number, arrival: number): number => {
    const day = baseline.figures.belowMinDay[rowOf(model, node, sku)] as number;
    return day === NO_DAY ? arrival : day;
  };
  const noteOf = new Map(plan.edits.map((edit) => [edit.id, edit.note]));
  const nodeCode = (node: number): string => model.snapshot.nodes[node]?.code ?? (model.nodeIds[node] as string);
  const skuCode = (sku: number): string => model.snapshot.skus[sku]?.code ?? (model.skuIds[sku] as string);

  const proposals: { seq: number; proposal: Proposal }[] = [];
  for (const transfer of plan.scenarioTransfers) {
    const ship = plan.transferShipDay(transfer);
    const terms = plan.laneTerms(transfer.lane);
    const arrival = ship + terms.transitDays;
    const needed = neededDay(transfer.toNode, transfer.sku, arrival);
    const cost = transfer.qty * terms.costPerUnit;
    const own = `Planned in the scenario: ${formatUnits(transfer.qty)} × ${skuCode(transfer.sku)} from ${nodeCode(transfer.fromNode)} to ${nodeCode(transfer.toNode)}, shipping ${date(ship)}, arriving ${date(arrival)} (${terms.transitDays} days), ${formatMoney(cost)} at ${formatMoney(terms.costPerUnit)} a unit.`;
    proposals.push({
      seq: transfer.seq,
      proposal: {
        id: transfer.id,
        kind: 'transfer',
        nodeId: model.nodeIds[transfer.toNode] as string,
        fromNodeId: model.nodeIds[transfer.fromNode] as string,
        skuId: model.skuIds[transfer.sku] as string,
        qty: transfer.qty,
        shipDate: date(ship),
        neededBy: date(needed),
        arrivalDate: date(arrival),
        daysLate: Math.max(0, arrival - needed),
        cost,
        reason: { text: noteOf.get(transfer.id) ?? own, figures: { qty: transfer.qty, transitDays: terms.transitDays, costPerUnit: terms.costPerUnit, cost } },
      },
    });
  }
  const options = model.supplierOptions;
  for (const purchase of plan.scenarioPurchases) {
    if (purchase.cancelled) continue;
    const leadDays = options.leadDays[purchase.option] as number;
    const arrival = purchase.orderDay + leadDays + purchase.delayDays;
    const needed = neededDay(purchase.node, purchase.sku, arrival);
    const unitPrice = options.unitPrice[purchase.option] as number;
    const cost = purchase.qty * unitPrice;
    const supplier = options.supplier[purchase.option] as string;
    const own = `Planned in the scenario: ${formatUnits(purchase.qty)} × ${skuCode(purchase.sku)} from ${supplier} for ${nodeCode(purchase.node)}, ordered ${date(purchase.orderDay)}, arriving ${date(arrival)}, ${formatMoney(cost)} at ${formatMoney(unitPrice)} a unit.`;
    proposals.push({
      seq: purchase.seq,
      proposal: {
        id: purchase.id,
        kind: 'purchase',
        nodeId: model.nodeIds[purchase.node] as string,
        skuId: model.skuIds[purchase.sku] as string,
        supplierOptionId: options.ids[purchase.option] as string,
        supplier,
        qty: purchase.qty,
        requestedQty: purchase.requestedQty,
        orderDate: date(purchase.orderDay),
        neededBy: date(needed),
        arrivalDate: date(arrival),
        daysLate: Math.max(0, arrival - needed),
        cost,
        reason: { text: noteOf.get(purchase.id) ?? own, figures: { qty: purchase.qty, requestedQty: purchase.requestedQty, leadDays, delayDays: purchase.delayDays, unitPrice, cost } },
      },
    });
  }
  return proposals.sort((a, b) => a.seq - b.seq).map((entry) => entry.proposal);
}
