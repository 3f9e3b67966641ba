import type { Env } from './env';
import type { Field, ModelDef, Row } from './model-spec';

/** Storage-form value of a field on a row: stored value, related value or computed value. */
export function fieldValue(env: Env, def: ModelDef, field: Field, row: Row): unknown {
  if (field.name === 'display_name') return displayName(env, def, row);
  if (field.related !== undefined) return relatedValue(env, def, field.related, row);
  if (field.compute !== undefined && !field.stored) return field.compute(env, row);
  if (field.type === 'one2many') return one2manyIds(env, field, row);
  const value = row[field.name];
  if (value === undefined) return emptyValue(field);
  return value;
}

export function emptyValue(field: Field): unknown {
  switch (field.type) {
    case 'integer':
    case 'float':
    case 'monetary':
      return 0;
    case 'boolean':
      return false;
    case 'one2many':
    case 'many2many':
      return [];
    default:
      return false;
  }
}

export function relatedValue(env: Env, def: ModelDef, path: string, row: Row): unknown {
  const parts = path.split('.');
  let currentDef = def;
  let current: Row | undefined = row;
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i] ?? '';
    const field = currentDef.fields.get(name);
    if (!field || !current) return false;
    const value = fieldValue(env, currentDef, field, current);
    if (i === parts.length - 1) return value;
    if (field.type !== 'many2one' || !field.relation) return false;
    currentDef = env.model(field.relation);
    current = typeof value === 'number' ? env.db.table(field.relation).get(value) : undefined;
  }
  return false;
}

export function one2manyIds(env: Env, field: Field, row: Row): number[] {
  if (!field.relation || !field.inverse) return [];
  const table = env.db.table(field.relation);
  const indexed = table.lookup(field.inverse, row.id);
  let ids: number[];
  if (indexed) ids = [...indexed].sort((a, b) => a - b);
  else ids = table.ids().filter((id) => table.get(id)?.[field.inverse ?? ''] === row.id);
  const comodel = env.model(field.relation);
  // Archived children are hidden from one2many reads, as Odoo's active_test does.
  if (comodel.hasActive && env.context.active_test !== false) ids = ids.filter((id) => table.get(id)?.active !== false);
  return ids;
}

export function displayName(env: Env, def: ModelDef, row: Row): string | false {
  if (def.spec.displayName) return def.spec.displayName(env, row);
  if (def.recName) {
    const field = def.fields.get(def.recName);
    const value = field ? fieldValue(env, def, field, row) : false;
    if (typeof value === 'string') return value;
    if (Array.isArray(value) || typeof value === 'number') return String(value);
    return false;
  }
  return `${def.name},${row.id}`;
}

/** Tables whose rows feed the display names of other models (product ← template, move ← picking, …). */
const NAME_SOURCES = ['product.template', 'product.product', 'stock.location', 'stock.warehouse', 'stock.picking', 'stock.picking.type', 'res.partner', 'sale.order', 'sale.order.line', 'purchase.order', 'uom.uom', 'res.users', 'res.company'];

interface NameCache {
  epoch: number;
  names: Map<string, Map<number, string | false>>;
}

const nameCaches = new WeakMap<object, NameCache>();

function nameEpoch(env: Env): number {
  let epoch = 0;
  for (const model of NAME_SOURCES) epoch += env.db.tables.get(model)?.version ?? 0;
  return epoch;
}

/**
 * Display name of a many2one target, cached until one of the name-source tables changes: a page
 * of 5,000 moves names the same few products, locations and pickings over and over.
 */
export function displayNameOf(env: Env, model: string, id: number): string | false {
  let cache = nameCaches.get(env.db);
  const epoch = nameEpoch(env);
  if (!cache || cache.epoch !== epoch) {
    cache = { epoch, names: new Map() };
    nameCaches.set(env.db, cache);
  }
  let names = cache.names.get(model);
  if (!names) cache.names.set(model, (names = new Map()));
  const known = names.get(id);
  if (known !== undefined) return known;
  const row = env.db.table(model).get(id);
  const name = row ? displayName(env, env.model(model), row) : false;
  if (NAME_SOURCES.includes(model)) names.set(id, name);
  return name;
}
