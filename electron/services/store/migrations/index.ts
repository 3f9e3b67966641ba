import { migration0001Cache } from './0001-cache';
import { migration0002AuditLog } from './0002-audit-log';
import type { Migration } from './migration';

export type { Migration } from './migration';
export { AUDIT_GENESIS_HASH } from './0002-audit-log';

/** Every migration in order; the cache's `user_version` says how many have run. */
export const MIGRATIONS: readonly Migration[] = [migration0001Cache, migration0002AuditLog];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
