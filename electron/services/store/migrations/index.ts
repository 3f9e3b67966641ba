import { migration0001Cache } from './0001-cache';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Every migration in order; the cache's `user_version` says how many have run. */
export const MIGRATIONS: readonly Migration[] = [migration0001Cache];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
