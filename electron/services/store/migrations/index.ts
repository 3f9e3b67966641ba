import { migration0001Cache } from './0001-cache';
import { migration0002SnapshotImage } from './0002-snapshot-image';
import { migration0003OdooStaging } from './0003-odoo-staging';
import { migration0005Scenarios } from './0005-scenarios';
import type { Migration } from './migration';

export type { Migration } from './migration';

/**
 * Every migration in order; the cache's `user_version` is the version of the last one applied.
 * Versions only grow; a number may be skipped (reserved by work merged later).
 */
export const MIGRATIONS: readonly Migration[] = [migration0001Cache, migration0002SnapshotImage, migration0003OdooStaging, migration0005Scenarios];

export const LATEST_SCHEMA_VERSION = latestVersion(MIGRATIONS);

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((latest, migration) => Math.max(latest, migration.version), 0);
}
