import type { Migration } from './migration';

/**
 * What-if scenarios and their edits, so a restart keeps a planner's work. `position` is the undo/redo
 * cursor: edits with `seq < position` are in effect, the rest are undone and wait for Redo (a new
 * edit replaces them). The base columns name the snapshot the scenario was made on, so a scenario
 * whose network has since been replaced is shown as such instead of being quietly re-based.
 *
 * Number 0004 belongs to the audit log (another branch); versions need not be contiguous.
 */
export const migration0005Scenarios: Migration = {
  version: 5,
  name: 'scenarios',
  up(db) {
    db.exec(`
      CREATE TABLE scenarios (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        base_region_code TEXT NOT NULL,
        base_taken_at TEXT NOT NULL,
        base_day_zero TEXT NOT NULL,
        position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE scenario_edits (
        scenario_id TEXT NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 0),
        edit_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        document TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (scenario_id, seq),
        UNIQUE (scenario_id, edit_id)
      ) WITHOUT ROWID;
    `);
  },
};
