import { migration0001Cache } from './0001-cache';
import { migration0002SnapshotImage } from './0002-snapshot-image';
import { migration0003OdooStaging } from './0003-odoo-staging';
import { migration0004AuditLog } from './0004-audit-log';
import { migration0006Outbox } from './0006-outbox';
import type { Migration } from './migration';

export type { Migration } from './migration';
export { AUDIT_GENESIS_HASH } from './0004-audit-log';

/**
 * Every migration in order; the cache's `user_version` is the version of the last one applied.
 * Versions may have gaps while numbers reserved by parallel work are not merged yet (0004, 0005).
 */
export const MIGRATIONS: readonly Migration[] = [migration0001Cache, migration0002SnapshotImage, migration0003OdooStaging, migration0004AuditLog, migration0006Outbox];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
