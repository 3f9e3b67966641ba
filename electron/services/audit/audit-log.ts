import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { AuditEntry, CanonicalEvent, describeProblems, type CanonicalEventKind } from '../../../shared/domain';
import { AUDIT_GENESIS_HASH } from '../store';
import { canonicalJson } from './canonical-json';

interface AuditRow {
  seq: number;
  at: string;
  kind: string;
  actor: string;
  body: string;
  prev_hash: string;
  hash: string;
}

/** An entry's hash covers its place in the chain, the previous entry's hash and its canonical content. */
export function entryHash(seq: number, prevHash: string, body: string): string {
  return createHash('sha256').update(`${prevHash}\n${seq}\n${body}`).digest('hex');
}

export type AuditVerification =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

export interface AuditQuery {
  kinds?: readonly CanonicalEventKind[];
  /** Only entries older than this sequence number (for paging back). */
  beforeSeq?: number;
  /** Only entries by this actor (a login, or `system`). */
  actor?: string;
  /** Only entries whose content contains this text (case-insensitive). */
  text?: string;
  limit: number;
}

export class InvalidAuditEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAuditEventError';
  }
}

/**
 * The hash-chained, append-only audit log. `append` is the only write; the table's triggers
 * refuse UPDATE and DELETE. Callers recording a decision append inside their own transaction, so
 * the decision and its entry are written together or not at all.
 */
export class AuditLog {
  constructor(private readonly db: Database) {}

  append(event: CanonicalEvent): AuditEntry {
    const parsed = CanonicalEvent.safeParse(event);
    if (!parsed.success) throw new InvalidAuditEventError(`Not a valid ${String((event as { kind?: unknown }).kind)} event: ${describeProblems(parsed.error)}`);
    const checked = parsed.data;
    const body = canonicalJson(checked);
    const write = this.db.transaction((): AuditEntry => {
      const last = this.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
      const seq = (last?.seq ?? 0) + 1;
      const prevHash = last?.hash ?? AUDIT_GENESIS_HASH;
      const hash = entryHash(seq, prevHash, body);
      this.db
        .prepare('INSERT INTO audit_log (seq, at, kind, actor, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(seq, checked.at, checked.kind, checked.actor, body, prevHash, hash);
      return { seq, event: checked, prevHash, hash };
    });
    // IMMEDIATE: two writers never read the same "last entry" and fork the chain.
    return this.db.inTransaction ? write() : write.immediate();
  }

  /** Newest first. */
  list(query: AuditQuery): AuditEntry[] {
    const clauses: string[] = [];
    const params: (string | number)[] = [];
    if (query.kinds && query.kinds.length > 0) {
      clauses.push(`kind IN (${query.kinds.map(() => '?').join(', ')})`);
      params.push(...query.kinds);
    }
    if (query.beforeSeq !== undefined) {
      clauses.push('seq < ?');
      params.push(query.beforeSeq);
    }
    if (query.actor !== undefined) {
      clauses.push('actor = ?');
      params.push(query.actor);
    }
    if (query.text !== undefined && query.text !== '') {
      clauses.push("body LIKE ? ESCAPE '\\'");
      params.push(`%${query.text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`);
    }
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    const rows = this.db.prepare(`SELECT * FROM audit_log ${where} ORDER BY seq DESC LIMIT ?`).all(...params, query.limit) as AuditRow[];
    return rows.map((row) => AuditEntry.parse({ seq: row.seq, event: JSON.parse(row.body) as unknown, prevHash: row.prev_hash, hash: row.hash }));
  }

  /** The kinds of event the log holds, for the Audit screen's filter. */
  kinds(): string[] {
    return (this.db.prepare('SELECT DISTINCT kind FROM audit_log ORDER BY kind').all() as { kind: string }[]).map((row) => row.kind);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  }

  /**
   * Walks the whole chain and reports the first entry that does not hold: a gap in the sequence, a
   * link to the wrong previous hash, content that no longer matches its hash, or indexed columns
   * that disagree with the content they were copied from.
   */
  verify(): AuditVerification {
    let expectedSeq = 1;
    let prevHash = AUDIT_GENESIS_HASH;
    let checked = 0;
    const broken = (seq: number, reason: string): AuditVerification => ({ ok: false, entries: checked, brokenAt: seq, reason });
    for (const row of this.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
      if (row.seq !== expectedSeq) {
        const missing = row.seq - 1 === expectedSeq ? `entry ${expectedSeq} is missing` : `entries ${expectedSeq}–${row.seq - 1} are missing`;
        return broken(expectedSeq, `${missing} (the next entry is ${row.seq})`);
      }
      if (row.prev_hash !== prevHash) return broken(row.seq, `entry ${row.seq} does not link to entry ${row.seq - 1} (its previous hash differs)`);
      if (entryHash(row.seq, row.prev_hash, row.body) !== row.hash) return broken(row.seq, `entry ${row.seq} was changed after it was written (its content no longer matches its hash)`);
      let event: CanonicalEvent;
      try {
        event = CanonicalEvent.parse(JSON.parse(row.body));
      } catch {
        return broken(row.seq, `entry ${row.seq} does not hold a valid event`);
      }
      if (event.kind !== row.kind || event.at !== row.at || event.actor !== row.actor) {
        return broken(row.seq, `entry ${row.seq}'s kind, time or actor columns disagree with its content`);
      }
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    return { ok: true, entries: checked, lastHash: prevHash };
  }
}
