import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { BatchRecord, expiresAtOf, LineRecord, SignedDecision } from '../../../shared/approvals';
import { describeProblems } from '../../../shared/domain';
import { cachedNetwork } from './network-origin';
import { ParsedRows } from './parsed-rows';

/** How a line is stored: its final states, or waiting (expiry and escalation are worked out from time). */
export type StoredLineState = 'auto-approved' | 'waiting' | 'approved' | 'rejected';

export interface StoredLine {
  record: LineRecord;
  state: StoredLineState;
  settledAt: string | null;
}

export interface LineFilter {
  states?: readonly StoredLineState[];
  batchId?: string;
  /** A rule id, or null for lines the fallback routed. */
  ruleId?: string | null;
  /** Lines to or from this node. */
  nodeId?: string;
  minValue?: number;
  maxValue?: number;
}

/** A device key this desktop accepts signatures from, and the roles its user was verified to hold. */
export const TrustedDeviceKey = z.object({
  login: z.string(),
  deviceId: z.string(),
  name: z.string(),
  publicKey: z.string(),
  fingerprint: z.string(),
  roles: z.array(z.string()),
  rolesSource: z.enum(['own', 'demo-profile', 'odoo']),
  rolesVerifiedAt: z.string(),
  trustedBy: z.string(),
  trustedAt: z.string(),
});
export type TrustedDeviceKey = z.infer<typeof TrustedDeviceKey>;

export interface Handoff {
  lineId: string;
  batchId: string;
  idempotencyKey: string;
  handedAt: string;
  command: unknown;
}

interface LineRow {
  id: string;
  record: string;
  state: StoredLineState;
  settled_at: string | null;
}

interface KeyRow {
  login: string;
  device_id: string;
  name: string;
  public_key: string;
  fingerprint: string;
  roles: string;
  roles_source: string;
  roles_verified_at: string;
  trusted_by: string;
  trusted_at: string;
}

/** Enough for every open line of a long Odoo outage and a page of history. */
const PARSED_LINES_KEPT = 10_000;

/**
 * A stored record (a line, a batch, a signed decision) that no longer passes its schema: the database
 * was changed outside the planner. Named, so the screen says which record, not a parser's message.
 */
export class StoredRecordUnreadableError extends Error {
  constructor(what: string, problems: string) {
    super(`${what} in the local cache cannot be read (${problems}); it was changed outside the planner, and nothing was shown from it.`);
    this.name = 'StoredRecordUnreadableError';
  }
}

function parseStored<T>(schema: z.ZodType<T>, what: string, text: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StoredRecordUnreadableError(what, error instanceof Error ? error.message : String(error));
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new StoredRecordUnreadableError(what, describeProblems(parsed.error));
  return parsed.data;
}

function parseLine(lineId: string, text: string): LineRecord {
  return parseStored(LineRecord, `Approval line ${lineId}`, text);
}

/** Where a line stands at a moment, as far as the table alone tells (who may decide it needs its decisions). */
export type LineStanding = StoredLineState | 'expired';

/** A waiting line past its expiry at the moment bound first (`?`): expired, though still stored as waiting. */
const EXPIRED = `(l.state = 'waiting' AND l.expires_at IS NOT NULL AND l.expires_at <= ?)`;

function whereOf(filter: LineFilter, extra: readonly string[] = []): { where: string; params: (string | number)[] } {
  const clauses = [...extra];
  const params: (string | number)[] = [];
  if (filter.states && filter.states.length > 0) {
    clauses.push(`l.state IN (${filter.states.map(() => '?').join(', ')})`);
    params.push(...filter.states);
  }
  if (filter.batchId !== undefined) {
    clauses.push('l.batch_id = ?');
    params.push(filter.batchId);
  }
  if (filter.ruleId !== undefined) {
    if (filter.ruleId === null) clauses.push('l.rule_id IS NULL');
    else {
      clauses.push('l.rule_id = ?');
      params.push(filter.ruleId);
    }
  }
  if (filter.nodeId !== undefined) {
    clauses.push('(l.node_id = ? OR l.from_node_id = ?)');
    params.push(filter.nodeId, filter.nodeId);
  }
  if (filter.minValue !== undefined) {
    clauses.push('l.value >= ?');
    params.push(filter.minValue);
  }
  if (filter.maxValue !== undefined) {
    clauses.push('l.value <= ?');
    params.push(filter.maxValue);
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

function keyFrom(row: KeyRow): TrustedDeviceKey {
  return TrustedDeviceKey.parse({
    login: row.login,
    deviceId: row.device_id,
    name: row.name,
    publicKey: row.public_key,
    fingerprint: row.fingerprint,
    roles: JSON.parse(row.roles) as unknown,
    rolesSource: row.roles_source,
    rolesVerifiedAt: row.roles_verified_at,
    trustedBy: row.trusted_by,
    trustedAt: row.trusted_at,
  });
}

/**
 * The approvals tables (migration 0007). Every read is parsed with its schema: a row that was
 * changed behind the planner's back fails loudly instead of being trusted. Writes never open their
 * own transaction: the approvals service wraps each decision, its audit entry and its hand-off to
 * the outbox in one.
 */
export class ApprovalStore {
  private readonly records = new ParsedRows(parseLine, PARSED_LINES_KEPT);

  constructor(private readonly db: Database) {}

  private lineFrom = (row: LineRow): StoredLine => ({ record: this.records.get(row.id, row.record), state: row.state, settledAt: row.settled_at });

  /** A batch submitted here is kept with the network it was checked against (an imported one, with none known). */
  insertBatch(batch: BatchRecord, importedFromFile: string | null): void {
    const madeOn = importedFromFile === null ? cachedNetwork(this.db) : null;
    this.db
      .prepare('INSERT INTO approval_batches (id, region, origin_kind, record, submitted_by, submitted_at, imported_from_file, made_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(batch.id, batch.region, batch.origin.kind, JSON.stringify(batch), batch.submittedBy, batch.submittedAt, importedFromFile, madeOn === null ? null : JSON.stringify(madeOn));
  }

  /** `submittedAt` is the batch's: a waiting line's expiry is counted from it. */
  insertLine(line: LineRecord, state: StoredLineState, settledAt: string | null, submittedAt: string): void {
    const proposal = line.proposal;
    this.db
      .prepare('INSERT INTO approval_lines (id, batch_id, position, kind, node_id, from_node_id, sku_id, value, rule_id, record, state, settled_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(
        line.id,
        line.batchId,
        line.position,
        proposal.kind,
        proposal.nodeId,
        proposal.kind === 'transfer' ? proposal.fromNodeId : null,
        proposal.skuId,
        line.facts.value,
        line.routing.ruleId,
        JSON.stringify(line),
        state,
        settledAt,
        expiresAtOf(line.routing.outcome, submittedAt),
      );
  }

  batch(id: string): BatchRecord | null {
    const row = this.db.prepare('SELECT record FROM approval_batches WHERE id = ?').get(id) as { record: string } | undefined;
    return row ? parseStored(BatchRecord, `Approval batch ${id}`, row.record) : null;
  }

  batchImportedFrom(id: string): string | null {
    const row = this.db.prepare('SELECT imported_from_file FROM approval_batches WHERE id = ?').get(id) as { imported_from_file: string | null } | undefined;
    return row?.imported_from_file ?? null;
  }

  /** Newest first. */
  batches(limit: number): BatchRecord[] {
    const rows = this.db.prepare('SELECT id, record FROM approval_batches ORDER BY submitted_at DESC, id DESC LIMIT ?').all(limit) as { id: string; record: string }[];
    return rows.map((row) => parseStored(BatchRecord, `Approval batch ${row.id}`, row.record));
  }

  line(id: string): StoredLine | null {
    const row = this.db.prepare('SELECT id, record, state, settled_at FROM approval_lines WHERE id = ?').get(id) as LineRow | undefined;
    return row ? this.lineFrom(row) : null;
  }

  /** Lines matching the filter, oldest batch first, in batch order. */
  lines(filter: LineFilter = {}): StoredLine[] {
    const { where, params } = whereOf(filter);
    const rows = this.db
      .prepare(`SELECT l.id, l.record, l.state, l.settled_at FROM approval_lines l JOIN approval_batches b ON b.id = l.batch_id ${where} ORDER BY b.submitted_at, b.id, l.position`)
      .all(...params) as LineRow[];
    return rows.map(this.lineFrom);
  }

  /** How many lines matching the filter stand where at `now`: expired lines are still stored as waiting. */
  lineCounts(filter: LineFilter, now: string): Record<LineStanding, number> {
    const { where, params } = whereOf(filter);
    const rows = this.db
      .prepare(`SELECT CASE WHEN ${EXPIRED} THEN 'expired' ELSE l.state END AS standing, COUNT(*) AS count FROM approval_lines l ${where} GROUP BY standing`)
      .all(now, ...params) as { standing: LineStanding; count: number }[];
    const counts: Record<LineStanding, number> = { waiting: 0, 'auto-approved': 0, approved: 0, rejected: 0, expired: 0 };
    for (const row of rows) counts[row.standing] = row.count;
    return counts;
  }

  /** Lines still open for a decision at `now` (waiting and not expired), oldest batch first. */
  openLines(filter: LineFilter, now: string): StoredLine[] {
    const { where, params } = whereOf(filter, [`l.state = 'waiting' AND NOT (${EXPIRED})`]);
    const rows = this.db
      .prepare(`SELECT l.id, l.record, l.state, l.settled_at FROM approval_lines l JOIN approval_batches b ON b.id = l.batch_id ${where} ORDER BY b.submitted_at, b.id, l.position`)
      .all(now, ...params) as LineRow[];
    return rows.map(this.lineFrom);
  }

  /**
   * One page of the lines decided, auto-approved or expired by `now`, the most recently settled
   * first. Only the page's rows are read whole: the sort runs over keys, not over the records.
   */
  settledLines(filter: LineFilter, now: string, page: { offset: number; limit: number }): StoredLine[] {
    const { where, params } = whereOf(filter, [`(l.state <> 'waiting' OR ${EXPIRED})`]);
    return this.pageOf(`COALESCE(l.settled_at, l.expires_at, b.submitted_at)`, where, [now, ...params], page);
  }

  /** One page of every line matching the filter, the newest batch first and each batch in its order. */
  newestLines(filter: LineFilter, page: { offset: number; limit: number }): StoredLine[] {
    const { where, params } = whereOf(filter);
    return this.pageOf('b.submitted_at', where, params, page);
  }

  private pageOf(sortKey: string, where: string, params: readonly (string | number)[], page: { offset: number; limit: number }): StoredLine[] {
    const rows = this.db
      .prepare(
        `WITH page AS (
           SELECT l.id, ${sortKey} AS sort_key, b.submitted_at, b.id AS batch_id, l.position FROM approval_lines l JOIN approval_batches b ON b.id = l.batch_id ${where}
           ORDER BY sort_key DESC, b.submitted_at DESC, b.id DESC, l.position LIMIT ? OFFSET ?)
         SELECT l.id, l.record, l.state, l.settled_at FROM page JOIN approval_lines l ON l.id = page.id
         ORDER BY page.sort_key DESC, page.submitted_at DESC, page.batch_id DESC, page.position`,
      )
      .all(...params, page.limit, page.offset) as LineRow[];
    return rows.map(this.lineFrom);
  }

  /**
   * Proposals of this scenario already in a batch and neither rejected nor expired at `now`, by
   * proposal id (a scenario's proposals are named by their edits, so the same id is the same
   * transfer or purchase).
   */
  openScenarioProposals(scenarioId: string, now: string): Map<string, { batchId: string; state: StoredLineState }> {
    const rows = this.db
      .prepare(
        `SELECT json_extract(l.record, '$.proposal.id') AS proposal_id, l.batch_id, l.state FROM approval_lines l JOIN approval_batches b ON b.id = l.batch_id
         WHERE l.state <> 'rejected' AND NOT ${EXPIRED} AND b.origin_kind = 'scenario' AND json_extract(b.record, '$.origin.scenarioId') = ?`,
      )
      .all(now, scenarioId) as { proposal_id: string; batch_id: string; state: StoredLineState }[];
    return new Map(rows.map((row) => [row.proposal_id, { batchId: row.batch_id, state: row.state }]));
  }

  /**
   * Lines neither rejected nor expired at `now` whose order the network snapshot taken at
   * `takenAt` cannot show yet: made on it or on an earlier one, and not in Odoo by then (no command yet, or one still queued,
   * pushing or waiting to be replanned, or done after the snapshot). A run on that network proposes
   * those orders again. Lines whose command was cancelled or given up never became an order.
   * (Through the hand-off, found by its key: outbox_lines has no index by line, and this runs on
   * every page of a replenishment run.)
   */
  linesNotInSnapshot(takenAt: string, now: string): StoredLine[] {
    const rows = this.db
      .prepare(
        `SELECT l.id, l.record, l.state, l.settled_at FROM approval_lines l JOIN approval_batches b ON b.id = l.batch_id
         WHERE l.state <> 'rejected' AND NOT ${EXPIRED} AND json_extract(b.record, '$.snapshotTakenAt') <= ?
           AND NOT EXISTS (
             SELECT 1 FROM approval_handoffs h JOIN outbox_commands c ON c.id = json_extract(h.command, '$.commandId')
             WHERE h.line_id = l.id AND (c.state IN ('dead-letter', 'cancelled') OR (c.state = 'done' AND c.done_at <= ?)))
         ORDER BY b.submitted_at, b.id, l.position`,
      )
      .all(now, takenAt, takenAt) as LineRow[];
    return rows.map(this.lineFrom);
  }

  /** Rule ids that routed at least one line (null: the fallback), for the inbox's filter. */
  rulesInUse(): (string | null)[] {
    return (this.db.prepare('SELECT DISTINCT rule_id FROM approval_lines ORDER BY rule_id').all() as { rule_id: string | null }[]).map((row) => row.rule_id);
  }

  settleLine(lineId: string, state: 'approved' | 'rejected', settledAt: string): void {
    const result = this.db.prepare("UPDATE approval_lines SET state = ?, settled_at = ? WHERE id = ? AND state = 'waiting'").run(state, settledAt, lineId);
    if (result.changes !== 1) throw new Error(`line ${lineId} was not waiting when its decision was recorded`);
  }

  insertDecision(signed: SignedDecision, importedFromFile: string | null): void {
    const { decision } = signed;
    this.db
      .prepare('INSERT INTO approval_decisions (id, line_id, batch_id, decided_by, decided_at, decision, role, signed, imported_from_file) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(decision.id, decision.lineId, signed.batchId, decision.decidedBy, decision.decidedAt, decision.decision, decision.role, JSON.stringify(signed), importedFromFile);
  }

  hasDecision(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM approval_decisions WHERE id = ?').get(id) !== undefined;
  }

  /** Signed decisions of the given lines, in the order they were made. */
  decisionsOf(lineIds: readonly string[]): Map<string, SignedDecision[]> {
    const byLine = new Map<string, SignedDecision[]>();
    const select = this.db.prepare('SELECT line_id, signed FROM approval_decisions WHERE line_id = ? ORDER BY decided_at, id');
    for (const lineId of lineIds) {
      const rows = select.all(lineId) as { line_id: string; signed: string }[];
      byLine.set(lineId, rows.map((row) => parseStored(SignedDecision, `A decision on approval line ${lineId}`, row.signed)));
    }
    return byLine;
  }

  decisionsOfBatch(batchId: string): SignedDecision[] {
    const rows = this.db.prepare('SELECT line_id, signed FROM approval_decisions WHERE batch_id = ? ORDER BY decided_at, id').all(batchId) as { line_id: string; signed: string }[];
    return rows.map((row) => parseStored(SignedDecision, `A decision on approval line ${row.line_id}`, row.signed));
  }

  handOff(handoff: Handoff): void {
    this.db
      .prepare('INSERT INTO approval_handoffs (line_id, batch_id, idempotency_key, handed_at, command) VALUES (?, ?, ?, ?, ?)')
      .run(handoff.lineId, handoff.batchId, handoff.idempotencyKey, handoff.handedAt, JSON.stringify(handoff.command));
  }

  handoffs(): Handoff[] {
    const rows = this.db.prepare('SELECT line_id, batch_id, idempotency_key, handed_at, command FROM approval_handoffs ORDER BY handed_at, line_id').all() as {
      line_id: string;
      batch_id: string;
      idempotency_key: string;
      handed_at: string;
      command: string;
    }[];
    return rows.map((row) => ({ lineId: row.line_id, batchId: row.batch_id, idempotencyKey: row.idempotency_key, handedAt: row.handed_at, command: JSON.parse(row.command) as unknown }));
  }

  handedOff(lineIds: readonly string[]): Set<string> {
    const select = this.db.prepare('SELECT 1 FROM approval_handoffs WHERE line_id = ?');
    return new Set(lineIds.filter((lineId) => select.get(lineId) !== undefined));
  }

  /** This desktop's id, made once (it names the device half of every key made here). */
  deviceId(makeId: () => string, now: string): string {
    const row = this.db.prepare('SELECT device_id FROM device_identity WHERE id = 1').get() as { device_id: string } | undefined;
    if (row) return row.device_id;
    this.db.prepare('INSERT OR IGNORE INTO device_identity (id, device_id, created_at) VALUES (1, ?, ?)').run(makeId(), now);
    return (this.db.prepare('SELECT device_id FROM device_identity WHERE id = 1').get() as { device_id: string }).device_id;
  }

  trustedKey(login: string, deviceId: string): TrustedDeviceKey | null {
    const row = this.db.prepare('SELECT * FROM trusted_device_keys WHERE login = ? AND device_id = ?').get(login, deviceId) as KeyRow | undefined;
    return row ? keyFrom(row) : null;
  }

  trustedKeys(): TrustedDeviceKey[] {
    return (this.db.prepare('SELECT * FROM trusted_device_keys ORDER BY login, device_id').all() as KeyRow[]).map(keyFrom);
  }

  /** Adds or replaces the key trusted for a user on a device. */
  trustKey(key: TrustedDeviceKey): void {
    this.db
      .prepare(
        `INSERT INTO trusted_device_keys (login, device_id, name, public_key, fingerprint, roles, roles_source, roles_verified_at, trusted_by, trusted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (login, device_id) DO UPDATE SET name = excluded.name, public_key = excluded.public_key, fingerprint = excluded.fingerprint, roles = excluded.roles,
           roles_source = excluded.roles_source, roles_verified_at = excluded.roles_verified_at, trusted_by = excluded.trusted_by, trusted_at = excluded.trusted_at`,
      )
      .run(key.login, key.deviceId, key.name, key.publicKey, key.fingerprint, JSON.stringify(key.roles), key.rolesSource, key.rolesVerifiedAt, key.trustedBy, key.trustedAt);
  }

  recordExport(file: { fileId: string; kind: string; batchId: string; signer: string; createdAt: string }): void {
    this.db.prepare('INSERT INTO exchange_exports (file_id, kind, batch_id, signer, created_at) VALUES (?, ?, ?, ?, ?)').run(file.fileId, file.kind, file.batchId, file.signer, file.createdAt);
  }

  exportedHere(fileId: string): { createdAt: string } | null {
    const row = this.db.prepare('SELECT created_at FROM exchange_exports WHERE file_id = ?').get(fileId) as { created_at: string } | undefined;
    return row ? { createdAt: row.created_at } : null;
  }

  /** Whether this desktop made the file or has imported it (by file id alone). */
  knowsFile(fileId: string): boolean {
    return this.db.prepare('SELECT 1 FROM exchange_exports WHERE file_id = ? UNION ALL SELECT 1 FROM exchange_imports WHERE file_id = ? LIMIT 1').get(fileId, fileId) !== undefined;
  }

  /** When a file (by its id, or the digest of its signed bytes) was imported here before. */
  importedBefore(fileId: string, digest: string): { importedAt: string } | null {
    const row = this.db.prepare('SELECT imported_at FROM exchange_imports WHERE file_id = ? OR digest = ?').get(fileId, digest) as { imported_at: string } | undefined;
    return row ? { importedAt: row.imported_at } : null;
  }

  recordImport(file: { fileId: string; digest: string; kind: string; batchId: string; signer: string; deviceId: string; importedAt: string }): void {
    this.db
      .prepare('INSERT INTO exchange_imports (file_id, digest, kind, batch_id, signer, device_id, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(file.fileId, file.digest, file.kind, file.batchId, file.signer, file.deviceId, file.importedAt);
  }
}
