import type { Migration } from './migration';

/**
 * When each waiting line expires, kept beside its state: a line that expired is still stored as
 * `waiting` (expiry is a matter of time, not of a write), so without this the inbox had to read
 * and replay every line ever submitted to tell the open ones from the expired ones. Existing lines
 * get it from their routing and their batch's submission time, exactly as the line's progress
 * works it out. The settle-once trigger is made again so that it also keeps the expiry fixed.
 */
export const migration0009LineExpiry: Migration = {
  version: 9,
  name: 'line expiry',
  up(db) {
    db.exec(`
      ALTER TABLE approval_lines ADD COLUMN expires_at TEXT;
      DROP TRIGGER approval_lines_settle_once;
    `);
    const lines = db
      .prepare(
        `SELECT l.id, b.submitted_at, json_extract(l.record, '$.routing.outcome.expiresAfterHours') AS hours
         FROM approval_lines l JOIN approval_batches b ON b.id = l.batch_id
         WHERE json_extract(l.record, '$.routing.outcome.decision') = 'requires-approval'
           AND json_extract(l.record, '$.routing.outcome.expiresAfterHours') IS NOT NULL`,
      )
      .all() as { id: string; submitted_at: string; hours: number }[];
    // The arithmetic of `expiresAtOf`, written out: a released migration never changes, so it does
    // not call code that may (a test holds the two to the same instant).
    const setExpiry = db.prepare('UPDATE approval_lines SET expires_at = ? WHERE id = ?');
    for (const line of lines) setExpiry.run(new Date(Date.parse(line.submitted_at) + line.hours * 3_600_000).toISOString(), line.id);
    db.exec(`
      CREATE INDEX approval_lines_open ON approval_lines (state, expires_at);
      CREATE TRIGGER approval_lines_settle_once BEFORE UPDATE ON approval_lines
      WHEN OLD.state IS NOT 'waiting' OR NEW.state NOT IN ('approved', 'rejected')
        OR NEW.record IS NOT OLD.record OR NEW.batch_id IS NOT OLD.batch_id OR NEW.value IS NOT OLD.value
        OR NEW.expires_at IS NOT OLD.expires_at
      BEGIN
        SELECT RAISE(ABORT, 'a line only moves from waiting to approved or rejected, once');
      END;
    `);
  },
};
