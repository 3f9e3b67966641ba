import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningOdooSim } from '../../../tools/odoo-sim';
import { jsonRpc, OdooCaller } from './odoo-rpc';
import { startSmallSim, user } from './start-small';

let sim: RunningOdooSim;
beforeAll(async () => {
  sim = await startSmallSim();
});
afterAll(() => sim.close());

describe('credentials', () => {
  it('issues 40-hex API keys that work in the password slot of every call', async () => {
    for (const login of ['planner', 'supervisor', 'readonly', 'admin']) {
      const demo = user(sim, login);
      expect(demo.apiKey).toMatch(/^[0-9a-f]{40}$/);
      expect(await OdooCaller.as(sim, login, 'apiKey').call('res.users', 'read', [[demo.uid], ['login']])).toEqual([{ id: demo.uid, login }]);
      expect(await OdooCaller.as(sim, login, 'password').call('res.users', 'read', [[demo.uid], ['login']])).toEqual([{ id: demo.uid, login }]);
    }
  });

  it('refuses a key used with another uid, an unknown uid and an unknown database', async () => {
    const planner = user(sim, 'planner');
    const supervisor = user(sim, 'supervisor');
    const wrongUid = await jsonRpc(sim, 'object', 'execute_kw', [sim.database, supervisor.uid, planner.apiKey, 'res.partner', 'search', [[]]]);
    expect(wrongUid.body.error?.data.name).toBe('odoo.exceptions.AccessDenied');
    const ghost = await jsonRpc(sim, 'object', 'execute_kw', [sim.database, 9999, planner.apiKey, 'res.partner', 'search', [[]]]);
    expect(ghost.body.error?.data.name).toBe('odoo.exceptions.AccessDenied');
    const noDb = await jsonRpc(sim, 'common', 'authenticate', ['nosuchdb', 'planner', planner.apiKey, {}]);
    expect(noDb.body.error?.data).toMatchObject({ name: 'psycopg2.OperationalError', message: 'connection to server at "127.0.0.1", port 5432 failed: FATAL:  database "nosuchdb" does not exist\n' });
  });
});

describe('model access rights', () => {
  it('lets the read-only user read master data but not transfers, with the exact AccessError text', async () => {
    const readonly = OdooCaller.as(sim, 'readonly');
    expect(await readonly.call('stock.warehouse', 'search_count', [[]])).toBe(3);
    const error = await readonly.fails('stock.picking', 'search_read', [[]], { fields: ['name'], limit: 1 });
    expect(error.data.name).toBe('odoo.exceptions.AccessError');
    expect(error.data.message).toBe(
      "You are not allowed to access 'Transfer' (stock.picking) records.\n\nThis operation is allowed for the following groups:\n" +
        '\t- Inventory/Administrator\n\t- Inventory/User\n\t- Invoicing/Invoicing\n\t- Purchase/Administrator\n\t- Purchase/User\n\t- Sales/Administrator\n\t- Sales/User: Own Documents Only\n\t- Technical/Show Accounting Features - Readonly\n\t- User types/Portal\n\n' +
        'Contact your administrator to request access if necessary.',
    );
    // Writing without read access is reported as a read refusal, as Odoo 18 does.
    expect((await readonly.fails('stock.picking', 'write', [[1], { origin: 'x' }])).data.message).toMatch(/^You are not allowed to access 'Transfer'/);
    expect((await readonly.fails('purchase.order', 'create', [{ partner_id: 1 }])).data.message).toBe(
      "You are not allowed to create 'Purchase Order' (purchase.order) records.\n\nThis operation is allowed for the following groups:\n\t- Purchase/Administrator\n\t- Purchase/User\n\nContact your administrator to request access if necessary.",
    );
  });

  it('needs stock rights to read product quantities', async () => {
    const readonly = OdooCaller.as(sim, 'readonly');
    const error = await readonly.fails('product.product', 'search_read', [[]], { fields: ['name', 'qty_available'], limit: 1 });
    expect(error.data.message).toMatch(/^You are not allowed to access 'Stock Move' \(stock\.move\) records\./);
    expect(await readonly.searchRead('product.product', [], ['name'], { limit: 1 })).toHaveLength(1);
  });

  it('lets the planner read orderpoints but not change them; the supervisor may', async () => {
    const planner = OdooCaller.as(sim, 'planner');
    const supervisor = OdooCaller.as(sim, 'supervisor');
    const [rule] = await planner.searchRead<{ id: number; product_min_qty: number; product_max_qty: number }>('stock.warehouse.orderpoint', [], ['product_min_qty', 'product_max_qty'], { limit: 1 });
    expect(rule).toBeDefined();
    const error = await planner.fails('stock.warehouse.orderpoint', 'write', [[rule?.id], { product_min_qty: 1 }]);
    expect(error.data.message).toMatch(/^You are not allowed to modify 'Minimum Inventory Rule' \(stock\.warehouse\.orderpoint\) records\./);
    expect(await supervisor.call('stock.warehouse.orderpoint', 'write', [[rule?.id], { product_min_qty: 0, product_max_qty: (rule?.product_max_qty ?? 0) + 1 }])).toBe(true);
    expect((await supervisor.fails('stock.warehouse.orderpoint', 'write', [[rule?.id], { product_min_qty: 99999 }])).data).toMatchObject({
      name: 'odoo.exceptions.ValidationError',
      message: 'The minimum quantity must be less than or equal to the maximum quantity.',
    });
  });

  it('lets a stock user read and confirm sale orders without any Sales group (sale_stock ACL)', async () => {
    const planner = OdooCaller.as(sim, 'planner');
    expect(await planner.call<number>('sale.order', 'search_count', [[]])).toBeGreaterThan(0);
    expect((await planner.fails('sale.order', 'unlink', [[1]])).data.message).toMatch(/^You are not allowed to delete 'Sales Order'/);
  });

  it('answers check_access_rights and has_access without raising when asked not to', async () => {
    const readonly = OdooCaller.as(sim, 'readonly');
    expect(await readonly.call('stock.picking', 'check_access_rights', ['read'], { raise_exception: false })).toBe(false);
    expect(await readonly.call('stock.warehouse', 'has_access', [[], 'read'])).toBe(true);
    expect((await readonly.raw('stock.warehouse', 'check_access', [[], 'read'])).body).toEqual({ jsonrpc: '2.0', id: 1 });
  });
});
