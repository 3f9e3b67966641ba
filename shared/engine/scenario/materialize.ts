import { addDays } from '../../domain';
import type { DemandLine, NetworkSnapshot, SupplyLine } from '../../domain';
import { bucketOf } from '../model/network-model';
import type { ScenarioPlan } from './scenario-plan';

/**
 * The scenario written out as a plain snapshot: what Odoo would hold if every edit were real.
 * Building a fresh model from it is the full recomputation an incremental plan must agree with,
 * and it is what a planner can export and open elsewhere. Flows keep the order a rebuild adds them:
 * snapshot lines first, then scenario flows in the order they were added.
 */
export function materializeScenario(plan: ScenarioPlan): NetworkSnapshot {
  const { model } = plan;
  const base = model.snapshot;
  const date = (offset: number): string => model.calendar.dateOf(offset);

  const supply: SupplyLine[] = [];
  base.supply.forEach((line, index) => {
    if (plan.isSupplyCancelled(index)) return;
    const delay = plan.supplyDelay(index);
    supply.push(delay === 0 ? line : { ...line, eta: addDays(line.eta, delay) });
  });

  const demand: DemandLine[] = [];
  base.demand.forEach((line, index) => {
    if (plan.isDemandRemoved(index)) return;
    const factor = plan.demandFactor(index);
    const qty = factor === undefined ? line.qty : line.qty * factor;
    if (qty <= 0) return;
    const row = model.demandRow[index] as number;
    let dueDate = line.dueDate;
    const bucket = bucketOf(model.demandDay[index] as number, model.horizonDays);
    if (row >= 0 && bucket < model.horizonDays) {
      const ships = plan.shippableDay(Math.floor(row / model.skuCount), bucket);
      if (ships !== bucket) dueDate = date(ships);
    }
    demand.push(qty === line.qty && dueDate === line.dueDate ? line : { ...line, qty, dueDate });
  });

  const flows = [...plan.scenarioTransfers, ...plan.scenarioPurchases, ...plan.scenarioDemand].sort((a, b) => a.seq - b.seq);
  for (const flow of flows) {
    const skuId = model.skuIds[flow.sku] as string;
    if (flow.kind === 'purchase') {
      if (flow.cancelled) continue;
      const option = flow.option;
      supply.push({
        id: flow.id,
        nodeId: model.nodeIds[flow.node] as string,
        skuId,
        qty: flow.qty,
        eta: date(flow.orderDay + (model.supplierOptions.leadDays[option] as number) + flow.delayDays),
        kind: 'purchase',
        counterparty: model.supplierOptions.supplier[option] ?? null,
        source: null,
      });
    } else if (flow.kind === 'transfer') {
      const ship = plan.transferShipDay(flow);
      const fromNodeId = model.nodeIds[flow.fromNode] as string;
      const toNodeId = model.nodeIds[flow.toNode] as string;
      supply.push({
        id: flow.id,
        nodeId: toNodeId,
        skuId,
        qty: flow.qty,
        eta: date(ship + plan.laneTerms(flow.lane).transitDays),
        kind: 'transfer-in',
        counterparty: fromNodeId,
        source: null,
      });
      demand.push({
        id: `${flow.id}:out`,
        nodeId: fromNodeId,
        skuId,
        qty: flow.qty,
        dueDate: date(ship),
        customer: `Transfer to ${toNodeId}`,
        priority: 3,
        unitMargin: 0,
        source: null,
      });
    } else {
      const qty = flow.qty * flow.factor;
      if (qty <= 0) continue;
      demand.push({
        id: flow.id,
        nodeId: model.nodeIds[flow.node] as string,
        skuId,
        qty,
        dueDate: date(plan.shippableDay(flow.node, flow.dueDay)),
        customer: flow.customer,
        priority: flow.priority,
        unitMargin: flow.unitMargin,
        source: null,
      });
    }
  }

  // Supply and demand are each ordered snapshot-first, then by when the scenario added them.
  const lanes = base.lanes.map((lane) => {
    const from = model.nodeIndex.get(lane.fromNodeId);
    const to = model.nodeIndex.get(lane.toNodeId);
    if (from === undefined || to === undefined) return lane;
    const index = model.lanes.byPair[from * model.nodeCount + to] ?? -1;
    if (index < 0) return lane;
    const terms = plan.laneTerms(index);
    return terms.transitDays === lane.transitDays && terms.costPerUnit === lane.costPerUnit ? lane : { ...lane, ...terms };
  });

  return { ...base, lanes, supply, demand };
}
