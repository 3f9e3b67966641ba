export { startOdooSim } from './sim';
export type { OdooSimControl, OdooSimOptions, RunningOdooSim } from './sim';
export type { DemoUser } from './seed/bootstrap';
export type { FaultKind, FaultMatch, FaultPlan } from './server/faults';
export { CONTROL_PATH } from './server/http-server';
