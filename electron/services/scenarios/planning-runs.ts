import { AllocationSettings, type FreshnessThresholds, type Proposal } from '../../../shared/domain';
import type {
  AllocationFilter,
  AllocationPage,
  AllocationRun,
  EditOutcome,
  PlanningCatalog,
  PlanTarget,
  ProposalView,
  ReplenishmentFilter,
  ReplenishmentPage,
  ReplenishmentRun,
  RowDetails,
  SkuChoices,
  SubmittedOrder,
  TargetView,
} from '../../../shared/ipc';
import { openOrderSummary, orderKey, placeKey, type OpenLine } from '../../../shared/approvals';
import type { JobInput } from '../planning';
import { planningCall } from './job-errors';
import { newId, type PlanningServiceDeps, type ScenarioService } from './scenario-service';
import {
  allocationLineWithoutCosts,
  allocationRunWithoutCosts,
  catalogWithoutCosts,
  proposalWithoutCosts,
  replenishmentRunWithoutCosts,
  rowDetailsWithoutCosts,
} from './withhold-costs';

type WorkerTarget = JobInput<'replenishment-run'>['target'];

export interface PlanningRunsDeps extends PlanningServiceDeps {
  scenarios: ScenarioService;
  /** The region's freshness thresholds and the time now, for stale-data warnings. */
  asOf(): { thresholds: FreshnessThresholds; now: string };
  /** Orders in a batch, still open and not yet in the network, by `orderKey` (none when approvals are not wired). */
  submittedOrders?(): ReadonlyMap<string, SubmittedOrder>;
  /** The same open orders by the node × SKU they stock (`placeKey`), oldest batch first. */
  openOrdersByPlace?(): ReadonlyMap<string, readonly OpenLine[]>;
}

/** The batch line a proposal's order already waits in, if any. */
function submittedIn(row: ProposalView, submitted: ReadonlyMap<string, SubmittedOrder>): SubmittedOrder | null {
  const source = row.kind === 'transfer' ? row.fromNodeId : row.supplierOptionId;
  if (source === null) return null;
  const found = submitted.get(orderKey({ kind: row.kind, nodeId: row.nodeId, skuId: row.skuId, source, qty: row.qty, leaves: row.startDate }));
  return found ? { batchId: found.batchId, line: found.line, state: found.state } : null;
}

/** How many open orders stock a row's node × SKU, and the latest submitted (for a row not itself submitted). */
function similarTo(row: ProposalView, byPlace: ReadonlyMap<string, readonly OpenLine[]>, nodeCode: (nodeId: string) => string): ProposalView['alsoOrdered'] {
  const others = byPlace.get(placeKey(row));
  const latest = others?.[others.length - 1];
  if (!others || !latest) return null;
  return { count: others.length, latest: openOrderSummary(latest, nodeCode) };
}

/** A row with the open order it repeats, or else the other open orders for its node × SKU. */
function markOrdered(row: ProposalView, submitted: ReadonlyMap<string, SubmittedOrder>, byPlace: ReadonlyMap<string, readonly OpenLine[]> | undefined, nodeCode: (nodeId: string) => string): ProposalView {
  const exact = submittedIn(row, submitted);
  if (exact || !byPlace) return { ...row, submitted: exact };
  return { ...row, submitted: null, alsoOrdered: similarTo(row, byPlace, nodeCode) };
}

/**
 * Replenishment and allocation runs over the whole network (baseline or a scenario), the lists the
 * edit forms pick from, and cancelling a run by the id the screen gave it. Results stay in the
 * worker; the screens page through them.
 */
export class PlanningRuns {
  constructor(private readonly deps: PlanningRunsDeps) {}

  async replenish(target: PlanTarget, runId: string | undefined): Promise<ReplenishmentRun> {
    const resolved = await this.resolve(target);
    const resultId = newId('rp');
    const ran = await planningCall(() => this.deps.planning.run('replenishment-run', { resultId, target: resolved.worker }, { jobId: runId }));
    const run: ReplenishmentRun = { resultId, target: resolved.view, snapshot: ran.snapshot, computedAt: this.deps.now().toISOString(), totals: ran.totals };
    return this.deps.seesCosts() ? run : replenishmentRunWithoutCosts(run);
  }

  async replenishmentPage(request: { resultId: string; filter: ReplenishmentFilter; offset: number; limit: number }): Promise<ReplenishmentPage> {
    const network = await this.deps.network();
    const held = await planningCall(() => this.deps.planning.run('replenishment-page', { ...this.deps.asOf(), ...request }));
    const submitted = this.deps.submittedOrders?.();
    const byPlace = this.deps.openOrdersByPlace?.();
    const codes = new Map(network.nodes.map((node) => [node.id, node.code]));
    const nodeCode = (nodeId: string): string => codes.get(nodeId) ?? nodeId;
    const page = submitted && submitted.size > 0 ? { ...held, rows: held.rows.map((row) => markOrdered(row, submitted, byPlace, nodeCode)) } : held;
    return this.deps.seesCosts() ? page : { ...page, rows: page.rows.map(proposalWithoutCosts) };
  }

  /** The chosen proposals become edits of the scenario: all of them or, when one is refused, none. */
  async addToScenario(request: { resultId: string; proposalIds: string[]; scenarioId: string; runId?: string }): Promise<EditOutcome> {
    await this.deps.scenarios.workable(request.scenarioId);
    const { edits } = await planningCall(() => this.deps.planning.run('replenishment-edits', { resultId: request.resultId, proposalIds: request.proposalIds }));
    return this.deps.scenarios.applyEdits(request.scenarioId, edits, request.runId);
  }

  /** The chosen proposals of a held run, whole: what goes for approval is priced by the network, not by what a screen was shown. */
  async proposalsOfRun(resultId: string, proposalIds: string[]): Promise<Proposal[]> {
    await this.deps.network();
    const { proposals } = await planningCall(() => this.deps.planning.run('replenishment-proposals', { resultId, proposalIds }));
    return proposals;
  }

  /** The transfers and purchases a scenario adds, as it plans them (refused for a scenario made on an older snapshot). */
  async proposalsOfScenario(scenarioId: string): Promise<Proposal[]> {
    const { input } = await this.deps.scenarios.workable(scenarioId);
    const { proposals } = await planningCall(() => this.deps.planning.run('scenario-proposals', { scenario: input }));
    return proposals;
  }

  async allocate(target: PlanTarget, settings: AllocationSettings | undefined, runId: string | undefined): Promise<AllocationRun> {
    const resolved = await this.resolve(target);
    const resultId = newId('al');
    const ran = await planningCall(() =>
      this.deps.planning.run('allocation-run', { resultId, target: resolved.worker, settings: settings ?? AllocationSettings.parse({}) }, { jobId: runId }),
    );
    const run: AllocationRun = { resultId, target: resolved.view, snapshot: ran.snapshot, computedAt: this.deps.now().toISOString(), settings: ran.settings, totals: ran.totals };
    return this.deps.seesCosts() ? run : allocationRunWithoutCosts(run);
  }

  async allocationPage(request: { resultId: string; filter: AllocationFilter; offset: number; limit: number }): Promise<AllocationPage> {
    await this.deps.network();
    const page = await planningCall(() => this.deps.planning.run('allocation-page', request));
    return this.deps.seesCosts() ? page : { ...page, rows: page.rows.map(allocationLineWithoutCosts) };
  }

  async catalog(): Promise<PlanningCatalog> {
    await this.deps.network();
    const catalog = await planningCall(() => this.deps.planning.run('planning-catalog', {}));
    return this.deps.seesCosts() ? catalog : catalogWithoutCosts(catalog);
  }

  async skus(search: { text: string; limit: number }): Promise<SkuChoices> {
    await this.deps.network();
    return planningCall(() => this.deps.planning.run('sku-search', search));
  }

  async rowDetails(request: { nodeId: string; skuId: string }): Promise<RowDetails> {
    await this.deps.network();
    const details = await planningCall(() => this.deps.planning.run('row-details', request));
    return this.deps.seesCosts() ? details : rowDetailsWithoutCosts(details);
  }

  cancel(jobId: string): { cancelled: boolean } {
    return { cancelled: this.deps.planning.cancel(jobId) };
  }

  private async resolve(target: PlanTarget): Promise<{ worker: WorkerTarget; view: TargetView }> {
    await this.deps.network();
    if (target.kind === 'baseline') return { worker: { kind: 'baseline' }, view: { kind: 'baseline', scenarioId: null, name: 'Baseline', edits: 0 } };
    const { stored, input } = await this.deps.scenarios.workable(target.scenarioId);
    return { worker: { kind: 'scenario', scenario: input }, view: { kind: 'scenario', scenarioId: stored.id, name: stored.name, edits: stored.position } };
  }
}
