import { AllocationSettings } from '../../domain';
import type { AllocatedLine, AllocationPart, AllocationPlan } from '../../domain';
import { RunTicker, type RunControl } from '../run-control';
import type { ScenarioPlan } from '../scenario/scenario-plan';
import { FLOW_EPSILON } from './flow-network';
import { improvePlacement } from './improve-placement';
import { placeTargets } from './placement';
import { pairPenalty, pairTransit, pairTransport, prepareAllocation, type AllocationProblem } from './problem';
import { shareScarceStock } from './sharing-rule';

/** Cycle cancellations per SKU after the greedy placement: enough to close most of the gap to the optimum. */
const IMPROVEMENT_ROUNDS = 12;

export interface AllocationSolution {
  /** Units per pair. */
  readonly x: Float64Array;
  /** Units each line gets (the sharing rule's answer when stock is short, else its full quantity). */
  readonly served: Float64Array;
  readonly rationedSkus: number;
}

/**
 * The fast method, SKU by SKU: first try to serve every line in full (greedy placement plus
 * augmenting paths); only when that is impossible does the sharing rule decide how much each line
 * gets, and placement then decides where from. A bounded round of cycle cancelling then moves units
 * to cheaper lots where that helps.
 */
export function solveAllocation(problem: AllocationProblem, control?: RunControl): AllocationSolution {
  const x = new Float64Array(problem.pairLine.length);
  const served = new Float64Array(problem.lineIds.length);
  let largestSku = 0;
  for (let sku = 0; sku < problem.skuCount; sku++) {
    largestSku = Math.max(largestSku, (problem.skuPairStart[sku + 1] as number) - (problem.skuPairStart[sku] as number));
  }
  const order = new Int32Array(largestSku);
  const ticker = new RunTicker(control, 'Allocating demand', problem.skuCount, 256);
  let rationedSkus = 0;
  for (let sku = 0; sku < problem.skuCount; sku++) {
    ticker.tick(sku);
    const lineStart = problem.skuLineStart[sku] as number;
    const lineEnd = problem.skuLineStart[sku + 1] as number;
    if (lineEnd === lineStart) continue;
    let targets: Float64Array = problem.lineQty.slice(lineStart, lineEnd);
    if (placeTargets(problem, sku, targets, x, order) > 0) {
      rationedSkus++;
      targets = shareScarceStock(problem, sku);
      placeTargets(problem, sku, targets, x, order);
    }
    improvePlacement(problem, sku, x, IMPROVEMENT_ROUNDS);
    served.set(targets, lineStart);
  }
  ticker.finish();
  return { x, served, rationedSkus };
}

/** Σ units × (margin − transport − late penalty) over every pair: what allocation maximises. */
export function allocationObjective(problem: AllocationProblem, x: Float64Array): number {
  let total = 0;
  for (let p = 0; p < x.length; p++) total += (x[p] as number) * (problem.pairValue[p] as number);
  return total;
}

/**
 * Assigns open demand lines to nodes to maximise margin − transport cost − late-delivery penalty
 * within the stock each node will have, along existing lanes, with scarce stock shared by rule.
 */
export function allocateDemand(plan: ScenarioPlan, settings: Partial<AllocationSettings> = {}, control?: RunControl): AllocationPlan {
  const resolved = AllocationSettings.parse(settings);
  const problem = prepareAllocation(plan, resolved, control);
  const solution = solveAllocation(problem, control);
  return allocationPlanOf(plan, problem, solution);
}

export function allocationPlanOf(plan: ScenarioPlan, problem: AllocationProblem, solution: AllocationSolution): AllocationPlan {
  const { model } = plan;
  const date = (day: number): string => model.calendar.dateOf(day);
  const partsOfLine: number[][] = Array.from({ length: problem.lineIds.length }, () => []);
  for (let p = 0; p < solution.x.length; p++) if ((solution.x[p] as number) > FLOW_EPSILON) partsOfLine[problem.pairLine[p] as number]?.push(p);

  const lines: AllocatedLine[] = [];
  const totals = { lines: 0, unitsDemanded: 0, unitsServed: 0, unitsUnserved: 0, linesMoved: 0, margin: 0, transportCost: 0, latePenalty: 0, objective: 0, rationedSkus: solution.rationedSkus };
  for (let line = 0; line < problem.lineIds.length; line++) {
    const current = problem.lineNode[line] as number;
    const margin = problem.lineMargin[line] as number;
    const parts: AllocationPart[] = [];
    let served = 0;
    let transportCost = 0;
    let latePenalty = 0;
    let moved = false;
    const pairs = (partsOfLine[line] ?? []).sort((a, b) => {
      const byNode = (problem.lotNode[problem.pairLot[a] as number] as number) - (problem.lotNode[problem.pairLot[b] as number] as number);
      return byNode !== 0 ? byNode : (problem.pairShip[a] as number) - (problem.pairShip[b] as number);
    });
    for (const p of pairs) {
      const qty = solution.x[p] as number;
      const node = problem.lotNode[problem.pairLot[p] as number] as number;
      const ship = problem.pairShip[p] as number;
      const transit = pairTransit(problem, p);
      const unitTransport = pairTransport(problem, p);
      const unitPenalty = pairPenalty(problem, p);
      served += qty;
      transportCost += qty * unitTransport;
      latePenalty += qty * unitPenalty;
      if (node !== current) moved = true;
      parts.push({
        nodeId: model.nodeIds[node] as string,
        qty,
        shipDate: date(ship),
        arrivalDate: date(ship + transit),
        transitDays: transit,
        lateDays: problem.pairLate[p] as number,
        unitTransportCost: unitTransport,
        unitLatePenalty: unitPenalty,
      });
    }
    const qty = problem.lineQty[line] as number;
    const marginTotal = served * margin;
    const unserved = Math.max(0, qty - served);
    lines.push({
      demandLineId: problem.lineIds[line] as string,
      skuId: model.skuIds[problem.lineSku[line] as number] as string,
      customer: problem.lineCustomer[line] as string,
      priority: problem.linePriority[line] as number,
      dueDate: problem.lineDueDate[line] as string,
      currentNodeId: model.nodeIds[current] as string,
      qty,
      servedQty: served,
      unservedQty: unserved <= FLOW_EPSILON ? 0 : unserved,
      parts,
      margin: marginTotal,
      transportCost,
      latePenalty,
      value: marginTotal - transportCost - latePenalty,
      moved,
    });
    totals.lines++;
    totals.unitsDemanded += qty;
    totals.unitsServed += served;
    totals.unitsUnserved += unserved <= FLOW_EPSILON ? 0 : unserved;
    if (moved) totals.linesMoved++;
    totals.margin += marginTotal;
    totals.transportCost += transportCost;
    totals.latePenalty += latePenalty;
  }
  totals.objective = totals.margin - totals.transportCost - totals.latePenalty;
  return { settings: problem.settings, lines, totals };
}
