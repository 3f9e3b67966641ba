import type { Migration } from './migration';

/** The genesis "previous hash" of the first entry. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/**
 * The audit log: hash-chained and append-only. The triggers make "no code path edits or deletes
 * an entry" a property of the database, not only of the code: an UPDATE or DELETE is refused, and
 * an INSERT must follow the last entry (next sequence number, previous entry's hash). Whether each
 * hash matches its content is for `AuditLog.verify()` to check.
 */
export const migration0004AuditLog: Migration = {
  version: 4,
  name: 'audit log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        actor TEXT NOT NULL,
        body TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      );
      CREATE INDEX audit_log_by_kind ON audit_log (kind, seq);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only: entries are never changed');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only: entries are never deleted');
      END;
      CREATE TRIGGER audit_log_in_order BEFORE INSERT ON audit_log
      WHEN NEW.seq IS NOT (SELECT IFNULL(MAX(seq), 0) + 1 FROM audit_log)
        OR NEW.prev_hash IS NOT IFNULL((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '${AUDIT_GENESIS_HASH}')
      BEGIN
        SELECT RAISE(ABORT, 'an audit entry must follow the last one (next sequence number, previous hash)');
      END;
    `);
  },
};
