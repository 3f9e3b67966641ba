import { addDays } from '../../../../shared/domain';
import type { NetworkModel } from '../../../../shared/engine';
import type { PlanningCatalog, RowDetails, SkuChoices } from '../../../../shared/ipc';
import { PlanningRefusal } from '../planning-refusal';
import type { NetworkLabels } from './network-labels';

/** What the edit forms pick from: the horizon, nodes and lanes of the loaded snapshot. */
export function planningCatalog(model: NetworkModel): PlanningCatalog {
  const { snapshot } = model;
  return {
    snapshot: { regionCode: snapshot.meta.regionCode, takenAt: snapshot.meta.takenAt, dayZero: snapshot.meta.dayZero },
    horizon: { firstDay: model.dayZero, lastDay: addDays(model.dayZero, model.horizonDays - 1), days: model.horizonDays },
    nodes: snapshot.nodes.map((node) => ({ id: node.id, code: node.code, name: node.name })),
    lanes: snapshot.lanes.map((lane) => ({ fromNodeId: lane.fromNodeId, toNodeId: lane.toNodeId, transitDays: lane.transitDays, costPerUnit: lane.costPerUnit })),
  };
}

/** SKUs whose code or name contains the text, codes that start with it first. */
export function searchSkus(model: NetworkModel, labels: NetworkLabels, text: string, limit: number): SkuChoices {
  const wanted = text.trim().toLowerCase();
  const starts: number[] = [];
  const contains: number[] = [];
  labels.skuSearchText.forEach((searchText, index) => {
    if (wanted === '' || (labels.skuCode[index] ?? '').toLowerCase().startsWith(wanted)) starts.push(index);
    else if (searchText.includes(wanted)) contains.push(index);
  });
  const all = [...starts, ...contains];
  return {
    skus: all.slice(0, limit).map((index) => ({ id: model.skuIds[index] as string, code: labels.skuCode[index] ?? '', name: labels.skuName[index] ?? '' })),
    total: all.length,
  };
}

/** One node × SKU's open supply and demand lines and its supplier options, for the forms that name them. */
export function rowDetails(model: NetworkModel, nodeId: string, skuId: string): RowDetails {
  const node = model.nodeIndex.get(nodeId);
  const sku = model.skuIndex.get(skuId);
  if (node === undefined) throw new PlanningRefusal('not-found', `Node ${nodeId} is not in the loaded network.`);
  if (sku === undefined) throw new PlanningRefusal('not-found', `SKU ${skuId} is not in the loaded network.`);
  const row = node * model.skuCount + sku;
  const { snapshot } = model;
  const lines = <T>(index: { start: Int32Array; items: Int32Array }, all: readonly T[]): T[] => {
    const out: T[] = [];
    for (let at = index.start[row] ?? 0; at < (index.start[row + 1] ?? 0); at++) out.push(all[index.items[at] ?? 0] as T);
    return out;
  };
  return {
    nodeId,
    skuId,
    supply: lines(model.supplyByRow, snapshot.supply).map((line) => ({ id: line.id, qty: line.qty, eta: line.eta, kind: line.kind, counterparty: line.counterparty })),
    demand: lines(model.demandByRow, snapshot.demand).map((line) => ({ id: line.id, qty: line.qty, dueDate: line.dueDate, customer: line.customer, priority: line.priority })),
    supplierOptions: (model.supplierOptions.bySku[sku] ?? []).map((option) => ({
      id: model.supplierOptions.ids[option] as string,
      supplier: model.supplierOptions.supplier[option] as string,
      leadDays: model.supplierOptions.leadDays[option] as number,
      minQty: model.supplierOptions.minQty[option] as number,
      multiple: model.supplierOptions.multiple[option] as number,
      unitPrice: model.supplierOptions.unitPrice[option] as number,
    })),
  };
}
