import type { ScenarioEdit } from '../../../../shared/domain';

export interface EditWording {
  /** Node id → code shown to the planner. */
  nodeCode(nodeId: string): string;
  quantity(value: number): string;
  date(isoDate: string): string;
}

const EDIT_KIND_LABEL: Record<ScenarioEdit['kind'], string> = {
  'add-transfer': 'Add a transfer',
  'change-transfer': 'Change a transfer',
  'remove-transfer': 'Remove a transfer',
  'add-purchase': 'Add a purchase',
  'delay-supply': 'Delay supply',
  'cancel-supply': 'Cancel supply',
  'scale-demand': 'Scale demand',
  'add-demand': 'Add demand',
  'node-outage': 'Node outage',
  'change-lane': 'Change a lane',
};

export function editKindLabel(kind: ScenarioEdit['kind']): string {
  return EDIT_KIND_LABEL[kind];
}

/** One line a planner reads in the edit list: "Transfer 25 × SKU-00012 RDC1 → FSL01, ships 5 Mar". */
export function describeEdit(edit: ScenarioEdit, words: EditWording): string {
  const { nodeCode: node, quantity: qty, date } = words;
  switch (edit.kind) {
    case 'add-transfer':
      return `Transfer ${qty(edit.qty)} × ${edit.skuId} ${node(edit.fromNodeId)} → ${node(edit.toNodeId)}, ships ${date(edit.shipDate)}`;
    case 'change-transfer': {
      const changes = [edit.qty !== undefined ? `quantity ${qty(edit.qty)}` : null, edit.shipDate !== undefined ? `ships ${date(edit.shipDate)}` : null].filter(Boolean);
      return `Change transfer ${edit.transferId}: ${changes.join(', ')}`;
    }
    case 'remove-transfer':
      return `Remove transfer ${edit.transferId}${edit.sourceDemandLineId ? ` (and its outgoing line ${edit.sourceDemandLineId})` : ''}`;
    case 'add-purchase':
      return `Buy ${qty(edit.qty)} for ${node(edit.nodeId)} from option ${edit.supplierOptionId}, ordered ${date(edit.orderDate)}`;
    case 'delay-supply':
      return `Delay supply ${edit.supplyLineId} by ${edit.days} ${edit.days === 1 ? 'day' : 'days'}`;
    case 'cancel-supply':
      return `Cancel supply ${edit.supplyLineId}`;
    case 'scale-demand': {
      const scope = [edit.nodeId ? `at ${node(edit.nodeId)}` : 'at every node', edit.skuId ? `for ${edit.skuId}` : 'for every SKU'];
      const window = edit.fromDate || edit.toDate ? `, due ${edit.fromDate ? `from ${date(edit.fromDate)}` : ''}${edit.fromDate && edit.toDate ? ' ' : ''}${edit.toDate ? `to ${date(edit.toDate)}` : ''}` : '';
      return `Demand × ${edit.factor} ${scope.join(' ')}${window}`;
    }
    case 'add-demand':
      return `Demand of ${qty(edit.qty)} × ${edit.skuId} at ${node(edit.nodeId)}, due ${date(edit.dueDate)} (${edit.customer}, P${edit.priority})`;
    case 'node-outage':
      return `${node(edit.nodeId)} ships nothing ${date(edit.fromDate)} – ${date(edit.toDate)}`;
    case 'change-lane': {
      const terms = [edit.transitDays !== undefined ? `${edit.transitDays} days transit` : null, edit.costPerUnit !== undefined ? `${edit.costPerUnit} a unit` : null].filter(Boolean);
      return `Lane ${node(edit.fromNodeId)} → ${node(edit.toNodeId)}: ${terms.join(', ')}`;
    }
  }
}
