import { join } from 'node:path';
import { projectRow, type RowFlows } from '../../../shared/approvals';
import type { NetworkSnapshot, Proposal, PurchaseProposal, TransferProposal } from '../../../shared/domain';
import { addDays } from '../../../shared/domain';
import { NetworkCache, openDatabase } from '../../../electron/services/store';
import type { TestPlanner } from '../../support/planner-fixture';

/** A clock the test moves by hand: the planner starts at 08:00 UTC on a fixed Monday. */
export function testClock(start = '2026-03-02T08:00:00.000Z'): { now: () => Date; advanceHours(hours: number): void; iso(): string } {
  let current = Date.parse(start);
  return {
    now: () => new Date(current),
    advanceHours(hours) {
      current += hours * 3_600_000;
    },
    iso: () => new Date(current).toISOString(),
  };
}

/** The demo network as the planner stored it (waits for the store behind the screen to finish). */
export async function storedNetwork(planner: TestPlanner, timeoutMs = 30_000): Promise<NetworkSnapshot> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { db } = openDatabase(join(planner.dataDir, 'cache.db'), { readonly: true });
    let snapshot: NetworkSnapshot | null;
    try {
      snapshot = new NetworkCache(db).readSnapshot();
    } finally {
      db.close();
    }
    if (snapshot) return snapshot;
    if (Date.now() > deadline) throw new Error(`the demo network was not stored in ${planner.dataDir}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function flowsOf(snapshot: NetworkSnapshot, nodeId: string, skuId: string): RowFlows {
  return {
    onHand: snapshot.positions.find((position) => position.nodeId === nodeId && position.skuId === skuId)?.onHand ?? 0,
    supply: snapshot.supply.filter((line) => line.nodeId === nodeId && line.skuId === skuId).map((line) => ({ date: line.eta, qty: line.qty })),
    demand: snapshot.demand.filter((line) => line.nodeId === nodeId && line.skuId === skuId).map((line) => ({ date: line.dueDate, qty: line.qty })),
  };
}

/** The source's lowest projected balance from day 0 on: what a transfer shipped today can take without harm. */
export function spareAt(snapshot: NetworkSnapshot, nodeId: string, skuId: string): number {
  return Math.min(...projectRow(flowsOf(snapshot, nodeId, skuId), { dayZero: snapshot.meta.dayZero, days: snapshot.meta.horizonDays }));
}

const reason = (text: string): Proposal['reason'] => ({ text, figures: {} });

export interface ChosenProposals {
  /** A transfer of 10 that its source can spare, freight well under 2,000: auto-approved. */
  small: TransferProposal;
  /** A transfer of 5 more than its source can spare: jeopardises committed demand (Regional Ops, escalates after 8 h, expires after 72 h). */
  risky: TransferProposal;
  /** A purchase worth more than 10,000: Regional Ops and Finance. */
  large: PurchaseProposal;
  /** A transfer its source can spare, by express at a stated 2,500 (above the lane's price): Regional Ops, escalates to Finance after 24 h. */
  costly: TransferProposal;
}

/** Hand-picked lines of the demo network, each routed by a different rule of the demo matrix. */
export function chooseProposals(snapshot: NetworkSnapshot): ChosenProposals {
  const dayZero = snapshot.meta.dayZero;
  const lanes = snapshot.lanes;
  let small: TransferProposal | null = null;
  let risky: TransferProposal | null = null;
  let costly: TransferProposal | null = null;
  for (const lane of lanes) {
    for (const sku of snapshot.skus) {
      const spare = spareAt(snapshot, lane.fromNodeId, sku.id);
      const transfer = (id: string, qty: number): TransferProposal => ({
        id,
        kind: 'transfer',
        nodeId: lane.toNodeId,
        skuId: sku.id,
        fromNodeId: lane.fromNodeId,
        qty,
        shipDate: dayZero,
        neededBy: addDays(dayZero, lane.transitDays),
        arrivalDate: addDays(dayZero, lane.transitDays),
        daysLate: 0,
        cost: Math.round(qty * lane.costPerUnit * 100) / 100,
        reason: reason(`${lane.toNodeId} needs ${sku.id}. Transfer ${qty} from ${lane.fromNodeId}. Freight ${qty} × ${lane.costPerUnit} = ${Math.round(qty * lane.costPerUnit * 100) / 100}.`),
      });
      if (!small && spare >= 50) small = transfer('P-small', 10);
      if (!risky && spare >= 20 && spare < 5000 && lane.fromNodeId !== small?.fromNodeId) risky = transfer('P-risky', Math.floor(spare) + 5);
      if (!costly && spare >= 150 && lane.fromNodeId !== risky?.fromNodeId) costly = { ...transfer('P-costly', 100), cost: 2500 };
    }
  }
  const option = snapshot.supplierOptions.find((candidate) => candidate.unitPrice > 1);
  if (!small || !risky || !costly || !option) throw new Error('the demo network has no lines for every rule; pick another seed');
  const qty = Math.ceil(Math.max(12_000 / option.unitPrice, option.minQty) / option.multiple) * option.multiple;
  const orderedOn = dayZero;
  const large: PurchaseProposal = {
    id: 'P-large',
    kind: 'purchase',
    nodeId: snapshot.nodes[0]?.id ?? 'RDC1',
    skuId: option.skuId,
    supplierOptionId: option.id,
    supplier: option.supplier,
    requestedQty: qty,
    qty,
    orderDate: orderedOn,
    neededBy: addDays(orderedOn, option.leadDays),
    arrivalDate: addDays(orderedOn, option.leadDays),
    daysLate: 0,
    cost: Math.round(qty * option.unitPrice * 100) / 100,
    reason: reason(`Stock for the season. Buy ${qty} from ${option.supplier}. Cost ${qty} × ${option.unitPrice} = ${Math.round(qty * option.unitPrice * 100) / 100}.`),
  };
  return { small, risky, large, costly };
}
