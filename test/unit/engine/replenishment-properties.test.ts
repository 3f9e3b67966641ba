import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNetworkModel, proposalToEdit, proposeReplenishment, rowTimeline, ScenarioPlan } from '../../../shared/engine';
import { networkSnapshot } from '../../factories/snapshot';
import { DAY_ZERO, smallNetwork } from './arbitraries';

// Hundreds of random cases: generous time on a shared machine (no timing is asserted).
describe('replenishment on random networks', { timeout: 120_000 }, () => {
  it('never takes a source below its minimum (or below zero without a rule) from the day it ships, and every proposal applies cleanly', () => {
    fc.assert(
      fc.property(smallNetwork({ nodes: 5, skus: 3, horizon: 30 }), (snapshot) => {
        const model = buildNetworkModel(snapshot);
        const plan = proposeReplenishment(new ScenarioPlan(model));
        const scenario = new ScenarioPlan(model);
        for (const proposal of plan.proposals) {
          const outcome = scenario.apply(proposalToEdit(proposal));
          expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
          expect(proposal.arrivalDate >= proposal.neededBy || proposal.daysLate === 0).toBe(true);
        }
        // From the first day a source ships, it stays at or above its floor every day after.
        const firstShip = new Map<string, string>();
        for (const proposal of plan.proposals) {
          if (proposal.kind !== 'transfer') continue;
          const key = `${proposal.fromNodeId}/${proposal.skuId}`;
          const known = firstShip.get(key);
          if (known === undefined || proposal.shipDate < known) firstShip.set(key, proposal.shipDate);
        }
        for (const [key, shipDate] of firstShip) {
          const [nodeId, skuId] = key.split('/') as [string, string];
          const row = (model.nodeIndex.get(nodeId) ?? 0) * model.skuCount + (model.skuIndex.get(skuId) ?? 0);
          const min = model.ruleMin[row] ?? Number.NaN;
          const floor = Number.isNaN(min) ? 0 : min;
          const timeline = rowTimeline(scenario, nodeId, skuId);
          timeline?.dates.forEach((date, day) => {
            if (date >= shipDate) expect(timeline.balance[day]).toBeGreaterThanOrEqual(floor - 1e-9);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same bytes for the same network, whatever order its lines arrive in', () => {
    fc.assert(
      fc.property(smallNetwork({ nodes: 5, skus: 3, horizon: 30 }), (snapshot) => {
        const first = JSON.stringify(proposeReplenishment(new ScenarioPlan(buildNetworkModel(snapshot))));
        const again = JSON.stringify(proposeReplenishment(new ScenarioPlan(buildNetworkModel(structuredClone(snapshot)))));
        expect(again).toBe(first);
        const shuffled = { ...snapshot, lanes: [...snapshot.lanes].reverse(), stockRules: [...snapshot.stockRules].reverse() };
        expect(JSON.stringify(proposeReplenishment(new ScenarioPlan(buildNetworkModel(shuffled))))).toBe(first);
      }),
      { numRuns: 100 },
    );
  });

  it('shares one source among equally placed short nodes in proportion to need, within one unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.array(fc.integer({ min: 1, max: 150 }), { minLength: 1, maxLength: 6 }), (spare, needs) => {
        const nodes = ['SRC', ...needs.map((_, i) => `D${i + 1}`)];
        const snapshot = networkSnapshot({
          dayZero: DAY_ZERO,
          nodes,
          skus: [{ id: 'S1' }],
          positions: [{ nodeId: 'SRC', skuId: 'S1', onHand: spare, reserved: 0 }],
          demand: needs.map((qty, i) => ({ nodeId: `D${i + 1}`, skuId: 'S1', qty, dueDate: '2026-03-07' })),
          lanes: needs.map((_, i) => ({ fromNodeId: 'SRC', toNodeId: `D${i + 1}`, transitDays: 1, costPerUnit: 1, dailyCapacity: null })),
          stockRules: needs.map((_, i) => ({ nodeId: `D${i + 1}`, skuId: 'S1', min: 0, max: 0, multiple: 1, safetyStock: 0 })),
        });
        const plan = proposeReplenishment(new ScenarioPlan(buildNetworkModel(snapshot)));
        const total = needs.reduce((sum, qty) => sum + qty, 0);
        needs.forEach((need, i) => {
          const granted = plan.proposals.filter((proposal) => proposal.nodeId === `D${i + 1}`).reduce((sum, proposal) => sum + proposal.qty, 0);
          expect(Math.abs(granted - Math.min(need, (spare * need) / total))).toBeLessThan(1 + 1e-9);
        });
        const given = plan.proposals.reduce((sum, proposal) => sum + proposal.qty, 0);
        expect(given).toBeLessThanOrEqual(spare);
      }),
      { numRuns: 300 },
    );
  });
});
