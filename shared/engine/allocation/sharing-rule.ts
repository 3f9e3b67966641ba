import { FLOW_EPSILON, FlowNetwork } from './flow-network';
import type { AllocationProblem } from './problem';

const SOURCE = 0;
const SINK = 1;

/**
 * How much each line of a SKU gets when its stock cannot cover every line (DESIGN.md: scarcity is
 * shared by rule, never by array order):
 *
 * 1. Customer priority first: priority 1 lines are served as fully as the network allows, then 2, …
 * 2. Among lines of equal priority, in proportion to need: every line gets the same fraction of what
 *    it ordered, raised together until some lines cannot get more (their reachable stock is used
 *    up); those stop there and the rest keep rising (max-min fair water-filling on a flow network,
 *    finding each level exactly from a minimum cut).
 * 3. Whole units: each line gets its exact share rounded down, and the units this frees go to the
 *    largest remainders (ties by line id), so every line is within one unit of its exact share.
 *
 * Where a line is served from is not decided here; `placeTargets` does that.
 */
export function shareScarceStock(problem: AllocationProblem, sku: number): Float64Array {
  const lineStart = problem.skuLineStart[sku] as number;
  const lineCount = (problem.skuLineStart[sku + 1] as number) - lineStart;
  const lotStart = problem.skuLotStart[sku] as number;
  const lotCount = (problem.skuLotStart[sku + 1] as number) - lotStart;
  const pairStart = problem.skuPairStart[sku] as number;
  const pairEnd = problem.skuPairStart[sku + 1] as number;

  const network = new FlowNetwork(2 + lineCount + lotCount);
  const need = new Float64Array(lineCount);
  let bigEnough = 1;
  for (let i = 0; i < lineCount; i++) {
    need[i] = problem.lineQty[lineStart + i] as number;
    bigEnough += need[i] as number;
  }
  const lotCapacity = new Float64Array(lotCount);
  for (let k = 0; k < lotCount; k++) {
    lotCapacity[k] = problem.lotQty[lotStart + k] as number;
    bigEnough += lotCapacity[k] as number;
  }
  const sourceEdge = new Int32Array(lineCount);
  for (let i = 0; i < lineCount; i++) sourceEdge[i] = network.addEdge(SOURCE, 2 + i, 0);
  const reaches = new Uint8Array(lineCount);
  // Larger than any cut through the source, so a minimum cut never crosses a line → lot edge.
  for (let p = pairStart; p < pairEnd; p++) {
    const i = (problem.pairLine[p] as number) - lineStart;
    network.addEdge(2 + i, 2 + lineCount + ((problem.pairLot[p] as number) - lotStart), bigEnough);
    reaches[i] = 1;
  }
  for (let k = 0; k < lotCount; k++) network.addEdge(2 + lineCount + k, SINK, lotCapacity[k] as number);

  const decided = new Float64Array(lineCount);
  const isDecided = new Uint8Array(lineCount);
  const setDemand = (i: number, qty: number): void => network.setCapacity(sourceEdge[i] as number, qty);
  const feasible = (total: number): boolean => {
    network.resetFlow();
    return network.maxFlow(SOURCE, SINK) >= total - FLOW_EPSILON * (1 + total);
  };
  let decidedTotal = 0;

  for (let priority = 1; priority <= 5; priority++) {
    const tier: number[] = [];
    for (let i = 0; i < lineCount; i++) {
      if (reaches[i] && problem.linePriority[lineStart + i] === priority) tier.push(i);
    }
    if (tier.length === 0) continue;

    let tierNeed = 0;
    for (const i of tier) {
      setDemand(i, need[i] as number);
      tierNeed += need[i] as number;
    }
    if (feasible(decidedTotal + tierNeed)) {
      for (const i of tier) {
        decided[i] = need[i] as number;
        isDecided[i] = 1;
      }
      decidedTotal += tierNeed;
      continue;
    }

    let active = tier;
    while (active.length > 0) {
      let level = 1;
      let tight: number[] | null = null;
      let frozenTotal = 0;
      for (let i = 0; i < lineCount; i++) if (isDecided[i]) frozenTotal += decided[i] as number;
      for (let iteration = 0; iteration < 64; iteration++) {
        let activeNeed = 0;
        for (const i of active) {
          setDemand(i, level * (need[i] as number));
          activeNeed += need[i] as number;
        }
        if (feasible(frozenTotal + level * activeNeed)) break;
        const side = network.reachable(SOURCE);
        const cutLines = active.filter((i) => side[2 + i]);
        let cutCapacity = 0;
        for (let k = 0; k < lotCount; k++) if (side[2 + lineCount + k]) cutCapacity += lotCapacity[k] as number;
        let cutFixed = 0;
        for (let i = 0; i < lineCount; i++) if (isDecided[i] && side[2 + i]) cutFixed += decided[i] as number;
        let cutNeed = 0;
        for (const i of cutLines) cutNeed += need[i] as number;
        if (cutLines.length === 0 || cutNeed <= 0) break;
        const next = Math.max(0, (cutCapacity - cutFixed) / cutNeed);
        if (next >= level - 1e-12) break;
        level = next;
        tight = cutLines;
      }
      const frozen = tight ?? active;
      for (const i of frozen) {
        decided[i] = level * (need[i] as number);
        isDecided[i] = 1;
        setDemand(i, decided[i] as number);
      }
      const frozenSet = new Set(frozen);
      active = active.filter((i) => !frozenSet.has(i));
    }

    decidedTotal = roundTier(network, tier, decided, need, problem, lineStart, decidedTotal, sourceEdge);
  }
  return decided;
}

/** Whole units for one tier: floors first, then one more unit each for the largest remainders while stock allows. */
function roundTier(
  network: FlowNetwork,
  tier: number[],
  decided: Float64Array,
  need: Float64Array,
  problem: AllocationProblem,
  lineStart: number,
  decidedBefore: number,
  sourceEdge: Int32Array,
): number {
  let exactTotal = 0;
  let floorTotal = 0;
  const remainders: { i: number; remainder: number }[] = [];
  for (const i of tier) {
    const exact = decided[i] as number;
    const floor = Math.min(need[i] as number, Math.floor(exact + 1e-9));
    exactTotal += exact;
    floorTotal += floor;
    remainders.push({ i, remainder: exact - floor });
    decided[i] = floor;
    network.setCapacity(sourceEdge[i] as number, 0);
  }
  network.resetFlow();
  for (const i of tier) network.setCapacity(sourceEdge[i] as number, decided[i] as number);
  network.maxFlow(SOURCE, SINK);
  let extra = Math.floor(exactTotal + 1e-9) - floorTotal;
  remainders.sort((a, b) => b.remainder - a.remainder || (problem.lineRank[lineStart + a.i] as number) - (problem.lineRank[lineStart + b.i] as number));
  for (const { i } of remainders) {
    if (extra <= 0) break;
    const bump = Math.min(1, (need[i] as number) - (decided[i] as number));
    if (bump <= FLOW_EPSILON) continue;
    network.setCapacity(sourceEdge[i] as number, (decided[i] as number) + bump);
    const pushed = network.maxFlow(SOURCE, SINK);
    decided[i] = (decided[i] as number) + pushed;
    network.setCapacity(sourceEdge[i] as number, decided[i] as number);
    if (pushed > FLOW_EPSILON) extra--;
  }
  let total = decidedBefore;
  for (const i of tier) total += decided[i] as number;
  return total;
}
