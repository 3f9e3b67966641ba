import type { ScenarioEdit } from '../../domain';
import { bucketOf, type NetworkModel } from '../model/network-model';

/** A transfer the scenario adds; `shipDay` is what the planner asked for, before any outage moves it. */
export interface ScenarioTransfer {
  readonly kind: 'transfer';
  readonly id: string;
  readonly seq: number;
  readonly fromNode: number;
  readonly toNode: number;
  readonly sku: number;
  readonly lane: number;
  qty: number;
  shipDay: number;
}

export interface ScenarioPurchase {
  readonly kind: 'purchase';
  readonly id: string;
  readonly seq: number;
  readonly option: number;
  readonly node: number;
  readonly sku: number;
  /** After the supplier's minimum and multiple. */
  readonly qty: number;
  readonly requestedQty: number;
  readonly orderDay: number;
  delayDays: number;
  cancelled: boolean;
}

export interface ScenarioDemand {
  readonly kind: 'demand';
  readonly id: string;
  readonly seq: number;
  readonly node: number;
  readonly sku: number;
  readonly qty: number;
  readonly dueDay: number;
  readonly customer: string;
  readonly priority: number;
  readonly unitMargin: number;
  factor: number;
}

export type ScenarioFlow = ScenarioTransfer | ScenarioPurchase | ScenarioDemand;

export interface LaneTerms {
  transitDays: number;
  costPerUnit: number;
}

/**
 * Everything a scenario changes about the base snapshot. Edits are validated in full before any of
 * this is touched, so a refused edit leaves it exactly as it was.
 */
export interface ScenarioState {
  readonly edits: ScenarioEdit[];
  readonly editIds: Set<string>;
  seq: number;
  readonly transfers: Map<string, ScenarioTransfer>;
  readonly purchases: Map<string, ScenarioPurchase>;
  readonly demands: Map<string, ScenarioDemand>;
  /** Scenario flows touching each row, in the order they were added (a transfer sits in both of its rows). */
  readonly flowsByRow: Map<number, ScenarioFlow[]>;
  readonly supplyCancelled: Set<number>;
  readonly supplyDelay: Map<number, number>;
  readonly demandRemoved: Set<number>;
  /** Product of every scale factor applied to a snapshot demand line, in edit order. */
  readonly demandFactor: Map<number, number>;
  /** Per node, the [first, last] days it ships nothing. */
  readonly outages: Map<number, [number, number][]>;
  readonly laneOverrides: Map<number, LaneTerms>;
}

export function emptyScenarioState(): ScenarioState {
  return {
    edits: [],
    editIds: new Set(),
    seq: 0,
    transfers: new Map(),
    purchases: new Map(),
    demands: new Map(),
    flowsByRow: new Map(),
    supplyCancelled: new Set(),
    supplyDelay: new Map(),
    demandRemoved: new Set(),
    demandFactor: new Map(),
    outages: new Map(),
    laneOverrides: new Map(),
  };
}

export function laneTermsOf(model: NetworkModel, state: ScenarioState, lane: number): LaneTerms {
  return (
    state.laneOverrides.get(lane) ?? {
      transitDays: model.lanes.transitDays[lane] as number,
      costPerUnit: model.lanes.costPerUnit[lane] as number,
    }
  );
}

/** The first day at or after `day` on which the node may ship (outages move shipments to the day after). */
export function shippableDay(state: ScenarioState, node: number, day: number): number {
  const windows = state.outages.get(node);
  if (!windows) return day;
  let moved = true;
  while (moved) {
    moved = false;
    for (const [first, last] of windows) {
      if (day >= first && day <= last) {
        day = last + 1;
        moved = true;
      }
    }
  }
  return day;
}

export function transferShipDay(state: ScenarioState, transfer: ScenarioTransfer): number {
  return shippableDay(state, transfer.fromNode, transfer.shipDay);
}

export function transferArrivalDay(model: NetworkModel, state: ScenarioState, transfer: ScenarioTransfer): number {
  return transferShipDay(state, transfer) + laneTermsOf(model, state, transfer.lane).transitDays;
}

export function purchaseArrivalDay(model: NetworkModel, purchase: ScenarioPurchase): number {
  return purchase.orderDay + (model.supplierOptions.leadDays[purchase.option] as number) + purchase.delayDays;
}

/** A snapshot supply line's day as the scenario sees it (raw offset; the caller buckets it). */
export function supplyLineDay(model: NetworkModel, state: ScenarioState, line: number): number {
  return (model.supplyDay[line] as number) + (state.supplyDelay.get(line) ?? 0);
}

export function demandLineQty(model: NetworkModel, state: ScenarioState, line: number): number {
  const factor = state.demandFactor.get(line);
  const qty = model.demandQty[line] as number;
  return factor === undefined ? qty : qty * factor;
}

/** The bucket a snapshot demand line ships in: its due bucket, moved past any outage at its node. */
export function demandLineBucket(model: NetworkModel, state: ScenarioState, line: number): number {
  const bucket = bucketOf(model.demandDay[line] as number, model.horizonDays);
  if (bucket >= model.horizonDays) return bucket;
  const node = Math.floor((model.demandRow[line] as number) / model.skuCount);
  return Math.min(shippableDay(state, node, bucket), model.horizonDays);
}

export function scenarioDemandBucket(model: NetworkModel, state: ScenarioState, demand: ScenarioDemand): number {
  return Math.min(shippableDay(state, demand.node, demand.dueDay), model.horizonDays);
}

export function rowOf(model: NetworkModel, node: number, sku: number): number {
  return node * model.skuCount + sku;
}

export function addFlowToRow(state: ScenarioState, row: number, flow: ScenarioFlow): void {
  const flows = state.flowsByRow.get(row);
  if (flows) flows.push(flow);
  else state.flowsByRow.set(row, [flow]);
}

export function removeFlowFromRow(state: ScenarioState, row: number, flow: ScenarioFlow): void {
  const flows = state.flowsByRow.get(row);
  if (!flows) return;
  const at = flows.indexOf(flow);
  if (at >= 0) flows.splice(at, 1);
  if (flows.length === 0) state.flowsByRow.delete(row);
}
