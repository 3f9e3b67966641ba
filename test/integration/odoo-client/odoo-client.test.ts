import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startOdooSim, type RunningOdooSim } from '../../../tools/odoo-sim';
import {
  Many2one,
  OdooAccessError,
  OdooAuthError,
  OdooClient,
  OdooMissingRecordError,
  OdooRateLimitedError,
  OdooServerError,
  OdooUnavailableError,
  OdooValidationError,
} from '../../../electron/services/odoo';

function userOf(sim: RunningOdooSim, login: string): { login: string; apiKey: string } {
  const user = sim.users.find((candidate) => candidate.login === login);
  if (!user) throw new Error(`no demo user ${login}`);
  return { login, apiKey: user.apiKey };
}

describe.each([17, 18] as const)('the Odoo client against the stand-in speaking Odoo %i', (version) => {
  let sim: RunningOdooSim;
  let planner: OdooClient;
  beforeAll(async () => {
    sim = await startOdooSim({ port: 0, seed: 3, nodes: 3, skus: 30, odooVersion: version, dayZero: '2026-11-27' });
    planner = new OdooClient({ url: sim.url, database: sim.database, ...userOf(sim, 'planner') }, { timeoutMs: 5_000 });
  });
  afterAll(async () => sim.close());

  it(`detects Odoo ${version} and adapts to it`, async () => {
    const session = await planner.connect();
    expect(session.dialect.major).toBe(version);
    expect(session.dialect.warehouseContextKey).toBe(version === 17 ? 'warehouse' : 'warehouse_id');
    const storable = await planner.searchCount('product.product', session.dialect.storableProductDomain);
    expect(storable).toBe(30);
  });

  it('reads records and checks their shape', async () => {
    const Warehouse = z.object({ id: z.number(), code: z.string(), lot_stock_id: Many2one });
    const warehouses = await planner.searchRead('stock.warehouse', [], ['code', 'lot_stock_id'], Warehouse, { order: 'id asc' });
    expect(warehouses.map((warehouse) => warehouse.code)).toEqual(['RDC1', 'FSL01', 'TPL1']);
    expect(warehouses[0]?.lot_stock_id).toEqual([expect.any(Number), 'RDC1/Stock']);
  });

  it('reads a product\'s quantities with the warehouse in the context key of this version', async () => {
    const session = await planner.connect();
    const [product] = await planner.searchRead('product.product', [['default_code', '=', 'SKU-00001']], ['id'], z.object({ id: z.number() }));
    const rows = await planner.read('product.product', [product?.id ?? 0], ['qty_available'], z.object({ id: z.number(), qty_available: z.number() }), {
      [session.dialect.warehouseContextKey]: sim.warehouseIds.RDC1,
    });
    expect(rows[0]?.qty_available).toBeGreaterThanOrEqual(0);
  });

  it('says who was refused where when the API key is wrong, and keeps the key out of the message', async () => {
    const wrong = new OdooClient({ url: sim.url, database: sim.database, login: 'planner', apiKey: 'f'.repeat(40) });
    const attempt = wrong.connect();
    await expect(attempt).rejects.toBeInstanceOf(OdooAuthError);
    await expect(attempt).rejects.toThrow(`Odoo refused the login for planner on ${sim.database}`);
    await expect(attempt).rejects.not.toThrow('f'.repeat(40));
  });

  it('names the model and the missing right when a user may not do something', async () => {
    const readonly = new OdooClient({ url: sim.url, database: sim.database, ...userOf(sim, 'readonly') });
    const attempt = readonly.searchRead('stock.warehouse.orderpoint', [], ['id'], z.object({ id: z.number() }));
    await expect(attempt).rejects.toBeInstanceOf(OdooAccessError);
    await expect(attempt).rejects.toThrow(/stock\.warehouse\.orderpoint/);
  });

  it("keeps Odoo's own words for a business refusal and a missing record", async () => {
    const [order] = await planner.searchRead('sale.order', [['state', '=', 'sale']], ['id'], z.object({ id: z.number() }), { limit: 1 });
    const again = planner.callOnRecords('sale.order', 'action_confirm', [order?.id ?? 0], z.unknown());
    await expect(again).rejects.toBeInstanceOf(OdooValidationError);
    await expect(again).rejects.toThrow(/not in a state requiring confirmation/);
    const gone = planner.write('stock.picking', [999_999], { origin: 'x' });
    await expect(gone).rejects.toBeInstanceOf(OdooMissingRecordError);
    await expect(gone).rejects.toThrow('Record does not exist or has been deleted.');
  });

  it('reports an unknown field as a server error naming it', async () => {
    await expect(planner.searchRead('res.partner', [['no_such_field', '=', 1]], ['id'], z.object({ id: z.number() }))).rejects.toBeInstanceOf(OdooServerError);
  });

  it('takes a missing result (a method returning None) as null', async () => {
    const [order] = await planner.searchRead('purchase.order', [['state', '=', 'purchase']], ['id'], z.object({ id: z.number() }), { limit: 1 });
    const supervisor = new OdooClient({ url: sim.url, database: sim.database, ...userOf(sim, 'supervisor') });
    await expect(supervisor.callOnRecords('purchase.order', 'button_cancel', [order?.id ?? 0], z.null())).resolves.toBeNull();
  });

  it('marks an unavailable or overloaded Odoo as transient, honouring Retry-After', async () => {
    sim.control.failNext('http-503', 1);
    const unavailable = await planner.searchCount('res.partner', []).catch((error: unknown) => error);
    expect(unavailable).toBeInstanceOf(OdooUnavailableError);
    expect((unavailable as OdooUnavailableError).transient).toBe(true);
    sim.control.failNext('rate-limit', 1);
    const limited = await planner.searchCount('res.partner', []).catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(OdooRateLimitedError);
    expect((limited as OdooRateLimitedError).retryAfterMs).toBeGreaterThan(0);
    sim.control.failNext('drop-before', 1);
    await expect(planner.searchCount('res.partner', [])).rejects.toBeInstanceOf(OdooUnavailableError);
    await expect(planner.searchCount('res.partner', [])).resolves.toBeGreaterThan(0);
  });
});
