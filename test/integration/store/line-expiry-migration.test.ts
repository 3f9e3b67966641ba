import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { expiresAtOf, lineProgress, type RuleOutcome } from '../../../shared/approvals';
import { ApprovalStore, MIGRATIONS, migrate } from '../../../electron/services/store';
import { makeTempDir } from '../../support/temp-dir';

// Lines submitted before version 9 get their expiry from their routing and their batch's
// submission, exactly as their progress works it out, so the inbox tells expired lines from open
// ones on an upgraded desktop too.
describe('migration 9: when each waiting line expires', () => {
  let temp = makeTempDir('line-expiry');
  afterEach(() => {
    temp.remove();
    temp = makeTempDir('line-expiry');
  });

  const submittedAt = '2026-03-02T08:15:30.250Z';
  const outcomes: Record<string, RuleOutcome> = {
    expiring: { decision: 'requires-approval', roles: ['regional-ops'], mode: 'any', escalateAfterHours: 4, escalateTo: 'finance', expiresAfterHours: 36.5 },
    lasting: { decision: 'requires-approval', roles: ['regional-ops', 'finance'], mode: 'all' },
    automatic: { decision: 'auto-approve' },
  };

  function versionEightWithLines(): Database.Database {
    const db = new Database(`${temp.path}/cache.db`);
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 8));
    db.prepare("INSERT INTO approval_batches (id, region, origin_kind, record, submitted_by, submitted_at) VALUES ('B1', 'demo', 'replenishment', '{}', 'anna.planner', ?)").run(submittedAt);
    const insert = db.prepare("INSERT INTO approval_lines (id, batch_id, position, kind, node_id, sku_id, value, rule_id, record, state) VALUES (?, 'B1', ?, 'transfer', 'RDC1', 'SKU-1', 10, NULL, ?, ?)");
    Object.entries(outcomes).forEach(([id, outcome], position) => insert.run(id, position, JSON.stringify({ routing: { outcome } }), outcome.decision === 'auto-approve' ? 'auto-approved' : 'waiting'));
    return db;
  }

  const expiryOf = (db: Database.Database, id: string): string | null => (db.prepare('SELECT expires_at FROM approval_lines WHERE id = ?').get(id) as { expires_at: string | null }).expires_at;

  it('gives each line the expiry its progress works out, and none to lines that never expire', () => {
    const db = versionEightWithLines();
    migrate(db, MIGRATIONS);
    const expected = lineProgress(outcomes.expiring as RuleOutcome, { submittedAt, decisions: [], now: submittedAt }).expiresAt;
    expect(expected).toBe('2026-03-03T20:45:30.250Z');
    expect(expiryOf(db, 'expiring')).toBe(expected);
    expect(expiresAtOf(outcomes.expiring as RuleOutcome, submittedAt)).toBe(expected);
    expect(expiryOf(db, 'lasting')).toBeNull();
    expect(expiryOf(db, 'automatic')).toBeNull();
    db.close();
  });

  it('counts the upgraded line as expired from that moment on, not a millisecond before', () => {
    const db = versionEightWithLines();
    migrate(db, MIGRATIONS);
    const store = new ApprovalStore(db);
    expect(store.lineCounts({}, '2026-03-03T20:45:30.249Z')).toEqual({ waiting: 2, 'auto-approved': 1, approved: 0, rejected: 0, expired: 0 });
    expect(store.lineCounts({}, '2026-03-03T20:45:30.250Z')).toEqual({ waiting: 1, 'auto-approved': 1, approved: 0, rejected: 0, expired: 1 });
    db.close();
  });

  it('keeps the expiry fixed: the trigger refuses to move it, and still lets a decision settle the line', () => {
    const db = versionEightWithLines();
    migrate(db, MIGRATIONS);
    expect(() => db.prepare("UPDATE approval_lines SET expires_at = '2099-01-01T00:00:00.000Z' WHERE id = 'expiring'").run()).toThrow('a line only moves from waiting to approved or rejected, once');
    expect(() => db.prepare("UPDATE approval_lines SET record = '{}' WHERE id = 'lasting'").run()).toThrow('a line only moves from waiting to approved or rejected, once');
    new ApprovalStore(db).settleLine('expiring', 'approved', '2026-03-02T09:00:00.000Z');
    expect(expiryOf(db, 'expiring')).toBe('2026-03-03T20:45:30.250Z');
    db.close();
  });
});
