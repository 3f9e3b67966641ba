import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { latestVersion, MIGRATIONS, type Migration } from './migrations';
import { sqliteBindingOption } from './sqlite-binding';

export interface StoreNotice {
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface OpenedDatabase {
  db: Database.Database;
  path: string;
  /** What happened while opening that a person should be told (e.g. a corrupt file moved aside). */
  notices: StoreNotice[];
}

/** A cache written by a newer release: moving it aside would lose work, so start-up stops instead. */
export class CacheFromNewerVersionError extends Error {
  constructor(path: string, found: number, supported: number) {
    super(
      `The local cache ${path} was written by a newer Network Planner (schema ${found}; this one knows up to ${supported}). ` +
        'Install the newer version, or start with another PLANNER_DATA_DIR.',
    );
    this.name = 'CacheFromNewerVersionError';
  }
}

function timestampForFileName(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

function moveAside(path: string, now: Date): string {
  const target = join(dirname(path), `${basename(path, '.db')}.corrupt-${timestampForFileName(now)}.db`);
  renameSync(path, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Looks at the file's first bytes before SQLite does: SQLite deletes a write-ahead log it cannot
 * use when it closes a file that is not a database, and that log may be all that is left of work.
 */
function foreignFileReason(path: string): string | null {
  if (!existsSync(path) || statSync(path).size === 0) return null;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const header = Buffer.alloc(16);
    readSync(fd, header, 0, 16, 0);
    return header.toString('latin1') === SQLITE_HEADER ? null : 'file is not a database';
  } catch (error) {
    return `cannot be read: ${(error as Error).message}`;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Throws when the file cannot serve as our cache; the message says what SQLite found. */
function checkReadable(db: Database.Database): void {
  const result = db.pragma('quick_check', { simple: true });
  if (result !== 'ok') throw new Error(`integrity check failed: ${String(result)}`);
}

export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS, path = ':memory:'): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  const latest = latestVersion(migrations);
  if (current > latest) throw new CacheFromNewerVersionError(path, current, latest);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/**
 * Opens (or creates) the SQLite cache in WAL mode and brings its schema up to date. A file that is
 * not a readable database is never deleted: it is moved aside and a fresh cache is created.
 */
export function openDatabase(
  path: string,
  options: { migrations?: readonly Migration[]; now?: () => Date; readonly?: boolean } = {},
): OpenedDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? (() => new Date());
  const notices: StoreNotice[] = [];
  mkdirSync(dirname(path), { recursive: true });

  if (options.readonly) {
    const db = new Database(path, { readonly: true, fileMustExist: true, ...sqliteBindingOption() });
    db.pragma('busy_timeout = 5000');
    return { db, path, notices };
  }

  let db: Database.Database | undefined;
  try {
    const foreign = foreignFileReason(path);
    if (foreign) throw new Error(foreign);
    db = new Database(path, sqliteBindingOption());
    configure(db);
    checkReadable(db);
  } catch (error) {
    db?.close();
    if (!existsSync(path)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const movedTo = moveAside(path, now());
    notices.push({
      level: 'warning',
      message: `The local cache ${path} could not be read (${reason}). It was moved to ${movedTo} and a fresh cache was created; nothing was deleted.`,
    });
    db = new Database(path, sqliteBindingOption());
    configure(db);
  }
  try {
    migrate(db, migrations, path);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, path, notices };
}
