import type { AllocationProblem } from './problem';

/**
 * A linear program in the shape LP solvers take (HiGHS among them): maximise colCost·x subject to
 * rowLower ≤ A·x ≤ rowUpper and colLower ≤ x ≤ colUpper, A in compressed sparse columns.
 * +Infinity stands for "no bound"; a runner translates it to its solver's infinity.
 */
export interface LinearProgram {
  readonly sense: 'maximize';
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly matrix: { readonly starts: Int32Array; readonly indices: Int32Array; readonly values: Float64Array };
}

/**
 * The exact allocation model: one column per pair (units of a lot sent to a line), worth the pair's
 * margin − transport − late penalty per unit. Row i < lines: line i receives exactly `served[i]`,
 * the quantity the sharing rule gives it (priority first, then in proportion to need: a rule, so it
 * is a constraint here and not something the solver may trade for margin). Row lines + k: lot k
 * gives at most what it holds. Its optimum is the best placement any method can reach under the rule.
 */
export function buildAllocationLp(problem: AllocationProblem, served: Float64Array): LinearProgram {
  const lineCount = problem.lineIds.length;
  const lotCount = problem.lotQty.length;
  const pairCount = problem.pairLine.length;
  const starts = new Int32Array(pairCount + 1);
  const indices = new Int32Array(pairCount * 2);
  const values = new Float64Array(pairCount * 2).fill(1);
  for (let p = 0; p < pairCount; p++) {
    starts[p + 1] = 2 * (p + 1);
    indices[2 * p] = problem.pairLine[p] as number;
    indices[2 * p + 1] = lineCount + (problem.pairLot[p] as number);
  }
  const rowLower = new Float64Array(lineCount + lotCount);
  const rowUpper = new Float64Array(lineCount + lotCount);
  for (let line = 0; line < lineCount; line++) {
    rowLower[line] = served[line] as number;
    rowUpper[line] = served[line] as number;
  }
  for (let lot = 0; lot < lotCount; lot++) {
    rowLower[lineCount + lot] = 0;
    rowUpper[lineCount + lot] = problem.lotQty[lot] as number;
  }
  return {
    sense: 'maximize',
    numCols: pairCount,
    numRows: lineCount + lotCount,
    colCost: problem.pairValue.slice(),
    colLower: new Float64Array(pairCount),
    colUpper: new Float64Array(pairCount).fill(Number.POSITIVE_INFINITY),
    rowLower,
    rowUpper,
    matrix: { starts, indices, values },
  };
}
