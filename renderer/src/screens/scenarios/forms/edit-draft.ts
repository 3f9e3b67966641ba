import { pathToString, ScenarioEdit, type ScenarioEditKind } from '../../../../../shared/domain';
import type { PlanningCatalog } from '../../../../../shared/ipc';

/** What a form field holds and offers; the form renders each kind of field the same way everywhere. */
export type FieldType =
  | 'node'
  | 'sku'
  | 'quantity'
  | 'whole-days'
  | 'factor'
  | 'money'
  | 'date'
  | 'text'
  | 'priority'
  | 'supplier-option'
  | 'supply-line'
  | 'transfer'
  | 'source-demand-line';

export interface FieldSpec {
  name: string;
  label: string;
  type: FieldType;
  optional?: boolean;
  hint?: string;
}

const note: FieldSpec = { name: 'note', label: 'Note (why)', type: 'text', optional: true };

/** The fields of each edit kind, in the order a planner fills them. */
export const EDIT_FIELDS: Record<ScenarioEditKind, FieldSpec[]> = {
  'add-transfer': [
    { name: 'fromNodeId', label: 'From node', type: 'node' },
    { name: 'toNodeId', label: 'To node', type: 'node' },
    { name: 'skuId', label: 'SKU', type: 'sku' },
    { name: 'qty', label: 'Quantity', type: 'quantity' },
    { name: 'shipDate', label: 'Ship date', type: 'date', hint: 'arrives after the lane’s transit days' },
    note,
  ],
  'change-transfer': [
    { name: 'transferId', label: 'Transfer added in this scenario', type: 'transfer' },
    { name: 'qty', label: 'New quantity', type: 'quantity', optional: true },
    { name: 'shipDate', label: 'New ship date', type: 'date', optional: true },
    note,
  ],
  'remove-transfer': [
    { name: 'nodeId', label: 'Destination node (for open Odoo transfers)', type: 'node', optional: true },
    { name: 'skuId', label: 'SKU (for open Odoo transfers)', type: 'sku', optional: true },
    { name: 'transferId', label: 'Transfer', type: 'transfer' },
    { name: 'sourceDemandLineId', label: 'Its outgoing line at the source', type: 'source-demand-line', optional: true },
    note,
  ],
  'add-purchase': [
    { name: 'nodeId', label: 'For node', type: 'node' },
    { name: 'skuId', label: 'SKU', type: 'sku' },
    { name: 'supplierOptionId', label: 'Supplier', type: 'supplier-option' },
    { name: 'qty', label: 'Quantity', type: 'quantity', hint: 'raised to the supplier’s minimum, then its multiple' },
    { name: 'orderDate', label: 'Order date', type: 'date' },
    note,
  ],
  'delay-supply': [
    { name: 'nodeId', label: 'Node', type: 'node' },
    { name: 'skuId', label: 'SKU', type: 'sku' },
    { name: 'supplyLineId', label: 'Supply line', type: 'supply-line' },
    { name: 'days', label: 'Days later', type: 'whole-days' },
    note,
  ],
  'cancel-supply': [
    { name: 'nodeId', label: 'Node', type: 'node' },
    { name: 'skuId', label: 'SKU', type: 'sku' },
    { name: 'supplyLineId', label: 'Supply line', type: 'supply-line' },
    note,
  ],
  'scale-demand': [
    { name: 'factor', label: 'Factor', type: 'factor', hint: '1.2 = 20 % more, 0 = none' },
    { name: 'nodeId', label: 'Only at node', type: 'node', optional: true },
    { name: 'skuId', label: 'Only SKU', type: 'sku', optional: true },
    { name: 'fromDate', label: 'Due from', type: 'date', optional: true },
    { name: 'toDate', label: 'Due to', type: 'date', optional: true },
    note,
  ],
  'add-demand': [
    { name: 'nodeId', label: 'Node', type: 'node' },
    { name: 'skuId', label: 'SKU', type: 'sku' },
    { name: 'qty', label: 'Quantity', type: 'quantity' },
    { name: 'dueDate', label: 'Due date', type: 'date' },
    { name: 'customer', label: 'Customer', type: 'text', optional: true },
    { name: 'priority', label: 'Priority', type: 'priority', optional: true },
    { name: 'unitMargin', label: 'Margin a unit', type: 'money', optional: true },
    note,
  ],
  'node-outage': [
    { name: 'nodeId', label: 'Node', type: 'node' },
    { name: 'fromDate', label: 'From', type: 'date' },
    { name: 'toDate', label: 'To (included)', type: 'date' },
    note,
  ],
  'change-lane': [
    { name: 'fromNodeId', label: 'From node', type: 'node' },
    { name: 'toNodeId', label: 'To node', type: 'node' },
    { name: 'transitDays', label: 'Transit days', type: 'whole-days', optional: true },
    { name: 'costPerUnit', label: 'Cost a unit', type: 'money', optional: true },
    note,
  ],
};

/** Fields that help pick but are not part of the edit itself. */
const PICKING_ONLY: Partial<Record<ScenarioEditKind, string[]>> = {
  'remove-transfer': ['nodeId', 'skuId'],
  'delay-supply': ['nodeId', 'skuId'],
  'cancel-supply': ['nodeId', 'skuId'],
  'add-purchase': [],
};

const NUMERIC: ReadonlySet<FieldType> = new Set(['quantity', 'whole-days', 'factor', 'money', 'priority']);

export type Draft = Record<string, string>;
export type FieldErrors = Record<string, string>;

/** The edit the form describes, numbers read as numbers and empty fields left out (the schema says what is missing). */
export function editFromDraft(kind: ScenarioEditKind, draft: Draft, id: string): Record<string, unknown> {
  const edit: Record<string, unknown> = { id, kind };
  const skip = new Set(PICKING_ONLY[kind] ?? []);
  for (const field of EDIT_FIELDS[kind]) {
    if (skip.has(field.name)) continue;
    const raw = (draft[field.name] ?? '').trim();
    if (raw === '') continue;
    edit[field.name] = NUMERIC.has(field.type) ? Number(raw.replace(',', '.')) : raw;
  }
  return edit;
}

/**
 * Checks a draft the way the services will, so most mistakes show at the field before anything is
 * sent: the edit's schema, dates inside the horizon, and a lane between two different nodes. The
 * services check again (and against the scenario), and their refusal lands on the same field.
 */
export function checkDraft(kind: ScenarioEditKind, draft: Draft, catalog: PlanningCatalog, id: string): { edit: ScenarioEdit | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  for (const field of EDIT_FIELDS[kind]) {
    if (!field.optional && (draft[field.name] ?? '').trim() === '') errors[field.name] = 'required';
  }
  const parsed = ScenarioEdit.safeParse(editFromDraft(kind, draft, id));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = pathToString(issue.path);
      errors[path] ??= issue.message;
    }
  }
  for (const field of EDIT_FIELDS[kind]) {
    const value = (draft[field.name] ?? '').trim();
    if (field.type === 'date' && value !== '' && (value < catalog.horizon.firstDay || value > catalog.horizon.lastDay)) {
      errors[field.name] = `must be within the planning horizon ${catalog.horizon.firstDay} … ${catalog.horizon.lastDay}`;
    }
  }
  if (kind === 'add-transfer' || kind === 'change-lane') {
    const from = draft.fromNodeId ?? '';
    const to = draft.toNodeId ?? '';
    if (from !== '' && from === to) errors.toNodeId = 'must be another node than the source';
    else if (from !== '' && to !== '' && !catalog.lanes.some((lane) => lane.fromNodeId === from && lane.toNodeId === to)) errors.toNodeId = `there is no lane from ${from} to ${to}`;
  }
  return { edit: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null, errors };
}

export function newEditId(kind: ScenarioEditKind): string {
  const bytes = new Uint8Array(4);
  crypto.getRandomValues(bytes);
  const prefix = kind.split('-').map((word) => word[0]).join('');
  return `${prefix}-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
