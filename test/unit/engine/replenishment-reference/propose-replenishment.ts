/**
 * The reference the engine's replenishment is held to: the object-at-a-time implementation as it was
 * before the run became columnar (shared/engine/replenishment at commit 19778b8), kept verbatim apart
 * from imports and the run control. Straightforward enough to trust, but it builds every proposal and reason up front: too slow for the one-second goal at 500,000 pairs.
 */
import type { Proposal, PurchaseProposal, ReplenishmentPlan, TransferProposal, UnmetNeed } from '../../../../shared/domain';
import { NO_DAY, purchaseQuantity, shareInProportion, type ScenarioPlan } from '../../../../shared/engine';
import { purchaseReason, transferReason, unmetReason, type NeedFacts } from './reasons';
import { SourceBalances } from './source-balances';

const EPSILON = 1e-9;
/** A need draws on at most this many nodes; what is still missing is bought. Planners do not want a dozen small trucks. */
const MAX_TRANSFER_SOURCES = 3;

interface Need extends NeedFacts {
  node: number;
  row: number;
  remaining: number;
  candidates: Candidate[];
  /** Sources this need has asked (granted or not); it asks each at most once. */
  sourcesUsed: number;
  proposals: number;
  transferred: number;
}

interface TransferCandidate {
  kind: 'transfer';
  source: number;
  lane: number;
  transitDays: number;
  unitCost: number;
  shipDay: number;
  arrivalDay: number;
  capacity: number;
  used: boolean;
}

interface PurchaseCandidate {
  kind: 'purchase';
  option: number;
  orderDay: number;
  arrivalDay: number;
  unitCost: number;
}

type Candidate = TransferCandidate | PurchaseCandidate;

function money(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * On time beats late whatever it costs; among on-time sources the cheapest per unit wins, among late
 * ones the earliest. Ties go to transfers (stock the company already owns), then to the lower node or
 * option index, so the order of the input never decides.
 */
function rank(need: Need, a: Candidate, b: Candidate): number {
  const lateA = a.arrivalDay > need.day ? 1 : 0;
  const lateB = b.arrivalDay > need.day ? 1 : 0;
  if (lateA !== lateB) return lateA - lateB;
  if (lateA === 0) {
    if (a.unitCost !== b.unitCost) return a.unitCost - b.unitCost;
    if (a.arrivalDay !== b.arrivalDay) return a.arrivalDay - b.arrivalDay;
  } else {
    if (a.arrivalDay !== b.arrivalDay) return a.arrivalDay - b.arrivalDay;
    if (a.unitCost !== b.unitCost) return a.unitCost - b.unitCost;
  }
  if (a.kind !== b.kind) return a.kind === 'transfer' ? -1 : 1;
  return a.kind === 'transfer' && b.kind === 'transfer' ? a.source - b.source : a.kind === 'purchase' && b.kind === 'purchase' ? a.option - b.option : 0;
}

/**
 * For every node × SKU that falls below its rule's minimum within the horizon, the best way to bring
 * it back up to its maximum by the day it drops: a transfer from a node that can spare the stock
 * without going below its own minimum on any later day, or a purchase. When several nodes want the
 * same source's spare stock, it is shared in proportion to what each needs.
 */
export function referenceReplenishment(plan: ScenarioPlan): ReplenishmentPlan {
  const { model, figures } = plan;
  const { nodeCount, skuCount, horizonDays: H } = model;
  const date = (day: number): string => model.calendar.dateOf(day);
  const balances = new SourceBalances(plan);
  // SKUs are worked one at a time but results are listed node by node (row order): one bucket per node.
  const proposalsByNode: Proposal[][] = Array.from({ length: nodeCount }, () => []);
  const unmetByNode: UnmetNeed[][] = Array.from({ length: nodeCount }, () => []);
  const needy = new Uint8Array(nodeCount);
  let needCount = 0;

  for (let sku = 0; sku < skuCount; sku++) {
    const needs: Need[] = [];
    for (let node = 0; node < nodeCount; node++) {
      const row = node * skuCount + sku;
      const day = figures.belowMinDay[row] as number;
      needy[node] = day === NO_DAY ? 0 : 1;
      if (day === NO_DAY) continue;
      const lowest = figures.lowestBalance[row] as number;
      const max = model.ruleMax[row] as number;
      const qty = max - lowest;
      needs.push({
        node,
        row,
        nodeId: model.nodeIds[node] as string,
        skuId: model.skuIds[sku] as string,
        day,
        min: model.ruleMin[row] as number,
        max,
        lowest,
        qty,
        remaining: qty,
        candidates: [],
        sourcesUsed: 0,
        proposals: 0,
        transferred: 0,
      });
    }
    if (needs.length === 0) continue;
    needCount += needs.length;
    balances.startSku(sku);

    for (const need of needs) {
      for (const lane of model.lanes.into[need.node] ?? []) {
        const source = model.lanes.from[lane] as number;
        // A node that is itself short of its minimum has nothing to spare.
        if (needy[source]) continue;
        const terms = plan.laneTerms(lane);
        const shipDay = plan.shippableDay(source, Math.max(0, need.day - terms.transitDays));
        const arrivalDay = shipDay + terms.transitDays;
        // Spare stock only shrinks while a SKU is worked, so a source with none now never has any.
        if (arrivalDay >= H || balances.spareFrom(source, shipDay) <= EPSILON) continue;
        need.candidates.push({
          kind: 'transfer',
          source,
          lane,
          transitDays: terms.transitDays,
          unitCost: terms.costPerUnit,
          shipDay,
          arrivalDay,
          capacity: model.lanes.dailyCapacity[lane] as number,
          used: false,
        });
      }
      for (const option of model.supplierOptions.bySku[sku] ?? []) {
        const lead = model.supplierOptions.leadDays[option] as number;
        const orderDay = Math.max(0, need.day - lead);
        need.candidates.push({ kind: 'purchase', option, orderDay, arrivalDay: orderDay + lead, unitCost: model.supplierOptions.unitPrice[option] as number });
      }
      need.candidates.sort((a, b) => rank(need, a, b));
    }

    let active = needs;
    while (active.length > 0) {
      // Requests per source node, sources in node order (a sparse array keeps that order for free).
      const requests: { need: Need; candidate: TransferCandidate; qty: number }[][] = [];
      for (const need of active) {
        let best: Candidate | undefined;
        for (const candidate of need.candidates) {
          if (candidate.kind === 'purchase') {
            best = candidate;
            break;
          }
          if (need.sourcesUsed >= MAX_TRANSFER_SOURCES) continue;
          if (!candidate.used && balances.spareFrom(candidate.source, candidate.shipDay) > EPSILON) {
            best = candidate;
            break;
          }
        }
        if (!best) {
          unmetByNode[need.node]?.push({ nodeId: need.nodeId, skuId: need.skuId, qty: need.remaining, neededBy: date(need.day), reason: unmetReason(need, need.transferred) });
          need.remaining = 0;
        } else if (best.kind === 'purchase') {
          proposalsByNode[need.node]?.push(purchaseProposal(plan, need, best));
          need.proposals++;
          need.remaining = 0;
        } else {
          (requests[best.source] ??= []).push({ need, candidate: best, qty: Math.min(need.remaining, best.capacity) });
        }
      }
      requests.forEach((list, source) => {
        let firstShip = Number.POSITIVE_INFINITY;
        let asked = 0;
        for (const request of list) {
          firstShip = Math.min(firstShip, request.candidate.shipDay);
          asked += request.qty;
        }
        const spare = balances.spareFrom(source, firstShip);
        const grants = asked <= spare ? null : shareInProportion(spare, list.map((request) => ({ key: request.need.nodeId, qty: request.qty })));
        list.forEach((request, index) => {
          const grant = grants ? (grants[index] ?? 0) : request.qty;
          const need = request.need;
          request.candidate.used = true;
          need.sourcesUsed++;
          if (grant <= EPSILON) return;
          balances.take(source, request.candidate.shipDay, grant);
          proposalsByNode[need.node]?.push(
            transferProposal(plan, need, request.candidate, grant, {
              spare,
              sourceFloor: balances.floorOf(source),
              sharedAmong: grants ? list.length : 1,
              asked,
            }),
          );
          need.proposals++;
          need.remaining -= grant;
          need.transferred += grant;
        });
      });
      active = active.filter((need) => need.remaining > EPSILON);
    }
  }

  const list = proposalsByNode.flat();
  let transferUnits = 0;
  let purchaseUnits = 0;
  let transferCost = 0;
  let purchaseCost = 0;
  let lateProposals = 0;
  for (const proposal of list) {
    if (proposal.kind === 'transfer') {
      transferUnits += proposal.qty;
      transferCost += proposal.cost;
    } else {
      purchaseUnits += proposal.qty;
      purchaseCost += proposal.cost;
    }
    if (proposal.daysLate > 0) lateProposals++;
  }
  return {
    proposals: list,
    unmet: unmetByNode.flat(),
    totals: { needs: needCount, proposals: list.length, transferUnits, purchaseUnits, transferCost: money(transferCost), purchaseCost: money(purchaseCost), lateProposals },
  };
}

function cheaperButLate(need: Need, chosen: Candidate): Candidate | undefined {
  if (chosen.arrivalDay > need.day) return undefined;
  return need.candidates.find((candidate) => candidate.arrivalDay > need.day && candidate.unitCost < chosen.unitCost);
}

function transferProposal(
  plan: ScenarioPlan,
  need: Need,
  candidate: TransferCandidate,
  qty: number,
  sharing: { spare: number; sourceFloor: number; sharedAmong: number; asked: number },
): TransferProposal {
  const { model } = plan;
  const date = (day: number): string => model.calendar.dateOf(day);
  const daysLate = Math.max(0, candidate.arrivalDay - need.day);
  const cost = money(qty * candidate.unitCost);
  return {
    id: `R-${need.nodeId}-${need.skuId}-${need.proposals + 1}`,
    kind: 'transfer',
    nodeId: need.nodeId,
    skuId: need.skuId,
    fromNodeId: model.nodeIds[candidate.source] as string,
    qty,
    shipDate: date(candidate.shipDay),
    neededBy: date(need.day),
    arrivalDate: date(candidate.arrivalDay),
    daysLate,
    cost,
    reason: transferReason(plan, need, {
      qty,
      sourceId: model.nodeIds[candidate.source] as string,
      spare: sharing.spare,
      sourceFloor: sharing.sourceFloor,
      sharedAmong: sharing.sharedAmong,
      askedInTotal: sharing.asked,
      transitDays: candidate.transitDays,
      shipDay: candidate.shipDay,
      arrivalDay: candidate.arrivalDay,
      unitCost: candidate.unitCost,
      cost,
      alreadyTransferred: need.transferred,
      cheaperButLate: cheaperButLate(need, candidate),
    }),
  };
}

function purchaseProposal(plan: ScenarioPlan, need: Need, candidate: PurchaseCandidate): PurchaseProposal {
  const { model } = plan;
  const options = model.supplierOptions;
  const date = (day: number): string => model.calendar.dateOf(day);
  const qty = purchaseQuantity(need.remaining, options.minQty[candidate.option] as number, options.multiple[candidate.option] as number);
  const daysLate = Math.max(0, candidate.arrivalDay - need.day);
  const cost = money(qty * candidate.unitCost);
  return {
    id: `R-${need.nodeId}-${need.skuId}-${need.proposals + 1}`,
    kind: 'purchase',
    nodeId: need.nodeId,
    skuId: need.skuId,
    supplierOptionId: options.ids[candidate.option] as string,
    supplier: options.supplier[candidate.option] as string,
    requestedQty: need.remaining,
    qty,
    orderDate: date(candidate.orderDay),
    neededBy: date(need.day),
    arrivalDate: date(candidate.arrivalDay),
    daysLate,
    cost,
    reason: purchaseReason(plan, need, {
      qty,
      requested: need.remaining,
      option: candidate.option,
      orderDay: candidate.orderDay,
      arrivalDay: candidate.arrivalDay,
      cost,
      alreadyTransferred: need.transferred,
      cheaperButLate: cheaperButLate(need, candidate),
    }),
  };
}
