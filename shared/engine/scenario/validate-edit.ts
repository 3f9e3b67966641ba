import type { LocalDate, ScenarioEdit } from '../../domain';
import { addDays, daysBetween } from '../../domain';
import type { NetworkModel } from '../model/network-model';
import { matchDemand } from './match-demand';
import type { ScenarioState } from './state';

/** Why an edit cannot be applied: the field a person has to fix and a sentence saying what is wrong. */
export interface EditProblem {
  path: string;
  message: string;
}

function problem(path: string, message: string): EditProblem {
  return { path, message };
}

function horizonText(model: NetworkModel): string {
  return `${model.dayZero} … ${addDays(model.dayZero, model.horizonDays - 1)}`;
}

function checkDate(model: NetworkModel, path: string, date: LocalDate): EditProblem | null {
  const offset = daysBetween(model.dayZero, date);
  if (offset < 0 || offset >= model.horizonDays) {
    return problem(path, `${date} is outside the planning horizon ${horizonText(model)}`);
  }
  return null;
}

function checkNode(model: NetworkModel, path: string, nodeId: string): EditProblem | null {
  return model.nodeIndex.has(nodeId) ? null : problem(path, `node ${nodeId} is not in the snapshot`);
}

function checkSku(model: NetworkModel, path: string, skuId: string): EditProblem | null {
  return model.skuIndex.has(skuId) ? null : problem(path, `SKU ${skuId} is not in the snapshot`);
}

function laneIndex(model: NetworkModel, fromNodeId: string, toNodeId: string): number {
  const from = model.nodeIndex.get(fromNodeId);
  const to = model.nodeIndex.get(toNodeId);
  if (from === undefined || to === undefined) return -1;
  return model.lanes.byPair[from * model.nodeCount + to] ?? -1;
}

function checkLane(model: NetworkModel, fromNodeId: string, toNodeId: string): EditProblem | null {
  if (fromNodeId === toNodeId) return problem('toNodeId', `a transfer needs two different nodes (both are ${fromNodeId})`);
  return laneIndex(model, fromNodeId, toNodeId) >= 0 ? null : problem('toNodeId', `there is no lane from ${fromNodeId} to ${toNodeId}`);
}

function first(...checks: (EditProblem | null)[]): EditProblem | null {
  for (const check of checks) if (check) return check;
  return null;
}

/** The supply line an edit names: a snapshot line (its index) or a purchase added earlier in the scenario. */
export type SupplyTarget = { kind: 'snapshot'; line: number } | { kind: 'purchase'; id: string };

export function findSupplyTarget(model: NetworkModel, state: ScenarioState, id: string): SupplyTarget | null {
  const line = model.supplyIndexById.get(id);
  if (line !== undefined && (model.supplyRow[line] ?? -1) >= 0) return { kind: 'snapshot', line };
  if (state.purchases.has(id)) return { kind: 'purchase', id };
  return null;
}

function checkSupplyTarget(model: NetworkModel, state: ScenarioState, id: string): EditProblem | null {
  const target = findSupplyTarget(model, state, id);
  if (!target) return problem('supplyLineId', `supply line ${id} is neither in the snapshot nor a purchase added in this scenario`);
  const cancelled = target.kind === 'snapshot' ? state.supplyCancelled.has(target.line) : state.purchases.get(target.id)?.cancelled === true;
  return cancelled ? problem('supplyLineId', `supply line ${id} is already cancelled in this scenario`) : null;
}

function checkNewId(model: NetworkModel, state: ScenarioState, id: string): EditProblem | null {
  if (state.editIds.has(id)) return problem('id', `edit id ${id} is already used in this scenario`);
  if (model.supplyIndexById.has(id) || model.demandIndexById.has(id)) {
    return problem('id', `edit id ${id} is already the id of a line in the snapshot; pick another`);
  }
  return null;
}

/** Checks an edit against the model and the scenario so far; null when it can be applied. */
export function validateEdit(model: NetworkModel, state: ScenarioState, edit: ScenarioEdit): EditProblem | null {
  const idProblem = checkNewId(model, state, edit.id);
  if (idProblem) return idProblem;
  switch (edit.kind) {
    case 'add-transfer':
      return first(
        checkNode(model, 'fromNodeId', edit.fromNodeId),
        checkNode(model, 'toNodeId', edit.toNodeId),
        checkSku(model, 'skuId', edit.skuId),
        checkLane(model, edit.fromNodeId, edit.toNodeId),
        checkDate(model, 'shipDate', edit.shipDate),
      );
    case 'change-transfer': {
      if (!state.transfers.has(edit.transferId)) {
        return problem('transferId', `transfer ${edit.transferId} was not added in this scenario (or was removed); only scenario transfers can be changed`);
      }
      return edit.shipDate === undefined ? null : checkDate(model, 'shipDate', edit.shipDate);
    }
    case 'remove-transfer':
      return validateRemoveTransfer(model, state, edit);
    case 'add-purchase': {
      const option = model.supplierOptions.indexById.get(edit.supplierOptionId);
      if (option === undefined || (model.supplierOptions.sku[option] ?? -1) < 0) {
        return problem('supplierOptionId', `supplier option ${edit.supplierOptionId} is not in the snapshot`);
      }
      return first(checkNode(model, 'nodeId', edit.nodeId), checkDate(model, 'orderDate', edit.orderDate));
    }
    case 'delay-supply':
    case 'cancel-supply':
      return checkSupplyTarget(model, state, edit.supplyLineId);
    case 'scale-demand': {
      const shape = first(
        edit.nodeId === undefined ? null : checkNode(model, 'nodeId', edit.nodeId),
        edit.skuId === undefined ? null : checkSku(model, 'skuId', edit.skuId),
        edit.fromDate === undefined ? null : checkDate(model, 'fromDate', edit.fromDate),
        edit.toDate === undefined ? null : checkDate(model, 'toDate', edit.toDate),
      );
      if (shape) return shape;
      const { lines, added } = matchDemand(model, state, edit);
      if (lines.length + added.length === 0) {
        const where = [edit.nodeId && `node ${edit.nodeId}`, edit.skuId && `SKU ${edit.skuId}`, edit.fromDate && `from ${edit.fromDate}`, edit.toDate && `to ${edit.toDate}`]
          .filter(Boolean)
          .join(', ');
        return problem(edit.nodeId ? 'nodeId' : 'skuId', `no demand lines match (${where || 'the whole network'}), so there is nothing to scale`);
      }
      return null;
    }
    case 'add-demand':
      return first(checkNode(model, 'nodeId', edit.nodeId), checkSku(model, 'skuId', edit.skuId), checkDate(model, 'dueDate', edit.dueDate));
    case 'node-outage':
      return first(checkNode(model, 'nodeId', edit.nodeId), checkDate(model, 'fromDate', edit.fromDate), checkDate(model, 'toDate', edit.toDate));
    case 'change-lane':
      return first(
        checkNode(model, 'fromNodeId', edit.fromNodeId),
        checkNode(model, 'toNodeId', edit.toNodeId),
        laneIndex(model, edit.fromNodeId, edit.toNodeId) >= 0 ? null : problem('toNodeId', `there is no lane from ${edit.fromNodeId} to ${edit.toNodeId}`),
      );
  }
}

function validateRemoveTransfer(
  model: NetworkModel,
  state: ScenarioState,
  edit: Extract<ScenarioEdit, { kind: 'remove-transfer' }>,
): EditProblem | null {
  if (state.transfers.has(edit.transferId)) {
    return edit.sourceDemandLineId === undefined
      ? null
      : problem('sourceDemandLineId', 'a transfer added in this scenario removes both of its sides; leave sourceDemandLineId out');
  }
  const line = model.supplyIndexById.get(edit.transferId);
  const supply = line === undefined ? undefined : model.snapshot.supply[line];
  if (line === undefined || !supply || (model.supplyRow[line] ?? -1) < 0) {
    return problem('transferId', `transfer ${edit.transferId} is neither a transfer added in this scenario nor an open transfer in the snapshot`);
  }
  if (supply.kind === 'transit') {
    return problem('transferId', `transfer ${edit.transferId} has already shipped (it is in transit); cancel the supply line instead if it will not arrive`);
  }
  if (supply.kind !== 'transfer-in') return problem('transferId', `supply line ${edit.transferId} is a ${supply.kind}, not a transfer`);
  if (state.supplyCancelled.has(line)) return problem('transferId', `transfer ${edit.transferId} is already removed in this scenario`);
  if (edit.sourceDemandLineId !== undefined) {
    const demandLine = model.demandIndexById.get(edit.sourceDemandLineId);
    const demand = demandLine === undefined ? undefined : model.snapshot.demand[demandLine];
    if (demandLine === undefined || !demand || (model.demandRow[demandLine] ?? -1) < 0) {
      return problem('sourceDemandLineId', `demand line ${edit.sourceDemandLineId} is not in the snapshot`);
    }
    if (demand.skuId !== supply.skuId) {
      return problem('sourceDemandLineId', `demand line ${edit.sourceDemandLineId} is for ${demand.skuId}, but transfer ${edit.transferId} moves ${supply.skuId}`);
    }
    if (demand.nodeId === supply.nodeId) {
      return problem('sourceDemandLineId', `demand line ${edit.sourceDemandLineId} is at the destination ${supply.nodeId}, not at the source`);
    }
    if (state.demandRemoved.has(demandLine)) return problem('sourceDemandLineId', `demand line ${edit.sourceDemandLineId} is already removed in this scenario`);
  }
  return null;
}
