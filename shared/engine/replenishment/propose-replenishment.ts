import type { ReplenishmentPlan } from '../../domain';
import type { RunControl } from '../run-control';
import type { ScenarioPlan } from '../scenario/scenario-plan';
import { decideReplenishment } from './decide-replenishment';

/**
 * Replenishment with every proposal built as an object with its reason, for result files and
 * callers that want the lot. A screen pages through `decideReplenishment`'s run instead.
 */
export function proposeReplenishment(plan: ScenarioPlan, control?: RunControl): ReplenishmentPlan {
  return decideReplenishment(plan, control).toPlan();
}
