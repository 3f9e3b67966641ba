import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { describeProblems, SyncChangeCounts, SyncChanges } from '../../../shared/domain';

/** How many syncs' changes are kept: two working days of half-hourly syncs, and each can hold 2,000 listed changes. */
export const KEPT_SYNCS = 50;

export interface LoggedSync {
  takenAt: string;
  previousTakenAt: string;
  counts: SyncChangeCounts;
}

/** A stored record that no longer passes its schema: changed outside the planner. Nothing from it is shown. */
export class SyncChangesUnreadableError extends Error {
  constructor(takenAt: string, detail: string) {
    super(`The changes recorded for the sync at ${takenAt} cannot be read (${detail}); they were changed outside the planner, and nothing was shown from them.`);
    this.name = 'SyncChangesUnreadableError';
  }
}

const Row = z.object({ taken_at: z.string(), previous_taken_at: z.string(), counts: z.string() });

/** What each sync changed, newest first; the oldest drop off past `KEPT_SYNCS`. */
export class SyncChangeLog {
  constructor(private readonly db: Database) {}

  record(changes: SyncChanges): void {
    const checked = SyncChanges.parse(changes);
    this.db.transaction(() => {
      this.db
        .prepare('INSERT OR REPLACE INTO sync_changes (taken_at, previous_taken_at, counts, record) VALUES (?, ?, ?, ?)')
        .run(checked.takenAt, checked.previousTakenAt, JSON.stringify(checked.counts), JSON.stringify(checked));
      this.db.prepare('DELETE FROM sync_changes WHERE taken_at NOT IN (SELECT taken_at FROM sync_changes ORDER BY taken_at DESC LIMIT ?)').run(KEPT_SYNCS);
    })();
  }

  /** The syncs with changes on record, newest first, with their counts only. */
  list(limit = KEPT_SYNCS): LoggedSync[] {
    const rows = z.array(Row).parse(this.db.prepare('SELECT taken_at, previous_taken_at, counts FROM sync_changes ORDER BY taken_at DESC LIMIT ?').all(limit));
    return rows.map((row) => ({ takenAt: row.taken_at, previousTakenAt: row.previous_taken_at, counts: parseRecord(SyncChangeCounts, row.counts, row.taken_at) }));
  }

  /** One sync's changes; the newest when no time is given; null when none are on record. */
  read(takenAt?: string): SyncChanges | null {
    const row = z
      .object({ taken_at: z.string(), record: z.string() })
      .optional()
      .parse(
        takenAt === undefined
          ? this.db.prepare('SELECT taken_at, record FROM sync_changes ORDER BY taken_at DESC LIMIT 1').get()
          : this.db.prepare('SELECT taken_at, record FROM sync_changes WHERE taken_at = ?').get(takenAt),
      );
    return row ? parseRecord(SyncChanges, row.record, row.taken_at) : null;
  }
}

function parseRecord<T>(schema: z.ZodType<T>, text: string, takenAt: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SyncChangesUnreadableError(takenAt, 'not JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new SyncChangesUnreadableError(takenAt, describeProblems(parsed.error));
  return parsed.data;
}
