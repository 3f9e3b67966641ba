import { bucketOf, type NetworkModel } from '../model/network-model';
import { countDemand, countSupply } from '../projection/project-network';
import { projectRow, type RowFigures } from '../projection/row-figures';
import {
  demandLineBucket,
  demandLineQty,
  purchaseArrivalDay,
  scenarioDemandBucket,
  supplyLineDay,
  transferArrivalDay,
  transferShipDay,
  type ScenarioState,
} from './state';

/** One flow of a row as the scenario sees it: its bucket (horizon = after it) and quantity. */
export type FlowVisitor = (bucket: number, qty: number) => void;

/**
 * The row's supply in the order a full rebuild adds it: snapshot lines in snapshot order, then the
 * scenario's purchases and transfer arrivals in the order they were added.
 */
export function forEachSupply(model: NetworkModel, state: ScenarioState, row: number, visit: FlowVisitor): void {
  const horizon = model.horizonDays;
  const { start, items } = model.supplyByRow;
  for (let k = start[row] as number; k < (start[row + 1] as number); k++) {
    const line = items[k] as number;
    if (state.supplyCancelled.has(line)) continue;
    visit(bucketOf(supplyLineDay(model, state, line), horizon), model.supplyQty[line] as number);
  }
  const flows = state.flowsByRow.get(row);
  if (!flows) return;
  const node = Math.floor(row / model.skuCount);
  for (const flow of flows) {
    if (flow.kind === 'purchase' && !flow.cancelled) visit(bucketOf(purchaseArrivalDay(model, flow), horizon), flow.qty);
    else if (flow.kind === 'transfer' && flow.toNode === node) visit(bucketOf(transferArrivalDay(model, state, flow), horizon), flow.qty);
  }
}

/** The row's demand in rebuild order: snapshot lines, then scenario demand and transfers out. */
export function forEachDemand(model: NetworkModel, state: ScenarioState, row: number, visit: FlowVisitor): void {
  const horizon = model.horizonDays;
  const { start, items } = model.demandByRow;
  for (let k = start[row] as number; k < (start[row + 1] as number); k++) {
    const line = items[k] as number;
    if (state.demandRemoved.has(line)) continue;
    visit(demandLineBucket(model, state, line), demandLineQty(model, state, line));
  }
  const flows = state.flowsByRow.get(row);
  if (!flows) return;
  const node = Math.floor(row / model.skuCount);
  for (const flow of flows) {
    if (flow.kind === 'demand') visit(scenarioDemandBucket(model, state, flow), flow.qty * flow.factor);
    else if (flow.kind === 'transfer' && flow.fromNode === node) visit(bucketOf(transferShipDay(state, flow), horizon), flow.qty);
  }
}

/** Recomputes one row's daily net flow, horizon totals and balance figures from the scenario's flows. */
export function rebuildRow(model: NetworkModel, state: ScenarioState, row: number, net: Float64Array, figures: RowFigures): void {
  const horizon = model.horizonDays;
  net.fill(0);
  figures.inbound[row] = 0;
  figures.demand7[row] = 0;
  figures.demand30[row] = 0;
  figures.demand90[row] = 0;
  figures.demandInHorizon[row] = 0;
  forEachSupply(model, state, row, (bucket, qty) => {
    if (bucket < horizon) net[bucket] = (net[bucket] as number) + qty;
    countSupply(figures, row, bucket, qty, horizon);
  });
  forEachDemand(model, state, row, (bucket, qty) => {
    if (bucket < horizon) net[bucket] = (net[bucket] as number) - qty;
    countDemand(figures, row, bucket, qty, horizon);
  });
  projectRow(net, 0, horizon, model.onHand[row] as number, model.ruleMin[row] as number, figures, row);
}
