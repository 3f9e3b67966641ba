import { pythonNameList } from './python-repr';
import { BASE_METHODS, BASE_METHODS_17, BASE_METHODS_18 } from '../orm/base-methods';
import { type Context, Env, type OdooState } from '../orm/env';
import { accessError, attributeError, OdooError, typeError } from '../orm/errors';
import type { MethodSpec } from '../orm/model-spec';

/** Private methods that exist in Odoo: calling them is an AccessError, any other `_name` an AttributeError. */
const PRIVATE_METHODS: Record<string, readonly string[]> = {
  '*': ['_search', '_read_group', '_create', '_write', '_read', '_fetch_field', '_check_company', '_compute_display_name', '_name_search', '_filter_access_rules', '_validate_fields', '_flush_search', '_invalidate_cache', '_where_calc', '_order_to_sql', '_rec_name_fallback', '_get_placeholder_filename', '_compute_field_value'],
  'stock.picking': ['_action_done', '_sanity_check', '_pre_action_done_hook', '_check_backorder', '_create_backorder', '_action_generate_backorder_wizard', '_autoconfirm_picking', '_compute_state', '_get_without_quantities_error_message', '_should_show_transfers'],
  'stock.move': ['_action_confirm', '_action_assign', '_action_done', '_action_cancel', '_do_unreserve', '_split', '_merge_moves', '_get_relevant_state_among_moves', '_set_quantity'],
  'stock.quant': ['_update_available_quantity', '_update_reserved_quantity', '_gather', '_get_available_quantity', '_quant_tasks', '_merge_quants', '_unlink_zero_quants'],
  'purchase.order': ['_approval_allowed', '_create_picking', '_add_supplier_to_product', '_prepare_picking'],
  'sale.order': ['_action_confirm', '_action_cancel', '_confirmation_error_message', '_prepare_confirmation_values'],
  'res.users': ['_check_credentials', '_login', '_is_internal', '_is_system', '_is_admin'],
};

function privateMethodExists(model: string, name: string): boolean {
  return (PRIVATE_METHODS['*'] ?? []).includes(name) || (PRIVATE_METHODS[model] ?? []).includes(name);
}

export function findMethod(state: OdooState, model: string, name: string): MethodSpec | undefined {
  const def = state.registry.get(model);
  const own = def?.spec.methods?.[name];
  if (own) return own;
  const versioned = state.version >= 18 ? BASE_METHODS_18 : BASE_METHODS_17;
  return versioned[name] ?? BASE_METHODS[name];
}

/** Python's argument binding for `method(self, *args, **kwargs)`, with Python's TypeError wording. */
function bindParams(method: MethodSpec, name: string, positional: unknown[], named: Record<string, unknown>): Record<string, unknown> {
  const qualname = method.qualname ?? `BaseModel.${name}`;
  const params: Record<string, unknown> = {};
  if (positional.length > method.params.length && !method.varKw) {
    const required = method.params.filter((param) => !(param in (method.defaults ?? {}))).length + 1;
    const total = method.params.length + 1;
    const takes = required === total ? `${total}` : `from ${required} to ${total}`;
    throw typeError(`${qualname}() takes ${takes} positional argument${total === 1 ? '' : 's'} but ${positional.length + 1} were given`);
  }
  method.params.forEach((param, index) => {
    if (index < positional.length) params[param] = positional[index];
  });
  for (const [key, value] of Object.entries(named)) {
    if (method.params.includes(key)) {
      if (key in params) throw typeError(`${qualname}() got multiple values for argument '${key}'`);
      params[key] = value;
    } else if (method.varKw) params[key] = value;
    else throw typeError(`${qualname}() got an unexpected keyword argument '${key}'`);
  }
  const missing = method.params.filter((param) => !(param in params) && !(param in (method.defaults ?? {})));
  if (missing.length > 0) {
    const names = missing.map((param) => `'${param}'`);
    const list = pythonNameList(names);
    throw typeError(`${qualname}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${list}`);
  }
  for (const [key, value] of Object.entries(method.defaults ?? {})) if (!(key in params)) params[key] = value;
  return params;
}

function idsOf(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (value === false || value === null) return [];
  if (Array.isArray(value)) return value.map((id) => {
    if (id !== null && typeof id === 'object') throw typeError(`unhashable type: '${Array.isArray(id) ? 'list' : 'dict'}'`);
    // A browse() of a non-integer id finds no record (seen on 18: read(['1']) returns []).
    return typeof id === 'number' ? id : Number.NaN;
  });
  throw typeError(`'${typeof value === 'string' ? 'str' : 'dict'}' object cannot be interpreted as an integer`);
}

/**
 * `execute_cr` + `api.call_kw` of Odoo 17/18: model lookup, public-method check, argument
 * convention (ids first for record methods), `context` kwarg, one transaction per call.
 */
export function callKw(state: OdooState, uid: number, model: string, name: string, args: unknown, kwargs: unknown): unknown {
  // Python unpacks *args: a string becomes its characters, anything else not iterable fails.
  const positional = Array.isArray(args) ? [...args] : typeof args === 'string' ? [...args] : [];
  const named: Record<string, unknown> = kwargs && typeof kwargs === 'object' && !Array.isArray(kwargs) ? { ...(kwargs as Record<string, unknown>) } : {};
  // 17 refuses every `_name` before looking at the model (check_method_name); 18 only existing ones.
  if (state.version === 17 && name.startsWith('_')) throw accessError(`Private methods (such as ${name}) cannot be called remotely.`);
  const baseEnv = new Env(state, uid, {});
  baseEnv.model(model);
  const method = name.startsWith('_') ? undefined : findMethod(state, model, name);
  if (!method && name.startsWith('_') && privateMethodExists(model, name)) {
    throw accessError(`Private methods (such as '${model}.${name}') cannot be called remotely.`);
  }
  if (!method) {
    throw state.version >= 18
      ? attributeError(`The method '${model}.${name}' does not exist`)
      : attributeError(`The method '${name}' does not exist on the model '${model}'`);
  }
  const context = (named.context && typeof named.context === 'object' ? named.context : {}) as Context;
  delete named.context;
  let ids: number[] = [];
  if (method.kind === 'records') {
    if (positional.length === 0) throw new OdooError('builtins.IndexError', 'tuple index out of range');
    ids = idsOf(positional.shift());
  }
  // api.call_kw converts create's result by indexing args[0]: vals passed by name are created, then that fails (rolled back).
  const createdByName = name === 'create' && positional.length === 0;
  const params = bindParams(method, name, positional, named);
  const env = new Env(state, uid, context);
  return state.db.transaction(() => {
    env.companyIds();
    const result = method.run(env, model, { ids, params });
    if (createdByName) throw new OdooError('builtins.IndexError', 'tuple index out of range');
    return result === undefined ? null : result;
  });
}

