import { describe, expect, it } from 'vitest';
import { batchLabel, describeRepeats, leaveOutRepeats, openLines, openOrdersByPlace, otherOrdersForPlace, type EarlierLine } from '../../../shared/approvals';
import type { PurchaseProposal, TransferProposal } from '../../../shared/domain';

const reason = { text: 'because', figures: {} };
const transfer: TransferProposal = { id: 'T1', kind: 'transfer', nodeId: 'FSL01', skuId: 'SKU-1', fromNodeId: 'RDC1', qty: 30, shipDate: '2026-11-27', neededBy: '2026-11-28', arrivalDate: '2026-11-28', daysLate: 0, cost: 12, reason };
const purchase: PurchaseProposal = { id: 'P1', kind: 'purchase', nodeId: 'FSL01', skuId: 'SKU-2', supplierOptionId: 'SKU-2@1', supplier: 'Atlantic Filters', requestedQty: 40, qty: 50, orderDate: '2026-11-27', neededBy: '2026-12-04', arrivalDate: '2026-12-04', daysLate: 0, cost: 100, reason };
const earlier = (proposal: TransferProposal | PurchaseProposal, state: EarlierLine['state'], line = 1): EarlierLine => ({ proposal, batchId: 'B1', line, state });
const split = (proposals: (TransferProposal | PurchaseProposal)[], lines: EarlierLine[]) => {
  const { fresh, repeated } = leaveOutRepeats(proposals.map((proposal) => ({ proposal })), lines);
  return { fresh: fresh.map((line) => line.proposal.id), repeated: repeated.map((repeat) => repeat.proposal.id) };
};

describe('a batch leaves out the orders an open line, not yet in the network, already places', () => {
  it('matches the same order under another id, from a run or a scenario', () => {
    expect(split([{ ...transfer, id: 'edit-7' }, { ...purchase, id: 'rp-2' }], [earlier(transfer, 'waiting'), earlier(purchase, 'approved', 2)])).toEqual({ fresh: [], repeated: ['edit-7', 'rp-2'] });
  });

  it('keeps an order that differs in quantity, source, destination, SKU or leaving day', () => {
    const others = [
      { ...transfer, id: 'qty', qty: 31 },
      { ...transfer, id: 'from', fromNodeId: 'RDC2' },
      { ...transfer, id: 'to', nodeId: 'FSL02' },
      { ...transfer, id: 'sku', skuId: 'SKU-9' },
      { ...transfer, id: 'day', shipDate: '2026-11-28' },
      { ...purchase, id: 'option', supplierOptionId: 'SKU-2@2' },
    ];
    expect(split(others, [earlier(transfer, 'waiting'), earlier(purchase, 'auto-approved')]).repeated).toEqual([]);
  });

  it('lets a rejected or expired order be proposed again', () => {
    expect(split([transfer, purchase], [earlier(transfer, 'rejected'), earlier(purchase, 'expired')])).toEqual({ fresh: ['T1', 'P1'], repeated: [] });
  });

  it('names where each repeat waits, three at most', () => {
    const { repeated } = leaveOutRepeats([transfer, purchase, { ...transfer, id: 'T2', qty: 2 }, { ...transfer, id: 'T3', qty: 3 }].map((proposal) => ({ proposal })), [
      earlier(transfer, 'waiting', 4),
      earlier(purchase, 'approved', 1),
      earlier({ ...transfer, qty: 2 }, 'waiting', 2),
      earlier({ ...transfer, qty: 3 }, 'waiting', 3),
    ]);
    expect(describeRepeats(repeated)).toBe(
      'transfer 30 × SKU-1 RDC1 → FSL01 (batch B1, line 4, waiting); purchase 50 × SKU-2 from Atlantic Filters for FSL01 (batch B1, line 1, approved); transfer 2 × SKU-1 RDC1 → FSL01 (batch B1, line 2, waiting) and 1 more',
    );
  });

  it('names a batch as the Exchange panel does: the last 8 characters of its id', () => {
    const { repeated } = leaveOutRepeats([{ proposal: transfer }], [{ ...earlier(transfer, 'waiting', 2), batchId: '01M8F3H9ZSXRWA35XWW8Q7RWTY' }]);
    expect(describeRepeats(repeated)).toBe('transfer 30 × SKU-1 RDC1 → FSL01 (batch W8Q7RWTY, line 2, waiting)');
    expect(batchLabel('B1')).toBe('B1');
  });
});

describe('a supervisor sees the other open orders for the same node × SKU', () => {
  const line = (proposal: TransferProposal | PurchaseProposal, batchId: string, state: EarlierLine['state']): EarlierLine => ({ proposal, batchId, line: 1, state });
  const open = [
    line({ ...purchase, skuId: 'SKU-1', qty: 500 }, 'B2', 'waiting'),
    line({ ...transfer, id: 'split' }, 'B1', 'waiting'),
    line({ ...transfer, nodeId: 'FSL02' }, 'B3', 'approved'),
    line({ ...transfer, qty: 5 }, 'B4', 'rejected'),
    line({ ...transfer, qty: 6 }, 'B5', 'expired'),
    line({ ...transfer, qty: 7, fromNodeId: 'RDC2' }, 'B6', 'auto-approved'),
  ];

  it('from any source, in other batches, still open', () => {
    expect(otherOrdersForPlace({ proposal: transfer, batchId: 'B1' }, openOrdersByPlace(openLines(open))).map((order) => [order.batchId, order.proposal.kind, order.proposal.qty])).toEqual([
      ['B2', 'purchase', 500],
      ['B6', 'transfer', 7],
    ]);
  });
});
