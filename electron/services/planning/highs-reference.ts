import loadHighs, { type Highs } from 'highs';
import type { LinearProgram } from '../../../shared/engine';

/**
 * The exact reference for allocation: solves the engine's LP with HiGHS (WebAssembly). It runs in
 * Node (worker thread, CLI or benchmark), never in the renderer; the fast method in shared/engine
 * is what screens use, and this is what it is measured against.
 */
export interface ReferenceSolution {
  status: string;
  objective: number;
  columnValues: Float64Array;
  /** Wall time of building the model in HiGHS and solving it. */
  seconds: number;
}

let runtime: Promise<Highs> | null = null;

function highs(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

export async function solveLinearProgram(lp: LinearProgram, options: { timeLimitSeconds?: number } = {}): Promise<ReferenceSolution> {
  const solver = await highs();
  const finite = (values: Float64Array): Float64Array => values.map((value) => (value === Number.POSITIVE_INFINITY ? solver.infinity : value === Number.NEGATIVE_INFINITY ? -solver.infinity : value));
  const started = performance.now();
  const model = solver.createModel({
    numCols: lp.numCols,
    numRows: lp.numRows,
    sense: solver.constants.objectiveSense.maximize,
    colCost: lp.colCost,
    colLower: finite(lp.colLower),
    colUpper: finite(lp.colUpper),
    rowLower: finite(lp.rowLower),
    rowUpper: finite(lp.rowUpper),
    matrix: { format: 'csc', numRows: lp.numRows, numCols: lp.numCols, starts: lp.matrix.starts, indices: lp.matrix.indices, values: lp.matrix.values },
  });
  try {
    model.options.set({ output_flag: false, ...(options.timeLimitSeconds === undefined ? {} : { time_limit: options.timeLimitSeconds }) });
    model.run();
    const statusCode = model.getModelStatus();
    const status = Object.entries(solver.constants.modelStatus).find(([, code]) => code === statusCode)?.[0] ?? String(statusCode);
    return {
      status,
      objective: model.getObjectiveValue(),
      columnValues: Float64Array.from(model.getSolution().colValue),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    model.dispose();
  }
}
