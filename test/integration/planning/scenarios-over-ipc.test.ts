import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain';
import { PlannerRequestError, type PlanningCatalog } from '../../../shared/ipc';
import { startTestPlanner, type TestPlanner } from '../../support/planner-fixture';
import { electronTransport, websocketTransport, type Transport } from '../../support/transports';

let planner: TestPlanner;
beforeAll(async () => {
  planner = await startTestPlanner({ nodes: 4, skus: 60, seed: 5 });
});
afterAll(async () => planner.stop());

const transports: [string, () => Promise<Transport>][] = [
  ['Electron IPC', async () => electronTransport(planner.services)],
  ['WebSocket', () => websocketTransport(planner.services)],
];

describe.each(transports)('scenarios over %s', (_name, open) => {
  let transport: Transport;
  let catalog: PlanningCatalog;
  let skuId: string;
  beforeAll(async () => {
    transport = await open();
    catalog = await transport.api.invoke('planning.catalog', {});
    const { skus } = await transport.api.invoke('planning.skus', { text: '', limit: 5 });
    skuId = skus[0]?.id ?? '';
  });
  afterAll(async () => transport.close());

  const lane = () => {
    const found = catalog.lanes.find((candidate) => candidate.fromNodeId === 'RDC1' && candidate.toNodeId === 'FSL01');
    if (!found) throw new Error('the demo network has no lane RDC1 → FSL01');
    return found;
  };

  it('creates a scenario on the loaded snapshot and lists it', async () => {
    const created = await transport.api.invoke('scenario.create', { name: 'More to Gdansk' });
    expect(created).toMatchObject({ name: 'More to Gdansk', position: 0, editCount: 0, edits: [], madeOnOlderSnapshot: false, blockedReason: null });
    expect(created.base).toEqual(catalog.snapshot);
    const { scenarios, network } = await transport.api.invoke('scenario.list', {});
    expect(network).toEqual(catalog.snapshot);
    expect(scenarios.map((scenario) => scenario.id)).toContain(created.id);
  });

  it('adds a transfer: freight = qty × lane cost, the two rows change, and the chart moves by the quantity from ship and arrival days', async () => {
    const { id } = await transport.api.invoke('scenario.create', { name: 'Transfer 25' });
    const shipDate = addDays(catalog.horizon.firstDay, 3);
    const outcome = await transport.api.invoke('scenario.applyEdits', {
      scenarioId: id,
      edits: [{ id: 't1', kind: 'add-transfer', fromNodeId: 'RDC1', toNodeId: 'FSL01', skuId, qty: 25, shipDate }],
    });
    expect(outcome.applied).toBe(true);
    if (!outcome.applied) return;
    expect(outcome.touchedRows).toBe(2);
    expect(outcome.scenario).toMatchObject({ position: 1, editCount: 1 });

    const compared = await transport.api.invoke('scenario.compare', { scenarioId: id, offset: 0, limit: 50 });
    expect(compared.kpis.delta.transferCost).toBeCloseTo(25 * (lane().costPerUnit ?? Number.NaN), 9);
    expect(compared.kpis.base.transferCost).toBe(0);
    expect(compared.rows.map((row) => `${row.nodeId}|${row.skuId}`).sort()).toEqual([`FSL01|${skuId}`, `RDC1|${skuId}`]);
    const destination = compared.rows.find((row) => row.nodeId === 'FSL01');
    expect(destination?.endBalanceDelta).toBe(25);

    const chart = await transport.api.invoke('scenario.timeline', { scenarioId: id, nodeId: 'FSL01', skuId });
    const arrival = 3 + lane().transitDays;
    const difference = chart.baseline.balance.map((balance, day) => (chart.scenario?.balance[day] ?? Number.NaN) - balance);
    expect(difference).toEqual(difference.map((_, day) => (day >= arrival ? 25 : 0)));
    expect(chart.scenario?.supply[arrival]).toBe((chart.baseline.supply[arrival] ?? 0) + 25);
    const source = await transport.api.invoke('scenario.timeline', { scenarioId: id, nodeId: 'RDC1', skuId });
    expect(source.scenario?.balance.map((balance, day) => balance - (source.baseline.balance[day] ?? 0))).toEqual(source.baseline.balance.map((_, day) => (day >= 3 ? -25 : 0)));
  });

  it('refuses an edit outside the horizon naming the edit, the field and why, and leaves the scenario as it was', async () => {
    const { id } = await transport.api.invoke('scenario.create', { name: 'Refusals' });
    await transport.api.invoke('scenario.applyEdits', { scenarioId: id, edits: [{ id: 'd1', kind: 'add-demand', nodeId: 'FSL01', skuId, qty: 5, dueDate: catalog.horizon.firstDay }] });
    const before = await transport.api.invoke('scenario.compare', { scenarioId: id, offset: 0, limit: 50 });
    const late = addDays(catalog.horizon.lastDay, 1);
    const outcome = await transport.api.invoke('scenario.applyEdits', {
      scenarioId: id,
      edits: [
        { id: 'ok-first', kind: 'add-demand', nodeId: 'FSL01', skuId, qty: 7, dueDate: catalog.horizon.firstDay },
        { id: 't-late', kind: 'add-transfer', fromNodeId: 'RDC1', toNodeId: 'FSL01', skuId, qty: 10, shipDate: late },
      ],
    });
    expect(outcome.applied).toBe(false);
    if (outcome.applied) return;
    expect(outcome.refusal).toEqual({ editIndex: 2, editId: 't-late', path: 'shipDate', message: expect.stringContaining(`${late} is outside the planning horizon`) });
    expect(outcome.message).toMatch(/^edit 2 \(t-late\) refused: shipDate: /);
    // All or none: the first of the two is not kept either.
    expect(outcome.scenario.edits.map((entry) => entry.edit.id)).toEqual(['d1']);
    const after = await transport.api.invoke('scenario.compare', { scenarioId: id, offset: 0, limit: 50 });
    expect(after).toEqual(before);
  });

  it('refuses unknown nodes and a lane that does not exist in words', async () => {
    const { id } = await transport.api.invoke('scenario.create', { name: 'Unknowns' });
    const unknownNode = await transport.api.invoke('scenario.applyEdits', {
      scenarioId: id,
      edits: [{ id: 'x1', kind: 'add-demand', nodeId: 'NOWHERE', skuId, qty: 1, dueDate: catalog.horizon.firstDay }],
    });
    expect(unknownNode).toMatchObject({ applied: false, refusal: { editId: 'x1', path: 'nodeId', message: 'node NOWHERE is not in the snapshot' } });
    const noLane = await transport.api.invoke('scenario.applyEdits', {
      scenarioId: id,
      edits: [{ id: 'x2', kind: 'add-transfer', fromNodeId: 'FSL01', toNodeId: 'FSL01', skuId, qty: 1, shipDate: catalog.horizon.firstDay }],
    });
    expect(noLane).toMatchObject({ applied: false, refusal: { editId: 'x2', path: 'toNodeId' } });
  });

  it('rejects a quantity that is not a positive number before any service sees it', async () => {
    const { id } = await transport.api.invoke('scenario.create', { name: 'Bad input' });
    const bad = transport.sendRaw('scenario.applyEdits', {
      scenarioId: id,
      edits: [{ id: 'n1', kind: 'add-transfer', fromNodeId: 'RDC1', toNodeId: 'FSL01', skuId, qty: -4, shipDate: catalog.horizon.firstDay }],
    });
    await expect(bad).resolves.toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/edits\[0\]\.qty: must be more than zero units/) } });
    expect((await transport.api.invoke('scenario.describe', { scenarioId: id })).editCount).toBe(0);
  });

  it('undoes and redoes an edit: the deltas go back to nothing and return', async () => {
    const { id } = await transport.api.invoke('scenario.create', { name: 'Undo' });
    const shipDate = addDays(catalog.horizon.firstDay, 1);
    await transport.api.invoke('scenario.applyEdits', { scenarioId: id, edits: [{ id: 'u1', kind: 'add-transfer', fromNodeId: 'RDC1', toNodeId: 'FSL01', skuId, qty: 12, shipDate }] });
    const withEdit = await transport.api.invoke('scenario.compare', { scenarioId: id, offset: 0, limit: 50 });
    const undone = await transport.api.invoke('scenario.undo', { scenarioId: id });
    expect(undone).toMatchObject({ position: 0, editCount: 1, edits: [{ edit: { id: 'u1' }, active: false }] });
    const without = await transport.api.invoke('scenario.compare', { scenarioId: id, offset: 0, limit: 50 });
    expect(without.total).toBe(0);
    expect(without.kpis.delta).toEqual({ demandUnits: 0, unitsShort: 0, fillRate: 0, stockoutNodeDays: 0, transferCost: 0, purchaseCost: 0, inventoryValue: 0 });
    await expect(transport.api.invoke('scenario.undo', { scenarioId: id })).rejects.toMatchObject({ code: 'conflict', message: '"Undo" has no edit to undo.' });
    const redone = await transport.api.invoke('scenario.redo', { scenarioId: id });
    expect(redone).toMatchObject({ applied: true, scenario: { position: 1 } });
    expect(await transport.api.invoke('scenario.compare', { scenarioId: id, offset: 0, limit: 50 })).toEqual(withEdit);
  });

  it('renames and deletes a scenario with its edits', async () => {
    const { id } = await transport.api.invoke('scenario.create', { name: 'Draft' });
    await transport.api.invoke('scenario.applyEdits', { scenarioId: id, edits: [{ id: 'r1', kind: 'add-demand', nodeId: 'FSL01', skuId, qty: 2, dueDate: catalog.horizon.firstDay }] });
    expect(await transport.api.invoke('scenario.rename', { scenarioId: id, name: '  Rush week  ' })).toMatchObject({ name: 'Rush week', editCount: 1 });
    await expect(transport.api.invoke('scenario.rename', { scenarioId: id, name: '   ' })).rejects.toMatchObject({ code: 'invalid-request', message: expect.stringContaining('give the scenario a name') });
    await expect(transport.api.invoke('scenario.delete', { scenarioId: id })).resolves.toEqual({ deleted: true });
    expect((await transport.api.invoke('scenario.list', {})).scenarios.map((scenario) => scenario.id)).not.toContain(id);
    await expect(transport.api.invoke('scenario.describe', { scenarioId: id })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('answers a scenario that does not exist with not-found', async () => {
    const missing = transport.api.invoke('scenario.compare', { scenarioId: 'sc-nope', offset: 0, limit: 10 });
    await expect(missing).rejects.toBeInstanceOf(PlannerRequestError);
    await expect(missing).rejects.toMatchObject({ code: 'not-found' });
  });
});
