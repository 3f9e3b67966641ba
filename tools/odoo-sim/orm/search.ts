import { compileDomain } from './domain';
import type { Env } from './env';
import { userError, valueError } from './errors';
import type { Field, ModelDef, Row } from './model-spec';
import { displayName, fieldValue } from './values';

interface OrderKey {
  def: ModelDef;
  field: Field;
  desc: boolean;
}

export interface SearchOptions {
  offset?: number;
  limit?: number | null;
  order?: string | null;
}

const ORDER_TERM = /^\s*"?(\w+)"?(?:\s+(asc|desc))?(?:\s+nulls\s+(first|last))?\s*$/i;

function parseOrder(def: ModelDef, order: string): OrderKey[] {
  const keys: OrderKey[] = [];
  for (const term of order.split(',')) {
    if (term.trim() === '') continue;
    const match = ORDER_TERM.exec(term);
    if (!match) {
      throw userError(
        `Invalid "order" specified (${order}). A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)`,
      );
    }
    const name = match[1] ?? '';
    const field = def.fields.get(name);
    if (!field) throw valueError(`Invalid field ${JSON.stringify(name).replace(/"/g, "'")} on model '${def.name}'`);
    // Odoo logs "cannot sort on non-stored field" and ignores the term; its stored computes sort.
    if (!field.store && !field.reportStore) continue;
    keys.push({ def, field, desc: (match[2] ?? 'asc').toLowerCase() === 'desc' });
  }
  return keys;
}

function sortValue(env: Env, key: OrderKey, row: Row): unknown {
  const value = key.field.store ? row[key.field.name] : fieldValue(env, key.def, key.field, row);
  if (key.field.type === 'many2one') {
    if (typeof value !== 'number' || !key.field.relation) return null;
    const target = env.db.table(key.field.relation).get(value);
    return target ? (displayName(env, env.model(key.field.relation), target) || '') : null;
  }
  if (value === undefined || value === false && key.field.type !== 'boolean') return null;
  return value;
}

function compareRows(env: Env, keys: OrderKey[], a: Row, b: Row): number {
  for (const key of keys) {
    const va = sortValue(env, key, a);
    const vb = sortValue(env, key, b);
    if (va === vb) continue;
    // PostgreSQL: NULLs sort last ascending, first descending.
    if (va === null) return key.desc ? -1 : 1;
    if (vb === null) return key.desc ? 1 : -1;
    const cmp = (va as number | string) < (vb as number | string) ? -1 : 1;
    return key.desc ? -cmp : cmp;
  }
  return a.id - b.id;
}

function isIdOrder(keys: OrderKey[]): 'asc' | 'desc' | null {
  if (keys.length === 1 && keys[0]?.field.name === 'id') return keys[0].desc ? 'desc' : 'asc';
  return null;
}

/** All ids of a model sorted by `order`, cached until the table changes. */
function sortedIds(env: Env, def: ModelDef, keys: OrderKey[], cacheKey: string): number[] {
  const table = env.db.table(def.name);
  const cached = table.sortCache.get(cacheKey);
  if (cached && cached.version === table.version) return cached.ids;
  const rows = table.ids().map((id) => table.get(id) as Row);
  rows.sort((a, b) => compareRows(env, keys, a, b));
  const ids = rows.map((row) => row.id);
  table.sortCache.set(cacheKey, { version: table.version, ids });
  return ids;
}

function lowerBound(ids: number[], value: number, inclusive: boolean): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const id = ids[mid] as number;
    if (inclusive ? id < value : id <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Odoo's `_search`: domain (with the implicit `active` filter), order, offset, limit. Id-ordered
 * pages with an `id > n` floor start with a binary search and stop at the limit, so paging a
 * 500k-row model costs O(page), not O(table).
 */
export function searchIds(env: Env, def: ModelDef, domain: unknown, options: SearchOptions = {}): number[] {
  const compiled = compileDomain(env, def, domain);
  if (compiled.alwaysFalse) return [];
  const table = env.db.table(def.name);
  const activeFilter = def.hasActive && env.context.active_test !== false && !compiled.mentionsActive;
  const test = activeFilter ? (row: Row) => row.active !== false && compiled.test(row) : compiled.test;
  const offset = Math.max(0, Number(options.offset ?? 0) || 0);
  // Odoo tests `if limit:`: 0, None and False all mean no limit.
  const limit = !options.limit ? Infinity : Number(options.limit);
  const orderSpec = typeof options.order === 'string' && options.order.trim() !== '' ? options.order : def.order;
  const keys = parseOrder(def, orderSpec);
  if (keys.length === 0 || keys[keys.length - 1]?.field.name !== 'id') keys.push({ def, field: def.fields.get('id') as Field, desc: false });
  const idOrder = isIdOrder(keys);
  const wanted = offset + limit;
  const out: number[] = [];
  const { hints } = compiled;

  if (hints.candidates !== undefined) {
    const rows: Row[] = [];
    for (const id of hints.candidates) {
      const row = table.get(id);
      if (row && test(row)) rows.push(row);
    }
    if (idOrder) rows.sort((a, b) => (idOrder === 'asc' ? a.id - b.id : b.id - a.id));
    else rows.sort((a, b) => compareRows(env, keys, a, b));
    return rows.slice(offset, offset + limit).map((row) => row.id);
  }

  let ordered: number[];
  let start = 0;
  if (idOrder === 'asc' || idOrder === 'desc') {
    ordered = table.ids();
    if (idOrder === 'asc' && hints.idFloor) start = lowerBound(ordered, hints.idFloor.value, hints.idFloor.inclusive);
  } else {
    ordered = sortedIds(env, def, keys, keys.map((key) => `${key.field.name} ${key.desc ? 'desc' : 'asc'}`).join(','));
    const first = keys[0];
    const range = first && !first.desc && first.field.store ? hints.ranges.get(first.field.name) : undefined;
    if (range && first) {
      // Binary search on the sort key itself (e.g. write_date >= cursor ordered by write_date).
      let lo = 0;
      let hi = ordered.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const value = table.get(ordered[mid] as number)?.[first.field.name];
        const below = value === false || value === undefined || value === null || (range.inclusive ? (value as string) < (range.value as string) : (value as string) <= (range.value as string));
        if (below) lo = mid + 1;
        else hi = mid;
      }
      // NULLs sort last ascending, so everything from lo on is at or above the bound (or NULL, which the test drops).
      start = lo;
    }
  }
  if (idOrder === 'desc') {
    for (let i = ordered.length - 1; i >= 0 && out.length < wanted; i--) {
      const row = table.get(ordered[i] as number);
      if (row && test(row)) out.push(row.id);
    }
  } else {
    for (let i = start; i < ordered.length && out.length < wanted; i++) {
      const row = table.get(ordered[i] as number);
      if (row && test(row)) out.push(row.id);
    }
  }
  return offset > 0 ? out.slice(offset) : out;
}

export function searchCount(env: Env, def: ModelDef, domain: unknown, limit?: number | null): number {
  const compiled = compileDomain(env, def, domain);
  if (compiled.alwaysFalse) return 0;
  const table = env.db.table(def.name);
  const activeFilter = def.hasActive && env.context.active_test !== false && !compiled.mentionsActive;
  const max = !limit ? Infinity : Number(limit);
  let count = 0;
  const consider = (row: Row | undefined): void => {
    if (row && (!activeFilter || row.active !== false) && compiled.test(row)) count++;
  };
  if (compiled.hints.candidates !== undefined) {
    for (const id of compiled.hints.candidates) {
      consider(table.get(id));
      if (count >= max) break;
    }
    return count;
  }
  const ids = table.ids();
  const start = compiled.hints.idFloor ? lowerBound(ids, compiled.hints.idFloor.value, compiled.hints.idFloor.inclusive) : 0;
  for (let i = start; i < ids.length && count < max; i++) consider(table.get(ids[i] as number));
  return count;
}
