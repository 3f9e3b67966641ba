import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Proposal } from '../../../shared/domain';
import { buildNetworkModel, decideReplenishment, ScenarioPlan } from '../../../shared/engine';
import type { ReplenishmentFilter, StaleNodeData } from '../../../shared/ipc';
import { NetworkLabels } from '../../../electron/services/planning/views/network-labels';
import { HeldReplenishment } from '../../../electron/services/planning/views/proposal-view';
import { smallNetwork } from '../engine/arbitraries';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What the screen should list, worked out the slow way from every proposal as an object. */
function listed(proposals: Proposal[], filter: ReplenishmentFilter): string[] {
  const text = filter.skuText?.trim().toLowerCase() ?? '';
  return proposals
    .filter((proposal) => filter.kind === undefined || proposal.kind === filter.kind)
    .filter((proposal) => filter.nodeId === undefined || proposal.nodeId === filter.nodeId || (proposal.kind === 'transfer' && proposal.fromNodeId === filter.nodeId))
    .filter((proposal) => `${proposal.skuId} item ${proposal.skuId}`.toLowerCase().includes(text))
    .sort((a, b) => compare(a.neededBy, b.neededBy) || compare(a.nodeId, b.nodeId) || compare(a.skuId, b.skuId) || compare(a.id, b.id))
    .map((proposal) => proposal.id);
}

describe('the Replenishment screen paging a run held in the worker', () => {
  it('lists most urgent first, filters by node, kind and SKU text, and finds a proposal by id, as the whole run would', () => {
    const filter = fc.record(
      { nodeId: fc.constantFrom('N1', 'N2', 'N3', 'NX'), kind: fc.constantFrom('transfer' as const, 'purchase' as const), skuText: fc.constantFrom('', 's1', 'ITEM S2', ' s ') },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(smallNetwork({ nodes: 4, skus: 3, horizon: 30 }), filter, fc.integer({ min: 0, max: 4 }), (snapshot, wanted, offset) => {
        const model = buildNetworkModel(snapshot);
        const run = decideReplenishment(new ScenarioPlan(model));
        const all = run.proposals();
        const held = new HeldReplenishment(run, new NetworkLabels(model));
        const expected = listed(all, wanted);
        const page = held.page(wanted, offset, 3, new Map());
        expect(page.total).toBe(expected.length);
        expect(page.rows.map((row) => row.id)).toEqual(expected.slice(offset, offset + 3));
        for (const row of page.rows) expect(row.reason).toEqual(all.find((proposal) => proposal.id === row.id)?.reason);
        for (const proposal of all) expect(held.find(proposal.id)).toEqual(proposal);
        expect(held.find('R-N1-S1-9')).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('counts the proposals that rely on a node whose data is stale, going to it or coming from it', () => {
    fc.assert(
      fc.property(smallNetwork({ nodes: 4, skus: 3, horizon: 30 }), fc.constantFrom('N1', 'N2', 'N3'), (snapshot, staleNodeId) => {
        const model = buildNetworkModel(snapshot);
        const run = decideReplenishment(new ScenarioPlan(model));
        const stale = new Map<string, StaleNodeData>([[staleNodeId, { nodeId: staleNodeId, nodeCode: staleNodeId, kinds: ['stock'], ageMinutes: 90, thresholdMinutes: 60 }]]);
        const relying = run.proposals().filter((proposal) => proposal.nodeId === staleNodeId || (proposal.kind === 'transfer' && proposal.fromNodeId === staleNodeId));
        expect(new HeldReplenishment(run, new NetworkLabels(model)).page({}, 0, 1, stale).staleProposals).toBe(relying.length);
      }),
      { numRuns: 100 },
    );
  });
});
