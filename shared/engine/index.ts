/** The planning engine: pure, deterministic, cancellable. Callers import from here, not the folders. */
export * from './projection';
export * from './model';
export * from './scenario';
export { PlanningCancelled } from './run-control';
export type { RunControl } from './run-control';
export * from './replenishment';
export { shareInProportion } from './fair-share';
export type { ShareRequest } from './fair-share';
export * from './allocation';
