import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningOdooSim } from '../../../tools/odoo-sim';
import { jsonRpc, OdooCaller } from './odoo-rpc';
import { startSmallSim } from './start-small';

describe('Odoo 17 and 18 differ where the real ones do', () => {
  let v17: RunningOdooSim;
  let v18: RunningOdooSim;
  beforeAll(async () => {
    [v17, v18] = await Promise.all([startSmallSim({ odooVersion: 17 }), startSmallSim({ odooVersion: 18 })]);
  });
  afterAll(async () => {
    await Promise.all([v17.close(), v18.close()]);
  });

  it('reports its version', async () => {
    expect((await jsonRpc(v17, 'common', 'version', [])).body.result).toMatchObject({ server_version: '17.0', server_version_info: [17, 0, 0, 'final', 0, ''] });
    expect((await jsonRpc(v18, 'common', 'version', [])).body.result).toMatchObject({ server_version: '18.0' });
  });

  it('marks storable products with type/detailed_type "product" in 17 and type "consu" + is_storable in 18', async () => {
    const [p17] = await OdooCaller.as(v17, 'admin').searchRead('product.template', [], ['type', 'detailed_type'], { limit: 1 });
    const [p18] = await OdooCaller.as(v18, 'admin').searchRead('product.template', [], ['type', 'is_storable'], { limit: 1 });
    expect(p17).toMatchObject({ type: 'product', detailed_type: 'product' });
    expect(p18).toMatchObject({ type: 'consu', is_storable: true });
    expect((await OdooCaller.as(v18, 'admin').fails('product.template', 'search_read', [[]], { fields: ['detailed_type'] })).data.message).toBe("Invalid field 'detailed_type' on model 'product.template'");
    const types17 = await OdooCaller.as(v17, 'admin').call<Record<string, { selection: string[][] }>>('product.template', 'fields_get', [['type']], { attributes: ['selection'] });
    const types18 = await OdooCaller.as(v18, 'admin').call<Record<string, { selection: string[][] }>>('product.template', 'fields_get', [['type']], { attributes: ['selection'] });
    expect(types17.type?.selection.map(([key]) => key)).toEqual(['consu', 'service', 'product']);
    expect(types18.type?.selection.map(([key]) => key)).toEqual(['consu', 'service', 'combo']);
  });

  it('keeps 17 type and detailed_type in step, so a product created as storable is reserved', async () => {
    const admin = OdooCaller.as(v17, 'admin');
    const id = await admin.call<number>('product.product', 'create', [{ name: 'Seventeen storable', detailed_type: 'product' }]);
    expect(await admin.searchRead('product.product', [['id', '=', id]], ['type', 'detailed_type'])).toEqual([{ id, type: 'product', detailed_type: 'product' }]);
  });

  it('takes the warehouse for quantities from `warehouse` in 17 and `warehouse_id` in 18, ignoring the other key', async () => {
    for (const [sim, key, ignored] of [[v17, 'warehouse', 'warehouse_id'], [v18, 'warehouse_id', 'warehouse']] as const) {
      const admin = OdooCaller.as(sim, 'admin');
      const [wh] = await admin.searchRead<{ id: number }>('stock.warehouse', [['code', '=', 'FSL01']], ['id']);
      const read = async (context: Record<string, unknown>): Promise<number> =>
        (await admin.searchRead<{ qty_available: number }>('product.product', [], ['qty_available'], { context })).reduce((sum, row) => sum + row.qty_available, 0);
      const scoped = await read({ [key]: wh?.id });
      const everywhere = await read({});
      expect(scoped).toBeLessThan(everywhere);
      expect(await read({ [ignored]: wh?.id })).toBe(everywhere);
    }
  });

  it('stores orderpoint qty_to_order in 17 and computes it from qty_to_order_manual in 18', async () => {
    const fields17 = await OdooCaller.as(v17, 'admin').call<Record<string, { store: boolean }>>('stock.warehouse.orderpoint', 'fields_get', [['qty_to_order', 'qty_to_order_manual']], { attributes: ['store'] });
    const fields18 = await OdooCaller.as(v18, 'admin').call<Record<string, { store: boolean }>>('stock.warehouse.orderpoint', 'fields_get', [['qty_to_order', 'qty_to_order_manual']], { attributes: ['store'] });
    expect(fields17).toEqual({ qty_to_order: { store: true } });
    expect(fields18).toEqual({ qty_to_order: { store: false }, qty_to_order_manual: { store: true } });
  });

  it('requires move locations in 17 but takes them from the picking in 18', async () => {
    for (const sim of [v17, v18]) {
      const admin = OdooCaller.as(sim, 'admin');
      const [wh] = await admin.searchRead<{ out_type_id: [number, string] }>('stock.warehouse', [['code', '=', 'RDC1']], ['out_type_id']);
      const [product] = await admin.searchRead<{ id: number }>('product.product', [], ['id'], { limit: 1 });
      const reply = await admin.raw('stock.picking', 'create', [{ picking_type_id: wh?.out_type_id[0], move_ids: [[0, 0, { name: 'm', product_id: product?.id, product_uom_qty: 1 }]] }]);
      if (sim === v17) expect(reply.body.error?.data.message).toContain('Field: Source Location (location_id)');
      else expect(typeof reply.body.result).toBe('number');
    }
  });

  it('words unknown-method and private-method errors per version', async () => {
    expect((await OdooCaller.as(v17, 'admin').fails('res.partner', 'frobnicate', [[]])).data.message).toBe("The method 'frobnicate' does not exist on the model 'res.partner'");
    expect((await OdooCaller.as(v18, 'admin').fails('res.partner', 'frobnicate', [[]])).data.message).toBe("The method 'res.partner.frobnicate' does not exist");
    expect((await OdooCaller.as(v17, 'admin').fails('res.partner', '_foo', [[]])).data).toMatchObject({ name: 'odoo.exceptions.AccessError', message: 'Private methods (such as _foo) cannot be called remotely.' });
    expect((await OdooCaller.as(v17, 'admin').call('res.partner', 'name_get', [[1]]))).toEqual([[1, expect.any(String)]]);
    expect((await OdooCaller.as(v18, 'admin').fails('res.partner', 'name_get', [[1]])).data.name).toBe('builtins.AttributeError');
    expect((await OdooCaller.as(v17, 'planner').fails('sale.order', 'action_confirm', [[1]])).data.message).toMatch(/^The following orders are not in a state requiring confirmation: S\d+/);
  });

  it('has API key expiration dates only from 18 on', async () => {
    const f17 = await OdooCaller.as(v17, 'admin').call<Record<string, unknown>>('res.users.apikeys', 'fields_get', [], { attributes: ['type'] });
    const f18 = await OdooCaller.as(v18, 'admin').call<Record<string, unknown>>('res.users.apikeys', 'fields_get', [], { attributes: ['type'] });
    expect(f17).not.toHaveProperty('expiration_date');
    expect(f18).toHaveProperty('expiration_date');
  });
});
