import { pathToString, ScenarioEdit } from '../../domain';
import type { EditNote, EditRefusal, ScenarioEdit as ScenarioEditType } from '../../domain';
import { dailyFlowOf, type NetworkModel } from '../model/network-model';
import { projectNetwork } from '../projection/project-network';
import { copyRowFigures, type RowFigures } from '../projection/row-figures';
import { RunTicker, type RunControl } from '../run-control';
import { applyValidEdit } from './apply-edit';
import { forEachDemand, forEachSupply, rebuildRow, type FlowVisitor } from './rebuild-row';
import {
  emptyScenarioState,
  laneTermsOf,
  shippableDay,
  transferShipDay,
  type LaneTerms,
  type ScenarioDemand,
  type ScenarioPurchase,
  type ScenarioState,
  type ScenarioTransfer,
} from './state';
import { validateEdit } from './validate-edit';

export type ApplyOutcome =
  | { ok: true; touchedRows: number[]; notes: EditNote[] }
  | { ok: false; refusal: EditRefusal };

const baselines = new WeakMap<NetworkModel, RowFigures>();
const quietRows = new Map<number, Float64Array>();

/** The daily flows of a row without any: shared zeros, read-only by contract. */
function quietRow(horizon: number): Float64Array {
  let zeros = quietRows.get(horizon);
  if (!zeros) {
    zeros = new Float64Array(horizon);
    quietRows.set(horizon, zeros);
  }
  return zeros;
}

/** The snapshot's own figures, computed once per model and shared by every scenario on it. */
export function baselineFigures(model: NetworkModel, control?: RunControl): RowFigures {
  let figures = baselines.get(model);
  if (!figures) {
    figures = projectNetwork(model, control);
    baselines.set(model, figures);
  }
  return figures;
}

/** "edit 2 (add-transfer t-7) shipDate: 2026-09-01 is outside the planning horizon …" */
export function describeRefusal(refusal: EditRefusal): string {
  const which = refusal.editIndex === null ? 'edit' : `edit ${refusal.editIndex}`;
  const id = refusal.editId === null ? '' : ` (${refusal.editId})`;
  return `${which}${id} refused: ${refusal.path}: ${refusal.message}`;
}

/**
 * A plan of the network: the base snapshot plus ordered edits (none for the baseline). Applying an
 * edit recomputes only the rows it touches; a refused edit leaves the plan exactly as it was.
 */
export class ScenarioPlan {
  private readonly state: ScenarioState = emptyScenarioState();
  private ownFigures: RowFigures | null = null;
  private readonly netOverrides = new Map<number, Float64Array>();
  private spread: Float64Array | null = null;

  constructor(
    readonly model: NetworkModel,
    private readonly baseFigures: RowFigures = baselineFigures(model),
  ) {}

  get figures(): RowFigures {
    return this.ownFigures ?? this.baseFigures;
  }

  get edits(): readonly ScenarioEditType[] {
    return this.state.edits;
  }

  /**
   * The row's daily net flow (supply − demand) under this plan. Read it before asking this plan for
   * another row's (a row without edits is spread from the model's sparse days into one buffer per
   * plan), and do not write to it.
   */
  netFlowOf(row: number): Float64Array {
    const override = this.netOverrides.get(row);
    if (override) return override;
    const horizon = this.model.horizonDays;
    const slot = this.model.flowSlot[row] as number;
    if (slot < 0) return quietRow(horizon);
    this.spread ??= new Float64Array(horizon);
    return dailyFlowOf(this.model, slot, this.spread);
  }

  /** Whether the row has no flow in the horizon under this plan: its balance is its on hand every day. */
  isQuiet(row: number): boolean {
    return (this.model.flowSlot[row] as number) < 0 && !this.netOverrides.has(row);
  }

  /** Rows whose flows this plan has recomputed (a superset of the rows that differ from the snapshot). */
  recomputedRows(): number[] {
    return [...this.netOverrides.keys()].sort((a, b) => a - b);
  }

  apply(input: unknown): ApplyOutcome {
    const editIndex = this.state.edits.length;
    const rawId = typeof input === 'object' && input !== null && 'id' in input && typeof input.id === 'string' ? input.id : null;
    const parsed = ScenarioEdit.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        refusal: { editIndex, editId: rawId, path: issue ? pathToString(issue.path) : '(root)', message: issue?.message ?? 'not a scenario edit' },
      };
    }
    const edit = parsed.data;
    const problem = validateEdit(this.model, this.state, edit);
    if (problem) return { ok: false, refusal: { editIndex, editId: edit.id, path: problem.path, message: problem.message } };

    const applied = applyValidEdit(this.model, this.state, edit);
    if (!this.ownFigures) this.ownFigures = copyRowFigures(this.baseFigures);
    const rows = [...applied.touchedRows].sort((a, b) => a - b);
    for (const row of rows) {
      let net = this.netOverrides.get(row);
      if (!net) {
        net = new Float64Array(this.model.horizonDays);
        this.netOverrides.set(row, net);
      }
      rebuildRow(this.model, this.state, row, net, this.ownFigures);
    }
    return { ok: true, touchedRows: rows, notes: applied.notes.map((message) => ({ editId: edit.id, message })) };
  }

  // ── What replenishment, allocation and KPIs read ──────────────────────────

  laneTerms(lane: number): LaneTerms {
    return laneTermsOf(this.model, this.state, lane);
  }

  /** Every lane's transit days and cost per unit under this plan, for a run that reads them per candidate. */
  laneTermsTable(): { transitDays: Int32Array; costPerUnit: Float64Array } {
    const count = this.model.lanes.from.length;
    const transitDays = new Int32Array(count);
    const costPerUnit = new Float64Array(count);
    for (let lane = 0; lane < count; lane++) {
      const terms = this.laneTerms(lane);
      transitDays[lane] = terms.transitDays;
      costPerUnit[lane] = terms.costPerUnit;
    }
    return { transitDays, costPerUnit };
  }

  /** First day at or after `day` the node can ship (outages hold shipments). */
  shippableDay(node: number, day: number): number {
    return shippableDay(this.state, node, day);
  }

  forEachSupply(row: number, visit: FlowVisitor): void {
    forEachSupply(this.model, this.state, row, visit);
  }

  forEachDemand(row: number, visit: FlowVisitor): void {
    forEachDemand(this.model, this.state, row, visit);
  }

  /** Snapshot demand lines still open in this plan, with their scaled quantity. */
  forEachSnapshotDemandLine(visit: (line: number, qty: number) => void): void {
    const { demandRow, demandQty } = this.model;
    for (let line = 0; line < demandRow.length; line++) {
      if ((demandRow[line] as number) < 0 || this.state.demandRemoved.has(line)) continue;
      const factor = this.state.demandFactor.get(line);
      visit(line, factor === undefined ? (demandQty[line] as number) : (demandQty[line] as number) * factor);
    }
  }

  get scenarioTransfers(): readonly ScenarioTransfer[] {
    return [...this.state.transfers.values()].sort((a, b) => a.seq - b.seq);
  }

  get scenarioPurchases(): readonly ScenarioPurchase[] {
    return [...this.state.purchases.values()].sort((a, b) => a.seq - b.seq);
  }

  get scenarioDemand(): readonly ScenarioDemand[] {
    return [...this.state.demands.values()].sort((a, b) => a.seq - b.seq);
  }

  transferShipDay(transfer: ScenarioTransfer): number {
    return transferShipDay(this.state, transfer);
  }

  isSupplyCancelled(line: number): boolean {
    return this.state.supplyCancelled.has(line);
  }

  supplyDelay(line: number): number {
    return this.state.supplyDelay.get(line) ?? 0;
  }

  isDemandRemoved(line: number): boolean {
    return this.state.demandRemoved.has(line);
  }

  demandFactor(line: number): number | undefined {
    return this.state.demandFactor.get(line);
  }

  hasOutages(): boolean {
    return this.state.outages.size > 0;
  }
}

export type OpenScenarioOutcome = { ok: true; plan: ScenarioPlan; notes: EditNote[] } | { ok: false; refusal: EditRefusal };

/** Opens a plan on the model and applies the edits in order; the first refused edit stops it. */
export function openScenario(model: NetworkModel, edits: readonly unknown[] = [], control?: RunControl): OpenScenarioOutcome {
  const plan = new ScenarioPlan(model, baselineFigures(model, control));
  const notes: EditNote[] = [];
  const ticker = new RunTicker(control, 'Applying scenario edits', edits.length, 16);
  for (const [index, edit] of edits.entries()) {
    ticker.tick(index);
    const outcome = plan.apply(edit);
    if (!outcome.ok) return { ok: false, refusal: outcome.refusal };
    notes.push(...outcome.notes);
  }
  ticker.finish();
  return { ok: true, plan, notes };
}
