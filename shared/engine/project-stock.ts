import { daysBetween } from '../domain';
import type { NetworkSnapshot } from '../domain';

/**
 * Per node × SKU planning figures, held column-wise. Row p is node-major:
 * p = nodeIndex * skuCount + skuIndex, so a node's rows are contiguous.
 */
export interface StockProjection {
  horizonDays: number;
  nodeIds: string[];
  skuIds: string[];
  onHand: Float64Array;
  reserved: Float64Array;
  /** Open supply arriving within the horizon (overdue supply counts on day 0). */
  inbound: Float64Array;
  demand7: Float64Array;
  demand30: Float64Array;
  demand90: Float64Array;
  lowestBalance: Float64Array;
  /** First day the projected balance is below zero; -1 when it never is. */
  firstShortageDay: Int16Array;
  /** First day the projected balance is below the stock rule's minimum; -1 when never (or no rule). */
  belowMinDay: Int16Array;
  unitsShort: Float64Array;
  daysOfCover: Int16Array;
  valueAtRisk: Float64Array;
}

export const NO_DAY = -1;

/** Clamps a date to its bucket: overdue flows sit on day 0; anything past the horizon is outside it. */
export function dayIndexOf(dayZero: string, date: string, horizonDays: number): number {
  const offset = daysBetween(dayZero, date);
  if (offset < 0) return 0;
  return offset < horizonDays ? offset : horizonDays;
}

/**
 * Projected balance B[d] = on hand + Σ supply with ETA ≤ d − Σ demand due ≤ d (DESIGN.md,
 * Planning semantics). Reserved stock is not subtracted: its demand line is already counted.
 */
export function projectStock(snapshot: NetworkSnapshot): StockProjection {
  const horizon = snapshot.meta.horizonDays;
  const nodeIds = snapshot.nodes.map((node) => node.id);
  const skuIds = snapshot.skus.map((sku) => sku.id);
  const nodeIndex = new Map(nodeIds.map((id, index) => [id, index]));
  const skuIndex = new Map(skuIds.map((id, index) => [id, index]));
  const skuCount = skuIds.length;
  const rows = nodeIds.length * skuCount;
  const rowOf = (nodeId: string, skuId: string): number => {
    const n = nodeIndex.get(nodeId);
    const s = skuIndex.get(skuId);
    return n === undefined || s === undefined ? -1 : n * skuCount + s;
  };

  const onHand = new Float64Array(rows);
  const reserved = new Float64Array(rows);
  for (const position of snapshot.positions) {
    const row = rowOf(position.nodeId, position.skuId);
    if (row < 0) continue;
    onHand[row] = (onHand[row] ?? 0) + position.onHand;
    reserved[row] = (reserved[row] ?? 0) + position.reserved;
  }

  // Net flow per row and day, only for rows that have any flow: most rows in a real network are quiet.
  const netByRow = new Map<number, Float64Array>();
  const netOf = (row: number): Float64Array => {
    let net = netByRow.get(row);
    if (!net) {
      net = new Float64Array(horizon);
      netByRow.set(row, net);
    }
    return net;
  };
  const inbound = new Float64Array(rows);
  for (const line of snapshot.supply) {
    const row = rowOf(line.nodeId, line.skuId);
    const day = dayIndexOf(snapshot.meta.dayZero, line.eta, horizon);
    if (row < 0 || day >= horizon) continue;
    const net = netOf(row);
    net[day] = (net[day] ?? 0) + line.qty;
    inbound[row] = (inbound[row] ?? 0) + line.qty;
  }
  const demand7 = new Float64Array(rows);
  const demand30 = new Float64Array(rows);
  const demand90 = new Float64Array(rows);
  for (const line of snapshot.demand) {
    const row = rowOf(line.nodeId, line.skuId);
    const day = dayIndexOf(snapshot.meta.dayZero, line.dueDate, horizon);
    if (row < 0 || day >= horizon) continue;
    const net = netOf(row);
    net[day] = (net[day] ?? 0) - line.qty;
    if (day < 7) demand7[row] = (demand7[row] ?? 0) + line.qty;
    if (day < 30) demand30[row] = (demand30[row] ?? 0) + line.qty;
    if (day < 90) demand90[row] = (demand90[row] ?? 0) + line.qty;
  }

  const minByRow = new Float64Array(rows).fill(Number.NaN);
  for (const rule of snapshot.stockRules) {
    const row = rowOf(rule.nodeId, rule.skuId);
    if (row >= 0) minByRow[row] = rule.min;
  }
  const unitPrice = snapshot.skus.map((sku) => sku.unitPrice);

  const lowestBalance = new Float64Array(rows);
  const firstShortageDay = new Int16Array(rows).fill(NO_DAY);
  const belowMinDay = new Int16Array(rows).fill(NO_DAY);
  const unitsShort = new Float64Array(rows);
  const daysOfCover = new Int16Array(rows).fill(horizon);
  const valueAtRisk = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const start = onHand[row] ?? 0;
    const min = minByRow[row] ?? Number.NaN;
    const net = netByRow.get(row);
    let balance = start;
    let lowest = Number.POSITIVE_INFINITY;
    let shortage = NO_DAY;
    let belowMin = NO_DAY;
    for (let day = 0; day < horizon; day++) {
      if (net) balance += net[day] ?? 0;
      if (balance < lowest) lowest = balance;
      if (shortage === NO_DAY && balance < 0) shortage = day;
      if (belowMin === NO_DAY && balance < min) belowMin = day;
      if (!net && day === 0) {
        // A quiet row keeps its opening balance across the horizon.
        lowest = balance;
        if (balance < 0) shortage = 0;
        if (balance < min) belowMin = 0;
        break;
      }
    }
    lowestBalance[row] = lowest;
    firstShortageDay[row] = shortage;
    belowMinDay[row] = belowMin;
    const short = lowest < 0 ? -lowest : 0;
    unitsShort[row] = short;
    daysOfCover[row] = shortage === NO_DAY ? horizon : shortage;
    valueAtRisk[row] = short * (unitPrice[row % skuCount] ?? 0);
  }

  return {
    horizonDays: horizon,
    nodeIds,
    skuIds,
    onHand,
    reserved,
    inbound,
    demand7,
    demand30,
    demand90,
    lowestBalance,
    firstShortageDay,
    belowMinDay,
    unitsShort,
    daysOfCover,
    valueAtRisk,
  };
}
