export { openDatabase, migrate, CacheFromNewerVersionError } from './open-database';
export type { OpenedDatabase, StoreNotice } from './open-database';
export { NetworkCache } from './network-cache';
export { MIGRATIONS, LATEST_SCHEMA_VERSION, AUDIT_GENESIS_HASH } from './migrations';
export type { Migration } from './migrations';
