import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningOdooSim } from '../../../tools/odoo-sim';
import { OdooCaller } from './odoo-rpc';
import { startSmallSim } from './start-small';

let sim: RunningOdooSim;
let admin: OdooCaller;
let supervisor: OdooCaller;
let stockIds: Record<string, number>;

beforeAll(async () => {
  sim = await startSmallSim();
  admin = OdooCaller.as(sim, 'admin');
  supervisor = OdooCaller.as(sim, 'supervisor');
  const warehouses = await admin.searchRead<{ code: string; lot_stock_id: [number, string] }>('stock.warehouse', [], ['code', 'lot_stock_id']);
  stockIds = Object.fromEntries(warehouses.map((wh) => [wh.code, wh.lot_stock_id[0]]));
});
afterAll(() => sim.close());

describe('create, read, write, unlink', () => {
  it('create echoes the shape of its input: a dict gives an id, a list gives ids', async () => {
    const single = await admin.call('res.partner', 'create', [{ name: 'Single' }]);
    const many = await admin.call('res.partner', 'create', [[{ name: 'First' }, { name: 'Second' }]]);
    expect(typeof single).toBe('number');
    expect(many).toEqual([(single as number) + 1, (single as number) + 2]);
  });

  it('reads many2one as [id, display name], unset values as false, x2many as id lists', async () => {
    const id = await admin.call<number>('res.partner', 'create', [{ name: 'Shapes Ltd', category_id: [[6, 0, []]] }]);
    const [row] = await admin.call<Record<string, unknown>[]>('res.partner', 'read', [[id], ['name', 'email', 'parent_id', 'category_id', 'is_company', 'customer_rank']]);
    expect(row).toEqual({ id, name: 'Shapes Ltd', email: false, parent_id: false, category_id: [], is_company: false, customer_rank: 0 });
    const [quant] = await admin.searchRead<{ product_id: [number, string]; location_id: [number, string] }>('stock.quant', [['location_id', '=', stockIds.RDC1]], ['product_id', 'location_id'], { limit: 1 });
    expect(quant?.location_id).toEqual([stockIds.RDC1, 'RDC1/Stock']);
    expect(quant?.product_id[1]).toMatch(/^\[SKU-\d{5}\] /);
  });

  it('read skips ids that no longer exist; write and unlink on them raise MissingError', async () => {
    const id = await admin.call<number>('res.partner', 'create', [{ name: 'Short-lived' }]);
    expect(await admin.call('res.partner', 'unlink', [[id]])).toBe(true);
    expect(await admin.call('res.partner', 'read', [[id], ['name']])).toEqual([]);
    const write = await admin.fails('res.partner', 'write', [[id], { name: 'x' }]);
    expect(write.data).toMatchObject({ name: 'odoo.exceptions.MissingError', message: `Record does not exist or has been deleted.\n(Record: res.partner(${id},), User: ${sim.users.find((u) => u.login === 'admin')?.uid})` });
    expect((await admin.fails('res.partner', 'unlink', [[id]])).data.name).toBe('odoo.exceptions.MissingError');
  });

  it('maintains create_date and write_date in UTC with second precision, and write bumps write_date', async () => {
    const id = await admin.call<number>('res.partner', 'create', [{ name: 'Dated' }]);
    const [before] = await admin.call<{ create_date: string; write_date: string }[]>('res.partner', 'read', [[id], ['create_date', 'write_date']]);
    expect(before?.create_date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const utcNow = new Date().toISOString().slice(0, 16).replace('T', ' ');
    expect((before?.write_date ?? '').slice(0, 16) <= utcNow).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await admin.call('res.partner', 'write', [[id], { email: 'dated@example.com' }]);
    const [after] = await admin.call<{ create_date: string; write_date: string }[]>('res.partner', 'read', [[id], ['create_date', 'write_date']]);
    expect(after?.create_date).toBe(before?.create_date);
    expect(after && before && after.write_date > before.write_date).toBe(true);
  });

  it('applies x2many commands 0 to 6', async () => {
    const [a, b, c] = await admin.call<number[]>('res.partner.category', 'create', [[{ name: 'A' }, { name: 'B' }, { name: 'C' }]]);
    const id = await admin.call<number>('res.partner', 'create', [{ name: 'Tagged', category_id: [[6, 0, [a, b]]] }]);
    const tags = async (): Promise<number[]> => ((await admin.call<{ category_id: number[] }[]>('res.partner', 'read', [[id], ['category_id']]))[0]?.category_id ?? []).sort();
    expect(await tags()).toEqual([a, b]);
    await admin.call('res.partner', 'write', [[id], { category_id: [[3, a, 0], [4, c, 0]] }]);
    expect(await tags()).toEqual([b, c]);
    await admin.call('res.partner', 'write', [[id], { category_id: [[0, 0, { name: 'D' }]] }]);
    expect((await tags()).length).toBe(3);
    await admin.call('res.partner', 'write', [[id], { category_id: [[1, b, { name: 'B renamed' }], [2, c, 0]] }]);
    expect(await admin.searchRead('res.partner.category', [['id', '=', b]], ['name'])).toEqual([{ id: b, name: 'B renamed' }]);
    expect(await admin.call('res.partner.category', 'read', [[c], ['name']])).toEqual([]);
    await admin.call('res.partner', 'write', [[id], { category_id: [[5, 0, 0]] }]);
    expect(await tags()).toEqual([]);
  });

  it('creates a picking with its moves through one2many commands, and deletes them with command 2', async () => {
    const [type] = await admin.searchRead<{ id: number }>('stock.picking.type', [['code', '=', 'internal'], ['warehouse_id.code', '=', 'RDC1']], ['id'], { context: { active_test: false } });
    const [product] = await admin.searchRead<{ id: number }>('product.product', [], ['id'], { limit: 1 });
    const pickingId = await admin.call<number>('stock.picking', 'create', [{ picking_type_id: type?.id, location_dest_id: stockIds.FSL01, origin: 'ORM-O2M', move_ids: [[0, 0, { name: 'one', product_id: product?.id, product_uom_qty: 2 }], [0, 0, { name: 'two', product_id: product?.id, product_uom_qty: 3 }]] }]);
    const [picking] = await admin.call<{ move_ids: number[]; name: string; location_id: [number, string] }[]>('stock.picking', 'read', [[pickingId], ['move_ids', 'name', 'location_id']]);
    expect(picking?.move_ids).toHaveLength(2);
    expect(picking?.name).toMatch(/^RDC1\/INT\/\d{5}$/);
    expect(picking?.location_id[0]).toBe(stockIds.RDC1);
    await admin.call('stock.picking', 'write', [[pickingId], { move_ids: [[2, picking?.move_ids[0], 0]] }]);
    expect((await admin.call<{ move_ids: number[] }[]>('stock.picking', 'read', [[pickingId], ['move_ids']]))[0]?.move_ids).toEqual([picking?.move_ids[1]]);
  });

  it('fields_get describes fields with Odoo attributes and drops unknown names silently', async () => {
    const fields = await admin.call<Record<string, Record<string, unknown>>>('stock.picking', 'fields_get', [['state', 'location_id', 'name', 'nope']], { attributes: ['type', 'required', 'readonly', 'relation', 'selection', 'string'] });
    expect(Object.keys(fields).sort()).toEqual(['location_id', 'name', 'state']);
    expect(fields.location_id).toEqual({ type: 'many2one', string: 'Source Location', required: true, readonly: false, relation: 'stock.location' });
    expect(fields.name).toMatchObject({ readonly: true, required: false });
    expect((fields.state?.selection as string[][]).map(([key]) => key)).toEqual(['draft', 'waiting', 'confirmed', 'assigned', 'done', 'cancel']);
  });

  it('reports store like Odoo for one2many and stored computed fields, and sorts by them', async () => {
    const po = await admin.call<Record<string, { store: boolean; type: string }>>('purchase.order', 'fields_get', [['amount_total', 'order_line', 'picking_ids']], { attributes: ['store', 'type'] });
    expect(po).toEqual({ amount_total: { store: true, type: 'monetary' }, order_line: { store: true, type: 'one2many' }, picking_ids: { store: true, type: 'many2many' } });
    const picking = await admin.call<Record<string, { store: boolean }>>('stock.picking', 'fields_get', [['purchase_id', 'move_ids']], { attributes: ['store'] });
    expect(picking).toEqual({ purchase_id: { store: false }, move_ids: { store: true } });
    const totals = (await admin.searchRead<{ amount_total: number }>('purchase.order', [], ['amount_total'], { order: 'amount_total desc', limit: 5 })).map((row) => row.amount_total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });

  it('name_search matches products on their internal reference, default_get fills context defaults', async () => {
    const found = await admin.call<[number, string][]>('product.product', 'name_search', ['SKU-00003']);
    expect(found).toHaveLength(1);
    expect(found[0]?.[1]).toMatch(/^\[SKU-00003\] /);
    expect(await admin.call('stock.picking', 'default_get', [['origin', 'move_type']], { context: { default_origin: 'X-1' } })).toEqual({ origin: 'X-1', move_type: 'direct' });
  });

  it('read_group sums per group with Odoo 17/18 keys', async () => {
    const groups = await admin.call<Record<string, unknown>[]>('stock.quant', 'read_group', [[['location_id', 'in', [stockIds.RDC1, stockIds.FSL01]]], ['quantity:sum'], ['location_id']], { lazy: true });
    const quants = await admin.searchRead<{ location_id: [number, string]; quantity: number }>('stock.quant', [['location_id', 'in', [stockIds.RDC1, stockIds.FSL01]]], ['location_id', 'quantity']);
    for (const group of groups) {
      const [locationId] = group.location_id as [number, string];
      const rows = quants.filter((quant) => quant.location_id[0] === locationId);
      expect(group.location_id_count).toBe(rows.length);
      expect(group.quantity).toBeCloseTo(rows.reduce((sum, row) => sum + row.quantity, 0));
      expect(group.__domain).toEqual(['&', ['location_id', 'in', [stockIds.RDC1, stockIds.FSL01]], ['location_id', '=', locationId]]);
    }
    const flat = await admin.call<Record<string, unknown>[]>('stock.quant', 'read_group', [[], ['quantity:sum'], ['location_id', 'product_id']], { lazy: false });
    expect(flat[0]).toHaveProperty('__count');
  });
});

describe('domains', () => {
  const codes = async (domain: unknown[], kwargs: Record<string, unknown> = {}): Promise<string[]> =>
    (await admin.searchRead<{ code: string }>('stock.warehouse', domain, ['code'], { order: 'id', ...kwargs })).map((wh) => wh.code);

  it('supports prefix &, | and ! and implicit AND', async () => {
    expect(await codes(['|', ['code', '=', 'RDC1'], ['code', '=', 'TPL1']])).toEqual(['RDC1', 'TPL1']);
    expect(await codes(['!', ['code', '=', 'RDC1']])).toEqual(['FSL01', 'TPL1']);
    expect(await codes(['&', ['code', 'like', 'L'], '!', ['code', '=', 'TPL1']])).toEqual(['FSL01']);
    expect(await codes([['code', 'like', 'L'], ['code', '!=', 'TPL1']])).toEqual(['FSL01']);
    expect(await codes([[1, '=', 1]])).toEqual(['RDC1', 'FSL01', 'TPL1']);
    expect(await codes([[0, '=', 1]])).toEqual([]);
  });

  it('supports the comparison, like and set operators', async () => {
    expect(await codes([['code', 'ilike', 'fsl']])).toEqual(['FSL01']);
    expect(await codes([['code', 'like', 'fsl']])).toEqual([]);
    expect(await codes([['code', 'not ilike', 'fsl']])).toEqual(['RDC1', 'TPL1']);
    expect(await codes([['code', '=like', 'R%1']])).toEqual(['RDC1']);
    expect(await codes([['code', '=ilike', 'r_c1']])).toEqual(['RDC1']);
    expect(await codes([['code', 'in', ['TPL1', 'RDC1']]])).toEqual(['RDC1', 'TPL1']);
    expect(await codes([['code', 'not in', ['TPL1', 'RDC1']]])).toEqual(['FSL01']);
    expect(await codes([['id', '>', 1], ['id', '<=', 3], ['id', '<', 3]])).toEqual(['FSL01']);
    expect(await codes([['code', '=?', false]])).toEqual(['RDC1', 'FSL01', 'TPL1']);
    expect(await codes([['code', '=?', 'TPL1']])).toEqual(['TPL1']);
    expect(await codes([['partner_id', '!=', false]])).toEqual(['RDC1', 'FSL01', 'TPL1']);
    expect(await codes([['code', '<>', 'RDC1']])).toEqual(['FSL01', 'TPL1']);
  });

  it('follows dotted paths and any / not any through relations', async () => {
    expect(await codes([['lot_stock_id.complete_name', '=', 'FSL01/Stock']])).toEqual(['FSL01']);
    const quantCount = await admin.call<number>('stock.quant', 'search_count', [[['location_id.warehouse_id.code', '=', 'TPL1']]]);
    const direct = await admin.call<number>('stock.quant', 'search_count', [[['location_id', '=', stockIds.TPL1]]]);
    expect(quantCount).toBe(direct);
    const withMoves = await admin.call<number>('stock.picking', 'search_count', [[['move_ids', 'any', [['product_id.default_code', '=', 'SKU-00001']]]]]);
    const byPath = await admin.call<number>('stock.picking', 'search_count', [[['move_ids.product_id.default_code', '=', 'SKU-00001']]]);
    const without = await admin.call<number>('stock.picking', 'search_count', [[['move_ids', 'not any', [['product_id.default_code', '=', 'SKU-00001']]]]]);
    const all = await admin.call<number>('stock.picking', 'search_count', [[]]);
    expect(withMoves).toBe(byPath);
    expect(withMoves + without).toBe(all);
  });

  it('matches a many2one against a name when given a string', async () => {
    const [quant] = await admin.searchRead<{ product_id: [number, string] }>('stock.quant', [], ['product_id'], { limit: 1 });
    const byId = await admin.call<number>('stock.quant', 'search_count', [[['product_id', '=', quant?.product_id[0]]]]);
    const byName = await admin.call<number>('stock.quant', 'search_count', [[['product_id', '=', quant?.product_id[1]]]]);
    expect(byName).toBe(byId);
    expect(await admin.call<number>('stock.quant', 'search_count', [[['location_id', 'ilike', 'RDC1/Stock']]])).toBe(await admin.call<number>('stock.quant', 'search_count', [[['location_id', '=', stockIds.RDC1]]]));
  });

  it('walks the location hierarchy with child_of and parent_of', async () => {
    const [wh] = await admin.searchRead<{ view_location_id: [number, string] }>('stock.warehouse', [['code', '=', 'RDC1']], ['view_location_id']);
    const under = await admin.searchRead<{ complete_name: string }>('stock.location', [['id', 'child_of', wh?.view_location_id[0]]], ['complete_name']);
    expect(under.map((loc) => loc.complete_name).sort()).toEqual(['RDC1', 'RDC1/Stock']);
    const above = await admin.searchRead<{ complete_name: string }>('stock.location', [['id', 'parent_of', stockIds.RDC1]], ['complete_name']);
    expect(above.map((loc) => loc.complete_name).sort()).toEqual(['Physical Locations', 'RDC1', 'RDC1/Stock']);
    const quantsUnder = await admin.call<number>('stock.quant', 'search_count', [[['location_id', 'child_of', wh?.view_location_id[0]]]]);
    expect(quantsUnder).toBe(await admin.call<number>('stock.quant', 'search_count', [[['location_id', '=', stockIds.RDC1]]]));
  });

  it('orders, offsets and limits, and pages by id without gaps or repeats', async () => {
    expect(await codes([], { order: 'code desc' })).toEqual(['TPL1', 'RDC1', 'FSL01']);
    expect(await codes([], { order: 'code asc', offset: 1, limit: 1 })).toEqual(['RDC1']);
    const all = await admin.call<number[]>('stock.quant', 'search', [[]], { order: 'id' });
    const paged: number[] = [];
    let last = 0;
    for (;;) {
      const page = await admin.call<number[]>('stock.quant', 'search', [[['id', '>', last]]], { limit: 7, order: 'id' });
      if (page.length === 0) break;
      paged.push(...page);
      last = page[page.length - 1] as number;
    }
    expect(paged).toEqual(all);
    expect(await admin.call('stock.quant', 'search_count', [[]], { limit: 5 })).toBe(5);
  });

  it('pages by write_date with an id tie-break', async () => {
    const rows = await admin.searchRead<{ id: number; write_date: string }>('stock.quant', [['write_date', '>=', '2000-01-01 00:00:00']], ['write_date'], { order: 'write_date asc, id asc', limit: 10 });
    const sorted = [...rows].sort((a, b) => a.write_date.localeCompare(b.write_date) || a.id - b.id);
    expect(rows).toEqual(sorted);
    expect(await admin.call('stock.quant', 'search_count', [[['write_date', '>', '2999-01-01']]])).toBe(0);
  });

  it('hides archived records unless the domain mentions active or active_test is false', async () => {
    const id = await admin.call<number>('res.partner', 'create', [{ name: 'Archived Partner', active: false }]);
    expect(await admin.call('res.partner', 'search', [[['name', '=', 'Archived Partner']]])).toEqual([]);
    expect(await admin.call('res.partner', 'search', [[['name', '=', 'Archived Partner'], ['active', 'in', [true, false]]]])).toEqual([id]);
    expect(await admin.call('res.partner', 'search', [[['name', '=', 'Archived Partner']]], { context: { active_test: false } })).toEqual([id]);
    expect(await admin.call('res.partner', 'read', [[id], ['active']])).toEqual([{ id, active: false }]);
    const internal = await admin.call<number>('stock.picking.type', 'search_count', [[['code', '=', 'internal']]]);
    const internalAll = await admin.call<number>('stock.picking.type', 'search_count', [[['code', '=', 'internal']]], { context: { active_test: false } });
    expect({ internal, internalAll }).toEqual({ internal: 0, internalAll: 3 });
  });
});

describe('failures shaped like Odoo', () => {
  it('unknown model, method, field and a private method', async () => {
    expect((await admin.fails('no.such.model', 'search', [[]])).data).toMatchObject({ name: 'odoo.exceptions.UserError', message: "Object no.such.model doesn't exist" });
    expect((await admin.fails('res.partner', 'no_such_method', [[]])).data).toMatchObject({ name: 'builtins.AttributeError', message: "The method 'res.partner.no_such_method' does not exist" });
    expect((await admin.fails('res.partner', '_foo', [[]])).data).toMatchObject({ name: 'builtins.AttributeError', message: "The method 'res.partner._foo' does not exist" });
    expect((await admin.fails('stock.picking', '_action_done', [[1]])).data).toMatchObject({ name: 'odoo.exceptions.AccessError', message: "Private methods (such as 'stock.picking._action_done') cannot be called remotely." });
    expect((await admin.fails('res.partner', 'search', [[['no_such_field', '=', 1]]])).data).toMatchObject({ name: 'builtins.ValueError', message: "Invalid field res.partner.no_such_field in leaf ('no_such_field', '=', 1)" });
    expect((await admin.fails('res.partner', 'search_read', [[]], { fields: ['no_such_field'] })).data).toMatchObject({ name: 'builtins.ValueError', message: "Invalid field 'no_such_field' on model 'res.partner'" });
    expect((await admin.fails('res.partner', 'create', [{ name: 'x', no_such_field: 1 }])).data).toMatchObject({ name: 'builtins.ValueError', message: "Invalid field 'no_such_field' on model 'res.partner'" });
    expect((await admin.fails('res.partner', 'search', [[]], { bogus: 1 })).data).toMatchObject({ name: 'builtins.TypeError', message: "BaseModel.search() got an unexpected keyword argument 'bogus'" });
  });

  it('malformed domains and orders fail with the exceptions a real 18 raises', async () => {
    expect((await admin.fails('stock.warehouse', 'search', ['abc'])).data).toMatchObject({ name: 'builtins.AssertionError', message: "Domains to normalize must have a 'domain' form: a list or tuple of domain components" });
    expect((await admin.fails('stock.warehouse', 'search', [[['code', '=']]])).data).toMatchObject({ name: 'builtins.ValueError', message: 'not enough values to unpack (expected 3, got 2)' });
    expect((await admin.fails('stock.warehouse', 'search', [[['code', '~', 'x']]])).data).toMatchObject({ name: 'builtins.ValueError', message: "Invalid leaf ('code', '~', 'x')" });
    expect((await admin.fails('stock.warehouse', 'search', [[['id', 'in', 1]]])).data).toMatchObject({ name: 'builtins.ValueError', message: "Invalid domain term ('id', 'in', 1)" });
    expect((await admin.fails('stock.warehouse', 'search', [[['id', 'child_of', 1]]])).data).toMatchObject({ name: 'builtins.KeyError', message: 'parent_id' });
    expect((await admin.fails('stock.warehouse', 'search', [[]], { order: 'code sideways' })).data.name).toBe('odoo.exceptions.UserError');
    expect((await admin.fails('stock.warehouse', 'search', [[]], { order: 'bogus' })).data).toMatchObject({ name: 'builtins.ValueError', message: "Invalid field 'bogus' on model 'stock.warehouse'" });
  });

  it('writes and unlinks on no ids succeed without touching anything, even without rights', async () => {
    const readonly = OdooCaller.as(sim, 'readonly');
    expect(await readonly.call('res.partner', 'write', [[], { ref: 'x' }])).toBe(true);
    expect(await readonly.call('stock.picking', 'unlink', [[]])).toBe(true);
    expect(await readonly.call('stock.warehouse', 'read', [['1'], ['code']])).toEqual([]);
  });

  it('creates from vals passed by name, then fails converting the result and rolls the create back', async () => {
    const before = await admin.call<number>('res.partner', 'search_count', [[]]);
    expect((await admin.fails('res.partner', 'create', [], { vals_list: { name: 'By name' } })).data).toMatchObject({ name: 'builtins.IndexError', message: 'tuple index out of range' });
    expect(await admin.call('res.partner', 'search_count', [[]])).toBe(before);
  });

  it('a missing required field is a ValidationError naming model and field, and nothing is created', async () => {
    const before = await admin.call<number>('stock.move', 'search_count', [[]]);
    const [product] = await admin.searchRead<{ id: number }>('product.product', [], ['id'], { limit: 1 });
    const error = await admin.fails('stock.move', 'create', [{ product_id: product?.id, product_uom_qty: 1, location_id: stockIds.RDC1, location_dest_id: stockIds.FSL01 }]);
    expect(error.data.name).toBe('odoo.exceptions.ValidationError');
    expect(error.data.message).toBe(
      'The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n- Delete: another model requires the record being deleted. If possible, archive it instead.\n\nModel: Stock Move (stock.move)\nField: Description (name)\n',
    );
    expect(await admin.call('stock.move', 'search_count', [[]])).toBe(before);
  });

  it('rolls back the whole call when a later record in a batch create fails', async () => {
    const before = await admin.call<number>('res.partner', 'search_count', [[]]);
    await admin.fails('res.partner', 'create', [[{ name: 'ok one' }, { name: 'bad', nope: 1 }]]);
    expect(await admin.call('res.partner', 'search_count', [[]])).toBe(before);
  });

  it('refuses allowed_company_ids the user does not belong to', async () => {
    const error = await supervisor.fails('stock.warehouse', 'search', [[]], { context: { allowed_company_ids: [999] } });
    expect(error.data).toMatchObject({ name: 'odoo.exceptions.AccessError', message: 'Access to unauthorized or invalid companies.' });
    const [company] = await supervisor.searchRead<{ id: number }>('res.company', [], ['id']);
    expect(await supervisor.call('stock.warehouse', 'search_count', [[]], { context: { allowed_company_ids: [company?.id] } })).toBe(3);
  });
});
