import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNetworkModel, proposalToEdit, proposeReplenishment, ScenarioPlan } from '../../../shared/engine';
import { smallNetwork } from './arbitraries';

describe('replenishment on random networks', () => {
  it('never takes a source below its minimum (or below zero without a rule) on any day, and every proposal applies cleanly', () => {
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
        const sources = new Set(plan.proposals.flatMap((proposal) => (proposal.kind === 'transfer' ? [`${proposal.fromNodeId}/${proposal.skuId}`] : [])));
        for (const key of sources) {
          const [nodeId, skuId] = key.split('/') as [string, string];
          const row = (model.nodeIndex.get(nodeId) ?? 0) * model.skuCount + (model.skuIndex.get(skuId) ?? 0);
          const min = model.ruleMin[row] ?? Number.NaN;
          const floor = Number.isNaN(min) ? 0 : min;
          expect(scenario.figures.lowestBalance[row]).toBeGreaterThanOrEqual(floor - 1e-9);
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
});
