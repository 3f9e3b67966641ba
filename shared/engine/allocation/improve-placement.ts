import { FLOW_EPSILON } from './flow-network';
import type { AllocationProblem } from './problem';

const COST_EPSILON = 1e-9;

/**
 * Polishes one SKU's placement by cancelling negative-cost cycles, without changing how much any
 * line gets. Nodes are the SKU's lots plus one "spare" node. An arc a → b says "line i moves some of
 * its units from lot a to lot b" and costs the difference in per-unit cost (transport + late penalty);
 * b → spare exists when lot b has stock left; spare → a always (a lot may end with stock left).
 * A negative cycle is a set of moves that together lower the cost; with none left the placement is
 * optimal for the given quantities. Bellman–Ford finds cycles early through its predecessor graph.
 * `maxRounds` bounds the work per SKU so interactive runs stay fast.
 */
export function improvePlacement(problem: AllocationProblem, sku: number, x: Float64Array, maxRounds: number): number {
  const lineStart = problem.skuLineStart[sku] as number;
  const lineCount = (problem.skuLineStart[sku + 1] as number) - lineStart;
  const lotStart = problem.skuLotStart[sku] as number;
  const lotCount = (problem.skuLotStart[sku + 1] as number) - lotStart;
  const pairStart = problem.skuPairStart[sku] as number;
  const pairEnd = problem.skuPairStart[sku + 1] as number;
  if (lotCount < 2 || lineCount === 0) return 0;

  const cost = (pair: number): number => (problem.lineMargin[problem.pairLine[pair] as number] as number) - (problem.pairValue[pair] as number);
  const pairsOfLine: number[][] = Array.from({ length: lineCount }, () => []);
  for (let p = pairStart; p < pairEnd; p++) pairsOfLine[(problem.pairLine[p] as number) - lineStart]?.push(p);

  // Nothing to gain when every line already sits only on its cheapest pairs.
  let improvable = false;
  for (const pairs of pairsOfLine) {
    let cheapest = Number.POSITIVE_INFINITY;
    for (const p of pairs) cheapest = Math.min(cheapest, cost(p));
    for (const p of pairs) if ((x[p] as number) > FLOW_EPSILON && cost(p) > cheapest + COST_EPSILON) improvable = true;
  }
  if (!improvable) return 0;

  const spare = problem.lotQty.slice(lotStart, lotStart + lotCount);
  for (let p = pairStart; p < pairEnd; p++) spare[(problem.pairLot[p] as number) - lotStart] = (spare[(problem.pairLot[p] as number) - lotStart] as number) - (x[p] as number);
  const SPARE = lotCount;
  const nodeCount = lotCount + 1;
  const dist = new Float64Array(nodeCount);
  const parentArc = new Int32Array(nodeCount);
  const stamp = new Int32Array(nodeCount);
  const arcFrom: number[] = [];
  const arcTo: number[] = [];
  const arcCost: number[] = [];
  const arcOut: number[] = [];
  const arcIn: number[] = [];
  let rounds = 0;

  for (; rounds < maxRounds; rounds++) {
    arcFrom.length = arcTo.length = arcCost.length = arcOut.length = arcIn.length = 0;
    for (const pairs of pairsOfLine) {
      for (const out of pairs) {
        if ((x[out] as number) <= FLOW_EPSILON) continue;
        const from = (problem.pairLot[out] as number) - lotStart;
        for (const into of pairs) {
          if (into === out) continue;
          arcFrom.push(from);
          arcTo.push((problem.pairLot[into] as number) - lotStart);
          arcCost.push(cost(into) - cost(out));
          arcOut.push(out);
          arcIn.push(into);
        }
      }
    }
    for (let lot = 0; lot < lotCount; lot++) {
      if ((spare[lot] as number) > FLOW_EPSILON) {
        arcFrom.push(lot);
        arcTo.push(SPARE);
        arcCost.push(0);
        arcOut.push(-1);
        arcIn.push(-1);
      }
      arcFrom.push(SPARE);
      arcTo.push(lot);
      arcCost.push(0);
      arcOut.push(-1);
      arcIn.push(-1);
    }

    const cycle = findNegativeCycle(nodeCount, arcFrom, arcTo, arcCost, dist, parentArc, stamp);
    if (!cycle) break;
    let amount = Number.POSITIVE_INFINITY;
    for (const arc of cycle) {
      const out = arcOut[arc] as number;
      if (out >= 0) amount = Math.min(amount, x[out] as number);
      else if ((arcTo[arc] as number) === SPARE) amount = Math.min(amount, spare[arcFrom[arc] as number] as number);
    }
    if (!(amount > FLOW_EPSILON) || amount === Number.POSITIVE_INFINITY) break;
    for (const arc of cycle) {
      const out = arcOut[arc] as number;
      const into = arcIn[arc] as number;
      if (out >= 0) {
        x[out] = (x[out] as number) - amount;
        x[into] = (x[into] as number) + amount;
      } else if ((arcTo[arc] as number) === SPARE) {
        spare[arcFrom[arc] as number] = (spare[arcFrom[arc] as number] as number) - amount;
      } else {
        spare[arcTo[arc] as number] = (spare[arcTo[arc] as number] as number) + amount;
      }
    }
  }
  return rounds;
}

/** Bellman–Ford from every node at once; returns the arcs of a negative cycle, or null. */
function findNegativeCycle(
  nodeCount: number,
  arcFrom: number[],
  arcTo: number[],
  arcCost: number[],
  dist: Float64Array,
  parentArc: Int32Array,
  stamp: Int32Array,
): number[] | null {
  dist.fill(0);
  parentArc.fill(-1);
  const arcCount = arcFrom.length;
  for (let pass = 0; pass < nodeCount; pass++) {
    let relaxed = false;
    for (let arc = 0; arc < arcCount; arc++) {
      const to = arcTo[arc] as number;
      const candidate = (dist[arcFrom[arc] as number] as number) + (arcCost[arc] as number);
      if (candidate < (dist[to] as number) - COST_EPSILON) {
        dist[to] = candidate;
        parentArc[to] = arc;
        relaxed = true;
      }
    }
    if (!relaxed) return null;
    const cycle = cycleInParents(nodeCount, arcFrom, parentArc, stamp);
    if (cycle) return cycle;
  }
  return cycleInParents(nodeCount, arcFrom, parentArc, stamp);
}

function cycleInParents(nodeCount: number, arcFrom: number[], parentArc: Int32Array, stamp: Int32Array): number[] | null {
  stamp.fill(-1);
  for (let start = 0; start < nodeCount; start++) {
    let node = start;
    while (node >= 0 && stamp[node] === -1) {
      stamp[node] = start;
      const arc = parentArc[node] as number;
      node = arc < 0 ? -1 : (arcFrom[arc] as number);
    }
    if (node >= 0 && stamp[node] === start) {
      const cycle: number[] = [];
      let at = node;
      do {
        const arc = parentArc[at] as number;
        cycle.push(arc);
        at = arcFrom[arc] as number;
      } while (at !== node);
      return cycle.reverse();
    }
  }
  return null;
}
