import type { Migration } from './migration';

/**
 * The outbox: approved work on its way to Odoo. A command is one Odoo document (a picking, a
 * resupply pair, a purchase order) with the idempotency key written into it; its lines are the
 * approved lines it carries (unique per batch, so a line is never queued twice); dependencies name
 * lines of the same batch that must be in Odoo first; history is what happened to it, attempt by
 * attempt. Numbers 0004 and 0005 belong to other work (audit log, scenarios).
 */
export const migration0006Outbox: Migration = {
  version: 6,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox_commands (
        id TEXT PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        batch_id TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('transfer', 'purchase')),
        -- commands of one lane may share an RPC round (same kind, mode and source warehouse)
        lane TEXT NOT NULL,
        payload TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'pushing', 'done', 'needs-replanning', 'dead-letter', 'cancelled')),
        cancel_requested INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1)),
        revision INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        failures INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        replan TEXT,
        odoo_records TEXT NOT NULL DEFAULT '[]',
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        done_at TEXT
      );
      CREATE INDEX outbox_commands_by_state ON outbox_commands (state, next_attempt_at);
      CREATE INDEX outbox_commands_by_batch ON outbox_commands (batch_id);
      CREATE TABLE outbox_lines (
        batch_key TEXT NOT NULL,
        line_id TEXT NOT NULL,
        command_id TEXT NOT NULL REFERENCES outbox_commands (id),
        PRIMARY KEY (batch_key, line_id)
      ) WITHOUT ROWID;
      CREATE INDEX outbox_lines_by_command ON outbox_lines (command_id);
      CREATE TABLE outbox_dependencies (
        command_id TEXT NOT NULL REFERENCES outbox_commands (id),
        batch_key TEXT NOT NULL,
        after_line_id TEXT NOT NULL,
        PRIMARY KEY (command_id, after_line_id)
      ) WITHOUT ROWID;
      CREATE TABLE outbox_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        command_id TEXT NOT NULL REFERENCES outbox_commands (id),
        at TEXT NOT NULL,
        event TEXT NOT NULL,
        attempt INTEGER,
        message TEXT NOT NULL,
        detail TEXT
      );
      CREATE INDEX outbox_history_by_command ON outbox_history (command_id, id);
      CREATE TABLE outbox_control (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        paused INTEGER NOT NULL CHECK (paused IN (0, 1)),
        changed_at TEXT,
        changed_by TEXT
      );
      INSERT INTO outbox_control (id, paused) VALUES (1, 0);
    `);
  },
};
