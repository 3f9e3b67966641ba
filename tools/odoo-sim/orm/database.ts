import type { ModelDef, Row } from './model-spec';

type Undo =
  | { kind: 'insert'; model: string; id: number }
  | { kind: 'update'; model: string; before: Row }
  | { kind: 'remove'; model: string; row: Row };

/** Rows touched by one committed transaction, for the persistence journal. */
export interface CommittedChange {
  upserts: { model: string; row: Row }[];
  removals: { model: string; id: number }[];
  nextIds: Record<string, number>;
}

/**
 * One model's records, kept in id order so `[('id','>',n)]` pages start with a binary search
 * instead of a scan; deleted ids leave holes that are compacted lazily.
 */
export class Table {
  readonly rows = new Map<number, Row>();
  private idList: number[] = [];
  private holes = 0;
  nextId = 1;
  /** Bumped on every change; sorted-order caches compare against it. */
  version = 0;
  /** field → value → ids; unset values (false) are not indexed, so lookups of false fall back to a scan. */
  readonly indexes = new Map<string, Map<unknown, number[]>>();
  readonly sortCache = new Map<string, { version: number; ids: number[] }>();

  constructor(readonly def: ModelDef) {
    for (const field of def.fields.values()) if (field.index && field.store) this.indexes.set(field.name, new Map());
  }

  get size(): number {
    return this.rows.size;
  }

  /** Ids in ascending order (no holes). */
  ids(): number[] {
    if (this.holes > 0) {
      this.idList = this.idList.filter((id) => this.rows.has(id));
      this.holes = 0;
    }
    return this.idList;
  }

  get(id: number): Row | undefined {
    return this.rows.get(id);
  }

  /** Ids whose indexed `field` holds `value`; undefined when the field has no index or the value is unset. */
  lookup(field: string, value: unknown): readonly number[] | undefined {
    const index = this.indexes.get(field);
    if (!index || value === false || value === null || value === undefined) return undefined;
    return index.get(value) ?? EMPTY;
  }

  hasIndex(field: string): boolean {
    return this.indexes.has(field);
  }

  addRow(row: Row): void {
    if (row.id >= this.nextId) this.nextId = row.id + 1;
    const last = this.idList[this.idList.length - 1];
    if (last === undefined || row.id > last) this.idList.push(row.id);
    else {
      // Only a rollback or a journal replay re-inserts an old id.
      this.idList.push(row.id);
      this.idList.sort((a, b) => a - b);
    }
    this.rows.set(row.id, row);
    for (const [field, index] of this.indexes) indexAdd(index, row[field], row.id);
    this.version++;
  }

  removeRow(id: number): Row | undefined {
    const row = this.rows.get(id);
    if (!row) return undefined;
    this.rows.delete(id);
    this.holes++;
    for (const [field, index] of this.indexes) indexRemove(index, row[field], id);
    this.version++;
    return row;
  }

  setValues(row: Row, changes: Record<string, unknown>): void {
    for (const [field, value] of Object.entries(changes)) {
      const index = this.indexes.get(field);
      if (index && row[field] !== value) {
        indexRemove(index, row[field], row.id);
        indexAdd(index, value, row.id);
      }
      row[field] = value;
    }
    this.version++;
  }
}

const EMPTY: readonly number[] = Object.freeze([]);

function indexAdd(index: Map<unknown, number[]>, value: unknown, id: number): void {
  if (value === false || value === null || value === undefined) return;
  const bucket = index.get(value);
  if (bucket) bucket.push(id);
  else index.set(value, [id]);
}

function indexRemove(index: Map<unknown, number[]>, value: unknown, id: number): void {
  if (value === false || value === null || value === undefined) return;
  const bucket = index.get(value);
  if (!bucket) return;
  const at = bucket.indexOf(id);
  if (at >= 0) bucket.splice(at, 1);
  if (bucket.length === 0) index.delete(value);
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, Odoo's datetime wire format. */
export function odooDatetime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The in-memory database: one Table per model, and single-writer transactions with an undo log,
 * because every RPC call in Odoo is its own transaction, rolled back whole on error.
 */
export class Database {
  readonly tables = new Map<string, Table>();
  private undo: Undo[] | null = null;
  private touched: Map<string, Set<number>> | null = null;
  private removed: Map<string, Set<number>> | null = null;
  /** Transaction start time: Odoo stamps write_date with `now()` of the transaction, not of the write. */
  private txnNow = '';
  private lastNow = '';
  readonly commitListeners: ((change: CommittedChange) => void)[] = [];

  constructor(
    defs: Iterable<ModelDef>,
    private readonly clock: () => Date = () => new Date(),
  ) {
    for (const def of defs) this.tables.set(def.name, new Table(def));
  }

  table(model: string): Table {
    const table = this.tables.get(model);
    if (!table) throw new Error(`no table for model ${model}`);
    return table;
  }

  get inTransaction(): boolean {
    return this.undo !== null;
  }

  now(): string {
    if (this.undo !== null) return this.txnNow;
    return this.stamp();
  }

  private stamp(): string {
    let now = odooDatetime(this.clock());
    // write_date never goes backwards inside the stand-in, even if the wall clock does.
    if (now < this.lastNow) now = this.lastNow;
    this.lastNow = now;
    return now;
  }

  /** Runs `work` as one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(work: () => T): T {
    if (this.undo !== null) return work();
    this.undo = [];
    this.touched = new Map();
    this.removed = new Map();
    this.txnNow = this.stamp();
    try {
      const result = work();
      this.commit();
      return result;
    } catch (error) {
      this.rollback();
      throw error;
    }
  }

  private commit(): void {
    const touched = this.touched ?? new Map<string, Set<number>>();
    const removed = this.removed ?? new Map<string, Set<number>>();
    this.undo = null;
    this.touched = null;
    this.removed = null;
    if (this.commitListeners.length === 0 || (touched.size === 0 && removed.size === 0)) return;
    const change: CommittedChange = { upserts: [], removals: [], nextIds: {} };
    for (const [model, ids] of touched) {
      const table = this.table(model);
      change.nextIds[model] = table.nextId;
      for (const id of ids) {
        const row = table.get(id);
        if (row) change.upserts.push({ model, row });
      }
    }
    for (const [model, ids] of removed) {
      change.nextIds[model] = this.table(model).nextId;
      for (const id of ids) change.removals.push({ model, id });
    }
    for (const listener of this.commitListeners) listener(change);
  }

  private rollback(): void {
    const undo = this.undo ?? [];
    this.undo = null;
    this.touched = null;
    this.removed = null;
    for (let i = undo.length - 1; i >= 0; i--) {
      const entry = undo[i];
      if (!entry) continue;
      const table = this.table(entry.model);
      if (entry.kind === 'insert') table.removeRow(entry.id);
      else if (entry.kind === 'remove') table.addRow(entry.row);
      else {
        const row = table.get(entry.before.id);
        if (row) {
          const restore: Record<string, unknown> = {};
          for (const key of new Set([...Object.keys(row), ...Object.keys(entry.before)])) restore[key] = entry.before[key];
          table.setValues(row, restore);
        }
      }
    }
  }

  private mark(model: string, id: number, kind: 'touched' | 'removed'): void {
    const map = kind === 'touched' ? this.touched : this.removed;
    if (!map) return;
    let set = map.get(model);
    if (!set) map.set(model, (set = new Set()));
    set.add(id);
    if (kind === 'removed') this.touched?.get(model)?.delete(id);
  }

  /** Inserts a row with a fresh id (or the row's own id when loading); the object becomes the row. */
  insert(model: string, values: Omit<Row, 'id'> & { id?: number }): Row {
    const table = this.table(model);
    const row = values as Row;
    if (typeof row.id !== 'number' || row.id <= 0) row.id = table.nextId;
    const id = row.id;
    table.addRow(row);
    this.undo?.push({ kind: 'insert', model, id });
    this.mark(model, id, 'touched');
    return row;
  }

  update(model: string, row: Row, changes: Record<string, unknown>): void {
    const table = this.table(model);
    if (this.undo) {
      this.undo.push({ kind: 'update', model, before: { ...row } });
      this.mark(model, row.id, 'touched');
    }
    table.setValues(row, changes);
  }

  remove(model: string, id: number): void {
    const row = this.table(model).removeRow(id);
    if (!row) return;
    this.undo?.push({ kind: 'remove', model, row });
    this.mark(model, id, 'removed');
  }
}
