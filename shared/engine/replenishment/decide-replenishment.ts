import type { UnmetNeed } from '../../domain';
import { shareInProportion } from '../fair-share';
import { purchaseQuantity } from '../model/network-model';
import { NO_DAY } from '../projection/no-day';
import { RunTicker, type RunControl } from '../run-control';
import type { ScenarioPlan } from '../scenario/scenario-plan';
import { NeedColumns, NO_ALTERNATIVE, PURCHASE, PURCHASE_ALTERNATIVE, ProposalColumns, TRANSFER, TRANSFER_ALTERNATIVE } from './proposal-columns';
import { unmetReason } from './reasons';
import { ReplenishmentRun, type ReplenishmentTotals } from './replenishment-run';
import { SkuNeeds } from './sku-needs';
import { SourceBalances } from './source-balances';

const EPSILON = 1e-9;
/** A need draws on at most this many nodes; what is still missing is bought. Planners do not want a dozen small trucks. */
export const MAX_TRANSFER_SOURCES = 3;

function money(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * For every node × SKU that falls below its rule's minimum within the horizon, the best way to bring
 * it back up to its maximum by the day it drops: a transfer from a node that can spare the stock
 * without going below its own minimum on any later day, or a purchase. When several nodes want the
 * same source's spare stock, it is shared in proportion to what each needs.
 *
 * The decision is written into columns; proposals and their reasons are read from the run.
 */
export function decideReplenishment(plan: ScenarioPlan, control?: RunControl): ReplenishmentRun {
  const { model, figures } = plan;
  const { nodeCount, skuCount, horizonDays: H, lanes } = model;
  const options = model.supplierOptions;
  const balances = new SourceBalances(plan);
  let belowMin = 0;
  for (let row = 0; row < model.rowCount; row++) if (figures.belowMinDay[row] !== NO_DAY) belowMin++;
  const needColumns = new NeedColumns(belowMin);
  // A need ends in at most MAX_TRANSFER_SOURCES transfers and one purchase.
  const columns = new ProposalColumns(belowMin * (MAX_TRANSFER_SOURCES + 1));
  // Lane terms and shipping days stay as they are while a run is decided: look each up once, not per need.
  const { transitDays: laneTransit, costPerUnit: laneCost } = plan.laneTermsTable();
  const shippable = new Int32Array(nodeCount * H);
  for (let node = 0; node < nodeCount; node++) for (let day = 0; day < H; day++) shippable[node * H + day] = plan.shippableDay(node, day);
  const unmetByNode: UnmetNeed[][] = Array.from({ length: nodeCount }, () => []);
  const needs = new SkuNeeds(model);
  const ticker = new RunTicker(control, 'Proposing replenishment', skuCount, 256);
  // One round's requests to each source: a list per source node (need slots in need order).
  const firstRequest = new Int32Array(nodeCount).fill(-1);
  const lastRequest = new Int32Array(nodeCount);
  const nextRequest = new Int32Array(nodeCount);
  const requestSlot = new Int32Array(nodeCount);
  const requestQty = new Float64Array(nodeCount);
  const active = new Int32Array(nodeCount);
  let needCount = 0;

  for (let sku = 0; sku < skuCount; sku++) {
    ticker.tick(sku);
    needs.count = 0;
    for (let node = 0; node < nodeCount; node++) {
      const row = node * skuCount + sku;
      const day = figures.belowMinDay[row] as number;
      needs.needy[node] = day === NO_DAY ? 0 : 1;
      if (day === NO_DAY) continue;
      const lowest = figures.lowestBalance[row] as number;
      const max = model.ruleMax[row] as number;
      const qty = max - lowest;
      needs.addNeed(node, needColumns.add(row, day, model.ruleMin[row] as number, max, lowest, qty), day, qty);
    }
    if (needs.count === 0) continue;
    needCount += needs.count;
    balances.startSku(sku);

    for (let k = 0; k < needs.count; k++) {
      const node = needs.node[k] as number;
      const day = needs.day[k] as number;
      for (const lane of lanes.into[node] ?? []) {
        const source = lanes.from[lane] as number;
        // A node that is itself short of its minimum has nothing to spare.
        if (needs.needy[source]) continue;
        const transitDays = laneTransit[lane] as number;
        const shipDay = shippable[source * H + Math.max(0, day - transitDays)] as number;
        // Spare stock only shrinks while a SKU is worked, so a source with none now never has any.
        if (shipDay + transitDays >= H || balances.spareFrom(source, shipDay) <= EPSILON) continue;
        needs.addTransfer(k, source, transitDays, laneCost[lane] as number, shipDay, lanes.dailyCapacity[lane] as number);
      }
      for (const option of options.bySku[sku] ?? []) {
        const lead = options.leadDays[option] as number;
        const orderDay = Math.max(0, day - lead);
        needs.addPurchase(k, option, options.unitPrice[option] as number, orderDay, orderDay + lead);
      }
      active[k] = k;
    }

    let activeCount = needs.count;
    while (activeCount > 0) {
      for (let i = 0; i < activeCount; i++) {
        const k = active[i] as number;
        const best = bestSource(needs, balances, k);
        if (best < 0) {
          const node = needs.node[k] as number;
          const nodeId = model.nodeIds[node] as string;
          const skuId = model.skuIds[sku] as string;
          const qty = needs.remaining[k] as number;
          unmetByNode[node]?.push({ nodeId, skuId, qty, neededBy: model.calendar.dateOf(needs.day[k] as number), reason: unmetReason(nodeId, skuId, needs.transferred[k] as number) });
          needs.remaining[k] = 0;
        } else if (needs.kind[best] === PURCHASE) {
          writePurchase(columns, needs, k, best, options.minQty, options.multiple);
          needs.proposals[k] = (needs.proposals[k] as number) + 1;
          needs.remaining[k] = 0;
        } else {
          const source = needs.source[best] as number;
          requestSlot[k] = best;
          requestQty[k] = Math.min(needs.remaining[k] as number, needs.capacity[best] as number);
          nextRequest[k] = -1;
          if ((firstRequest[source] as number) < 0) firstRequest[source] = k;
          else nextRequest[lastRequest[source] as number] = k;
          lastRequest[source] = k;
        }
      }
      for (let source = 0; source < nodeCount; source++) {
        const first = firstRequest[source] as number;
        if (first < 0) continue;
        firstRequest[source] = -1;
        let firstShip = Number.POSITIVE_INFINITY;
        let asked = 0;
        let listed = 0;
        for (let k = first; k >= 0; k = nextRequest[k] as number) {
          firstShip = Math.min(firstShip, needs.startDay[requestSlot[k] as number] as number);
          asked += requestQty[k] as number;
          listed++;
        }
        const spare = balances.spareFrom(source, firstShip);
        const grants = asked <= spare ? null : shareInProportion(spare, requestsTo(model.nodeIds, needs, first, nextRequest, requestQty));
        const sourceFloor = balances.floorOf(source);
        let index = 0;
        for (let k = first; k >= 0; k = nextRequest[k] as number, index++) {
          const slot = requestSlot[k] as number;
          const grant = grants ? (grants[index] ?? 0) : (requestQty[k] as number);
          needs.used[slot] = 1;
          needs.sourcesUsed[k] = (needs.sourcesUsed[k] as number) + 1;
          if (grant <= EPSILON) continue;
          balances.take(source, needs.startDay[slot] as number, grant);
          const p = columns.next();
          writeCommon(columns, p, needs, k, slot, grant);
          columns.cost[p] = money(grant * (needs.unitCost[slot] as number));
          columns.spare[p] = spare;
          columns.sourceFloor[p] = sourceFloor;
          columns.sharedAmong[p] = grants ? listed : 1;
          columns.askedInTotal[p] = asked;
          needs.proposals[k] = (needs.proposals[k] as number) + 1;
          needs.remaining[k] = (needs.remaining[k] as number) - grant;
          needs.transferred[k] = (needs.transferred[k] as number) + grant;
        }
      }
      let kept = 0;
      for (let i = 0; i < activeCount; i++) {
        const k = active[i] as number;
        if ((needs.remaining[k] as number) > EPSILON) active[kept++] = k;
      }
      activeCount = kept;
    }
  }
  ticker.finish();

  columns.fit();
  const order = nodeByNode(columns, needColumns, nodeCount, skuCount);
  return new ReplenishmentRun(model, needColumns, columns, order, unmetByNode.flat(), totalsOf(columns, needColumns, order, needCount));
}

/** The need's best source still open: the first purchase, or the first transfer that can still spare some. */
function bestSource(needs: SkuNeeds, balances: SourceBalances, k: number): number {
  const first = k * needs.width;
  const end = first + (needs.candidateCount[k] as number);
  for (let slot = first; slot < end; slot++) {
    if (needs.kind[slot] === PURCHASE) return slot;
    if ((needs.sourcesUsed[k] as number) >= MAX_TRANSFER_SOURCES) continue;
    if (!needs.used[slot] && balances.spareFrom(needs.source[slot] as number, needs.startDay[slot] as number) > EPSILON) return slot;
  }
  return -1;
}

function requestsTo(nodeIds: readonly string[], needs: SkuNeeds, first: number, nextRequest: Int32Array, requestQty: Float64Array): { key: string; qty: number }[] {
  const list: { key: string; qty: number }[] = [];
  for (let k = first; k >= 0; k = nextRequest[k] as number) list.push({ key: nodeIds[needs.node[k] as number] as string, qty: requestQty[k] as number });
  return list;
}

function writePurchase(columns: ProposalColumns, needs: SkuNeeds, k: number, slot: number, minQty: Float64Array, multiple: Float64Array): void {
  const option = needs.source[slot] as number;
  const requested = needs.remaining[k] as number;
  const qty = purchaseQuantity(requested, minQty[option] as number, multiple[option] as number);
  const p = columns.next();
  writeCommon(columns, p, needs, k, slot, qty);
  columns.requested[p] = requested;
  columns.cost[p] = money(qty * (needs.unitCost[slot] as number));
  columns.spare[p] = 0;
  columns.sourceFloor[p] = 0;
  columns.sharedAmong[p] = 0;
  columns.askedInTotal[p] = 0;
}

/** What every proposal records, and the cheaper source it passed over because that one comes late. */
function writeCommon(columns: ProposalColumns, p: number, needs: SkuNeeds, k: number, slot: number, qty: number): void {
  columns.need[p] = needs.need[k] as number;
  columns.ordinal[p] = (needs.proposals[k] as number) + 1;
  columns.kind[p] = needs.kind[slot] as number;
  columns.source[p] = needs.source[slot] as number;
  columns.qty[p] = qty;
  columns.requested[p] = qty;
  columns.startDay[p] = needs.startDay[slot] as number;
  columns.arrivalDay[p] = needs.arrivalDay[slot] as number;
  columns.unitCost[p] = needs.unitCost[slot] as number;
  columns.transitDays[p] = needs.transitDays[slot] as number;
  columns.alreadyTransferred[p] = needs.transferred[k] as number;
  columns.alternative[p] = NO_ALTERNATIVE;
  const day = needs.day[k] as number;
  if ((needs.arrivalDay[slot] as number) > day) return;
  const first = k * needs.width;
  const end = first + (needs.candidateCount[k] as number);
  for (let other = first; other < end; other++) {
    if ((needs.arrivalDay[other] as number) > day && (needs.unitCost[other] as number) < (needs.unitCost[slot] as number)) {
      columns.alternative[p] = needs.kind[other] === TRANSFER ? TRANSFER_ALTERNATIVE : PURCHASE_ALTERNATIVE;
      columns.alternativeSource[p] = needs.source[other] as number;
      columns.alternativeArrivalDay[p] = needs.arrivalDay[other] as number;
      columns.alternativeUnitCost[p] = needs.unitCost[other] as number;
      return;
    }
  }
}

/** Proposals are decided SKU by SKU but listed node by node (row order), each node's in decision order. */
function nodeByNode(columns: ProposalColumns, needs: NeedColumns, nodeCount: number, skuCount: number): Int32Array {
  const count = columns.size;
  const nodeOf = new Int32Array(count);
  const start = new Int32Array(nodeCount + 1);
  for (let p = 0; p < count; p++) {
    const node = Math.floor((needs.row[columns.need[p] as number] as number) / skuCount);
    nodeOf[p] = node;
    start[node + 1] = (start[node + 1] as number) + 1;
  }
  for (let node = 0; node < nodeCount; node++) start[node + 1] = (start[node + 1] as number) + (start[node] as number);
  const order = new Int32Array(count);
  for (let p = 0; p < count; p++) {
    const node = nodeOf[p] as number;
    order[start[node] as number] = p;
    start[node] = (start[node] as number) + 1;
  }
  return order;
}

function totalsOf(columns: ProposalColumns, needs: NeedColumns, order: Int32Array, needCount: number): ReplenishmentTotals {
  let transferUnits = 0;
  let purchaseUnits = 0;
  let transferCost = 0;
  let purchaseCost = 0;
  let lateProposals = 0;
  for (const p of order) {
    if (columns.kind[p] === TRANSFER) {
      transferUnits += columns.qty[p] as number;
      transferCost += columns.cost[p] as number;
    } else {
      purchaseUnits += columns.qty[p] as number;
      purchaseCost += columns.cost[p] as number;
    }
    if ((columns.arrivalDay[p] as number) > (needs.day[columns.need[p] as number] as number)) lateProposals++;
  }
  return { needs: needCount, proposals: order.length, transferUnits, purchaseUnits, transferCost: money(transferCost), purchaseCost: money(purchaseCost), lateProposals };
}
