import { FLOW_EPSILON } from './flow-network';
import type { AllocationProblem } from './problem';

/**
 * Decides where each line of one SKU is served from, given how much it gets (`targets`, local to the
 * SKU). Greedy by unit cost (transport + late penalty), cheapest pair first; a line the greedy
 * pass leaves short is then completed along an augmenting path that moves other lines to other lots
 * (never changing how much anyone gets). Writes quantities into `x` (indexed by pair) and returns
 * how much of the targets could not be placed: zero whenever the targets are feasible.
 */
export function placeTargets(problem: AllocationProblem, sku: number, targets: Float64Array, x: Float64Array, order: Int32Array): number {
  const lineStart = problem.skuLineStart[sku] as number;
  const lineCount = (problem.skuLineStart[sku + 1] as number) - lineStart;
  const lotStart = problem.skuLotStart[sku] as number;
  const lotCount = (problem.skuLotStart[sku + 1] as number) - lotStart;
  const pairStart = problem.skuPairStart[sku] as number;
  const pairEnd = problem.skuPairStart[sku + 1] as number;
  const pairCount = pairEnd - pairStart;

  const wanted = Float64Array.from(targets);
  const left = problem.lotQty.slice(lotStart, lotStart + lotCount);
  for (let p = pairStart; p < pairEnd; p++) x[p] = 0;

  const sorted = order.subarray(0, pairCount);
  for (let k = 0; k < pairCount; k++) sorted[k] = pairStart + k;
  // How much each line gets is fixed here, so its margin is too: only transport and lateness
  // differ between pairs, and the cheapest of those go first.
  sorted.sort((a, b) => {
    const costA = (problem.lineMargin[problem.pairLine[a] as number] as number) - (problem.pairValue[a] as number);
    const costB = (problem.lineMargin[problem.pairLine[b] as number] as number) - (problem.pairValue[b] as number);
    if (costA !== costB) return costA - costB;
    // Equally cheap: use stock that arrives later first and keep what is here early for urgent lines.
    const byReady = (problem.lotDay[problem.pairLot[b] as number] as number) - (problem.lotDay[problem.pairLot[a] as number] as number);
    if (byReady !== 0) return byReady;
    const byLine = (problem.lineRank[problem.pairLine[a] as number] as number) - (problem.lineRank[problem.pairLine[b] as number] as number);
    if (byLine !== 0) return byLine;
    return (problem.pairLot[a] as number) - (problem.pairLot[b] as number);
  });
  for (const p of sorted) {
    const i = (problem.pairLine[p] as number) - lineStart;
    const k = (problem.pairLot[p] as number) - lotStart;
    const qty = Math.min(wanted[i] as number, left[k] as number);
    if (qty <= FLOW_EPSILON) continue;
    x[p] = qty;
    wanted[i] = (wanted[i] as number) - qty;
    left[k] = (left[k] as number) - qty;
  }

  let short = 0;
  for (let i = 0; i < lineCount; i++) if ((wanted[i] as number) > FLOW_EPSILON) short += wanted[i] as number;
  if (short <= FLOW_EPSILON * (1 + lineCount)) return 0;
  return repair(problem, sku, wanted, left, x);
}

/** Augmenting paths over line ↔ lot pairs (Ford–Fulkerson from the greedy start). */
function repair(problem: AllocationProblem, sku: number, wanted: Float64Array, left: Float64Array, x: Float64Array): number {
  const lineStart = problem.skuLineStart[sku] as number;
  const lineCount = wanted.length;
  const lotStart = problem.skuLotStart[sku] as number;
  const lotCount = left.length;
  const pairStart = problem.skuPairStart[sku] as number;
  const pairEnd = problem.skuPairStart[sku + 1] as number;

  const pairsOfLine: number[][] = Array.from({ length: lineCount }, () => []);
  const pairsOfLot: number[][] = Array.from({ length: lotCount }, () => []);
  for (let p = pairStart; p < pairEnd; p++) {
    pairsOfLine[(problem.pairLine[p] as number) - lineStart]?.push(p);
    pairsOfLot[(problem.pairLot[p] as number) - lotStart]?.push(p);
  }
  const viaLot = new Int32Array(lotCount);
  const viaLine = new Int32Array(lineCount);
  const seenLot = new Uint8Array(lotCount);
  const seenLine = new Uint8Array(lineCount);
  const queue: number[] = [];

  for (let start = 0; start < lineCount; start++) {
    while ((wanted[start] as number) > FLOW_EPSILON) {
      seenLot.fill(0);
      seenLine.fill(0);
      queue.length = 0;
      queue.push(start);
      seenLine[start] = 1;
      viaLine[start] = -1;
      let found = -1;
      for (let head = 0; head < queue.length && found < 0; head++) {
        const i = queue[head] as number;
        for (const p of pairsOfLine[i] ?? []) {
          const k = (problem.pairLot[p] as number) - lotStart;
          if (seenLot[k]) continue;
          seenLot[k] = 1;
          viaLot[k] = p;
          if ((left[k] as number) > FLOW_EPSILON) {
            found = k;
            break;
          }
          for (const back of pairsOfLot[k] ?? []) {
            const other = (problem.pairLine[back] as number) - lineStart;
            if (seenLine[other] || (x[back] as number) <= FLOW_EPSILON) continue;
            seenLine[other] = 1;
            viaLine[other] = back;
            queue.push(other);
          }
        }
      }
      if (found < 0) break;
      // Walk back: lot ← pair ← line ← (backward pair) ← lot … ← start.
      let amount = Math.min(wanted[start] as number, left[found] as number);
      for (let k = found; ; ) {
        const p = viaLot[k] as number;
        const i = (problem.pairLine[p] as number) - lineStart;
        const back = viaLine[i] as number;
        if (back < 0) break;
        amount = Math.min(amount, x[back] as number);
        k = (problem.pairLot[back] as number) - lotStart;
      }
      for (let k = found; ; ) {
        const p = viaLot[k] as number;
        x[p] = (x[p] as number) + amount;
        const i = (problem.pairLine[p] as number) - lineStart;
        const back = viaLine[i] as number;
        if (back < 0) break;
        x[back] = (x[back] as number) - amount;
        k = (problem.pairLot[back] as number) - lotStart;
      }
      wanted[start] = (wanted[start] as number) - amount;
      left[found] = (left[found] as number) - amount;
    }
  }
  let short = 0;
  for (let i = 0; i < lineCount; i++) if ((wanted[i] as number) > FLOW_EPSILON) short += wanted[i] as number;
  return short;
}
