import type { RequestChannel } from '../../../shared/ipc';
import type { RequestHandlers } from '../../ipc/dispatch';
import type { PlanningRuns } from './planning-runs';
import type { ScenarioService } from './scenario-service';

export type PlanningChannel = Extract<RequestChannel, `scenario.${string}` | `replenishment.${string}` | `allocation.${string}` | `planning.${string}`>;

/** The IPC handlers of scenarios, replenishment and allocation; requests arrive already checked by their schemas. */
export function planningHandlers(scenarios: ScenarioService, runs: PlanningRuns): Pick<RequestHandlers, PlanningChannel> {
  return {
    'scenario.list': () => scenarios.list(),
    'scenario.create': ({ name }) => scenarios.create(name),
    'scenario.describe': ({ scenarioId }) => scenarios.describe(scenarioId),
    'scenario.rename': ({ scenarioId, name }) => scenarios.rename(scenarioId, name),
    'scenario.delete': ({ scenarioId }) => scenarios.delete(scenarioId),
    'scenario.applyEdits': ({ scenarioId, edits, runId }) => scenarios.applyEdits(scenarioId, edits, runId),
    'scenario.undo': ({ scenarioId }) => scenarios.undo(scenarioId),
    'scenario.redo': ({ scenarioId, runId }) => scenarios.redo(scenarioId, runId),
    'scenario.rebase': ({ scenarioId, runId }) => scenarios.rebase(scenarioId, runId),
    'scenario.compare': (query) => scenarios.compare(query),
    'scenario.timeline': (request) => scenarios.timeline(request),
    'planning.catalog': () => runs.catalog(),
    'planning.skus': (search) => runs.skus(search),
    'planning.rowDetails': (request) => runs.rowDetails(request),
    'planning.cancel': async ({ jobId }) => runs.cancel(jobId),
    'replenishment.run': ({ target, runId }) => runs.replenish(target, runId),
    'replenishment.page': (request) => runs.replenishmentPage(request),
    'replenishment.addToScenario': (request) => runs.addToScenario(request),
    'allocation.run': ({ target, settings, runId }) => runs.allocate(target, settings, runId),
    'allocation.page': (request) => runs.allocationPage(request),
  };
}
