import type { Database, Statement } from 'better-sqlite3';
import { batchNetwork, cachedNetwork, CommandOrigin, readStoredOrigin, type UnreadableOrigin } from './network-origin';

/**
 * The outbox's queries. JSON columns come back parsed but unchecked (`unknown`): the outbox
 * service owns their schemas and checks them on the way in and out.
 */

export type StoredCommandState = 'queued' | 'pushing' | 'done' | 'needs-replanning' | 'dead-letter' | 'cancelled';

/** What a screen calls the command: the stored state, refined for queued ones. */
export type CommandStatus = StoredCommandState | 'retrying' | 'blocked' | 'cancelling';

export interface StoredCommand {
  id: string;
  idempotencyKey: string;
  batchId: string | null;
  kind: 'transfer' | 'purchase';
  lane: string;
  payload: unknown;
  state: StoredCommandState;
  cancelRequested: boolean;
  revision: number;
  attempts: number;
  failures: number;
  nextAttemptAt: string;
  lastError: string | null;
  replan: unknown;
  odooRecords: unknown;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
  /**
   * The network it was approved on; null when from none in particular (looked up where it is pushed);
   * `unreadable` when the cache's record of it is damaged (where it belongs is unknown).
   */
  madeOn: CommandOrigin | UnreadableOrigin | null;
}

export interface NewCommand {
  id: string;
  idempotencyKey: string;
  batchId: string | null;
  kind: 'transfer' | 'purchase';
  lane: string;
  payload: unknown;
  lineIds: string[];
  afterLineIds: string[];
  createdBy: string;
  now: string;
  madeOn: CommandOrigin | null;
}

export interface HistoryEntry {
  id: number;
  commandId: string;
  at: string;
  event: string;
  attempt: number | null;
  message: string;
  detail: unknown;
}

export interface CommandListFilter {
  statuses?: readonly CommandStatus[];
  batchId?: string;
  offset: number;
  limit: number;
}

interface CommandRow {
  id: string;
  idempotency_key: string;
  batch_id: string | null;
  kind: 'transfer' | 'purchase';
  lane: string;
  payload: string;
  state: StoredCommandState;
  cancel_requested: number;
  revision: number;
  attempts: number;
  failures: number;
  next_attempt_at: string;
  last_error: string | null;
  replan: string | null;
  odoo_records: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  done_at: string | null;
  made_on: string | null;
}

/**
 * A stored JSON column, or undefined when it is not JSON (a damaged cache): each reader checks what
 * it got against its schema, so one damaged command is refused on its own instead of every read of
 * the outbox failing (the pusher claims several at a time, and would stall on it for good).
 */
function storedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function fromRow(row: CommandRow): StoredCommand {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    batchId: row.batch_id,
    kind: row.kind,
    lane: row.lane,
    payload: storedJson(row.payload),
    state: row.state,
    cancelRequested: row.cancel_requested === 1,
    revision: row.revision,
    attempts: row.attempts,
    failures: row.failures,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    replan: row.replan === null ? null : storedJson(row.replan),
    odooRecords: storedJson(row.odoo_records),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    doneAt: row.done_at,
    madeOn: readStoredOrigin(row.made_on),
  };
}

/** A batch key for lines without a batch, so (batch, line) stays unique either way. */
export function batchKeyOf(batchId: string | null): string {
  return batchId ?? '';
}

/** A dependency is met once the line it names is in a command that is done. */
const UNMET_DEPENDENCY = `EXISTS (
  SELECT 1 FROM outbox_dependencies d
  WHERE d.command_id = c.id AND NOT EXISTS (
    SELECT 1 FROM outbox_lines l JOIN outbox_commands p ON p.id = l.command_id
    WHERE l.batch_key = d.batch_key AND l.line_id = d.after_line_id AND p.state = 'done'))`;

/** Cancelling needs no dependency: it only undoes what this command itself may have made. */
const READY = `c.state = 'queued' AND c.next_attempt_at <= @now AND (c.cancel_requested = 1 OR NOT ${UNMET_DEPENDENCY})`;

const STATUS = `CASE
  WHEN c.state = 'queued' AND c.cancel_requested = 1 THEN 'cancelling'
  WHEN c.state = 'queued' AND ${UNMET_DEPENDENCY} THEN 'blocked'
  WHEN c.state = 'queued' AND c.failures > 0 THEN 'retrying'
  ELSE c.state END`;

export class OutboxStore {
  private readonly statements = new Map<string, Statement>();

  constructor(readonly db: Database) {}

  private statement(sql: string): Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /**
   * Writes a command, its lines, its dependencies and its first history entry. Runs inside the
   * caller's transaction when there is one (a savepoint), so a failure leaves nothing behind.
   */
  insertCommand(command: NewCommand): void {
    this.db.transaction(() => {
      this.statement(
        `INSERT INTO outbox_commands (id, idempotency_key, batch_id, kind, lane, payload, state, next_attempt_at, created_by, created_at, updated_at, made_on)
         VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?)`,
      ).run(
        command.id,
        command.idempotencyKey,
        command.batchId,
        command.kind,
        command.lane,
        JSON.stringify(command.payload),
        command.now,
        command.createdBy,
        command.now,
        command.now,
        command.madeOn === null ? null : JSON.stringify(CommandOrigin.parse(command.madeOn)),
      );
      const batchKey = batchKeyOf(command.batchId);
      for (const lineId of command.lineIds) this.statement('INSERT INTO outbox_lines (batch_key, line_id, command_id) VALUES (?, ?, ?)').run(batchKey, lineId, command.id);
      for (const after of command.afterLineIds) this.statement('INSERT OR IGNORE INTO outbox_dependencies (command_id, batch_key, after_line_id) VALUES (?, ?, ?)').run(command.id, batchKey, after);
    })();
  }

  /** The command that already carries this line of the batch, if any. */
  commandOfLine(batchId: string | null, lineId: string): string | null {
    const row = this.statement('SELECT command_id FROM outbox_lines WHERE batch_key = ? AND line_id = ?').get(batchKeyOf(batchId), lineId) as { command_id: string } | undefined;
    return row?.command_id ?? null;
  }

  lineIdsOf(commandId: string): string[] {
    return this.statement('SELECT line_id FROM outbox_lines WHERE command_id = ? ORDER BY line_id').pluck().all(commandId) as string[];
  }

  /** Lines of the batch this command waits for, with the state of the command carrying each (null: not queued yet). */
  dependenciesOf(commandId: string): { lineId: string; commandId: string | null; state: StoredCommandState | null }[] {
    return (
      this.statement(
        `SELECT d.after_line_id AS line_id, l.command_id AS command_id, p.state AS state FROM outbox_dependencies d
         LEFT JOIN outbox_lines l ON l.batch_key = d.batch_key AND l.line_id = d.after_line_id
         LEFT JOIN outbox_commands p ON p.id = l.command_id WHERE d.command_id = ? ORDER BY d.after_line_id`,
      ).all(commandId) as { line_id: string; command_id: string | null; state: StoredCommandState | null }[]
    ).map((row) => ({ lineId: row.line_id, commandId: row.command_id, state: row.state }));
  }

  appendHistory(commandId: string, at: string, event: string, message: string, attempt: number | null = null, detail: unknown = null): void {
    this.statement('INSERT INTO outbox_history (command_id, at, event, attempt, message, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
      commandId,
      at,
      event,
      attempt,
      message,
      detail === null ? null : JSON.stringify(detail),
    );
  }

  history(commandId: string, limit = 500): HistoryEntry[] {
    const rows = this.statement('SELECT id, command_id, at, event, attempt, message, detail FROM outbox_history WHERE command_id = ? ORDER BY id DESC LIMIT ?').all(commandId, limit) as {
      id: number;
      command_id: string;
      at: string;
      event: string;
      attempt: number | null;
      message: string;
      detail: string | null;
    }[];
    return rows.reverse().map((row) => ({ id: row.id, commandId: row.command_id, at: row.at, event: row.event, attempt: row.attempt, message: row.message, detail: row.detail === null ? null : storedJson(row.detail) }));
  }

  get(commandId: string): StoredCommand | null {
    const row = this.statement('SELECT * FROM outbox_commands WHERE id = ?').get(commandId) as CommandRow | undefined;
    return row ? fromRow(row) : null;
  }

  /** A pusher that died mid-round left commands marked as pushing; they are simply pushed again. */
  recoverInterrupted(now: string, resumeAt: string): number {
    return this.db.transaction(() => {
      const ids = this.statement("SELECT id FROM outbox_commands WHERE state = 'pushing'").pluck().all() as string[];
      for (const id of ids) {
        this.statement("UPDATE outbox_commands SET state = 'queued', next_attempt_at = ?, updated_at = ? WHERE id = ?").run(resumeAt, now, id);
        this.appendHistory(id, now, 'interrupted', `The push was interrupted (the planner stopped); from ${resumeAt} it continues where Odoo says it got to.`);
      }
      return ids.length;
    })();
  }

  /**
   * Takes up to `limit` ready commands of one lane (the lane of the oldest ready command) and marks
   * them as being pushed, counting the attempt.
   */
  claim(now: string, limit: number, skipLanes: ReadonlySet<string> = new Set()): StoredCommand[] {
    return this.db.transaction(() => {
      // Every lane with something ready, oldest first: a busy lane never hides a free one behind it.
      const lanes = this.statement(`SELECT c.lane AS lane, c.cancel_requested AS cancelling, MIN(c.id) AS oldest FROM outbox_commands c WHERE ${READY} GROUP BY c.lane, c.cancel_requested ORDER BY oldest`).all({ now }) as {
        lane: string;
        cancelling: number;
      }[];
      const first = lanes.find((entry) => !skipLanes.has(entry.lane));
      if (!first) return [];
      const rows = this.statement(`SELECT c.* FROM outbox_commands c WHERE ${READY} AND c.lane = @lane AND c.cancel_requested = @cancelling ORDER BY c.id LIMIT @limit`).all({
        now,
        lane: first.lane,
        cancelling: first.cancelling,
        limit,
      }) as CommandRow[];
      const mark = this.statement("UPDATE outbox_commands SET state = 'pushing', attempts = attempts + 1, updated_at = ? WHERE id = ?");
      for (const row of rows) {
        mark.run(now, row.id);
        row.state = 'pushing';
        row.attempts += 1;
      }
      return rows.map(fromRow);
    })();
  }

  /** When the next waiting command becomes due (null: nothing is waiting for a time). */
  nextDueAt(now: string): string | null {
    const row = this.statement("SELECT MIN(next_attempt_at) AS at FROM outbox_commands WHERE state = 'queued' AND next_attempt_at > ?").get(now) as { at: string | null };
    return row.at;
  }

  hasReady(now: string): boolean {
    return this.statement(`SELECT 1 FROM outbox_commands c WHERE ${READY} LIMIT 1`).get({ now }) !== undefined;
  }

  saveRecords(commandId: string, records: unknown, now: string): void {
    this.statement('UPDATE outbox_commands SET odoo_records = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(records), now, commandId);
  }

  markDone(commandId: string, records: unknown, now: string): void {
    this.statement("UPDATE outbox_commands SET state = 'done', odoo_records = ?, failures = 0, last_error = NULL, replan = NULL, done_at = ?, updated_at = ? WHERE id = ?").run(JSON.stringify(records), now, now, commandId);
  }

  /** Back in the queue until `nextAttemptAt`; `failed` counts towards the backoff. */
  requeue(commandId: string, nextAttemptAt: string, now: string, failure: { message: string } | null): void {
    if (failure) {
      this.statement("UPDATE outbox_commands SET state = 'queued', failures = failures + 1, last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?").run(failure.message, nextAttemptAt, now, commandId);
    } else {
      this.statement("UPDATE outbox_commands SET state = 'queued', next_attempt_at = ?, updated_at = ? WHERE id = ?").run(nextAttemptAt, now, commandId);
    }
  }

  /** To the dead letters without having been sent: the claim that found it does not count as an attempt. */
  setAside(commandId: string, reason: string, now: string): void {
    this.statement("UPDATE outbox_commands SET state = 'dead-letter', last_error = ?, attempts = MAX(attempts - 1, 0), updated_at = ? WHERE id = ?").run(reason, now, commandId);
  }

  markDeadLetter(commandId: string, message: string, now: string): void {
    this.statement("UPDATE outbox_commands SET state = 'dead-letter', last_error = ?, updated_at = ? WHERE id = ?").run(message, now, commandId);
  }

  markNeedsReplanning(commandId: string, replan: unknown, message: string, now: string): void {
    this.statement("UPDATE outbox_commands SET state = 'needs-replanning', replan = ?, last_error = ?, updated_at = ? WHERE id = ?").run(JSON.stringify(replan), message, now, commandId);
  }

  markCancelled(commandId: string, now: string): void {
    this.statement("UPDATE outbox_commands SET state = 'cancelled', cancel_requested = 0, updated_at = ? WHERE id = ?").run(now, commandId);
  }

  /**
   * Back to the queue now, with a clean backoff (a person asked for it); optionally with a refreshed
   * payload, which dropped its Odoo ids: an Odoo server's command then belongs to no server any more.
   */
  retryNow(commandId: string, now: string, payload?: unknown): void {
    if (payload !== undefined) this.statement("UPDATE outbox_commands SET payload = ?, made_on = CASE WHEN json_extract(made_on, '$.network') = 'odoo' THEN NULL ELSE made_on END WHERE id = ?").run(JSON.stringify(payload), commandId);
    this.statement("UPDATE outbox_commands SET state = 'queued', failures = 0, replan = NULL, next_attempt_at = ?, updated_at = ? WHERE id = ?").run(now, now, commandId);
  }

  requestCancel(commandId: string, now: string): void {
    this.statement("UPDATE outbox_commands SET state = 'queued', cancel_requested = 1, failures = 0, next_attempt_at = ?, updated_at = ? WHERE id = ?").run(now, now, commandId);
  }

  /** A new payload (an edited quantity): a new revision, pushed again from the queue. */
  replacePayload(commandId: string, payload: unknown, now: string): void {
    this.statement("UPDATE outbox_commands SET payload = ?, revision = revision + 1, state = 'queued', failures = 0, replan = NULL, next_attempt_at = ?, updated_at = ? WHERE id = ?").run(
      JSON.stringify(payload),
      now,
      now,
      commandId,
    );
  }

  counts(): Record<CommandStatus, number> {
    const counts: Record<CommandStatus, number> = { queued: 0, pushing: 0, done: 0, 'needs-replanning': 0, 'dead-letter': 0, cancelled: 0, retrying: 0, blocked: 0, cancelling: 0 };
    for (const row of this.statement(`SELECT ${STATUS} AS status, COUNT(*) AS n FROM outbox_commands c GROUP BY status`).all() as { status: CommandStatus; n: number }[]) counts[row.status] = row.n;
    return counts;
  }

  list(filter: CommandListFilter): { total: number; commands: (StoredCommand & { status: CommandStatus })[] } {
    const clauses: string[] = [];
    const params: Record<string, unknown> = { limit: filter.limit, offset: filter.offset };
    if (filter.batchId !== undefined) {
      clauses.push('c.batch_id = @batchId');
      params.batchId = filter.batchId;
    }
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    const statuses = filter.statuses && filter.statuses.length > 0 ? filter.statuses : null;
    const statusClause = statuses ? `WHERE status IN (${statuses.map((_, index) => `@s${index}`).join(', ')})` : '';
    statuses?.forEach((status, index) => (params[`s${index}`] = status));
    const base = `SELECT * FROM (SELECT c.*, ${STATUS} AS status FROM outbox_commands c ${where}) ${statusClause}`;
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM (${base})`).get(params) as { n: number }).n;
    const rows = this.db.prepare(`${base} ORDER BY id DESC LIMIT @limit OFFSET @offset`).all(params) as (CommandRow & { status: CommandStatus })[];
    return { total, commands: rows.map((row) => ({ ...fromRow(row), status: row.status })) };
  }

  /** Commands of a batch by stored state, to know when a batch is fully in Odoo. */
  batchStates(batchId: string): Record<StoredCommandState, number> {
    const counts: Record<StoredCommandState, number> = { queued: 0, pushing: 0, done: 0, 'needs-replanning': 0, 'dead-letter': 0, cancelled: 0 };
    for (const row of this.statement('SELECT state, COUNT(*) AS n FROM outbox_commands WHERE batch_id = ? GROUP BY state').all(batchId) as { state: StoredCommandState; n: number }[]) counts[row.state] = row.n;
    return counts;
  }

  /** The network a command's lines were approved on: their batch's, else the one the cache holds now. */
  originFor(batchId: string | null): CommandOrigin | null {
    return (batchId === null ? null : batchNetwork(this.db, batchId)) ?? cachedNetwork(this.db);
  }

  /** What the cache knows of a node, SKU or supplier option (Odoo ids once synced; null in a demo). */
  cachedNode(nodeId: string): { code: string; odooWarehouseId: number | null } | null {
    const row = this.statement('SELECT code, odoo_warehouse_id FROM nodes WHERE id = ?').get(nodeId) as { code: string; odoo_warehouse_id: number | null } | undefined;
    return row ? { code: row.code, odooWarehouseId: row.odoo_warehouse_id } : null;
  }

  cachedSku(skuId: string): { code: string; odooProductId: number | null } | null {
    const row = this.statement('SELECT code, odoo_product_id FROM skus WHERE id = ?').get(skuId) as { code: string; odoo_product_id: number | null } | undefined;
    return row ? { code: row.code, odooProductId: row.odoo_product_id } : null;
  }

  cachedSupplierOption(optionId: string): { supplier: string; odooPartnerId: number | null } | null {
    const row = this.statement('SELECT supplier, odoo_partner_id FROM supplier_options WHERE id = ?').get(optionId) as { supplier: string; odoo_partner_id: number | null } | undefined;
    return row ? { supplier: row.supplier, odooPartnerId: row.odoo_partner_id } : null;
  }

  paused(): { paused: boolean; changedAt: string | null; changedBy: string | null } {
    const row = this.statement('SELECT paused, changed_at, changed_by FROM outbox_control WHERE id = 1').get() as { paused: number; changed_at: string | null; changed_by: string | null };
    return { paused: row.paused === 1, changedAt: row.changed_at, changedBy: row.changed_by };
  }

  setPaused(paused: boolean, actor: string, now: string): void {
    this.statement('UPDATE outbox_control SET paused = ?, changed_at = ?, changed_by = ? WHERE id = 1').run(paused ? 1 : 0, now, actor);
  }
}
