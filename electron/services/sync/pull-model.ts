import { z } from 'zod';
import { describeProblems } from '../../../shared/domain';
import type { OdooClient, OdooDialect } from '../odoo';
import type { OdooStaging, StagedRecord, SyncCursor } from '../store';
import type { PullSpec } from './pull-specs';

/** One record Odoo sent that the planner cannot use, and why. */
export interface RecordFailure {
  model: string;
  id: number | null;
  problem: string;
}

export class SyncPageError extends Error {
  constructor(
    readonly model: string,
    readonly failures: RecordFailure[],
  ) {
    super(
      `${failures.length} ${model} record(s) from Odoo could not be used; nothing of that page was stored: ` +
        failures
          .slice(0, 10)
          .map((failure) => `#${failure.id ?? '?'} ${failure.problem}`)
          .join('; ') +
        (failures.length > 10 ? `; and ${failures.length - 10} more` : ''),
    );
    this.name = 'SyncPageError';
  }
}

export class SyncCancelledError extends Error {
  constructor() {
    super('The sync was cancelled; what was read so far is kept and the next sync continues from there.');
    this.name = 'SyncCancelledError';
  }
}

export interface PullContext {
  client: OdooClient;
  staging: OdooStaging;
  dialect: OdooDialect;
  signal?: AbortSignal;
  /** Server-side times only ever come from Odoo's write_date; this is for our own bookkeeping. */
  now(): string;
  /** Incremental pulls look back this far before their cursor (long transactions commit late). */
  overlapMinutes: number;
  /** Caps every model's page size (tests use small pages to exercise paging). */
  maxPageSize?: number;
  onProgress(label: string, done: number, total: number): void;
}

export interface PullResult {
  model: string;
  phase: 'first' | 'incremental';
  read: number;
  removed: number;
  /** Ids of records stored by this pull, so that what hangs off them can be refreshed. */
  touched: number[];
  /** Ids of records this pull dropped from staging. */
  removedIds: number[];
  /** Incremental pulls: the staged rows this pull replaced or dropped, as they were before it. */
  before: StagedRecord[];
}

const Rows = z.array(z.unknown());
const Stamps = z.array(z.object({ id: z.number().int().positive(), write_date: z.union([z.string(), z.literal(false)]) }));
const LIST_PAGE = 20_000;

function shiftWriteDate(writeDate: string, minutes: number): string {
  const shifted = new Date(Date.parse(`${writeDate.replace(' ', 'T')}Z`) - minutes * 60_000);
  return shifted.toISOString().slice(0, 19).replace('T', ' ');
}

function parsePage(spec: PullSpec, raw: unknown[], dialect: OdooDialect): { staged: StagedRecord[]; ids: number[]; maxWriteDate: string | null } {
  const failures: RecordFailure[] = [];
  const staged: StagedRecord[] = [];
  const ids: number[] = [];
  let maxWriteDate: string | null = null;
  for (const item of raw) {
    const parsed = spec.row.safeParse(item);
    if (!parsed.success) {
      const id = typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'number' ? (item as { id: number }).id : null;
      failures.push({ model: spec.model, id, problem: describeProblems(parsed.error) });
      continue;
    }
    staged.push(spec.stage(parsed.data as never, dialect));
    ids.push(parsed.data.id);
    const written = parsed.data.write_date;
    if (written !== false && (maxWriteDate === null || written > maxWriteDate)) maxWriteDate = written;
  }
  if (failures.length > 0) throw new SyncPageError(spec.model, failures);
  return { staged, ids, maxWriteDate };
}

function later(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/**
 * Pulls one model into staging. A first pull pages by id and can resume where it stopped; later
 * pulls page by (write_date, id) from the cursor minus an overlap. Either way each page is stored
 * with its cursor in one transaction, and records Odoo no longer lists are dropped at the end.
 */
export async function pullModel(spec: PullSpec, context: PullContext): Promise<PullResult> {
  const { client, staging, dialect } = context;
  const cursor: SyncCursor = staging.cursor(spec.model) ?? { model: spec.model, phase: 'first', lastId: 0, writeDate: null, updatedAt: context.now() };
  const fields = spec.fields(dialect);
  const base = spec.domain(dialect);
  const touched: number[] = [];
  const before: StagedRecord[] = [];
  const pageSize = Math.min(spec.pageSize, context.maxPageSize ?? Number.POSITIVE_INFINITY);
  let read = 0;

  const fetchPage = async (domain: unknown[], order: string): Promise<unknown[]> => {
    if (context.signal?.aborted) throw new SyncCancelledError();
    return client.executeKw(spec.model, 'search_read', [domain], { fields, order, limit: pageSize }, Rows);
  };

  if (cursor.phase === 'first' || cursor.writeDate === null) {
    let lastId = cursor.phase === 'first' ? cursor.lastId : 0;
    let writeDate = cursor.writeDate;
    const total = await client.searchCount(spec.model, [...base, ['id', '>', lastId]]);
    context.onProgress(spec.label, 0, total);
    for (;;) {
      const raw = await fetchPage([...base, ['id', '>', lastId]], 'id asc');
      const page = parsePage(spec, raw, dialect);
      if (page.ids.length > 0) lastId = page.ids[page.ids.length - 1] ?? lastId;
      writeDate = later(writeDate, page.maxWriteDate);
      staging.storePage(spec.model, page.staged, { model: spec.model, phase: 'first', lastId, writeDate, updatedAt: context.now() });
      read += page.staged.length;
      touched.push(...page.ids);
      context.onProgress(spec.label, read, total);
      if (raw.length < pageSize) break;
    }
    staging.writeCursor({ model: spec.model, phase: 'incremental', lastId, writeDate, updatedAt: context.now() });
  } else {
    // Two steps: list (id, write_date) in the window, then read in full only what staging does not
    // already hold at that write_date. The overlap window then costs ids, not rows.
    const since = shiftWriteDate(cursor.writeDate, context.overlapMinutes);
    // Everything written in the window, in the domain or not (done, cancelled, archived, moved
    // away), listed before the domain's own stamps so that a record written in between is never
    // taken for one that left.
    const writtenSince = await client.search(spec.model, [['write_date', '>=', since]], { order: 'write_date asc, id asc', context: { active_test: false } });
    const inDomain = new Set<number>();
    const window = [...base, ['write_date', '>=', since]];
    const total = writtenSince.length;
    context.onProgress(spec.label, 0, total);
    let writeDate: string | null = cursor.writeDate;
    let after: { writeDate: string; id: number } | null = null;
    let listed = 0;
    for (;;) {
      if (context.signal?.aborted) throw new SyncCancelledError();
      const keyset: unknown[] = after ? ['|', ['write_date', '>', after.writeDate], '&', ['write_date', '=', after.writeDate], ['id', '>', after.id]] : [];
      const stamps = await client.executeKw(spec.model, 'search_read', [[...window, ...keyset]], { fields: ['write_date'], order: 'write_date asc, id asc', limit: LIST_PAGE }, Stamps);
      for (const stamp of stamps) inDomain.add(stamp.id);
      const known = context.staging.writeDates(spec.model, stamps.map((stamp) => stamp.id));
      const changed = stamps.filter((stamp) => stamp.write_date === false || known.get(stamp.id) !== stamp.write_date).map((stamp) => stamp.id);
      for (let start = 0; start < changed.length; start += pageSize) {
        const ids = changed.slice(start, start + pageSize);
        before.push(...staging.rowsWithIds(spec.model, ids.filter((id) => known.has(id))));
        const raw = await fetchPage([...base, ['id', 'in', ids]], 'id asc');
        const page = parsePage(spec, raw, dialect);
        writeDate = later(writeDate, page.maxWriteDate);
        staging.storePage(spec.model, page.staged, { model: spec.model, phase: 'incremental', lastId: cursor.lastId, writeDate, updatedAt: context.now() });
        read += page.staged.length;
        touched.push(...page.ids);
      }
      listed += stamps.length;
      context.onProgress(spec.label, listed, Math.max(total, listed));
      const last = stamps[stamps.length - 1];
      if (last && last.write_date !== false) writeDate = later(writeDate, last.write_date);
      if (stamps.length < LIST_PAGE || !last || last.write_date === false) break;
      after = { writeDate: last.write_date, id: last.id };
    }
    before.push(...staging.drop(spec.model, writtenSince.filter((id) => !inDomain.has(id))));
    staging.writeCursor({ model: spec.model, phase: 'incremental', lastId: cursor.lastId, writeDate, updatedAt: context.now() });
  }

  if (context.signal?.aborted) throw new SyncCancelledError();
  const incremental = cursor.phase === 'incremental' && cursor.writeDate !== null;
  before.push(...(await dropWhatOdooNoLongerLists(spec, base, cursor, incremental, context)));
  const finished = staging.cursor(spec.model);
  if (finished) staging.writeCursor({ ...finished, updatedAt: context.now() });
  const touchedIds = new Set(touched);
  const removedIds = before.map((row) => Number(row.id)).filter((id) => !touchedIds.has(id));
  return { model: spec.model, phase: incremental ? 'incremental' : 'first', read, removed: removedIds.length, touched, removedIds, before };
}

/**
 * Deletions are invisible to write_date: whatever Odoo no longer lists under the domain goes. A
 * first pull that ran start to finish in one go holds nothing stale; one resumed after a stop may.
 * After an incremental pull every record that entered the domain since the last sync was written
 * then and is staged now, and those written out of it are dropped already; so when Odoo counts as
 * many records as staging holds, nothing was deleted and the listing of every id is skipped.
 */
async function dropWhatOdooNoLongerLists(spec: PullSpec, base: unknown[], cursor: SyncCursor, incremental: boolean, context: PullContext): Promise<StagedRecord[]> {
  const { client, staging } = context;
  const uninterruptedFirstPull = cursor.phase === 'first' && cursor.lastId === 0 && cursor.writeDate === null;
  if (uninterruptedFirstPull) return [];
  if (incremental && (await client.searchCount(spec.model, base)) === staging.count(spec.model)) return [];
  return staging.keepOnly(spec.model, new Set(await client.search(spec.model, base)));
}
