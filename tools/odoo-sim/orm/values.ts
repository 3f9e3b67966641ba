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

export function displayNameOf(env: Env, model: string, id: number): string | false {
  const row = env.db.table(model).get(id);
  if (!row) return false;
  return displayName(env, env.model(model), row);
}
