import { migration0001Cache } from './0001-cache';
import { migration0002SnapshotImage } from './0002-snapshot-image';
import { migration0003OdooStaging } from './0003-odoo-staging';
import { migration0004AuditLog } from './0004-audit-log';
import { migration0005Scenarios } from './0005-scenarios';
import { migration0006Outbox } from './0006-outbox';
import { migration0007Approvals } from './0007-approvals';
import { migration0008StagingByProduct } from './0008-staging-by-product';
import { migration0009LineExpiry } from './0009-line-expiry';
import { migration0010SyncChanges } from './0010-sync-changes';
import { migration0011StagingSource } from './0011-staging-source';
import { migration0012CommandOrigin } from './0012-command-origin';
import { migration0013BatchNetwork } from './0013-batch-network';
import type { Migration } from './migration';

export type { Migration } from './migration';
export { AUDIT_GENESIS_HASH } from './0004-audit-log';

/**
 * Every migration in order; the cache's `user_version` is the version of the last one applied.
 * Versions only grow; a number may be skipped (reserved by work merged later).
 */
export const MIGRATIONS: readonly Migration[] = [
  migration0001Cache,
  migration0002SnapshotImage,
  migration0003OdooStaging,
  migration0004AuditLog,
  migration0005Scenarios,
  migration0006Outbox,
  migration0007Approvals,
  migration0008StagingByProduct,
  migration0009LineExpiry,
  migration0010SyncChanges,
  migration0011StagingSource,
  migration0012CommandOrigin,
  migration0013BatchNetwork,
];

export const LATEST_SCHEMA_VERSION = latestVersion(MIGRATIONS);

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((latest, migration) => Math.max(latest, migration.version), 0);
}
