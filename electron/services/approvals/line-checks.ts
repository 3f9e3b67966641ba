import { checkCommittedDemand, NOT_JEOPARDISED, serviceImpactOf, type Horizon, type LineFacts, type ServiceImpact } from '../../../shared/approvals';
import type { Proposal, RegionProfile } from '../../../shared/domain';
import type { NetworkFacts } from '../store';

export interface CheckedProposal {
  proposal: Proposal;
  facts: LineFacts;
  serviceImpact: ServiceImpact;
}

export interface ProposalProblem {
  index: number;
  proposalId: string;
  message: string;
}

/** Proposals that name what the network does not have; nothing of the batch was recorded. */
export class ProposalsRefusedError extends Error {
  constructor(readonly problems: ProposalProblem[]) {
    super(
      `The batch was not submitted: ${problems
        .slice(0, 5)
        .map((problem) => `proposal ${problem.index + 1} (${problem.proposalId}): ${problem.message}`)
        .join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}.`,
    );
    this.name = 'ProposalsRefusedError';
  }
}

const money = (value: number): number => Math.round(value * 100) / 100;

/**
 * Works out, from the network this desktop holds (not from what the screen sent), everything the
 * approval matrix looks at: the line's value is never less than the network's price for it (a
 * proposal cannot talk itself under a limit), the item's unit cost, whether it crosses the region,
 * whether a transfer takes its source below committed demand, and what it does for the node it supplies.
 */
export function checkProposals(proposals: readonly Proposal[], network: NetworkFacts, profile: RegionProfile, horizon: Horizon): CheckedProposal[] {
  const problems: ProposalProblem[] = [];
  const regionCodes = new Set(profile.nodes.map((node) => node.code));
  // A demo region takes every node of its network as its own (the sync does the same with warehouses).
  const outside = (code: string): boolean => !profile.demo && !regionCodes.has(code);
  const seen = new Set<string>();
  const checked: CheckedProposal[] = [];
  proposals.forEach((proposal, index) => {
    const problem = (message: string): void => {
      problems.push({ index, proposalId: proposal.id, message });
    };
    if (seen.has(proposal.id)) return problem('the same proposal appears twice in the batch');
    seen.add(proposal.id);
    const toCode = network.nodeCode(proposal.nodeId);
    if (toCode === null) return problem(`node ${proposal.nodeId} is not in the network`);
    if (!network.hasSku(proposal.skuId)) return problem(`SKU ${proposal.skuId} is not in the network`);
    if (proposal.arrivalDate < (proposal.kind === 'transfer' ? proposal.shipDate : proposal.orderDate)) return problem('it arrives before it leaves');
    const unitCost = network.skuUnitCost(proposal.skuId);
    const impact = serviceImpactOf({
      destination: toCode,
      flows: network.rowFlows(proposal.nodeId, proposal.skuId),
      horizon,
      arrivalDate: proposal.arrivalDate,
      neededBy: proposal.neededBy,
      daysLate: proposal.daysLate,
      qty: proposal.qty,
    });
    if (proposal.kind === 'transfer') {
      const fromCode = network.nodeCode(proposal.fromNodeId);
      if (fromCode === null) return problem(`node ${proposal.fromNodeId} is not in the network`);
      if (proposal.fromNodeId === proposal.nodeId) return problem('a transfer must go between two different nodes');
      const lane = network.lane(proposal.fromNodeId, proposal.nodeId);
      if (!lane) return problem(`there is no lane from ${fromCode} to ${toCode}`);
      checked.push({
        proposal,
        facts: {
          kind: 'transfer',
          value: money(Math.max(proposal.cost, proposal.qty * lane.costPerUnit)),
          units: proposal.qty,
          unitCost,
          supplier: null,
          fromNode: fromCode,
          toNode: toCode,
          crossRegion: outside(fromCode) || outside(toCode),
          committedDemand: checkCommittedDemand({ source: fromCode, flows: network.rowFlows(proposal.fromNodeId, proposal.skuId), horizon, shipDate: proposal.shipDate, qty: proposal.qty }),
        },
        serviceImpact: impact,
      });
      return;
    }
    const option = network.supplierOption(proposal.supplierOptionId);
    if (!option) return problem(`supplier option ${proposal.supplierOptionId} is not in the network`);
    if (option.skuId !== proposal.skuId) return problem(`supplier option ${option.id} sells ${option.skuId}, not ${proposal.skuId}`);
    if (option.supplier !== proposal.supplier) return problem(`supplier option ${option.id} is ${option.supplier}, not ${proposal.supplier}`);
    checked.push({
      proposal,
      facts: {
        kind: 'purchase',
        value: money(Math.max(proposal.cost, proposal.qty * option.unitPrice)),
        units: proposal.qty,
        unitCost,
        supplier: option.supplier,
        fromNode: null,
        toNode: toCode,
        crossRegion: outside(toCode),
        committedDemand: NOT_JEOPARDISED,
      },
      serviceImpact: impact,
    });
  });
  if (problems.length > 0) throw new ProposalsRefusedError(problems);
  return checked;
}
