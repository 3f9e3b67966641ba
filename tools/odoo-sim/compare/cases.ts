/** A server to compare: its URL, database and a user (uid + API key) with the same rights on both sides. */
export interface Target {
  url: string;
  db: string;
  uid: number;
  key: string;
}

export interface Reply {
  status: number;
  body: unknown;
}

type JsonObject = Record<string, unknown>;

export async function post(target: Target, path: string, body: unknown, contentType = 'application/json'): Promise<Reply> {
  const response = await fetch(target.url + path, { method: 'POST', headers: { 'Content-Type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: response.status, body: text.slice(0, 300) };
  }
}

export function executeKw(target: Target, model: string, method: string, args: unknown, kwargs?: unknown): Promise<Reply> {
  const params = [target.db, target.uid, target.key, model, method, args, ...(kwargs === undefined ? [] : [kwargs])];
  return post(target, '/jsonrpc', { jsonrpc: '2.0', id: 1, params: { service: 'object', method: 'execute_kw', args: params } });
}

/** The shape of a value (types, keys), so ids and names may differ between the two servers. */
export function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? ['array', shape(value[0])] : ['array'];
  if (value && typeof value === 'object') {
    const out: JsonObject = {};
    for (const key of Object.keys(value).sort()) out[key] = shape((value as JsonObject)[key]);
    return out;
  }
  return typeof value;
}

/** What is compared: HTTP status, error class/message/code, or the result's shape. */
export function summary(reply: Reply): unknown {
  if (typeof reply.body !== 'object' || reply.body === null) return { status: reply.status, text: reply.body };
  const body = reply.body as { error?: { code?: number; data?: { name?: string; message?: string } }; result?: unknown };
  if (body.error) return { status: reply.status, error: body.error.data?.name, message: body.error.data?.message, code: body.error.code };
  return { status: reply.status, hasResult: 'result' in body, shape: shape(body.result) };
}

/** Read-only requests whose answers must look the same on a real Odoo and on the stand-in. */
export const CASES: readonly [string, (target: Target) => Promise<unknown>][] = [
  ['common.version', async (t) => summary(await post(t, '/jsonrpc', { jsonrpc: '2.0', id: 1, params: { service: 'common', method: 'version', args: [] } }))],
  ['authenticate with a wrong key', async (t) => summary(await post(t, '/jsonrpc', { jsonrpc: '2.0', id: 1, params: { service: 'common', method: 'authenticate', args: [t.db, 'nobody', 'wrong', {}] } }))],
  ['execute_kw with a wrong key', async (t) => summary(await post(t, '/jsonrpc', { jsonrpc: '2.0', id: 1, params: { service: 'object', method: 'execute_kw', args: [t.db, t.uid, 'wrong', 'res.partner', 'search', [[]]] } }))],
  ['malformed JSON', async (t) => summary(await post(t, '/jsonrpc', '{"jsonrpc": '))],
  ['wrong content type', async (t) => summary(await post(t, '/jsonrpc', '{}', 'text/plain'))],
  ['missing params', async (t) => summary(await post(t, '/jsonrpc', { jsonrpc: '2.0', id: 1 }))],
  ['unknown service', async (t) => summary(await post(t, '/jsonrpc', { jsonrpc: '2.0', id: 1, params: { service: 'nope', method: 'x', args: [] } }))],
  ['unknown model', async (t) => summary(await executeKw(t, 'no.such.model', 'search', [[]]))],
  ['unknown method', async (t) => summary(await executeKw(t, 'res.partner', 'no_such_method', [[]]))],
  ['unknown private method', async (t) => summary(await executeKw(t, 'res.partner', '_foo', [[]]))],
  ['existing private method', async (t) => summary(await executeKw(t, 'stock.picking', '_action_done', [[1]]))],
  ['unknown field in domain', async (t) => summary(await executeKw(t, 'res.partner', 'search', [[['no_such_field', '=', 1]]]))],
  ['unknown field in fields', async (t) => summary(await executeKw(t, 'res.partner', 'search_read', [[]], { fields: ['no_such_field'], limit: 1 }))],
  ['unknown keyword argument', async (t) => summary(await executeKw(t, 'res.partner', 'search', [[]], { bogus: 1 }))],
  ['bad operator', async (t) => summary(await executeKw(t, 'stock.warehouse', 'search', [[['code', '~', 'x']]]))],
  ['domain not a list', async (t) => summary(await executeKw(t, 'stock.warehouse', 'search', ['abc']))],
  ['leaf of two', async (t) => summary(await executeKw(t, 'stock.warehouse', 'search', [[['code', '=']]]))],
  ['in with a scalar', async (t) => summary(await executeKw(t, 'stock.warehouse', 'search_count', [[['id', 'in', 1]]]))],
  ['child_of without hierarchy', async (t) => summary(await executeKw(t, 'stock.warehouse', 'search_count', [[['id', 'child_of', 1]]]))],
  ['bad order field', async (t) => summary(await executeKw(t, 'stock.warehouse', 'search', [[]], { order: 'bogus_field' }))],
  ['bad order syntax', async (t) => summary(await executeKw(t, 'stock.warehouse', 'search', [[]], { order: 'code sideways' }))],
  ['limit 0 means all', async (t) => {
    const rows = await executeKw(t, 'stock.warehouse', 'search_read', [[]], { fields: ['code'], limit: 0 });
    const count = await executeKw(t, 'stock.warehouse', 'search_count', [[]]);
    return (rows.body as { result: unknown[] }).result.length === (count.body as { result: number }).result;
  }],
  ['read of a missing id', async (t) => summary(await executeKw(t, 'res.partner', 'read', [[999999], ['name']]))],
  ['write of a missing id', async (t) => (summary(await executeKw(t, 'stock.picking', 'write', [[999999], { origin: 'x' }])) as { error?: string }).error],
  ['write on no ids', async (t) => summary(await executeKw(t, 'res.partner', 'write', [[], { ref: 'x' }]))],
  ['read_group lazy', async (t) => summary(await executeKw(t, 'stock.quant', 'read_group', [[['location_id.usage', '=', 'internal']], ['quantity:sum'], ['product_id']], {}))],
  ['name_search', async (t) => summary(await executeKw(t, 'stock.location', 'name_search', ['Stock'], { limit: 2 }))],
  ['search_count with limit', async (t) => summary(await executeKw(t, 'stock.quant', 'search_count', [[]], { limit: 1 }))],
  ['quantities with warehouse_id', async (t) => summary(await executeKw(t, 'product.product', 'search_read', [[]], { fields: ['qty_available', 'incoming_qty', 'outgoing_qty', 'free_qty', 'virtual_available'], limit: 1, context: { warehouse_id: 1 } }))],
  ['open moves by destination warehouse', async (t) => summary(await executeKw(t, 'stock.move', 'search_read', [[['state', 'not in', ['draft', 'done', 'cancel']], ['location_dest_id.warehouse_id', '!=', false]]], { fields: ['product_id', 'product_uom_qty', 'quantity', 'state', 'location_id', 'location_dest_id', 'picking_id', 'date', 'origin'], limit: 1 }))],
  ['allowed_company_ids not allowed', async (t) => summary(await executeKw(t, 'stock.warehouse', 'search', [[]], { context: { allowed_company_ids: [999] } }))],
  ['quants by warehouse_id (related, not stored)', async (t) => summary(await executeKw(t, 'stock.quant', 'search_read', [[['warehouse_id', '!=', false]]], { fields: ['product_id', 'location_id', 'warehouse_id', 'quantity', 'reserved_quantity', 'available_quantity', 'write_date'], limit: 1 }))],
  ['page by write_date then id', async (t) => summary(await executeKw(t, 'stock.quant', 'search_read', [[['write_date', '>=', '2000-01-01 00:00:00']]], { fields: ['write_date'], order: 'write_date asc, id asc', limit: 2 }))],
  ['read with load none', async (t) => summary(await executeKw(t, 'stock.warehouse', 'search_read', [[]], { fields: ['lot_stock_id', 'view_location_id'], limit: 1, load: '' }))],
  ['x2many ids', async (t) => summary(await executeKw(t, 'product.template', 'search_read', [[]], { fields: ['seller_ids', 'product_variant_ids'], limit: 1 }))],
  ['picking types incl. archived', async (t) => summary(await executeKw(t, 'stock.picking.type', 'search_read', [[['active', 'in', [true, false]]]], { fields: ['name', 'code', 'warehouse_id', 'active', 'sequence_code', 'default_location_src_id', 'default_location_dest_id'], limit: 1 }))],
  ['orderpoints', async (t) => summary(await executeKw(t, 'stock.warehouse.orderpoint', 'search_read', [[]], { fields: ['name', 'product_id', 'warehouse_id', 'location_id', 'product_min_qty', 'product_max_qty', 'qty_multiple', 'qty_to_order', 'trigger', 'route_id'], limit: 1 }))],
  ['supplierinfo', async (t) => summary(await executeKw(t, 'product.supplierinfo', 'search_read', [[]], { fields: ['partner_id', 'product_tmpl_id', 'price', 'min_qty', 'delay', 'currency_id', 'sequence'], limit: 1 }))],
  ['warehouses', async (t) => summary(await executeKw(t, 'stock.warehouse', 'search_read', [[]], { fields: ['name', 'code', 'lot_stock_id', 'view_location_id', 'in_type_id', 'out_type_id', 'int_type_id', 'company_id'], limit: 1 }))],
  ['check_access_rights without raising', async (t) => summary(await executeKw(t, 'sale.order', 'check_access_rights', ['unlink'], { raise_exception: false }))],
  ['has_access', async (t) => summary(await executeKw(t, 'stock.picking', 'has_access', [[], 'write']))],
  ['res.users groups', async (t) => summary(await executeKw(t, 'res.users', 'read', [[t.uid], ['groups_id', 'company_id', 'company_ids', 'login']]))],
  ['session call without cookie', async (t) => summary(await post(t, '/web/dataset/call_kw', { jsonrpc: '2.0', id: 5, params: { model: 'res.partner', method: 'search_count', args: [[]], kwargs: {} } }))],
];
