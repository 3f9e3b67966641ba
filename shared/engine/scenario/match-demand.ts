import type { ScenarioEdit } from '../../domain';
import { daysBetween } from '../../domain';
import { bucketOf, type NetworkModel } from '../model/network-model';
import { rowOf, type ScenarioDemand, type ScenarioState } from './state';

type ScaleDemandEdit = Extract<ScenarioEdit, { kind: 'scale-demand' }>;

/** The demand lines a scale edit applies to, as they stand at this point in the scenario. */
export function matchDemand(model: NetworkModel, state: ScenarioState, edit: ScaleDemandEdit): { lines: number[]; added: ScenarioDemand[] } {
  const node = edit.nodeId === undefined ? -1 : (model.nodeIndex.get(edit.nodeId) ?? -2);
  const sku = edit.skuId === undefined ? -1 : (model.skuIndex.get(edit.skuId) ?? -2);
  const from = edit.fromDate === undefined ? 0 : daysBetween(model.dayZero, edit.fromDate);
  const to = edit.toDate === undefined ? model.horizonDays - 1 : daysBetween(model.dayZero, edit.toDate);
  const inWindow = (bucket: number): boolean => bucket >= from && bucket <= to;
  const lines: number[] = [];
  const take = (line: number): void => {
    if (state.demandRemoved.has(line)) return;
    if (inWindow(bucketOf(model.demandDay[line] as number, model.horizonDays))) lines.push(line);
  };
  if (node >= 0 && sku >= 0) {
    const row = rowOf(model, node, sku);
    const { start, items } = model.demandByRow;
    for (let k = start[row] as number; k < (start[row + 1] as number); k++) take(items[k] as number);
  } else {
    for (let line = 0; line < model.demandRow.length; line++) {
      const row = model.demandRow[line] as number;
      if (row < 0) continue;
      if (node >= 0 && Math.floor(row / model.skuCount) !== node) continue;
      if (sku >= 0 && row % model.skuCount !== sku) continue;
      take(line);
    }
  }
  const added: ScenarioDemand[] = [];
  for (const demand of state.demands.values()) {
    if (node >= 0 && demand.node !== node) continue;
    if (sku >= 0 && demand.sku !== sku) continue;
    if (inWindow(demand.dueDay)) added.push(demand);
  }
  return { lines, added };
}
