export { openDatabase, migrate, CacheFromNewerVersionError } from './open-database';
export type { OpenedDatabase, StoreNotice } from './open-database';
export { NetworkCache } from './network-cache';
export { MIGRATIONS, LATEST_SCHEMA_VERSION, AUDIT_GENESIS_HASH } from './migrations';
export type { Migration } from './migrations';
export { OdooStaging, STAGING_TABLES } from './odoo-staging';
export type { StagedModel, StagedRecord, SyncCursor } from './odoo-staging';
export { OutboxStore, batchKeyOf } from './outbox-store';
export type { StoredCommand, StoredCommandState, CommandStatus, NewCommand, HistoryEntry, CommandListFilter } from './outbox-store';
