export { openDatabase, migrate, CacheFromNewerVersionError } from './open-database';
export type { OpenedDatabase, StoreNotice } from './open-database';
export { NetworkCache } from './network-cache';
export { MIGRATIONS, LATEST_SCHEMA_VERSION } from './migrations';
export type { Migration } from './migrations';
export { OdooStaging, STAGING_TABLES } from './odoo-staging';
export type { StagedModel, StagedRecord, SyncCursor } from './odoo-staging';
export { ScenarioStore, StoredEditUnreadableError } from './scenario-store';
export type { StoredScenario } from './scenario-store';
