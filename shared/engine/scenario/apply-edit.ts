import type { ScenarioEdit } from '../../domain';
import { daysBetween } from '../../domain';
import { purchaseQuantity, type NetworkModel } from '../model/network-model';
import {
  addFlowToRow,
  removeFlowFromRow,
  rowOf,
  type ScenarioDemand,
  type ScenarioPurchase,
  type ScenarioState,
  type ScenarioTransfer,
} from './state';
import { matchDemand } from './match-demand';
import { findSupplyTarget } from './validate-edit';

export interface AppliedEdit {
  /** Rows whose flows may have changed; the caller recomputes exactly these. */
  touchedRows: Set<number>;
  notes: string[];
}

function touchTransfer(model: NetworkModel, transfer: ScenarioTransfer, touched: Set<number>): void {
  touched.add(rowOf(model, transfer.fromNode, transfer.sku));
  touched.add(rowOf(model, transfer.toNode, transfer.sku));
}

/** Applies an edit that `validateEdit` accepted. Nothing here can refuse: all checks happened before. */
export function applyValidEdit(model: NetworkModel, state: ScenarioState, edit: ScenarioEdit): AppliedEdit {
  const touched = new Set<number>();
  const notes: string[] = [];
  const day = (date: string): number => daysBetween(model.dayZero, date);
  const node = (id: string): number => model.nodeIndex.get(id) as number;
  const sku = (id: string): number => model.skuIndex.get(id) as number;

  switch (edit.kind) {
    case 'add-transfer': {
      const from = node(edit.fromNodeId);
      const to = node(edit.toNodeId);
      const transfer: ScenarioTransfer = {
        kind: 'transfer',
        id: edit.id,
        seq: state.seq++,
        fromNode: from,
        toNode: to,
        sku: sku(edit.skuId),
        lane: model.lanes.byPair[from * model.nodeCount + to] as number,
        qty: edit.qty,
        shipDay: day(edit.shipDate),
      };
      state.transfers.set(transfer.id, transfer);
      addFlowToRow(state, rowOf(model, from, transfer.sku), transfer);
      addFlowToRow(state, rowOf(model, to, transfer.sku), transfer);
      touchTransfer(model, transfer, touched);
      break;
    }
    case 'change-transfer': {
      const transfer = state.transfers.get(edit.transferId) as ScenarioTransfer;
      if (edit.qty !== undefined) transfer.qty = edit.qty;
      if (edit.shipDate !== undefined) transfer.shipDay = day(edit.shipDate);
      touchTransfer(model, transfer, touched);
      break;
    }
    case 'remove-transfer': {
      const transfer = state.transfers.get(edit.transferId);
      if (transfer) {
        state.transfers.delete(transfer.id);
        removeFlowFromRow(state, rowOf(model, transfer.fromNode, transfer.sku), transfer);
        removeFlowFromRow(state, rowOf(model, transfer.toNode, transfer.sku), transfer);
        touchTransfer(model, transfer, touched);
        break;
      }
      const line = model.supplyIndexById.get(edit.transferId) as number;
      state.supplyCancelled.add(line);
      touched.add(model.supplyRow[line] as number);
      if (edit.sourceDemandLineId !== undefined) {
        const demandLine = model.demandIndexById.get(edit.sourceDemandLineId) as number;
        state.demandRemoved.add(demandLine);
        touched.add(model.demandRow[demandLine] as number);
      }
      break;
    }
    case 'add-purchase': {
      const option = model.supplierOptions.indexById.get(edit.supplierOptionId) as number;
      const options = model.supplierOptions;
      const qty = purchaseQuantity(edit.qty, options.minQty[option] as number, options.multiple[option] as number);
      const purchase: ScenarioPurchase = {
        kind: 'purchase',
        id: edit.id,
        seq: state.seq++,
        option,
        node: node(edit.nodeId),
        sku: options.sku[option] as number,
        qty,
        requestedQty: edit.qty,
        orderDay: day(edit.orderDate),
        delayDays: 0,
        cancelled: false,
      };
      if (qty !== edit.qty) {
        notes.push(
          `purchase ${edit.id}: ${edit.qty} raised to ${qty} (supplier ${options.supplier[option]} sells at least ${options.minQty[option]}, in multiples of ${options.multiple[option]})`,
        );
      }
      state.purchases.set(purchase.id, purchase);
      const row = rowOf(model, purchase.node, purchase.sku);
      addFlowToRow(state, row, purchase);
      touched.add(row);
      break;
    }
    case 'delay-supply':
    case 'cancel-supply': {
      const target = findSupplyTarget(model, state, edit.supplyLineId);
      if (target?.kind === 'snapshot') {
        if (edit.kind === 'cancel-supply') state.supplyCancelled.add(target.line);
        else state.supplyDelay.set(target.line, (state.supplyDelay.get(target.line) ?? 0) + edit.days);
        touched.add(model.supplyRow[target.line] as number);
      } else if (target?.kind === 'purchase') {
        const purchase = state.purchases.get(target.id) as ScenarioPurchase;
        if (edit.kind === 'cancel-supply') purchase.cancelled = true;
        else purchase.delayDays += edit.days;
        touched.add(rowOf(model, purchase.node, purchase.sku));
      }
      break;
    }
    case 'scale-demand': {
      const { lines, added } = matchDemand(model, state, edit);
      for (const line of lines) {
        state.demandFactor.set(line, (state.demandFactor.get(line) ?? 1) * edit.factor);
        touched.add(model.demandRow[line] as number);
      }
      for (const demand of added) {
        demand.factor *= edit.factor;
        touched.add(rowOf(model, demand.node, demand.sku));
      }
      break;
    }
    case 'add-demand': {
      const demand: ScenarioDemand = {
        kind: 'demand',
        id: edit.id,
        seq: state.seq++,
        node: node(edit.nodeId),
        sku: sku(edit.skuId),
        qty: edit.qty,
        dueDay: day(edit.dueDate),
        customer: edit.customer,
        priority: edit.priority,
        unitMargin: edit.unitMargin,
        factor: 1,
      };
      state.demands.set(demand.id, demand);
      const row = rowOf(model, demand.node, demand.sku);
      addFlowToRow(state, row, demand);
      touched.add(row);
      break;
    }
    case 'node-outage': {
      const at = node(edit.nodeId);
      const windows = state.outages.get(at) ?? [];
      windows.push([day(edit.fromDate), day(edit.toDate)]);
      state.outages.set(at, windows);
      // Every outgoing flow of the node may move: its demand rows, and the far end of its scenario transfers.
      for (let s = 0; s < model.skuCount; s++) {
        const row = rowOf(model, at, s);
        if ((model.demandByRow.start[row + 1] as number) > (model.demandByRow.start[row] as number)) touched.add(row);
      }
      for (const demand of state.demands.values()) if (demand.node === at) touched.add(rowOf(model, at, demand.sku));
      for (const transfer of state.transfers.values()) if (transfer.fromNode === at) touchTransfer(model, transfer, touched);
      break;
    }
    case 'change-lane': {
      const lane = model.lanes.byPair[node(edit.fromNodeId) * model.nodeCount + node(edit.toNodeId)] as number;
      const current = state.laneOverrides.get(lane) ?? {
        transitDays: model.lanes.transitDays[lane] as number,
        costPerUnit: model.lanes.costPerUnit[lane] as number,
      };
      state.laneOverrides.set(lane, {
        transitDays: edit.transitDays ?? current.transitDays,
        costPerUnit: edit.costPerUnit ?? current.costPerUnit,
      });
      if (edit.transitDays !== undefined) {
        for (const transfer of state.transfers.values()) if (transfer.lane === lane) touched.add(rowOf(model, transfer.toNode, transfer.sku));
      }
      break;
    }
  }
  state.edits.push(edit);
  state.editIds.add(edit.id);
  return { touchedRows: touched, notes };
}
