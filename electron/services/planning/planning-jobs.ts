import { allocateDemand, compareScenario, decideReplenishment, proposalToEdit, rowTimeline, scenarioProposals, type RunControl } from '../../../shared/engine';
import { PlanningRefusal } from './planning-refusal';
import { HeldAllocation } from './views/allocation-view';
import { planningCatalog, rowDetails, searchSkus } from './views/catalog-view';
import { changedRowsPage, kpiView } from './views/compare-view';
import { freshnessByNode } from './views/freshness';
import { HeldReplenishment } from './views/proposal-view';
import { staleDataByNode } from './views/stale-data';
import type { WorkerJobs } from './worker-jobs';
import { JobCancelledError, type JobContext, type WorkerState } from './worker-state';

type PlanningJobKind =
  | 'scenario-apply'
  | 'scenario-compare'
  | 'scenario-timeline'
  | 'scenario-forget'
  | 'planning-catalog'
  | 'sku-search'
  | 'row-details'
  | 'replenishment-run'
  | 'replenishment-page'
  | 'replenishment-edits'
  | 'replenishment-proposals'
  | 'scenario-proposals'
  | 'allocation-run'
  | 'allocation-page';

/**
 * Engine progress under a label the screen shows, and the job's cancel flag. An engine function that
 * works in several passes (allocation prepares, then allocates) restarts its count for each; the
 * screen sees one count that only grows, over `passes` equal parts.
 */
function control(context: JobContext, label: string, passes = 1): RunControl {
  const scale = 1000;
  let pass = 0;
  let last = { done: 0, total: -1 };
  return {
    onProgress: (done, total) => {
      if (last.total !== -1 && (total !== last.total || done < last.done)) pass = Math.min(passes - 1, pass + 1);
      last = { done, total };
      context.progress(label, pass * scale + (total > 0 ? Math.floor((done / total) * scale) : scale), passes * scale);
    },
    isCancelled: () => context.isCancelled(),
  };
}

/** A result is kept only once the job is known not to be cancelled, so a cancelled run leaves nothing behind. */
function keepUnlessCancelled(context: JobContext, keep: () => void): void {
  if (context.isCancelled()) throw new JobCancelledError();
  keep();
}

/** The worker side of scenarios, replenishment and allocation, on the workspace of the loaded network. */
export function planningJobs(state: WorkerState): Pick<WorkerJobs, PlanningJobKind> {
  const workspace = () => state.current.planning;
  const heldProposals = (resultId: string, proposalIds: readonly string[]) => {
    const held = workspace().replenishments.get(resultId);
    const found = proposalIds.map((id) => ({ id, proposal: held.find(id) }));
    const missing = found.filter((entry) => !entry.proposal).map((entry) => entry.id);
    if (missing.length > 0) throw new PlanningRefusal('not-found', `The replenishment run has no proposal ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` (and ${missing.length - 5} more)` : ''}.`);
    return found.flatMap(({ id, proposal }) => (proposal ? [{ id, proposal }] : []));
  };
  return {
    'scenario-apply': ({ scenario, add }, context) => {
      const ws = workspace();
      ws.checkBase(scenario);
      return ws.scenarios.apply(scenario, add, control(context, 'Applying edits', 2));
    },
    'scenario-compare': ({ scenario, sort, direction, offset, limit }, context) => {
      const ws = workspace();
      ws.checkBase(scenario);
      const { entry, plan, notes } = ws.scenarios.planFor(scenario, control(context, 'Opening the scenario'));
      context.progress('Comparing with the baseline', 0, 1);
      entry.comparison ??= compareScenario(ws.baseline, plan);
      context.progress('Comparing with the baseline', 1, 1);
      const { base, scenario: after, delta } = entry.comparison;
      return {
        scenarioId: scenario.id,
        position: scenario.edits.length,
        kpis: { base: kpiView(base), scenario: kpiView(after), delta: kpiView(delta) },
        ...changedRowsPage(entry.comparison, ws.labels, { sort, direction, offset, limit }),
        notes: [...notes],
      };
    },
    'scenario-timeline': ({ scenario, nodeId, skuId }, context) => {
      const ws = workspace();
      const baseline = rowTimeline(ws.baseline, nodeId, skuId);
      if (!baseline) throw new PlanningRefusal('not-found', `${nodeId} × ${skuId} is not in the loaded network.`);
      let timeline = null;
      if (scenario) {
        ws.checkBase(scenario);
        timeline = rowTimeline(ws.scenarios.planFor(scenario, control(context, 'Opening the scenario')).plan, nodeId, skuId);
      }
      return { nodeId, nodeCode: ws.labels.nodeCodeOf(nodeId), skuId, ...ws.labels.sku(skuId), baseline, scenario: timeline };
    },
    'scenario-forget': ({ scenarioId }) => ({ forgotten: state.isLoaded ? workspace().scenarios.forget(scenarioId) : false }),
    'planning-catalog': () => planningCatalog(workspace().model),
    'sku-search': ({ text, limit }) => searchSkus(workspace().model, workspace().labels, text, limit),
    'row-details': ({ nodeId, skuId }) => rowDetails(workspace().model, nodeId, skuId),
    'replenishment-run': ({ resultId, target }, context) => {
      const ws = workspace();
      const plan = ws.planOf(target, control(context, 'Opening the scenario'));
      const proposed = decideReplenishment(plan, control(context, 'Proposing replenishment'));
      keepUnlessCancelled(context, () => ws.replenishments.keep(resultId, new HeldReplenishment(proposed, ws.labels)));
      return { snapshot: ws.snapshotRef, totals: { ...proposed.totals, unmet: proposed.unmet.length } };
    },
    'replenishment-page': ({ resultId, filter, offset, limit, thresholds, now }) => {
      const ws = workspace();
      const held = ws.replenishments.get(resultId);
      const stale = staleDataByNode(freshnessByNode(state.current.snapshot, thresholds, new Date(now)), ws.labels);
      return held.page(filter, offset, limit, stale);
    },
    'replenishment-edits': ({ resultId, proposalIds }) => {
      // The edit is named after the proposal and the run, so the same proposal cannot be added to a scenario twice.
      return { edits: heldProposals(resultId, proposalIds).map(({ id, proposal }) => proposalToEdit(proposal, `${id}@${resultId}`.slice(0, 64))) };
    },
    'replenishment-proposals': ({ resultId, proposalIds }) => ({ proposals: heldProposals(resultId, proposalIds).map(({ proposal }) => proposal) }),
    'scenario-proposals': ({ scenario }, context) => {
      const ws = workspace();
      const plan = ws.planOf({ kind: 'scenario', scenario }, control(context, 'Opening the scenario'));
      return { proposals: scenarioProposals(plan, ws.baseline) };
    },
    'allocation-run': ({ resultId, target, settings }, context) => {
      const ws = workspace();
      const plan = ws.planOf(target, control(context, 'Opening the scenario'));
      const allocated = allocateDemand(plan, settings, control(context, 'Allocating demand', 2));
      keepUnlessCancelled(context, () => ws.allocations.keep(resultId, new HeldAllocation(allocated, ws.labels)));
      return { snapshot: ws.snapshotRef, settings: allocated.settings, totals: allocated.totals };
    },
    'allocation-page': ({ resultId, filter, offset, limit }) => workspace().allocations.get(resultId).page(filter, offset, limit),
  };
}
