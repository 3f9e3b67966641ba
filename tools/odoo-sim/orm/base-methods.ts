import { checkAccess, hasAccess, type Operation } from './access';
import { valueError } from './errors';
import type { MethodSpec } from './model-spec';
import { createRecords, defaultGet, fieldsGet, nameSearch, readGroup, readRows, searchRead, unlinkRows, writeRows } from './records';
import { searchCount, searchIds } from './search';
import { displayName } from './values';

function limitOf(value: unknown): number | null {
  return value === null || value === undefined || value === false ? null : Number(value);
}

/** Public methods every model inherits from BaseModel (17/18 signatures). */
export const BASE_METHODS: Record<string, MethodSpec> = {
  search: {
    kind: 'model',
    params: ['domain', 'offset', 'limit', 'order'],
    defaults: { offset: 0, limit: null, order: null },
    run: (env, model, { params }) => {
      checkAccess(env, model, 'read');
      return searchIds(env, env.model(model), params.domain, { offset: Number(params.offset) || 0, limit: limitOf(params.limit), order: typeof params.order === 'string' ? params.order : null });
    },
  },
  search_count: {
    kind: 'model',
    params: ['domain', 'limit'],
    defaults: { limit: null },
    run: (env, model, { params }) => {
      checkAccess(env, model, 'read');
      return searchCount(env, env.model(model), params.domain, limitOf(params.limit));
    },
  },
  search_read: {
    kind: 'model',
    params: ['domain', 'fields', 'offset', 'limit', 'order'],
    defaults: { domain: null, fields: null, offset: 0, limit: null, order: null },
    varKw: true,
    run: (env, model, { params }) => searchRead(env, model, params.domain, params.fields, params.offset, params.limit, params.order, params.load ?? '_classic_read'),
  },
  read: {
    kind: 'records',
    params: ['fields', 'load'],
    defaults: { fields: null, load: '_classic_read' },
    run: (env, model, { ids, params }) => readRows(env, model, ids, params.fields, params.load),
  },
  create: {
    kind: 'model',
    params: ['vals_list'],
    run: (env, model, { params }) => {
      const input = params.vals_list;
      if (Array.isArray(input)) return createRecords(env, model, input as Record<string, unknown>[]);
      return createRecords(env, model, [input as Record<string, unknown>])[0];
    },
  },
  write: {
    kind: 'records',
    params: ['vals'],
    run: (env, model, { ids, params }) => writeRows(env, model, ids, params.vals as Record<string, unknown>),
  },
  unlink: {
    kind: 'records',
    params: [],
    run: (env, model, { ids }) => unlinkRows(env, model, ids),
  },
  exists: {
    kind: 'records',
    params: [],
    run: (env, model, { ids }) => ids.filter((id) => env.db.table(model).get(id) !== undefined),
  },
  fields_get: {
    kind: 'model',
    params: ['allfields', 'attributes'],
    defaults: { allfields: null, attributes: null },
    run: (env, model, { params }) => fieldsGet(env, model, params.allfields, params.attributes),
  },
  name_search: {
    kind: 'model',
    params: ['name', 'args', 'operator', 'limit'],
    defaults: { name: '', args: null, operator: 'ilike', limit: 100 },
    run: (env, model, { params }) => nameSearch(env, model, params.name, params.args, params.operator, params.limit),
  },
  default_get: {
    kind: 'model',
    params: ['fields_list'],
    run: (env, model, { params }) => {
      checkAccess(env, model, 'read');
      return defaultGet(env, env.model(model), Array.isArray(params.fields_list) ? params.fields_list.map(String) : []);
    },
  },
  read_group: {
    kind: 'model',
    params: ['domain', 'fields', 'groupby', 'offset', 'limit', 'orderby', 'lazy'],
    defaults: { offset: 0, limit: null, orderby: false, lazy: true },
    run: (env, model, { params }) => readGroup(env, model, params.domain, params.fields, params.groupby, params.offset, params.limit, params.orderby, params.lazy),
  },
  check_access_rights: {
    kind: 'model',
    params: ['operation', 'raise_exception'],
    defaults: { raise_exception: true },
    run: (env, model, { params }) => {
      const operation = String(params.operation) as Operation;
      if (!['read', 'write', 'create', 'unlink'].includes(operation)) throw valueError(`Invalid access operation ${operation}`);
      if (params.raise_exception !== false) {
        checkAccess(env, model, operation);
        return true;
      }
      return hasAccess(env, model, operation);
    },
  },
  action_archive: {
    kind: 'records',
    params: [],
    run: (env, model, { ids }) => writeRows(env, model, ids, { active: false }),
  },
  action_unarchive: {
    kind: 'records',
    params: [],
    run: (env, model, { ids }) => writeRows(env, model, ids, { active: true }),
  },
};

/** Methods that exist only in one version. */
export const BASE_METHODS_17: Record<string, MethodSpec> = {
  name_get: {
    kind: 'records',
    params: [],
    run: (env, model, { ids }) => {
      checkAccess(env, model, 'read');
      const def = env.model(model);
      return ids.flatMap((id) => {
        const row = env.db.table(model).get(id);
        return row ? [[id, displayName(env, def, row)]] : [];
      });
    },
  },
};

export const BASE_METHODS_18: Record<string, MethodSpec> = {
  has_access: {
    kind: 'records',
    params: ['operation'],
    run: (env, model, { params }) => hasAccess(env, model, String(params.operation) as Operation),
  },
  check_access: {
    kind: 'records',
    params: ['operation'],
    run: (env, model, { params }) => {
      checkAccess(env, model, String(params.operation) as Operation);
      return null;
    },
  },
};
