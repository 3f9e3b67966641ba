import type { Proposal, ScenarioEdit } from '../../domain';

/** The scenario edit that makes a proposal real in a what-if (the Replenishment screen's "add to scenario"). */
export function proposalToEdit(proposal: Proposal, editId: string = proposal.id): ScenarioEdit {
  if (proposal.kind === 'transfer') {
    return {
      id: editId,
      kind: 'add-transfer',
      fromNodeId: proposal.fromNodeId,
      toNodeId: proposal.nodeId,
      skuId: proposal.skuId,
      qty: proposal.qty,
      shipDate: proposal.shipDate,
      note: proposal.reason.text.slice(0, 500),
    };
  }
  return {
    id: editId,
    kind: 'add-purchase',
    supplierOptionId: proposal.supplierOptionId,
    nodeId: proposal.nodeId,
    qty: proposal.qty,
    orderDate: proposal.orderDate,
    note: proposal.reason.text.slice(0, 500),
  };
}
