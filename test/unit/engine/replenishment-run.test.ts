import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NetworkSnapshot } from '../../../shared/domain';
import { buildNetworkModel, decideReplenishment, ScenarioPlan } from '../../../shared/engine';
import { editSequence, smallNetwork } from './arbitraries';
import { referenceReplenishment } from './replenishment-reference/propose-replenishment';

/** Some lanes get a daily capacity, so needs spill over to a second source or a purchase. */
function withCapacities(snapshot: NetworkSnapshot): fc.Arbitrary<NetworkSnapshot> {
  return fc
    .array(fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }), { minLength: snapshot.lanes.length, maxLength: snapshot.lanes.length })
    .map((capacities) => ({ ...snapshot, lanes: snapshot.lanes.map((lane, index) => ({ ...lane, dailyCapacity: capacities[index] ?? null })) }));
}

/**
 * Half the networks hold a lot more stock and have a lane between every two nodes, so sources have
 * something to spare and get asked by several nodes at once.
 */
function sometimesWellStocked(snapshot: NetworkSnapshot): fc.Arbitrary<NetworkSnapshot> {
  const pairs = snapshot.nodes.flatMap((from) => snapshot.nodes.filter((to) => to.id !== from.id).map((to) => ({ fromNodeId: from.id, toNodeId: to.id })));
  const missing = pairs.filter((pair) => !snapshot.lanes.some((lane) => lane.fromNodeId === pair.fromNodeId && lane.toNodeId === pair.toNodeId));
  const terms = fc.record({ transitDays: fc.integer({ min: 0, max: 5 }), costPerUnit: fc.integer({ min: 0, max: 4 }), dailyCapacity: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }) });
  return fc.oneof(
    fc.constant(snapshot),
    fc.array(terms, { minLength: missing.length, maxLength: missing.length }).map((added) => ({
      ...snapshot,
      positions: snapshot.positions.map((position) => ({ ...position, onHand: position.onHand * 4 })),
      lanes: [...snapshot.lanes, ...missing.map((pair, index) => ({ ...pair, ...(added[index] ?? { transitDays: 1, costPerUnit: 1, dailyCapacity: null }) }))],
    })),
  );
}

// Hundreds of random cases: generous time on a shared machine (no timing is asserted).
describe('a replenishment run held in columns', { timeout: 120_000 }, () => {
  it('reads back exactly the proposals, reasons, unmet needs and totals of the object-at-a-time reference, byte for byte', () => {
    fc.assert(
      fc.property(
        smallNetwork({ nodes: 6, skus: 3, horizon: 30 })
          .chain(withCapacities)
          .chain(sometimesWellStocked)
          .chain((snapshot) => fc.tuple(fc.constant(snapshot), fc.option(editSequence(snapshot, 6), { nil: undefined }))),
        ([snapshot, edits]) => {
          const plan = new ScenarioPlan(buildNetworkModel(snapshot));
          for (const edit of edits ?? []) plan.apply(edit);
          const expected = JSON.stringify(referenceReplenishment(plan));
          const run = decideReplenishment(plan);
          expect(JSON.stringify(run.toPlan())).toBe(expected);
          // Reading one proposal on its own gives the same as reading them all.
          expect(JSON.stringify({ proposals: Array.from({ length: run.count }, (_, index) => run.proposalAt(index)), unmet: run.unmet, totals: run.totals })).toBe(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('answers what a screen filters and sorts on without building proposals, in agreement with the proposals', () => {
    fc.assert(
      fc.property(smallNetwork({ nodes: 6, skus: 3, horizon: 30 }).chain(withCapacities), (snapshot) => {
        const model = buildNetworkModel(snapshot);
        const run = decideReplenishment(new ScenarioPlan(model));
        run.proposals().forEach((proposal, index) => {
          expect(run.idAt(index)).toBe(proposal.id);
          expect(run.kindAt(index)).toBe(proposal.kind);
          expect(model.nodeIds[run.nodeAt(index)]).toBe(proposal.nodeId);
          expect(model.skuIds[run.skuAt(index)]).toBe(proposal.skuId);
          expect(run.sourceNodeAt(index)).toBe(proposal.kind === 'transfer' ? model.nodeIndex.get(proposal.fromNodeId) : -1);
          expect(model.calendar.dateOf(run.neededByDayAt(index))).toBe(proposal.neededBy);
          expect(proposal.id.endsWith(`-${run.ordinalAt(index)}`)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the proposals it decided when the scenario is edited afterwards', () => {
    fc.assert(
      fc.property(
        smallNetwork({ nodes: 5, skus: 3, horizon: 30 }).chain((snapshot) => fc.tuple(fc.constant(snapshot), editSequence(snapshot, 6))),
        ([snapshot, edits]) => {
          const plan = new ScenarioPlan(buildNetworkModel(snapshot));
          const run = decideReplenishment(plan);
          const before = JSON.stringify(run.toPlan());
          for (const edit of edits) plan.apply(edit);
          expect(JSON.stringify(run.toPlan())).toBe(before);
        },
      ),
      { numRuns: 100 },
    );
  });
});
