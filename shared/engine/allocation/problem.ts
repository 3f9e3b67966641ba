import { addDays } from '../../domain';
import type { AllocationSettings } from '../../domain';
import { bucketOf } from '../model/network-model';
import { RunTicker, type RunControl } from '../run-control';
import type { ScenarioPlan } from '../scenario/scenario-plan';

/**
 * The allocation problem in flat typed arrays, grouped by SKU (each SKU's lines, lots and pairs are
 * contiguous). A lot is stock a node will have from a given day: what is on hand today, or a supply
 * arriving later. A pair is one way to serve a line: a lot at the line's own node, or at a node with
 * a lane to it, close enough in time (at most `maxLateDays` late).
 */
export interface AllocationProblem {
  readonly settings: AllocationSettings;
  readonly skuCount: number;

  readonly lineIds: readonly string[];
  readonly lineCustomer: readonly string[];
  readonly lineDueDate: readonly string[];
  readonly lineSku: Int32Array;
  /** The node currently on the order. */
  readonly lineNode: Int32Array;
  readonly lineQty: Float64Array;
  /** Due bucket (overdue lines are due on day 0). */
  readonly lineDue: Int32Array;
  readonly linePriority: Uint8Array;
  readonly lineMargin: Float64Array;
  /** Position of the line's id in sorted id order: the tie-break that never depends on input order. */
  readonly lineRank: Int32Array;

  readonly lotNode: Int32Array;
  readonly lotDay: Int32Array;
  readonly lotQty: Float64Array;

  readonly pairLine: Int32Array;
  readonly pairLot: Int32Array;
  readonly pairShip: Int32Array;
  readonly pairTransit: Int32Array;
  readonly pairLate: Int32Array;
  readonly pairTransport: Float64Array;
  readonly pairPenalty: Float64Array;
  /** Per unit: margin − transport − late penalty. */
  readonly pairValue: Float64Array;

  /** Per SKU, where its lines, lots and pairs start (length skuCount + 1 each). */
  readonly skuLineStart: Int32Array;
  readonly skuLotStart: Int32Array;
  readonly skuPairStart: Int32Array;
}

interface OpenLine {
  id: string;
  customer: string;
  dueDate: string;
  node: number;
  qty: number;
  due: number;
  priority: number;
  margin: number;
}

/** Customer demand still open in the plan, due within the horizon, grouped by SKU in plan order. */
function openLinesBySku(plan: ScenarioPlan): OpenLine[][] {
  const { model } = plan;
  const bySku: OpenLine[][] = Array.from({ length: model.skuCount }, () => []);
  const snapshotLines = model.snapshot.demand;
  plan.forEachSnapshotDemandLine((line, qty) => {
    const due = bucketOf(model.demandDay[line] as number, model.horizonDays);
    if (qty <= 0 || due >= model.horizonDays) return;
    const row = model.demandRow[line] as number;
    const source = snapshotLines[line];
    if (!source) return;
    bySku[row % model.skuCount]?.push({
      id: source.id,
      customer: source.customer,
      dueDate: source.dueDate,
      node: Math.floor(row / model.skuCount),
      qty,
      due,
      priority: source.priority,
      margin: source.unitMargin,
    });
  });
  for (const demand of plan.scenarioDemand) {
    const qty = demand.qty * demand.factor;
    if (qty <= 0) continue;
    bySku[demand.sku]?.push({
      id: demand.id,
      customer: demand.customer,
      dueDate: addDays(model.dayZero, demand.dueDay),
      node: demand.node,
      qty,
      due: demand.dueDay,
      priority: demand.priority,
      margin: demand.unitMargin,
    });
  }
  return bySku;
}

class Growable {
  private data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  at(index: number): number {
    return this.data[index] as number;
  }
  toFloat64(): Float64Array {
    return this.data.slice(0, this.length);
  }
  toInt32(): Int32Array {
    return Int32Array.from(this.data.subarray(0, this.length));
  }
}

export function prepareAllocation(plan: ScenarioPlan, settings: AllocationSettings, control?: RunControl): AllocationProblem {
  const { model } = plan;
  const { skuCount, nodeCount, horizonDays: H } = model;
  const linesBySku = openLinesBySku(plan);
  const ticker = new RunTicker(control, 'Preparing the allocation', skuCount, 512);

  // Stock a scenario transfer ships out is promised already; orders cannot have it too.
  const promisedOut = new Map<number, number>();
  for (const transfer of plan.scenarioTransfers) {
    const row = transfer.fromNode * skuCount + transfer.sku;
    promisedOut.set(row, (promisedOut.get(row) ?? 0) + transfer.qty);
  }

  const lineIds: string[] = [];
  const lineCustomer: string[] = [];
  const lineDueDate: string[] = [];
  const lineSku = new Growable();
  const lineNode = new Growable();
  const lineQty = new Growable();
  const lineDue = new Growable();
  const linePriority = new Growable();
  const lineMargin = new Growable();
  const lotNode = new Growable();
  const lotDay = new Growable();
  const lotQty = new Growable();
  const pairLine = new Growable(4096);
  const pairLot = new Growable(4096);
  const pairShip = new Growable(4096);
  const pairTransit = new Growable(4096);
  const pairLate = new Growable(4096);
  const pairTransport = new Growable(4096);
  const pairPenalty = new Growable(4096);
  const pairValue = new Growable(4096);
  const skuLineStart = new Int32Array(skuCount + 1);
  const skuLotStart = new Int32Array(skuCount + 1);
  const skuPairStart = new Int32Array(skuCount + 1);
  const nodeLotStart = new Int32Array(nodeCount + 1);
  const lotsOfRow: { day: number; qty: number }[] = [];

  for (let sku = 0; sku < skuCount; sku++) {
    ticker.tick(sku);
    skuLineStart[sku] = lineIds.length;
    skuLotStart[sku] = lotQty.length;
    skuPairStart[sku] = pairLine.length;
    const lines = linesBySku[sku] ?? [];
    if (lines.length === 0) continue;

    for (let node = 0; node < nodeCount; node++) {
      nodeLotStart[node] = lotQty.length;
      const row = node * skuCount + sku;
      lotsOfRow.length = 0;
      const onHand = model.onHand[row] as number;
      if (onHand > 0) lotsOfRow.push({ day: 0, qty: onHand });
      plan.forEachSupply(row, (bucket, qty) => {
        if (bucket >= H || qty <= 0) return;
        const same = lotsOfRow.find((lot) => lot.day === bucket);
        if (same) same.qty += qty;
        else lotsOfRow.push({ day: bucket, qty });
      });
      lotsOfRow.sort((a, b) => a.day - b.day);
      let promised = promisedOut.get(row) ?? 0;
      for (const lot of lotsOfRow) {
        const kept = Math.min(lot.qty, promised);
        promised -= kept;
        if (lot.qty - kept <= 0) continue;
        lotNode.push(node);
        lotDay.push(lot.day);
        lotQty.push(lot.qty - kept);
      }
    }
    nodeLotStart[nodeCount] = lotQty.length;

    const unitPrice = model.unitPrice[sku] as number;
    for (const line of lines) {
      const index = lineIds.length;
      lineIds.push(line.id);
      lineCustomer.push(line.customer);
      lineDueDate.push(line.dueDate);
      lineSku.push(sku);
      lineNode.push(line.node);
      lineQty.push(line.qty);
      lineDue.push(line.due);
      linePriority.push(line.priority);
      lineMargin.push(line.margin);
      const serveFrom = (node: number, transit: number, costPerUnit: number): void => {
        for (let lot = nodeLotStart[node] as number; lot < (nodeLotStart[node + 1] as number); lot++) {
          const ship = plan.shippableDay(node, Math.max(lotDay.at(lot), line.due - transit));
          const late = Math.max(0, ship + transit - line.due);
          if (late > settings.maxLateDays) continue;
          const penalty = settings.latePenaltyRate * unitPrice * late;
          pairLine.push(index);
          pairLot.push(lot);
          pairShip.push(ship);
          pairTransit.push(transit);
          pairLate.push(late);
          pairTransport.push(costPerUnit);
          pairPenalty.push(penalty);
          pairValue.push(line.margin - costPerUnit - penalty);
        }
      };
      serveFrom(line.node, 0, 0);
      for (const lane of model.lanes.into[line.node] ?? []) {
        const terms = plan.laneTerms(lane);
        serveFrom(model.lanes.from[lane] as number, terms.transitDays, terms.costPerUnit);
      }
    }
  }
  skuLineStart[skuCount] = lineIds.length;
  skuLotStart[skuCount] = lotQty.length;
  skuPairStart[skuCount] = pairLine.length;
  ticker.finish();

  const lineRank = new Int32Array(lineIds.length);
  const byId = lineIds.map((id, index) => ({ id, index })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.index - b.index));
  byId.forEach((entry, rank) => {
    lineRank[entry.index] = rank;
  });

  return {
    settings,
    skuCount,
    lineIds,
    lineCustomer,
    lineDueDate,
    lineSku: lineSku.toInt32(),
    lineNode: lineNode.toInt32(),
    lineQty: lineQty.toFloat64(),
    lineDue: lineDue.toInt32(),
    linePriority: Uint8Array.from(linePriority.toFloat64()),
    lineMargin: lineMargin.toFloat64(),
    lineRank,
    lotNode: lotNode.toInt32(),
    lotDay: lotDay.toInt32(),
    lotQty: lotQty.toFloat64(),
    pairLine: pairLine.toInt32(),
    pairLot: pairLot.toInt32(),
    pairShip: pairShip.toInt32(),
    pairTransit: pairTransit.toInt32(),
    pairLate: pairLate.toInt32(),
    pairTransport: pairTransport.toFloat64(),
    pairPenalty: pairPenalty.toFloat64(),
    pairValue: pairValue.toFloat64(),
    skuLineStart,
    skuLotStart,
    skuPairStart,
  };
}
