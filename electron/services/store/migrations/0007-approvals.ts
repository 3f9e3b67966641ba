import type { Migration } from './migration';

/**
 * Batches submitted for approval, their lines, the decisions on them, the approved lines handed to
 * the outbox, and the offline exchange's bookkeeping (device keys this desktop trusts, files it
 * made and files it imported). Decisions are evidence: the triggers refuse to change or delete
 * one, refuse to delete a line or batch, and let a line's state move only out of `waiting`.
 * (0005 and 0006 are taken by work merged from other branches.)
 */
export const migration0007Approvals: Migration = {
  version: 7,
  name: 'approvals',
  up(db) {
    db.exec(`
      CREATE TABLE approval_batches (
        id TEXT PRIMARY KEY,
        region TEXT NOT NULL,
        origin_kind TEXT NOT NULL CHECK (origin_kind IN ('scenario', 'replenishment')),
        record TEXT NOT NULL,
        submitted_by TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        imported_from_file TEXT
      );
      CREATE TABLE approval_lines (
        id TEXT PRIMARY KEY,
        batch_id TEXT NOT NULL REFERENCES approval_batches (id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        node_id TEXT NOT NULL,
        from_node_id TEXT,
        sku_id TEXT NOT NULL,
        value REAL NOT NULL,
        rule_id TEXT,
        record TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('auto-approved', 'waiting', 'approved', 'rejected')),
        settled_at TEXT,
        UNIQUE (batch_id, position)
      );
      CREATE INDEX approval_lines_by_state ON approval_lines (state, batch_id);
      CREATE TABLE approval_decisions (
        id TEXT PRIMARY KEY,
        line_id TEXT NOT NULL REFERENCES approval_lines (id),
        batch_id TEXT NOT NULL REFERENCES approval_batches (id),
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
        role TEXT NOT NULL,
        signed TEXT NOT NULL,
        imported_from_file TEXT,
        UNIQUE (line_id, decided_by)
      );
      CREATE INDEX approval_decisions_by_batch ON approval_decisions (batch_id);
      CREATE TABLE approval_handoffs (
        line_id TEXT PRIMARY KEY REFERENCES approval_lines (id),
        batch_id TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        handed_at TEXT NOT NULL,
        command TEXT NOT NULL
      );
      CREATE TABLE device_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        device_id TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE trusted_device_keys (
        login TEXT NOT NULL,
        device_id TEXT NOT NULL,
        name TEXT NOT NULL,
        public_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        roles TEXT NOT NULL,
        roles_source TEXT NOT NULL CHECK (roles_source IN ('own', 'demo-profile', 'odoo')),
        roles_verified_at TEXT NOT NULL,
        trusted_by TEXT NOT NULL,
        trusted_at TEXT NOT NULL,
        PRIMARY KEY (login, device_id)
      ) WITHOUT ROWID;
      CREATE TABLE exchange_exports (
        file_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        batch_id TEXT NOT NULL,
        signer TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE exchange_imports (
        file_id TEXT PRIMARY KEY,
        digest TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        batch_id TEXT NOT NULL,
        signer TEXT NOT NULL,
        device_id TEXT NOT NULL,
        imported_at TEXT NOT NULL
      );
      CREATE TRIGGER approval_decisions_no_update BEFORE UPDATE ON approval_decisions
      BEGIN
        SELECT RAISE(ABORT, 'a recorded decision is never changed');
      END;
      CREATE TRIGGER approval_decisions_no_delete BEFORE DELETE ON approval_decisions
      BEGIN
        SELECT RAISE(ABORT, 'a recorded decision is never deleted');
      END;
      CREATE TRIGGER approval_lines_no_delete BEFORE DELETE ON approval_lines
      BEGIN
        SELECT RAISE(ABORT, 'a submitted line is never deleted');
      END;
      CREATE TRIGGER approval_batches_no_delete BEFORE DELETE ON approval_batches
      BEGIN
        SELECT RAISE(ABORT, 'a submitted batch is never deleted');
      END;
      CREATE TRIGGER approval_lines_settle_once BEFORE UPDATE ON approval_lines
      WHEN OLD.state IS NOT 'waiting' OR NEW.state NOT IN ('approved', 'rejected')
        OR NEW.record IS NOT OLD.record OR NEW.batch_id IS NOT OLD.batch_id OR NEW.value IS NOT OLD.value
      BEGIN
        SELECT RAISE(ABORT, 'a line only moves from waiting to approved or rejected, once');
      END;
    `);
  },
};
