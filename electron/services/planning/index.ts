export { PlanningHost, PlanningJobError } from './planning-host';
export type { WorkerEntry, JobProgress } from './planning-host';
export type { JobKind, JobInput, JobResult, LoadedNetwork, DemoNetworkRequest } from './jobs';
export type { RefusalCode } from './planning-refusal';
export { sameSnapshot } from './snapshot-ref';
