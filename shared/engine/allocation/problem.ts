import type { AllocationSettings } from '../../domain';
import { bucketOf } from '../model/network-model';
import { RunTicker, type RunControl } from '../run-control';
import type { ScenarioPlan } from '../scenario/scenario-plan';

/**
 * The allocation problem in flat typed arrays, grouped by SKU (each SKU's lines, lots and pairs are
 * contiguous). A lot is stock a node will have from a given day: what is on hand today, or a supply
 * arriving later. A pair is one way to serve a line: a lot at the line's own node, or at a node with
 * a lane to it, soon enough (at most `maxLateDays` late).
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
  /** Lane used, −1 when the line's own node serves it. */
  readonly pairLane: Int32Array;
  readonly pairShip: Int32Array;
  readonly pairLate: Int32Array;
  /** Per unit: margin − transport − late penalty. */
  readonly pairValue: Float64Array;

  /** Lane terms as the plan sees them (scenario lane changes included). */
  readonly laneTransit: Int32Array;
  readonly laneCost: Float64Array;
  /** Late penalty per unit per day, per SKU (rate × unit price). */
  readonly penaltyPerDay: Float64Array;

  /** Per SKU, where its lines, lots and pairs start (length skuCount + 1 each). */
  readonly skuLineStart: Int32Array;
  readonly skuLotStart: Int32Array;
  readonly skuPairStart: Int32Array;
}

export function pairTransit(problem: AllocationProblem, pair: number): number {
  const lane = problem.pairLane[pair] as number;
  return lane < 0 ? 0 : (problem.laneTransit[lane] as number);
}

export function pairTransport(problem: AllocationProblem, pair: number): number {
  const lane = problem.pairLane[pair] as number;
  return lane < 0 ? 0 : (problem.laneCost[lane] as number);
}

export function pairPenalty(problem: AllocationProblem, pair: number): number {
  const sku = problem.lineSku[problem.pairLine[pair] as number] as number;
  return (problem.penaltyPerDay[sku] as number) * (problem.pairLate[pair] as number);
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

/** Customer demand still open in the plan and due within the horizon, grouped by SKU, in plan order. */
function openLinesBySku(plan: ScenarioPlan): OpenLine[][] {
  const { model } = plan;
  const bySku: OpenLine[][] = Array.from({ length: model.skuCount }, () => []);
  const snapshotLines = model.snapshot.demand;
  plan.forEachSnapshotDemandLine((line, qty) => {
    const due = bucketOf(model.demandDay[line] as number, model.horizonDays);
    const source = snapshotLines[line];
    if (qty <= 0 || due >= model.horizonDays || !source) return;
    const row = model.demandRow[line] as number;
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
      dueDate: model.calendar.dateOf(demand.dueDay),
      node: demand.node,
      qty,
      due: demand.dueDay,
      priority: demand.priority,
      margin: demand.unitMargin,
    });
  }
  return bySku;
}

export function prepareAllocation(plan: ScenarioPlan, settings: AllocationSettings, control?: RunControl): AllocationProblem {
  const { model } = plan;
  const { skuCount, nodeCount, horizonDays: H } = model;
  const linesBySku = openLinesBySku(plan);
  const ticker = new RunTicker(control, 'Preparing the allocation', 2 * skuCount, 512);

  const { transitDays: laneTransit, costPerUnit: laneCost } = plan.laneTermsTable();
  const penaltyPerDay = model.unitPrice.map((price) => settings.latePenaltyRate * price);

  // Stock a scenario transfer ships out is promised already; orders cannot have it too.
  const promisedOut = new Map<number, number>();
  for (const transfer of plan.scenarioTransfers) {
    const row = transfer.fromNode * skuCount + transfer.sku;
    promisedOut.set(row, (promisedOut.get(row) ?? 0) + transfer.qty);
  }

  // Pass 1: lots of every SKU that has lines, and for each node where its lots start.
  const lotNodeList: number[] = [];
  const lotDayList: number[] = [];
  const lotQtyList: number[] = [];
  const skuLotStart = new Int32Array(skuCount + 1);
  const nodeLotStart = new Int32Array(skuCount * (nodeCount + 1));
  const lotsOfRow: { day: number; qty: number }[] = [];
  for (let sku = 0; sku < skuCount; sku++) {
    ticker.tick(sku);
    skuLotStart[sku] = lotQtyList.length;
    const hasLines = (linesBySku[sku]?.length ?? 0) > 0;
    for (let node = 0; node < nodeCount; node++) {
      nodeLotStart[sku * (nodeCount + 1) + node] = lotQtyList.length;
      if (!hasLines) continue;
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
      if (lotsOfRow.length > 1) lotsOfRow.sort((a, b) => a.day - b.day);
      let promised = promisedOut.get(row) ?? 0;
      for (const lot of lotsOfRow) {
        const kept = Math.min(lot.qty, promised);
        promised -= kept;
        if (lot.qty - kept <= 0) continue;
        lotNodeList.push(node);
        lotDayList.push(lot.day);
        lotQtyList.push(lot.qty - kept);
      }
    }
    nodeLotStart[sku * (nodeCount + 1) + nodeCount] = lotQtyList.length;
  }
  skuLotStart[skuCount] = lotQtyList.length;
  const lotDay = Int32Array.from(lotDayList);

  // Pass 2: lines and pairs, into arrays sized for the most pairs there can be.
  let lineCount = 0;
  let pairBound = 0;
  for (let sku = 0; sku < skuCount; sku++) {
    const base = sku * (nodeCount + 1);
    for (const line of linesBySku[sku] ?? []) {
      lineCount++;
      pairBound += (nodeLotStart[base + line.node + 1] as number) - (nodeLotStart[base + line.node] as number);
      for (const lane of model.lanes.into[line.node] ?? []) {
        const from = model.lanes.from[lane] as number;
        pairBound += (nodeLotStart[base + from + 1] as number) - (nodeLotStart[base + from] as number);
      }
    }
  }
  const lineIds: string[] = [];
  const lineCustomer: string[] = [];
  const lineDueDate: string[] = [];
  const lineSku = new Int32Array(lineCount);
  const lineNode = new Int32Array(lineCount);
  const lineQty = new Float64Array(lineCount);
  const lineDue = new Int32Array(lineCount);
  const linePriority = new Uint8Array(lineCount);
  const lineMargin = new Float64Array(lineCount);
  const pairLine = new Int32Array(pairBound);
  const pairLot = new Int32Array(pairBound);
  const pairLane = new Int32Array(pairBound);
  const pairShip = new Int32Array(pairBound);
  const pairLate = new Int32Array(pairBound);
  const pairValue = new Float64Array(pairBound);
  const skuLineStart = new Int32Array(skuCount + 1);
  const skuPairStart = new Int32Array(skuCount + 1);
  let pairs = 0;

  for (let sku = 0; sku < skuCount; sku++) {
    ticker.tick(skuCount + sku);
    skuLineStart[sku] = lineIds.length;
    skuPairStart[sku] = pairs;
    const base = sku * (nodeCount + 1);
    const perDay = penaltyPerDay[sku] as number;
    for (const line of linesBySku[sku] ?? []) {
      const index = lineIds.length;
      lineIds.push(line.id);
      lineCustomer.push(line.customer);
      lineDueDate.push(line.dueDate);
      lineSku[index] = sku;
      lineNode[index] = line.node;
      lineQty[index] = line.qty;
      lineDue[index] = line.due;
      linePriority[index] = line.priority;
      lineMargin[index] = line.margin;
      const lanes = model.lanes.into[line.node] ?? [];
      for (let option = -1; option < lanes.length; option++) {
        const lane = option < 0 ? -1 : (lanes[option] as number);
        const node = lane < 0 ? line.node : (model.lanes.from[lane] as number);
        const transit = lane < 0 ? 0 : (laneTransit[lane] as number);
        const cost = lane < 0 ? 0 : (laneCost[lane] as number);
        for (let lot = nodeLotStart[base + node] as number; lot < (nodeLotStart[base + node + 1] as number); lot++) {
          const ship = plan.shippableDay(node, Math.max(lotDay[lot] as number, line.due - transit));
          const late = Math.max(0, ship + transit - line.due);
          if (late > settings.maxLateDays) continue;
          pairLine[pairs] = index;
          pairLot[pairs] = lot;
          pairLane[pairs] = lane;
          pairShip[pairs] = ship;
          pairLate[pairs] = late;
          pairValue[pairs] = line.margin - cost - perDay * late;
          pairs++;
        }
      }
    }
  }
  skuLineStart[skuCount] = lineIds.length;
  skuPairStart[skuCount] = pairs;
  ticker.finish();

  const lineRank = new Int32Array(lineCount);
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
    lineSku,
    lineNode,
    lineQty,
    lineDue,
    linePriority,
    lineMargin,
    lineRank,
    lotNode: Int32Array.from(lotNodeList),
    lotDay,
    lotQty: Float64Array.from(lotQtyList),
    pairLine: pairLine.subarray(0, pairs),
    pairLot: pairLot.subarray(0, pairs),
    pairLane: pairLane.subarray(0, pairs),
    pairShip: pairShip.subarray(0, pairs),
    pairLate: pairLate.subarray(0, pairs),
    pairValue: pairValue.subarray(0, pairs),
    laneTransit,
    laneCost,
    penaltyPerDay,
    skuLineStart,
    skuLotStart,
    skuPairStart,
  };
}
