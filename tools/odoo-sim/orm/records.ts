import { pythonRepr } from '../rpc/python-repr';
import { checkAccess } from './access';
import type { Env } from './env';
import { missingError, type OdooError, validationError, valueError } from './errors';
import type { Field, ModelDef, Row } from './model-spec';
import { float } from './float-value';
import { searchIds } from './search';
import { displayName, displayNameOf, emptyValue, fieldValue, one2manyIds } from './values';

type Vals = Record<string, unknown>;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/;

function invalidField(def: ModelDef, name: string): OdooError {
  return valueError(`Invalid field ${pythonRepr(name)} on model ${pythonRepr(def.name)}`);
}

function notNull(def: ModelDef, field: Field): OdooError {
  return validationError(
    'The operation cannot be completed:\n' +
      '- Create/update: a mandatory field is not set.\n' +
      '- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
      `Model: ${def.description} (${def.name})\n` +
      `Field: ${field.string} (${field.name})\n`,
  );
}

function foreignKey(def: ModelDef, field: Field): OdooError {
  return validationError(
    'The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\n' +
      `Model: ${def.description} (${def.name})\n` +
      `Constraint: ${def.name.replace(/\./g, '_')}_${field.name}_fkey\n`,
  );
}

/** A written value in the stand-in's storage form, validated like Odoo's convert_to_cache. */
export function toStorage(env: Env, def: ModelDef, field: Field, value: unknown): unknown {
  if (value === null || value === undefined) value = false;
  switch (field.type) {
    case 'char':
    case 'text':
    case 'html':
      return value === false ? false : String(value);
    case 'selection': {
      if (value === false) return false;
      const key = String(value);
      if (field.selection && !field.selection.some(([option]) => option === key)) {
        throw valueError(`Wrong value for ${def.name}.${field.name}: ${pythonRepr(value)}`);
      }
      return key;
    }
    case 'integer':
      return value === false ? 0 : Math.trunc(Number(value));
    case 'float':
    case 'monetary': {
      if (value === false) return 0;
      const number = Number(value);
      if (Number.isNaN(number)) throw valueError(`could not convert string to float: ${pythonRepr(value)}`);
      return number;
    }
    case 'boolean':
      return Boolean(value);
    case 'date': {
      if (value === false || value === '') return false;
      const text = String(value).slice(0, 10);
      if (!DATE_RE.test(text)) throw valueError(`time data ${pythonRepr(String(value))} does not match format '%Y-%m-%d'`);
      return text;
    }
    case 'datetime': {
      if (value === false || value === '') return false;
      const text = String(value);
      if (DATE_RE.test(text)) return `${text} 00:00:00`;
      if (!DATETIME_RE.test(text)) throw valueError(`time data ${pythonRepr(text)} does not match format '%Y-%m-%d %H:%M:%S'`);
      return text.slice(0, 19);
    }
    case 'many2one': {
      if (value === false || value === 0) return false;
      const id = Array.isArray(value) ? Number(value[0]) : Number(value);
      if (!Number.isInteger(id)) throw valueError(`Wrong value for ${def.name}.${field.name}: ${pythonRepr(value)}`);
      if (field.relation && !env.db.table(field.relation).get(id)) throw foreignKey(def, field);
      return id;
    }
    case 'binary':
      return value === false ? false : String(value);
    default:
      return value;
  }
}

/** One2many/many2many commands normalised to Odoo's 3-element form (a bare id list means "set"). */
type Command = [number, unknown, unknown];

function commandsOf(value: unknown): unknown[][] {
  if (value === false || value === null || value === undefined) return [[5]];
  if (!Array.isArray(value)) throw valueError(`Wrong value for x2many field: ${pythonRepr(value)}`);
  if (value.every((item) => typeof item === 'number')) return [[6, 0, value]];
  return value.map((item) => {
    if (!Array.isArray(item)) throw valueError(`Wrong x2many command ${pythonRepr(item)}`);
    return item;
  });
}

function defaultFor(env: Env, field: Field): unknown {
  const key = `default_${field.name}`;
  if (key in env.context) return env.context[key];
  if (typeof field.default === 'function') return (field.default as (env: Env) => unknown)(env);
  return field.default;
}

export function defaultGet(env: Env, def: ModelDef, fields: readonly string[]): Vals {
  const result: Vals = {};
  for (const name of fields) {
    const field = def.fields.get(name);
    if (!field) continue;
    const value = defaultFor(env, field);
    if (value !== undefined) result[name] = value;
  }
  return result;
}

function stamp(env: Env): Vals {
  const now = env.now();
  return { create_uid: env.uid, create_date: now, write_uid: env.uid, write_date: now };
}

/** Odoo's create: defaults, the model's own create logic, required checks, x2many commands. */
export function createRecords(env: Env, model: string, valsList: Vals[]): number[] {
  const def = env.model(model);
  checkAccess(env, model, 'create');
  const ids: number[] = [];
  for (const input of valsList) {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw valueError(`Invalid create values ${pythonRepr(input)}`);
    for (const name of Object.keys(input)) if (!def.fields.has(name)) throw invalidField(def, name);
    const vals: Vals = { ...input };
    for (const field of def.fields.values()) {
      if (field.name in vals || field.name === 'id') continue;
      if (!field.store && !field.related) continue;
      const value = defaultFor(env, field);
      if (value !== undefined) vals[field.name] = value;
    }
    def.spec.prepareCreate?.(env, vals);
    const row: Vals = { ...stamp(env) };
    const later: [Field, unknown][] = [];
    for (const [name, value] of Object.entries(vals)) {
      const field = def.fields.get(name);
      if (!field || ['id', 'create_uid', 'create_date', 'write_uid', 'write_date', 'display_name'].includes(name)) continue;
      if (field.type === 'one2many' || field.related !== undefined || (field.compute && !field.stored)) later.push([field, value]);
      else if (field.type === 'many2many') row[name] = applyMany2many(env, field, [], value);
      else row[name] = toStorage(env, def, field, value);
    }
    for (const field of def.fields.values()) {
      if (!field.store || field.type === 'one2many' || field.name === 'id') continue;
      if (!(field.name in row)) row[field.name] = field.type === 'many2many' ? [] : emptyValue(field);
      if (field.required && (row[field.name] === false || row[field.name] === undefined) && field.type !== 'boolean' && field.type !== 'float' && field.type !== 'integer' && field.type !== 'monetary') {
        throw notNull(def, field);
      }
    }
    const inserted = env.db.insert(model, row);
    for (const [field, value] of later) applyLater(env, def, field, inserted, value);
    def.spec.afterCreate?.(env, inserted);
    def.spec.check?.(env, inserted);
    ids.push(inserted.id);
  }
  return ids;
}

function applyLater(env: Env, def: ModelDef, field: Field, row: Row, value: unknown): void {
  if (field.type === 'one2many') applyOne2many(env, field, row, value);
  else if (field.related !== undefined) writeRelated(env, def, field, row, value);
  else if (field.setter) field.setter(env, row, value);
}

function writeRelated(env: Env, def: ModelDef, field: Field, row: Row, value: unknown): void {
  const path = (field.related ?? '').split('.');
  let currentDef = def;
  let current: Row | undefined = row;
  for (let i = 0; i < path.length - 1; i++) {
    const link = currentDef.fields.get(path[i] ?? '');
    if (!link?.relation || !current) return;
    const id: unknown = current[link.name];
    currentDef = env.model(link.relation);
    current = typeof id === 'number' ? env.db.table(link.relation).get(id) : undefined;
  }
  const last = path[path.length - 1] ?? '';
  if (!current || !currentDef.fields.has(last)) return;
  writeRows(env.sudo(), currentDef.name, [current.id], { [last]: value });
}

function applyMany2many(env: Env, field: Field, current: number[], value: unknown): number[] {
  let ids = [...current];
  for (const command of commandsOf(value)) {
    const [code, id, data] = command as Command;
    switch (code) {
      case 0: {
        const created = createRecords(env, field.relation ?? '', [(data ?? {}) as Vals]);
        ids.push(...created);
        break;
      }
      case 1:
        writeRows(env, field.relation ?? '', [Number(id)], (data ?? {}) as Vals);
        break;
      case 2:
        ids = ids.filter((other) => other !== Number(id));
        unlinkRows(env, field.relation ?? '', [Number(id)]);
        break;
      case 3:
        ids = ids.filter((other) => other !== Number(id));
        break;
      case 4:
        if (!ids.includes(Number(id))) ids.push(Number(id));
        break;
      case 5:
        ids = [];
        break;
      case 6:
        ids = Array.isArray(data) ? data.map(Number) : [];
        break;
      default:
        throw valueError(`Unknown command ${pythonRepr(command)}`);
    }
  }
  return [...new Set(ids)];
}

function applyOne2many(env: Env, field: Field, row: Row, value: unknown): void {
  const comodel = field.relation ?? '';
  const inverse = field.inverse ?? '';
  const inverseField = env.model(comodel).fields.get(inverse);
  const detach = (ids: number[]): void => {
    if (ids.length === 0) return;
    if (inverseField?.required) unlinkRows(env, comodel, ids);
    else writeRows(env, comodel, ids, { [inverse]: false });
  };
  for (const command of commandsOf(value)) {
    const [code, id, data] = command as [number, unknown, unknown];
    switch (code) {
      case 0:
        createRecords(env, comodel, [{ ...((data ?? {}) as Vals), [inverse]: row.id }]);
        break;
      case 1:
        writeRows(env, comodel, [Number(id)], (data ?? {}) as Vals);
        break;
      case 2:
        unlinkRows(env, comodel, [Number(id)]);
        break;
      case 3:
        detach([Number(id)]);
        break;
      case 4:
        writeRows(env, comodel, [Number(id)], { [inverse]: row.id });
        break;
      case 5:
        detach(one2manyIds(env.withContext({ active_test: false }), field, row));
        break;
      case 6: {
        const wanted = new Set(Array.isArray(data) ? data.map(Number) : []);
        const current = new Set<number>(env.db.table(comodel).lookup(inverse, row.id) ?? []);
        detach([...current].filter((other) => !wanted.has(other)));
        const toLink = [...wanted].filter((other) => !current.has(other));
        if (toLink.length > 0) writeRows(env, comodel, toLink, { [inverse]: row.id });
        break;
      }
      default:
        throw valueError(`Unknown command ${pythonRepr(command)}`);
    }
  }
}

function existingRows(env: Env, def: ModelDef, ids: readonly number[]): Row[] {
  const table = env.db.table(def.name);
  const rows: Row[] = [];
  const missing: number[] = [];
  for (const id of ids) {
    const row = table.get(id);
    if (row) rows.push(row);
    else missing.push(id);
  }
  if (missing.length > 0) throw missingError(def.name, missing, env.uid);
  return rows;
}

export function writeRows(env: Env, model: string, ids: readonly number[], vals: Vals): true {
  const def = env.model(model);
  // An empty recordset writes nothing and checks nothing.
  if (ids.length === 0) return true;
  checkAccess(env, model, 'write');
  if (typeof vals !== 'object' || vals === null || Array.isArray(vals)) throw valueError(`Invalid write values ${pythonRepr(vals)}`);
  for (const name of Object.keys(vals)) if (!def.fields.has(name)) throw invalidField(def, name);
  const rows = existingRows(env, def, [...new Set(ids)]);
  if (rows.length === 0) return true;
  const now = env.now();
  for (const row of rows) {
    const changes: Vals = { write_uid: env.uid, write_date: now };
    const later: [Field, unknown][] = [];
    for (const [name, value] of Object.entries(vals)) {
      const field = def.fields.get(name) as Field;
      if (['id', 'create_uid', 'create_date', 'write_uid', 'write_date', 'display_name'].includes(name)) continue;
      if (field.type === 'one2many' || field.related !== undefined || (field.compute && !field.stored)) later.push([field, value]);
      else if (field.type === 'many2many') changes[name] = applyMany2many(env, field, (row[name] as number[] | undefined) ?? [], value);
      else {
        const stored = toStorage(env, def, field, value);
        if (field.required && stored === false && !['boolean', 'float', 'integer', 'monetary'].includes(field.type)) throw notNull(def, field);
        changes[name] = stored;
      }
    }
    env.db.update(model, row, changes);
    for (const [field, value] of later) applyLater(env, def, field, row, value);
  }
  def.spec.afterWrite?.(env, rows, vals);
  if (def.spec.check) for (const row of rows) def.spec.check(env, row);
  return true;
}

export function unlinkRows(env: Env, model: string, ids: readonly number[]): true {
  const def = env.model(model);
  if (ids.length === 0) return true;
  checkAccess(env, model, 'unlink');
  const rows = existingRows(env, def, [...new Set(ids)]);
  def.spec.beforeUnlink?.(env, rows);
  for (const row of rows) {
    for (const field of def.fields.values()) {
      if (field.type !== 'one2many' || !field.relation || !field.inverse) continue;
      const inverseField = env.model(field.relation).fields.get(field.inverse);
      const children = [...(env.db.table(field.relation).lookup(field.inverse, row.id) ?? [])];
      if (children.length === 0) continue;
      if (inverseField?.required) unlinkRows(env.sudo(), field.relation, children);
      else for (const id of children) {
        const child = env.db.table(field.relation).get(id);
        if (child) env.db.update(field.relation, child, { [field.inverse]: false });
      }
    }
    env.db.remove(model, row.id);
  }
  return true;
}

function readValue(env: Env, def: ModelDef, field: Field, row: Row, load: unknown): unknown {
  const value = fieldValue(env, def, field, row);
  if (field.type === 'many2one') {
    if (typeof value !== 'number') return false;
    if (load !== '_classic_read') return value;
    return [value, displayNameOf(env.sudo(), field.relation ?? '', value)];
  }
  if (field.type === 'one2many' || field.type === 'many2many') return Array.isArray(value) ? [...value] : [];
  if (field.type === 'float' || field.type === 'monetary') return float(value);
  if (value === undefined || value === null) return emptyValue(field);
  return value;
}

export function readFieldNames(env: Env, def: ModelDef, fields: unknown): string[] {
  if (fields === null || fields === undefined || fields === false || (Array.isArray(fields) && fields.length === 0)) {
    return [...def.fields.values()].filter((field) => !field.groups || field.groups.split(',').some((group) => env.hasGroup(group))).map((field) => field.name);
  }
  if (!Array.isArray(fields)) throw valueError(`Invalid field ${pythonRepr(fields)} on model ${pythonRepr(def.name)}`);
  const names: string[] = [];
  for (const name of fields) {
    if (typeof name !== 'string' || !def.fields.has(name)) throw invalidField(def, String(name));
    names.push(name);
  }
  return names;
}

export function readRows(env: Env, model: string, ids: readonly number[], fields: unknown, load: unknown = '_classic_read'): Vals[] {
  const def = env.model(model);
  checkAccess(env, model, 'read');
  const names = readFieldNames(env, def, fields).filter((name) => name !== 'id');
  const table = env.db.table(model);
  const out: Vals[] = [];
  for (const id of ids) {
    const row = table.get(Number(id));
    if (!row) continue;
    const record: Vals = { id: row.id };
    for (const name of names) record[name] = readValue(env, def, def.fields.get(name) as Field, row, load);
    out.push(record);
  }
  return out;
}

export function searchRead(env: Env, model: string, domain: unknown, fields: unknown, offset: unknown, limit: unknown, order: unknown, load: unknown): Vals[] {
  const def = env.model(model);
  checkAccess(env, model, 'read');
  const ids = searchIds(env, def, domain ?? [], { offset: Number(offset ?? 0) || 0, limit: limit === false || limit === null || limit === undefined ? null : Number(limit), order: typeof order === 'string' ? order : null });
  return readRows(env, model, ids, fields, load);
}

export function fieldsGet(env: Env, model: string, allfields: unknown, attributes: unknown): Record<string, Vals> {
  const def = env.model(model);
  checkAccess(env, model, 'read');
  const wanted = Array.isArray(allfields) && allfields.length > 0 ? new Set(allfields.map(String)) : null;
  const attrs = Array.isArray(attributes) && attributes.length > 0 ? new Set(attributes.map(String)) : null;
  const result: Record<string, Vals> = {};
  for (const field of def.fields.values()) {
    if (wanted && !wanted.has(field.name)) continue;
    if (field.groups && !field.groups.split(',').some((group) => env.hasGroup(group))) continue;
    const description: Vals = {
      type: field.type,
      string: field.string,
      readonly: field.readonly === true || (field.compute !== undefined && !field.setter && field.related === undefined),
      required: field.required === true,
      // One2many fields are "stored" for Odoo (no compute); reportStore covers Odoo's stored computes.
      store: field.reportStore ?? (field.store || (field.type === 'one2many' && field.compute === undefined && field.related === undefined)),
      searchable: field.searchable ?? (field.store || field.related !== undefined || field.compute !== undefined),
      sortable: field.sortable ?? field.reportStore ?? field.store,
      groupable: field.store && field.type !== 'one2many' && field.type !== 'text' && field.type !== 'html' && field.type !== 'binary',
      manual: false,
      name: field.name,
      exportable: true,
      change_default: false,
      company_dependent: field.companyDependent === true,
      depends: [],
    };
    if (field.help) description.help = field.help;
    if (field.relation) {
      description.relation = field.relation;
      description.context = {};
      description.domain = [];
    }
    if (field.type === 'one2many' && field.inverse) description.relation_field = field.inverse;
    if (field.selection) description.selection = field.selection.map(([key, label]) => [key, label]);
    if (field.type === 'char') {
      description.trim = true;
      if (field.size) description.size = field.size;
    }
    if (field.type === 'char' || field.type === 'text' || field.type === 'html') description.translate = field.translate === true;
    if (field.related) description.related = field.related;
    if (field.type === 'float' || field.type === 'integer' || field.type === 'monetary') {
      if (env.version >= 18) description.aggregator = 'sum';
      else description.group_operator = 'sum';
    }
    if (attrs) for (const key of Object.keys(description)) if (!attrs.has(key)) delete description[key];
    result[field.name] = description;
  }
  return result;
}

export function nameSearch(env: Env, model: string, name: unknown, domain: unknown, operator: unknown, limit: unknown): [number, string | false][] {
  const def = env.model(model);
  checkAccess(env, model, 'read');
  const base = Array.isArray(domain) ? domain : [];
  const op = typeof operator === 'string' ? operator : 'ilike';
  let full: unknown[] = base;
  if ((typeof name === 'string' && name !== '') || op !== 'ilike') {
    // Products also match on their internal reference, like product's _name_search.
    full =
      model === 'product.product' || model === 'product.template'
        ? [...base, '|', ['default_code', op, name], ['name', op, name]]
        : [...base, [def.recName ?? 'display_name', op, name]];
  }
  const ids = searchIds(env, def, full, { limit: limit === false || limit === null || limit === undefined ? 100 : Number(limit) });
  const table = env.db.table(model);
  return ids.map((id) => [id, displayName(env, def, table.get(id) as Row)]);
}

/** read_group (17/18): aggregate sums, `<groupby>_count` (lazy) or `__count`, and `__domain`. */
export function readGroup(env: Env, model: string, domain: unknown, fields: unknown, groupby: unknown, offset: unknown, limit: unknown, orderby: unknown, lazy: unknown): Vals[] {
  const def = env.model(model);
  checkAccess(env, model, 'read');
  const groupbyList = (Array.isArray(groupby) ? groupby : typeof groupby === 'string' ? [groupby] : []).map(String);
  const groups = lazy === false ? groupbyList : groupbyList.slice(0, 1);
  for (const name of groups) if (!def.fields.has(name.split(':')[0] ?? '')) throw invalidField(def, name);
  const aggregates: { key: string; field: Field; fn: string }[] = [];
  for (const spec of Array.isArray(fields) ? fields.map(String) : []) {
    const match = /^(\w+)(?::(\w+))?(?:\((\w+)\))?$/.exec(spec);
    if (!match) continue;
    const [, a, b, c] = match;
    const fieldName = c ?? (b && !['sum', 'avg', 'min', 'max', 'count', 'count_distinct', 'array_agg'].includes(b) ? b : a) ?? '';
    const fn = c ? (b ?? 'sum') : b && ['sum', 'avg', 'min', 'max', 'count', 'count_distinct'].includes(b) ? b : 'sum';
    const field = def.fields.get(fieldName);
    if (!field) throw invalidField(def, fieldName);
    if (groups.includes(fieldName) || !['integer', 'float', 'monetary'].includes(field.type)) continue;
    aggregates.push({ key: a ?? fieldName, field, fn });
  }
  const ids = searchIds(env, def, domain ?? [], {});
  const table = env.db.table(model);
  const buckets = new Map<string, { values: unknown[]; rows: Row[] }>();
  for (const id of ids) {
    const row = table.get(id) as Row;
    const values = groups.map((name) => fieldValue(env, def, def.fields.get(name.split(':')[0] ?? '') as Field, row));
    const key = JSON.stringify(values);
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { values, rows: [] }));
    bucket.rows.push(row);
  }
  let result: Vals[] = [...buckets.values()].map(({ values, rows }) => {
    const group: Vals = {};
    const groupDomain: unknown[] = [];
    groups.forEach((name, index) => {
      const field = def.fields.get(name) as Field;
      const value = values[index];
      group[name] = field.type === 'many2one' && typeof value === 'number' ? [value, displayNameOf(env.sudo(), field.relation ?? '', value)] : value ?? false;
      groupDomain.push([name, '=', field.type === 'many2one' ? value : value]);
    });
    if (lazy === false) group.__count = rows.length;
    else group[`${groups[0] ?? ''}_count`] = rows.length;
    for (const aggregate of aggregates) {
      const numbers = rows.map((row) => Number(fieldValue(env, def, aggregate.field, row)) || 0);
      let value = 0;
      if (aggregate.fn === 'sum') value = numbers.reduce((a, b) => a + b, 0);
      else if (aggregate.fn === 'avg') value = numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : 0;
      else if (aggregate.fn === 'min') value = Math.min(...numbers);
      else if (aggregate.fn === 'max') value = Math.max(...numbers);
      else if (aggregate.fn === 'count') value = numbers.length;
      group[aggregate.key] = aggregate.field.type === 'integer' ? value : float(value);
    }
    group.__domain = andDomains(Array.isArray(domain) ? domain : [], groupDomain);
    if (lazy !== false && groupbyList.length > 1) group.__context = { group_by: groupbyList.slice(1) };
    return group;
  });
  if (typeof orderby === 'string' && orderby.trim() !== '') {
    const [key, dir] = orderby.trim().split(/\s+/);
    result.sort((a, b) => {
      const va = Array.isArray(a[key ?? '']) ? (a[key ?? ''] as unknown[])[1] : a[key ?? ''];
      const vb = Array.isArray(b[key ?? '']) ? (b[key ?? ''] as unknown[])[1] : b[key ?? ''];
      const cmp = String(va) < String(vb) ? -1 : String(va) > String(vb) ? 1 : 0;
      return dir?.toLowerCase() === 'desc' ? -cmp : cmp;
    });
  }
  const start = Number(offset ?? 0) || 0;
  result = result.slice(start, limit === null || limit === undefined || limit === false ? undefined : start + Number(limit));
  return result;
}

/** Prefix-normalised domain: implicit ANDs made explicit (expression.normalize_domain). */
function normalizeDomain(domain: readonly unknown[]): unknown[] {
  if (domain.length === 0) return [];
  let expected = 1;
  const result: unknown[] = [];
  for (const token of domain) {
    if (expected === 0) {
      result.unshift('&');
      expected = 1;
    }
    result.push(token);
    if (token === '&' || token === '|') expected += 1;
    else if (token !== '!') expected -= 1;
  }
  return result;
}

/** expression.AND: empty domains drop out, the rest are normalised and joined with leading '&'. */
export function andDomains(...domains: readonly unknown[][]): unknown[] {
  const parts = domains.filter((domain) => domain.length > 0).map(normalizeDomain);
  if (parts.length === 0) return [];
  return [...Array<string>(parts.length - 1).fill('&'), ...parts.flat()];
}
