import { describe, expect, it } from 'vitest';
import { SCENARIO_EDIT_KINDS, ScenarioEdit } from '../../../shared/domain';
import type { PlanningCatalog } from '../../../shared/ipc';
import { describeEdit } from '../../../renderer/src/screens/scenarios/describe-edit';
import { checkDraft, EDIT_FIELDS, editFromDraft } from '../../../renderer/src/screens/scenarios/forms/edit-draft';

const catalog: PlanningCatalog = {
  snapshot: { regionCode: 'demo', takenAt: '2026-03-02T06:00:00.000Z', dayZero: '2026-03-02' },
  horizon: { firstDay: '2026-03-02', lastDay: '2026-05-30', days: 90 },
  nodes: [
    { id: 'RDC1', code: 'RDC1', name: 'Prague DC' },
    { id: 'FSL01', code: 'FSL01', name: 'Gdansk FSL' },
  ],
  lanes: [{ fromNodeId: 'RDC1', toNodeId: 'FSL01', transitDays: 1, costPerUnit: 0.43 }],
};
const words = { nodeCode: (id: string) => id, quantity: (value: number) => String(value), date: (iso: string) => iso.slice(5) };

describe('the edit forms', () => {
  it('have a form for every kind of edit', () => {
    expect(Object.keys(EDIT_FIELDS).sort()).toEqual([...SCENARIO_EDIT_KINDS].sort());
  });

  it('turn a filled-in transfer into the edit the services receive', () => {
    const draft = { fromNodeId: 'RDC1', toNodeId: 'FSL01', skuId: 'SKU-00012', qty: '25', shipDate: '2026-03-05', note: '' };
    const checked = checkDraft('add-transfer', draft, catalog, 'at-1');
    expect(checked.errors).toEqual({});
    expect(checked.edit).toEqual({ id: 'at-1', kind: 'add-transfer', fromNodeId: 'RDC1', toNodeId: 'FSL01', skuId: 'SKU-00012', qty: 25, shipDate: '2026-03-05' });
  });

  it('name the field and the reason for what the services would refuse', () => {
    const checked = checkDraft('add-transfer', { fromNodeId: 'FSL01', toNodeId: 'RDC1', skuId: 'S', qty: '-3', shipDate: '2026-06-01' }, catalog, 'at-2');
    expect(checked.edit).toBeNull();
    expect(checked.errors).toEqual({
      qty: 'must be more than zero units',
      shipDate: 'must be within the planning horizon 2026-03-02 … 2026-05-30',
      toNodeId: 'there is no lane from FSL01 to RDC1',
    });
    expect(checkDraft('add-transfer', { fromNodeId: 'RDC1', toNodeId: 'RDC1' }, catalog, 'x').errors).toMatchObject({ toNodeId: 'must be another node than the source', skuId: 'required', qty: 'required' });
    expect(checkDraft('change-transfer', { transferId: 'at-1' }, catalog, 'x').errors).toEqual({ qty: 'say what changes: a new qty, a new shipDate, or both' });
    expect(checkDraft('node-outage', { nodeId: 'RDC1', fromDate: '2026-03-10', toDate: '2026-03-04' }, catalog, 'x').errors).toEqual({ toDate: 'fromDate must not be after toDate' });
  });

  it('leave out the fields that only help to pick a line', () => {
    expect(editFromDraft('cancel-supply', { nodeId: 'RDC1', skuId: 'S', supplyLineId: 'PO-7' }, 'cs-1')).toEqual({ id: 'cs-1', kind: 'cancel-supply', supplyLineId: 'PO-7' });
  });
});

describe('the edit list in words', () => {
  const say = (edit: unknown): string => describeEdit(ScenarioEdit.parse(edit), words);
  it('says what each edit does', () => {
    expect(say({ id: 't', kind: 'add-transfer', fromNodeId: 'RDC1', toNodeId: 'FSL01', skuId: 'SKU-1', qty: 25, shipDate: '2026-03-05' })).toBe('Transfer 25 × SKU-1 RDC1 → FSL01, ships 03-05');
    expect(say({ id: 'c', kind: 'change-transfer', transferId: 't', shipDate: '2026-03-07' })).toBe('Change transfer t: ships 03-07');
    expect(say({ id: 'd', kind: 'delay-supply', supplyLineId: 'PO-1', days: 1 })).toBe('Delay supply PO-1 by 1 day');
    expect(say({ id: 's', kind: 'scale-demand', factor: 1.2, nodeId: 'FSL01', fromDate: '2026-03-10' })).toBe('Demand × 1.2 at FSL01 for every SKU, due from 03-10');
    expect(say({ id: 'a', kind: 'add-demand', nodeId: 'FSL01', skuId: 'SKU-1', qty: 8, dueDate: '2026-03-04' })).toBe('Demand of 8 × SKU-1 at FSL01, due 03-04 (Scenario demand, P3)');
    expect(say({ id: 'o', kind: 'node-outage', nodeId: 'RDC1', fromDate: '2026-03-03', toDate: '2026-03-05' })).toBe('RDC1 ships nothing 03-03 – 03-05');
    expect(say({ id: 'l', kind: 'change-lane', fromNodeId: 'RDC1', toNodeId: 'FSL01', transitDays: 3 })).toBe('Lane RDC1 → FSL01: 3 days transit');
  });
});
