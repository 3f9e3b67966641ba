import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CanonicalEvent } from '../../../shared/domain';
import { AuditLog, InvalidAuditEventError } from '../../../electron/services/audit';
import { openDatabase } from '../../../electron/services/store';
import { makeTempDir } from '../../support/temp-dir';

const GENESIS = '0'.repeat(64);
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function settingChanged(at: string, to: string): CanonicalEvent {
  return { kind: 'setting-changed', at, actor: 'anna.planner', setting: 'odoo.url', from: 'https://erp.example', to, reason: null };
}

function decision(at: string, lineId: string): CanonicalEvent {
  return { kind: 'decision-made', at, actor: 'ben.ops', batchId: 'B1', lineId, decision: 'approved', role: 'regional-ops', comment: null, device: null, signature: null };
}

describe('the audit log', () => {
  let temp = makeTempDir('audit');
  let db: Database.Database;
  let audit: AuditLog;
  beforeEach(() => {
    temp = makeTempDir('audit');
    db = openDatabase(`${temp.path}/cache.db`).db;
    audit = new AuditLog(db);
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  it('chains each entry to the one before: hash = sha256(previous hash, sequence number, canonical content)', () => {
    const first = audit.append(settingChanged('2026-03-02T09:00:00.000Z', 'https://erp2.example'));
    // Keys in code-point order, no whitespace: the hash does not depend on how the object was built.
    const body = '{"actor":"anna.planner","at":"2026-03-02T09:00:00.000Z","from":"https://erp.example","kind":"setting-changed","reason":null,"setting":"odoo.url","to":"https://erp2.example"}';
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS, hash: sha256(`${GENESIS}\n1\n${body}`) });
    const second = audit.append(decision('2026-03-02T09:05:00.000Z', 'L1'));
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    expect(audit.verify()).toEqual({ ok: true, entries: 2, lastHash: second.hash });
  });

  it('verifies an empty log', () => {
    expect(audit.verify()).toEqual({ ok: true, entries: 0, lastHash: GENESIS });
  });

  it('refuses UPDATE and DELETE in the database itself, whoever issues them', () => {
    audit.append(settingChanged('2026-03-02T09:00:00.000Z', 'https://a.example'));
    expect(() => db.prepare("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 1").run()).toThrow('the audit log is append-only: entries are never changed');
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow('the audit log is append-only: entries are never deleted');
    expect(audit.list({ limit: 10 })[0]?.event.actor).toBe('anna.planner');
    expect(audit.verify().ok).toBe(true);
  });

  it('refuses an entry slipped in out of order or onto the wrong previous hash', () => {
    const first = audit.append(settingChanged('2026-03-02T09:00:00.000Z', 'https://a.example'));
    const insert = db.prepare("INSERT INTO audit_log (seq, at, kind, actor, body, prev_hash, hash) VALUES (?, 'x', 'x', 'x', '{}', ?, ?)");
    expect(() => insert.run(5, first.hash, 'f'.repeat(64))).toThrow(/must follow the last one/);
    expect(() => insert.run(2, GENESIS, 'f'.repeat(64))).toThrow(/must follow the last one/);
    expect(audit.count()).toBe(1);
  });

  it('refuses an event that is not a canonical event, naming the field, and writes nothing', () => {
    const bad = { ...decision('2026-03-02T09:05:00.000Z', 'L1'), decision: 'maybe' } as unknown as CanonicalEvent;
    expect(() => audit.append(bad)).toThrow(InvalidAuditEventError);
    expect(() => audit.append(bad)).toThrow(/decision-made event: decision:/);
    expect(() => audit.append({ ...settingChanged('yesterday', 'x') })).toThrow(/at:/);
    expect(audit.count()).toBe(0);
  });

  it('writes an entry together with the caller\'s own transaction, or not at all', () => {
    db.exec('CREATE TABLE decisions (line_id TEXT)');
    const record = db.transaction((lineId: string, fail: boolean) => {
      db.prepare('INSERT INTO decisions VALUES (?)').run(lineId);
      audit.append(decision('2026-03-02T09:05:00.000Z', lineId));
      if (fail) throw new Error('disk full');
    });
    record('L1', false);
    expect(() => record('L2', true)).toThrow('disk full');
    expect(audit.list({ limit: 10 }).map((entry) => entry.event.kind === 'decision-made' && entry.event.lineId)).toEqual(['L1']);
    expect(audit.verify()).toMatchObject({ ok: true, entries: 1 });
  });

  it('lists newest first, filtered by kind, paging back by sequence number', () => {
    audit.append(settingChanged('2026-03-02T09:00:00.000Z', 'https://a.example'));
    audit.append(decision('2026-03-02T09:01:00.000Z', 'L1'));
    audit.append(settingChanged('2026-03-02T09:02:00.000Z', 'https://b.example'));
    audit.append(decision('2026-03-02T09:03:00.000Z', 'L2'));
    expect(audit.list({ limit: 10 }).map((entry) => entry.seq)).toEqual([4, 3, 2, 1]);
    expect(audit.list({ kinds: ['setting-changed'], limit: 10 }).map((entry) => entry.seq)).toEqual([3, 1]);
    expect(audit.list({ beforeSeq: 3, limit: 1 }).map((entry) => entry.seq)).toEqual([2]);
  });

  it('keeps its entries across a restart', () => {
    audit.append(settingChanged('2026-03-02T09:00:00.000Z', 'https://a.example'));
    db.close();
    db = openDatabase(`${temp.path}/cache.db`).db;
    audit = new AuditLog(db);
    const next = audit.append(decision('2026-03-02T09:01:00.000Z', 'L1'));
    expect(next.seq).toBe(2);
    expect(audit.verify()).toMatchObject({ ok: true, entries: 2 });
  });
});

describe('verifying the audit log finds the first broken link', () => {
  // Someone with the database file and a SQLite shell can drop the triggers; the chain still tells.
  let temp = makeTempDir('audit-tamper');
  let db: Database.Database;
  let audit: AuditLog;
  beforeEach(() => {
    temp = makeTempDir('audit-tamper');
    db = openDatabase(`${temp.path}/cache.db`).db;
    audit = new AuditLog(db);
    for (let i = 1; i <= 4; i++) audit.append(decision(`2026-03-02T09:0${i}:00.000Z`, `L${i}`));
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  it('an entry whose content was edited', () => {
    const row = db.prepare('SELECT body FROM audit_log WHERE seq = 2').get() as { body: string };
    db.prepare('UPDATE audit_log SET body = ? WHERE seq = 2').run(row.body.replace('"approved"', '"rejected"'));
    expect(audit.verify()).toEqual({ ok: false, entries: 1, brokenAt: 2, reason: 'entry 2 was changed after it was written (its content no longer matches its hash)' });
  });

  it('an entry that was removed', () => {
    db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    expect(audit.verify()).toEqual({ ok: false, entries: 2, brokenAt: 3, reason: 'entry 3 is missing (the next entry is 4)' });
  });

  it('an entry rewritten with a fresh hash of its own: the next link no longer holds', () => {
    const row = db.prepare('SELECT body, prev_hash FROM audit_log WHERE seq = 2').get() as { body: string; prev_hash: string };
    const forged = row.body.replace('"approved"', '"rejected"');
    db.prepare('UPDATE audit_log SET body = ?, hash = ? WHERE seq = 2').run(forged, sha256(`${row.prev_hash}\n2\n${forged}`));
    expect(audit.verify()).toMatchObject({ ok: false, brokenAt: 3, reason: 'entry 3 does not link to entry 2 (its previous hash differs)' });
  });

  it('an indexed column changed to hide an entry from a filter', () => {
    db.prepare("UPDATE audit_log SET kind = 'replanned' WHERE seq = 4").run();
    expect(audit.verify()).toMatchObject({ ok: false, brokenAt: 4, reason: "entry 4's kind, time or actor columns disagree with its content" });
  });
});
