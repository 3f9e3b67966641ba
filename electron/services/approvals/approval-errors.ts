/** Nobody is identified at the desk, so nothing can be submitted or decided in anyone's name. */
export class NotIdentifiedError extends Error {
  constructor(what: string) {
    super(`Nobody is identified at this desk, so ${what}. Choose a demo user in Settings, or connect with your Odoo login.`);
    this.name = 'NotIdentifiedError';
  }
}

/** The network the proposals must be checked against is not (yet) in the local cache. */
export class NetworkNotStoredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkNotStoredError';
  }
}

/** Every proposal of a batch orders what an open line, not yet in the network, already orders. */
export class AlreadySubmittedError extends Error {
  constructor(repeats: string) {
    super(`Nothing was submitted: each line is already in a batch the network does not show yet: ${repeats}. A rejected or expired line can be submitted again.`);
    this.name = 'AlreadySubmittedError';
  }
}

/** The database refused the write (locked, disk full, I/O): nothing of it was kept. */
export class NotRecordedError extends Error {
  constructor(
    what: string,
    readonly sqliteCode: string,
  ) {
    super(`${what} was not recorded: ${describeSqliteCode(sqliteCode)} Nothing changed; try again.`);
    this.name = 'NotRecordedError';
  }
}

const STORAGE_CODES = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_NOTADB', 'SQLITE_CORRUPT'];

function describeSqliteCode(code: string): string {
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'the local database is locked by another program or planner window.';
  if (code.startsWith('SQLITE_FULL')) return 'the disk holding the planner’s data is full.';
  if (code.startsWith('SQLITE_READONLY')) return 'the planner’s data folder cannot be written to.';
  return `the local database could not be written (${code}).`;
}

/** The SQLite result code of a storage failure, or null when the error is something else. */
export function storageFailureCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  return STORAGE_CODES.some((known) => code === known || code.startsWith(`${known}_`)) ? code : null;
}
