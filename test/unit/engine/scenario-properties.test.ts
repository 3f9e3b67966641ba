import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  baselineFigures,
  buildNetworkModel,
  compareScenario,
  materializeScenario,
  ScenarioPlan,
  type RowFigures,
} from '../../../shared/engine';
import { editSequence, smallNetwork, transferStory } from './arbitraries';

const FIGURES: (keyof RowFigures)[] = [
  'inbound',
  'demand7',
  'demand30',
  'demand90',
  'demandInHorizon',
  'lowestBalance',
  'endBalance',
  'firstShortageDay',
  'belowMinDay',
  'stockoutDays',
];

function figuresOf(figures: RowFigures): Record<string, number[]> {
  return Object.fromEntries(FIGURES.map((name) => [name, Array.from(figures[name])]));
}

function netFlows(plan: ScenarioPlan): number[][] {
  return Array.from({ length: plan.model.rowCount }, (_, row) => Array.from(plan.netFlowOf(row)));
}

// Hundreds of random cases: generous time on a shared machine (no timing is asserted).
describe('scenario edits applied one by one', { timeout: 120_000 }, () => {
  it('give exactly the figures of a full recomputation of the edited snapshot, whatever the sequence', () => {
    fc.assert(
      fc.property(
        smallNetwork().chain((snapshot) => fc.tuple(fc.constant(snapshot), editSequence(snapshot))),
        ([snapshot, edits]) => {
          const plan = new ScenarioPlan(buildNetworkModel(snapshot));
          for (const edit of edits) plan.apply(edit);
          const full = buildNetworkModel(materializeScenario(plan));
          expect(figuresOf(plan.figures)).toEqual(figuresOf(baselineFigures(full)));
          expect(netFlows(plan)).toEqual(netFlows(new ScenarioPlan(full)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keep agreeing with a full recomputation when transfers are changed, removed, held by outages or re-laned', () => {
    fc.assert(
      fc.property(
        smallNetwork({ horizon: 25 }).chain((snapshot) => fc.tuple(fc.constant(snapshot), transferStory(snapshot))),
        ([snapshot, edits]) => {
          const plan = new ScenarioPlan(buildNetworkModel(snapshot));
          for (const edit of edits) plan.apply(edit);
          const full = buildNetworkModel(materializeScenario(plan));
          expect(figuresOf(plan.figures)).toEqual(figuresOf(baselineFigures(full)));
          expect(netFlows(plan)).toEqual(netFlows(new ScenarioPlan(full)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leave the plan exactly as it was when an edit is refused', () => {
    fc.assert(
      fc.property(
        smallNetwork().chain((snapshot) => fc.tuple(fc.constant(snapshot), editSequence(snapshot, 16))),
        ([snapshot, edits]) => {
          const plan = new ScenarioPlan(buildNetworkModel(snapshot));
          for (const edit of edits) {
            const before = { figures: figuresOf(plan.figures), net: netFlows(plan), edits: plan.edits.length, materialized: JSON.stringify(materializeScenario(plan)) };
            const outcome = plan.apply(edit);
            if (outcome.ok) continue;
            expect(outcome.refusal.message.length).toBeGreaterThan(0);
            expect({ figures: figuresOf(plan.figures), net: netFlows(plan), edits: plan.edits.length, materialized: JSON.stringify(materializeScenario(plan)) }).toEqual(before);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('conserve units: a transfer takes from the source exactly what it gives the destination', () => {
    fc.assert(
      fc.property(
        smallNetwork({ horizon: 30 }).filter((snapshot) => snapshot.lanes.length > 0),
        fc.integer({ min: 1, max: 500 }),
        fc.nat(),
        fc.integer({ min: 0, max: 20 }),
        (snapshot, qty, pick, shipDay) => {
          const lane = snapshot.lanes[pick % snapshot.lanes.length];
          const sku = snapshot.skus[pick % snapshot.skus.length];
          if (!lane || !sku) return;
          const model = buildNetworkModel(snapshot);
          const baseline = new ScenarioPlan(model);
          const scenario = new ScenarioPlan(model);
          const shipDate = new Date(Date.parse(`${snapshot.meta.dayZero}T00:00:00Z`) + shipDay * 86_400_000).toISOString().slice(0, 10);
          const outcome = scenario.apply({ id: 't', kind: 'add-transfer', fromNodeId: lane.fromNodeId, toNodeId: lane.toNodeId, skuId: sku.id, qty, shipDate });
          expect(outcome.ok).toBe(true);
          const arrivesInHorizon = shipDay + lane.transitDays < snapshot.meta.horizonDays;
          // Network stock at the end of the horizon is unchanged when the transfer lands inside it.
          const total = (plan: ScenarioPlan): number => Array.from(plan.figures.endBalance).reduce((sum, value) => sum + value, 0);
          expect(total(scenario) - total(baseline)).toBe(arrivesInHorizon ? 0 : -qty);
          const changed = compareScenario(baseline, scenario).changedRows;
          const source = changed.find((row) => row.nodeId === lane.fromNodeId);
          const destination = changed.find((row) => row.nodeId === lane.toNodeId);
          expect((source?.scenario.endBalance ?? 0) - (source?.base.endBalance ?? 0)).toBe(-qty);
          if (arrivesInHorizon) expect((destination?.scenario.endBalance ?? 0) - (destination?.base.endBalance ?? 0)).toBe(qty);
        },
      ),
      { numRuns: 200 },
    );
  });
});
