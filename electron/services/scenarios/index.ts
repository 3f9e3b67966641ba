import { PlanningRuns, type PlanningRunsDeps } from './planning-runs';
import { planningHandlers } from './planning-handlers';
import { ScenarioService } from './scenario-service';

export { ScenarioService } from './scenario-service';
export { PlanningRuns } from './planning-runs';
export type { PlanningChannel } from './planning-handlers';
export { withoutCostText } from './withhold-costs';

/** The front door: scenario, replenishment and allocation services, and their IPC handlers. */
export function createPlanningServices(deps: Omit<PlanningRunsDeps, 'scenarios'>) {
  const scenarios = new ScenarioService(deps);
  const runs = new PlanningRuns({ ...deps, scenarios });
  return { scenarios, runs, handlers: planningHandlers(scenarios, runs) };
}
