export { OdooSync, SyncAlreadyRunningError } from './odoo-sync';
export type { SyncProgress, SyncReport, OdooSyncDeps } from './odoo-sync';
export { SyncCancelledError, SyncPageError } from './pull-model';
export type { RecordFailure } from './pull-model';
export type { ReconciliationReport, ReconciliationDifference } from './reconcile';
export { assembleSnapshot, odooDateToLocal } from './assemble-snapshot';
export { SyncController } from './sync-controller';
export type { SyncControllerDeps } from './sync-controller';
