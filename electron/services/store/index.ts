export { openDatabase, migrate, CacheFromNewerVersionError } from './open-database';
export type { OpenedDatabase, StoreNotice } from './open-database';
export { NetworkCache } from './network-cache';
export { MIGRATIONS, LATEST_SCHEMA_VERSION } from './migrations';
export type { Migration } from './migrations';
