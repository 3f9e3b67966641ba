/**
 * Engine benchmark (issue 4, "Numbers"): `npm run bench:engine`. Every figure and ratio is measured
 * in this run, printed, and written to bench-results/engine.json as {value, goal, unit, better}.
 * Times are medians of several runs after a warm-up (p95 for single edits): the machine is shared.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { solveLinearProgram } from '../../electron/services/planning/highs-reference';
import { syncChangesOf } from '../../electron/services/sync/sync-changes-of';
import { generateDemoNetwork, SeededRandom } from '../../shared/demo';
import { addDays, AllocationSettings } from '../../shared/domain';
import type { NetworkSnapshot } from '../../shared/domain';
import {
  allocateDemand,
  allocationObjective,
  buildAllocationLp,
  buildNetworkModel,
  decideReplenishment,
  emptyRowFigures,
  prepareAllocation,
  projectBalances,
  projectStock,
  ScenarioPlan,
  solveAllocation,
} from '../../shared/engine';

interface Figure {
  value: number;
  goal: number;
  unit: string;
  better: 'lower' | 'higher';
}

const DAY_ZERO = '2026-03-02';
const figures: Record<string, Figure> = {};

function demo(nodes: number, skus: number): NetworkSnapshot {
  return generateDemoNetwork({ seed: 42, nodes, skus, dayZero: DAY_ZERO, takenAt: `${DAY_ZERO}T06:00:00.000Z` }).snapshot;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function timeOnce<T>(work: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = work();
  return { ms: performance.now() - started, value };
}

function addMinutes(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}

function timeMedian(runs: number, work: () => unknown): number {
  work();
  return median(Array.from({ length: runs }, () => timeOnce(work).ms));
}

function record(name: string, figure: Figure, note = ''): void {
  figures[name] = figure;
  const ok = figure.better === 'lower' ? figure.value <= figure.goal : figure.value >= figure.goal;
  const shown = Number.isInteger(figure.value) ? String(figure.value) : figure.value.toPrecision(4);
  console.log(`${ok ? 'ok  ' : 'MISS'} ${name.padEnd(44)} ${shown.padStart(10)} ${figure.unit.padEnd(6)} goal ${figure.better === 'lower' ? '≤' : '≥'} ${figure.goal}${note ? `   ${note}` : ''}`);
}

function machine(): string {
  return `${cpus().length} cores, load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')}`;
}

async function main(): Promise<void> {
  console.log(`Engine benchmark on ${machine()} (Node ${process.version})`);
  console.log('Generating the 25 × 20,000 demo network …');
  const big = demo(25, 20_000);
  console.log(`  ${big.positions.length} node × SKU positions, ${big.demand.length} demand lines, ${big.supply.length} supply lines, horizon ${big.meta.horizonDays} days`);

  // ── Full projection ───────────────────────────────────────────────────────
  const fullProjection = timeMedian(3, () => projectStock(big));
  record('fullProjection', { value: fullProjection / 1000, goal: 1.5, unit: 's', better: 'lower' }, 'snapshot → model → every node × SKU figure');

  const model = buildNetworkModel(big);
  const figuresOut = emptyRowFigures(model.rowCount);
  // Every array the projection pass reads, each summed once: the same data, with no planning in it.
  // One loop per element type, so each stays monomorphic (a shared loop over mixed typed arrays ran
  // at half speed in some runs and not others).
  const sumDoubles = (array: Float64Array): number => {
    let sum = 0;
    for (let i = 0; i < array.length; i++) sum += array[i] as number;
    return sum;
  };
  const sumInts = (array: Int32Array): number => {
    let sum = 0;
    for (let i = 0; i < array.length; i++) sum += array[i] as number;
    return sum;
  };
  const sumShorts = (array: Int16Array): number => {
    let sum = 0;
    for (let i = 0; i < array.length; i++) sum += array[i] as number;
    return sum;
  };
  const plainPass = (): number =>
    sumDoubles(model.onHand) + sumDoubles(model.ruleMin) + sumInts(model.slotRow) + sumInts(model.flowDayStart) + sumShorts(model.flowDays) + sumDoubles(model.flowDayNet);
  // Timed in pairs, next to each other and in alternating order, so a change in the machine's speed
  // during the run (it is shared) falls on both sides of a ratio rather than on one of them.
  const pass = (): void => projectBalances(model, figuresOut);
  plainPass();
  pass();
  const pairs = Array.from({ length: 31 }, (_, k) => {
    if (k % 2 === 0) {
      const plain = timeOnce(plainPass).ms;
      return { plain, pass: timeOnce(pass).ms };
    }
    const passed = timeOnce(pass).ms;
    return { plain: timeOnce(plainPass).ms, pass: passed };
  });
  const plainMs = median(pairs.map((pair) => pair.plain));
  const passMs = median(pairs.map((pair) => pair.pass));
  const pairRatios = pairs.map((pair) => pair.pass / pair.plain);
  console.log(`  model: ${model.rowCount} rows, ${model.flowSlotCount} with flows in the horizon (${model.flowSlotCount * model.horizonDays} daily cells, ${model.flowDays.length} of them not zero)`);
  record('projectionPass', { value: passMs, goal: 1500, unit: 'ms', better: 'lower' }, 'recompute every row from the model arrays (stepping through the days with flow)');
  record('plainPassSummingSameArrays', { value: plainMs, goal: 500, unit: 'ms', better: 'lower' }, 'for the ratio below: every array the pass reads (stock, rules, the rows with flow, the sparse flow days)');
  record(
    'projectionPassToPlainPassRatio',
    { value: median(pairRatios), goal: 3, unit: '×', better: 'lower' },
    `both read the same arrays; median of 31 side-by-side pairs (they ranged ${Math.min(...pairRatios).toFixed(2)}–${Math.max(...pairRatios).toFixed(2)}×; ratio of the medians ${(passMs / plainMs).toFixed(2)}×)`,
  );

  // ── One what-if edit ──────────────────────────────────────────────────────
  const plan = new ScenarioPlan(model);
  const random = new SeededRandom(4);
  const laneCount = model.lanes.from.length;
  const editTimes: number[] = [];
  for (let k = 0; k < 520; k++) {
    const lane = random.int(0, laneCount - 1);
    const edit = {
      id: `bench-${k}`,
      kind: 'add-transfer' as const,
      fromNodeId: model.nodeIds[model.lanes.from[lane] as number] as string,
      toNodeId: model.nodeIds[model.lanes.to[lane] as number] as string,
      skuId: model.skuIds[random.int(0, model.skuCount - 1)] as string,
      qty: random.int(1, 60),
      shipDate: addDays(DAY_ZERO, random.int(0, 80)),
    };
    const { ms, value } = timeOnce(() => plan.apply(edit));
    if (!value.ok) throw new Error(`benchmark edit refused: ${value.refusal.message}`);
    // The first edits pay for copying the baseline figures and warming up; they are not what-if latency.
    if (k >= 20) editTimes.push(ms);
  }
  const editP95 = percentile(editTimes, 95);
  record('whatIfEditP95', { value: editP95, goal: 5, unit: 'ms', better: 'lower' }, `add-transfer, ${editTimes.length} edits, median ${median(editTimes).toFixed(3)} ms`);
  // A full recompute of a what-if = the edited snapshot projected from scratch, i.e. the full projection
  // above; the goal is the ratio of the two given goals (5 ms against 1.5 s).
  record('whatIfEditP95ToFullRecomputeRatio', { value: editP95 / fullProjection, goal: 5 / 1500, unit: '×', better: 'lower' }, `edit p95 ÷ full projection (÷ projection pass alone: ${(editP95 / passMs).toFixed(4)})`);

  // ── Replenishment ─────────────────────────────────────────────────────────
  // Measured: the whole decision for every pair, as the planning worker makes it, into the columnar
  // run it holds; any proposal can be read from that run with its reason (a page, a submission).
  // Building every proposal object and reason as well (the CLI's result file) is timed once, for the note.
  const baseline = new ScenarioPlan(model);
  let run = decideReplenishment(baseline);
  const replenishMs = timeMedian(3, () => {
    run = decideReplenishment(baseline);
  });
  const allObjects = timeOnce(() => run.proposals());
  const firstPage = timeOnce(() => Array.from({ length: 100 }, (_, index) => run.proposalAt(index)));
  record(
    'replenishmentAllPairs',
    { value: replenishMs / 1000, goal: 1, unit: 's', better: 'lower' },
    `${model.rowCount} node × SKU pairs decided, ${run.count} proposals held in columns; reading 100 with reasons ${firstPage.ms.toFixed(1)} ms, all ${allObjects.value.length} ${(allObjects.ms / 1000).toFixed(2)} s more`,
  );

  // ── Allocation, 50,000 lines × 25 nodes ──────────────────────────────────
  const forAllocation = demo(25, 5_900);
  const allocationPlan = new ScenarioPlan(buildNetworkModel(forAllocation));
  let allocated = 0;
  const allocationMs = timeMedian(3, () => {
    allocated = allocateDemand(allocationPlan).totals.lines;
  });
  record('allocation50kLines', { value: allocationMs / 1000, goal: 2, unit: 's', better: 'lower' }, `${allocated} open demand lines × 25 nodes`);

  // ── Against HiGHS on an instance it can solve ────────────────────────────
  const small = demo(25, 700);
  const problem = prepareAllocation(new ScenarioPlan(buildNetworkModel(small)), AllocationSettings.parse({}));
  let solution = solveAllocation(problem);
  const oursMs = timeMedian(3, () => {
    solution = solveAllocation(problem);
  });
  const lpStarted = performance.now();
  const lp = buildAllocationLp(problem, solution.served);
  const reference = await solveLinearProgram(lp);
  const highsMs = performance.now() - lpStarted;
  if (reference.status !== 'optimal') throw new Error(`HiGHS did not reach an optimum: ${reference.status}`);
  const ours = allocationObjective(problem, solution.x);
  console.log(`  HiGHS instance: ${problem.lineIds.length} lines, ${lp.numCols} columns, ${lp.numRows} rows; ours ${ours.toFixed(2)}, HiGHS ${reference.objective.toFixed(2)}`);
  record('allocationObjectiveToHighsOptimum', { value: ours / reference.objective, goal: 0.995, unit: '×', better: 'higher' }, `${problem.lineIds.length} lines`);
  record('allocationTimeToHighsTime', { value: oursMs / highsMs, goal: 1, unit: '×', better: 'lower' }, `ours ${oursMs.toFixed(1)} ms, HiGHS ${highsMs.toFixed(1)} ms (LP build + solve)`);

  // ── What a sync changed (printed for the record; no issue sets a goal) ────
  // The 25 × 20,000 network against itself with 1 % of supply ETAs moved and 1 % of demand closed:
  // compared whole (a rebuild after master data changed) and as a patch hands it over (changed rows only).
  const moved = { ...big, meta: { ...big.meta, takenAt: addMinutes(big.meta.takenAt, 30) }, supply: big.supply.map((line, i) => (i % 100 === 0 ? { ...line, eta: addDays(line.eta, 5) } : line)), demand: big.demand.filter((_, i) => i % 100 !== 0) };
  const before = { snapshot: big, projection: projectStock(big) };
  const after = { snapshot: moved, projection: projectStock(moved) };
  const touched = (snapshot: NetworkSnapshot, demand: NetworkSnapshot['demand']): NetworkSnapshot => ({ ...snapshot, positions: [], supply: snapshot.supply.filter((_, i) => i % 100 === 0), demand });
  let listed = 0;
  const wholeMs = timeMedian(3, () => (listed = syncChangesOf(before, after, { previous: big, next: moved }).events.length));
  const patchMs = timeMedian(3, () => syncChangesOf(before, after, { previous: touched(big, big.demand.filter((_, i) => i % 100 === 0)), next: touched(moved, []) }));
  console.log(`  what a sync changed (1 % of supply and demand): whole network compared ${wholeMs.toFixed(0)} ms, changed rows only ${patchMs.toFixed(0)} ms; ${listed} changes listed`);

  console.log(`Finished on ${machine()}`);
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/engine.json', `${JSON.stringify(figures, null, 2)}\n`);
  console.log('wrote bench-results/engine.json');
}

await main();
