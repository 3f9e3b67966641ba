import type { Database } from 'better-sqlite3';
import { describeProblems, ScenarioEdit, type SnapshotRef } from '../../../shared/domain';

interface ScenarioRow {
  id: string;
  name: string;
  base_region_code: string;
  base_taken_at: string;
  base_day_zero: string;
  position: number;
  created_at: string;
  updated_at: string;
  edit_count: number;
}

/** A scenario as stored: its base snapshot, and how many of its edits are in effect (the undo/redo cursor). */
export interface StoredScenario {
  id: string;
  name: string;
  base: SnapshotRef;
  /** Edits with index < position are in effect; the rest were undone and wait for Redo. */
  position: number;
  editCount: number;
  createdAt: string;
  updatedAt: string;
}

/** A stored edit that no longer reads as an edit: never skipped silently, since later edits depend on it. */
export class StoredEditUnreadableError extends Error {
  constructor(scenarioId: string, seq: number, problems: string) {
    super(`edit ${seq + 1} of scenario ${scenarioId} in the local cache cannot be read (${problems}); the scenario cannot be opened`);
    this.name = 'StoredEditUnreadableError';
  }
}

function scenarioFromRow(row: ScenarioRow): StoredScenario {
  return {
    id: row.id,
    name: row.name,
    base: { regionCode: row.base_region_code, takenAt: row.base_taken_at, dayZero: row.base_day_zero },
    position: row.position,
    editCount: row.edit_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const SELECT_SCENARIO = `
  SELECT s.*, (SELECT count(*) FROM scenario_edits e WHERE e.scenario_id = s.id) AS edit_count
  FROM scenarios s`;

/** The scenario tables' queries: the list, each scenario's edits in order, and its undo/redo position. */
export class ScenarioStore {
  constructor(private readonly db: Database) {}

  list(): StoredScenario[] {
    return (this.db.prepare(`${SELECT_SCENARIO} ORDER BY s.created_at, s.id`).all() as ScenarioRow[]).map(scenarioFromRow);
  }

  get(id: string): StoredScenario | null {
    const row = this.db.prepare(`${SELECT_SCENARIO} WHERE s.id = ?`).get(id) as ScenarioRow | undefined;
    return row ? scenarioFromRow(row) : null;
  }

  create(scenario: { id: string; name: string; base: SnapshotRef; at: string }): StoredScenario {
    this.db
      .prepare(
        `INSERT INTO scenarios (id, name, base_region_code, base_taken_at, base_day_zero, position, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 0, ?, ?)`,
      )
      .run(scenario.id, scenario.name, scenario.base.regionCode, scenario.base.takenAt, scenario.base.dayZero, scenario.at, scenario.at);
    return this.get(scenario.id) as StoredScenario;
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM scenarios WHERE id = ?').run(id).changes > 0;
  }

  /** Every stored edit in order, undone ones included (they follow the position). */
  edits(id: string): ScenarioEdit[] {
    const rows = this.db.prepare('SELECT seq, document FROM scenario_edits WHERE scenario_id = ? ORDER BY seq').all(id) as { seq: number; document: string }[];
    return rows.map((row) => {
      let raw: unknown;
      try {
        raw = JSON.parse(row.document);
      } catch (error) {
        throw new StoredEditUnreadableError(id, row.seq, error instanceof Error ? error.message : String(error));
      }
      const parsed = ScenarioEdit.safeParse(raw);
      if (!parsed.success) throw new StoredEditUnreadableError(id, row.seq, describeProblems(parsed.error));
      return parsed.data;
    });
  }

  /**
   * Records edits the engine accepted, after the ones in effect: undone edits are dropped (a new edit
   * ends the redo history, as in any editor). All of it or none, in one transaction.
   */
  appendEdits(id: string, edits: readonly ScenarioEdit[], at: string): StoredScenario {
    this.db.transaction(() => {
      const current = this.get(id);
      if (!current) throw new Error(`scenario ${id} does not exist`);
      this.db.prepare('DELETE FROM scenario_edits WHERE scenario_id = ? AND seq >= ?').run(id, current.position);
      const insert = this.db.prepare('INSERT INTO scenario_edits (scenario_id, seq, edit_id, kind, document, added_at) VALUES (?, ?, ?, ?, ?, ?)');
      edits.forEach((edit, index) => insert.run(id, current.position + index, edit.id, edit.kind, JSON.stringify(edit), at));
      this.db.prepare('UPDATE scenarios SET position = ?, updated_at = ? WHERE id = ?').run(current.position + edits.length, at, id);
    })();
    return this.get(id) as StoredScenario;
  }

  /** Moves the undo/redo cursor; it stays within the stored edits. */
  setPosition(id: string, position: number, at: string): StoredScenario {
    const current = this.get(id);
    if (!current) throw new Error(`scenario ${id} does not exist`);
    if (!Number.isInteger(position) || position < 0 || position > current.editCount) {
      throw new Error(`position ${position} is outside scenario ${id}'s ${current.editCount} edits`);
    }
    this.db.prepare('UPDATE scenarios SET position = ?, updated_at = ? WHERE id = ?').run(position, at, id);
    return this.get(id) as StoredScenario;
  }

  /** Moves the scenario onto another snapshot, on the planner's explicit request. */
  rebase(id: string, base: SnapshotRef, at: string): StoredScenario {
    this.db
      .prepare('UPDATE scenarios SET base_region_code = ?, base_taken_at = ?, base_day_zero = ?, updated_at = ? WHERE id = ?')
      .run(base.regionCode, base.takenAt, base.dayZero, at, id);
    return this.get(id) as StoredScenario;
  }

  rename(id: string, name: string, at: string): StoredScenario {
    this.db.prepare('UPDATE scenarios SET name = ?, updated_at = ? WHERE id = ?').run(name, at, id);
    return this.get(id) as StoredScenario;
  }
}
