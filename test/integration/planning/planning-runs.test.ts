import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { addDays } from '../../../shared/domain';
import type { PlannerApi, ProposalView, ReplenishmentFilter } from '../../../shared/ipc';
import { createPlanningServices } from '../../../electron/services/scenarios';
import { openDatabase } from '../../../electron/services/store';
import { startTestPlanner, type TestPlanner } from '../../support/planner-fixture';
import { electronTransport, type Transport } from '../../support/transports';

const takenAt = new Date('2026-03-02T06:00:00.000Z');
let clock = takenAt;
let planner: TestPlanner;
let transport: Transport;
let api: PlannerApi;

beforeAll(async () => {
  planner = await startTestPlanner({ nodes: 5, skus: 120, seed: 11, now: () => clock });
  transport = electronTransport(planner.services);
  api = transport.api;
});
afterAll(async () => {
  await transport.close();
  await planner.stop();
});

async function allProposals(resultId: string, filter: ReplenishmentFilter = {}): Promise<ProposalView[]> {
  const page = await api.invoke('replenishment.page', { resultId, filter, offset: 0, limit: 2000 });
  return page.rows;
}

describe('replenishment through the services', () => {
  it('proposes for the whole network, each proposal with its reason, cost and arrival, and pages and filters in the worker', async () => {
    const run = await api.invoke('replenishment.run', { target: { kind: 'baseline' } });
    expect(run.target).toEqual({ kind: 'baseline', scenarioId: null, name: 'Baseline', edits: 0 });
    expect(run.totals.proposals).toBeGreaterThan(0);
    const all = await api.invoke('replenishment.page', { resultId: run.resultId, filter: {}, offset: 0, limit: 2000 });
    expect(all.total).toBe(run.totals.proposals);
    expect(all.staleProposals).toBe(0);
    for (const proposal of all.rows) {
      expect(proposal.reason.text).toContain(proposal.nodeId);
      expect(proposal.arrivalDate >= proposal.startDate).toBe(true);
      // Freight or goods value: quantity × the unit cost the reason names.
      const unit = proposal.kind === 'transfer' ? proposal.reason.figures.costPerUnit : proposal.reason.figures.unitPrice;
      expect(proposal.cost).toBeCloseTo(proposal.qty * Number(unit), 2);
      expect(proposal.staleWarning).toBeNull();
    }
    const neededBy = all.rows.map((proposal) => proposal.neededBy);
    expect(neededBy).toEqual([...neededBy].sort());

    const second = await api.invoke('replenishment.page', { resultId: run.resultId, filter: {}, offset: 3, limit: 4 });
    expect(second.rows).toEqual(all.rows.slice(3, 7));
    const transfers = await api.invoke('replenishment.page', { resultId: run.resultId, filter: { kind: 'transfer' }, offset: 0, limit: 2000 });
    expect(transfers.rows.every((proposal) => proposal.kind === 'transfer' && proposal.fromNodeCode !== null)).toBe(true);
    expect(transfers.total).toBe(all.rows.filter((proposal) => proposal.kind === 'transfer').length);
    const node = all.rows[0]?.nodeId ?? '';
    const atNode = await api.invoke('replenishment.page', { resultId: run.resultId, filter: { nodeId: node }, offset: 0, limit: 2000 });
    expect(atNode.rows.every((proposal) => proposal.nodeId === node || proposal.fromNodeId === node)).toBe(true);
    const sku = all.rows[0]?.skuCode ?? '';
    const bySku = await api.invoke('replenishment.page', { resultId: run.resultId, filter: { skuText: sku.toLowerCase() }, offset: 0, limit: 2000 });
    expect(bySku.rows.length).toBeGreaterThan(0);
    expect(bySku.rows.every((proposal) => proposal.skuCode.includes(sku) || proposal.skuName.toLowerCase().includes(sku.toLowerCase()))).toBe(true);
  });

  it('adds two chosen proposals to a scenario as edits; freight in the KPIs is their cost; adding them again is refused', async () => {
    const run = await api.invoke('replenishment.run', { target: { kind: 'baseline' } });
    const chosen = (await allProposals(run.resultId, { kind: 'transfer' })).slice(0, 2);
    expect(chosen).toHaveLength(2);
    const scenario = await api.invoke('scenario.create', { name: 'From replenishment' });
    const added = await api.invoke('replenishment.addToScenario', { resultId: run.resultId, proposalIds: chosen.map((proposal) => proposal.id), scenarioId: scenario.id });
    expect(added.applied).toBe(true);
    expect(added.scenario.edits.map((entry) => entry.edit)).toEqual(
      chosen.map((proposal) =>
        expect.objectContaining({ kind: 'add-transfer', fromNodeId: proposal.fromNodeId, toNodeId: proposal.nodeId, skuId: proposal.skuId, qty: proposal.qty, shipDate: proposal.startDate }),
      ),
    );
    const compared = await api.invoke('scenario.compare', { scenarioId: scenario.id, offset: 0, limit: 100 });
    expect(compared.kpis.delta.transferCost).toBeCloseTo((chosen[0]?.cost ?? 0) + (chosen[1]?.cost ?? 0), 6);
    const again = await api.invoke('replenishment.addToScenario', { resultId: run.resultId, proposalIds: [chosen[0]?.id ?? ''], scenarioId: scenario.id });
    expect(again).toMatchObject({ applied: false, refusal: { path: 'id', message: expect.stringContaining('is already used in this scenario') } });
    expect((await api.invoke('scenario.describe', { scenarioId: scenario.id })).editCount).toBe(2);
  });

  it('runs on a scenario: with an on-time proposal that alone covers a need added, nothing is left to propose there', async () => {
    const baseline = await api.invoke('replenishment.run', { target: { kind: 'baseline' } });
    const proposals = await allProposals(baseline.resultId);
    const covered = proposals.find(
      (candidate) => candidate.daysLate === 0 && proposals.filter((other) => other.nodeId === candidate.nodeId && other.skuId === candidate.skuId).length === 1,
    );
    expect(covered).toBeDefined();
    if (!covered) return;
    const scenario = await api.invoke('scenario.create', { name: 'Covered already' });
    await api.invoke('replenishment.addToScenario', { resultId: baseline.resultId, proposalIds: [covered.id], scenarioId: scenario.id });
    const onScenario = await api.invoke('replenishment.run', { target: { kind: 'scenario', scenarioId: scenario.id } });
    expect(onScenario.target).toMatchObject({ kind: 'scenario', scenarioId: scenario.id, edits: 1 });
    const rows = await allProposals(onScenario.resultId);
    expect(rows.some((proposal) => proposal.nodeId === covered.nodeId && proposal.skuId === covered.skuId)).toBe(false);
  });

  it('says plainly when a result is no longer held', async () => {
    await expect(api.invoke('replenishment.page', { resultId: 'rp-gone', filter: {}, offset: 0, limit: 10 })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('no longer held'),
    });
  });

  it('warns on every proposal built on data past the freshness threshold', async () => {
    const run = await api.invoke('replenishment.run', { target: { kind: 'baseline' } });
    clock = new Date(takenAt.getTime() + 3 * 60 * 60_000);
    try {
      const page = await api.invoke('replenishment.page', { resultId: run.resultId, filter: {}, offset: 0, limit: 2000 });
      // The demo region's stock and demand data go stale after 60 minutes.
      expect(page.staleProposals).toBe(page.total);
      for (const proposal of page.rows) {
        expect(proposal.staleWarning).toMatch(new RegExp(`^Built on stale data: .*${proposal.nodeCode} stock, demand 3 h old \\(limit 60 min\\)`));
        if (proposal.fromNodeCode) expect(proposal.staleWarning).toContain(`${proposal.fromNodeCode} stock, demand`);
      }
    } finally {
      clock = takenAt;
    }
  });
});

describe('allocation through the services', () => {
  it('assigns every open demand line and the totals add up from the lines', async () => {
    const run = await api.invoke('allocation.run', { target: { kind: 'baseline' } });
    const { rows, total } = await api.invoke('allocation.page', { resultId: run.resultId, filter: {}, offset: 0, limit: 2000 });
    expect(total).toBe(run.totals.lines);
    expect(rows).toHaveLength(total);
    const sum = (pick: (row: (typeof rows)[number]) => number): number => rows.reduce((acc, row) => acc + pick(row), 0);
    expect(sum((row) => row.servedQty)).toBeCloseTo(run.totals.unitsServed, 6);
    expect(sum((row) => row.unservedQty)).toBeCloseTo(run.totals.unitsUnserved, 6);
    expect(sum((row) => row.margin ?? Number.NaN) - sum((row) => row.transportCost ?? Number.NaN) - sum((row) => row.latePenalty ?? Number.NaN)).toBeCloseTo(run.totals.objective ?? Number.NaN, 4);
    for (const row of rows) {
      expect(row.servedQty + row.unservedQty).toBeCloseTo(row.qty, 6);
      expect(row.assigned.reduce((acc, part) => acc + part.qty, 0)).toBeCloseTo(row.servedQty, 6);
      expect(row.moved).toBe(row.assigned.some((part) => part.nodeId !== row.currentNodeId));
    }
    const moved = await api.invoke('allocation.page', { resultId: run.resultId, filter: { onlyMoved: true }, offset: 0, limit: 2000 });
    expect(moved.total).toBe(run.totals.linesMoved);
    expect(moved.rows.every((row) => row.moved)).toBe(true);
  });

  it('runs against a scenario: added demand is one more line to assign', async () => {
    const baseline = await api.invoke('allocation.run', { target: { kind: 'baseline' } });
    const catalog = await api.invoke('planning.catalog', {});
    const { skus } = await api.invoke('planning.skus', { text: '', limit: 1 });
    const scenario = await api.invoke('scenario.create', { name: 'Rush order' });
    await api.invoke('scenario.applyEdits', {
      scenarioId: scenario.id,
      edits: [{ id: 'rush', kind: 'add-demand', nodeId: catalog.nodes[0]?.id ?? '', skuId: skus[0]?.id ?? '', qty: 3, dueDate: addDays(catalog.horizon.firstDay, 5), customer: 'Rush Ltd', priority: 1, unitMargin: 4 }],
    });
    const run = await api.invoke('allocation.run', { target: { kind: 'scenario', scenarioId: scenario.id }, settings: { latePenaltyRate: 0.05, maxLateDays: 7 } });
    expect(run.settings).toEqual({ latePenaltyRate: 0.05, maxLateDays: 7 });
    expect(run.totals.lines).toBe(baseline.totals.lines + 1);
    expect(run.totals.unitsDemanded).toBeCloseTo(baseline.totals.unitsDemanded + 3, 6);
  });
});

describe('cost figures for a user whose roles do not see costs', () => {
  let db: Database;
  let withheld: ReturnType<typeof createPlanningServices>;
  beforeAll(() => {
    db = openDatabase(join(planner.dataDir, 'cache.db')).db;
    withheld = createPlanningServices({
      db,
      planning: planner.services.planning,
      network: () => planner.services.ready,
      seesCosts: () => false,
      asOf: () => ({ thresholds: planner.profile.freshness, now: clock.toISOString() }),
      now: () => clock,
    });
  });
  afterAll(() => db.close());

  it('are withheld by the services: null figures, no money in reason texts', async () => {
    const run = await withheld.handlers['replenishment.run']({ target: { kind: 'baseline' } });
    expect(run.totals).toMatchObject({ transferCost: null, purchaseCost: null });
    const page = await withheld.handlers['replenishment.page']({ resultId: run.resultId, filter: {}, offset: 0, limit: 2000 });
    for (const proposal of page.rows) {
      expect(proposal.cost).toBeNull();
      expect(proposal.reason.text).not.toMatch(/Freight|Cost \d| a unit\)/);
      expect(Object.keys(proposal.reason.figures)).not.toContain('costPerUnit');
      expect(Object.keys(proposal.reason.figures)).not.toContain('unitPrice');
    }
    const allocation = await withheld.handlers['allocation.run']({ target: { kind: 'baseline' } });
    expect(allocation.totals).toMatchObject({ margin: null, transportCost: null, latePenalty: null, objective: null });
    const lines = await withheld.handlers['allocation.page']({ resultId: allocation.resultId, filter: {}, offset: 0, limit: 50 });
    expect(lines.rows.every((line) => line.margin === null && line.transportCost === null && line.value === null)).toBe(true);
    const catalog = await withheld.handlers['planning.catalog']({});
    expect(catalog.lanes.every((lane) => lane.costPerUnit === null)).toBe(true);
    const scenario = await withheld.handlers['scenario.create']({ name: 'No costs' });
    const proposal = page.rows.find((row) => row.kind === 'transfer');
    if (proposal) await withheld.handlers['replenishment.addToScenario']({ resultId: run.resultId, proposalIds: [proposal.id], scenarioId: scenario.id });
    const compared = await withheld.handlers['scenario.compare']({ scenarioId: scenario.id, sort: 'row', direction: 'asc', offset: 0, limit: 10 });
    expect(compared.kpis.delta).toMatchObject({ transferCost: null, purchaseCost: null, inventoryValue: null });
    const described = await withheld.handlers['scenario.describe']({ scenarioId: scenario.id });
    expect(described.edits.every((entry) => !/Freight/.test(entry.edit.note ?? ''))).toBe(true);
  });
});
