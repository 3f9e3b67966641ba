import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOdooSim, type RunningOdooSim } from '../../../tools/odoo-sim';
import { OdooCaller } from './odoo-rpc';

const DAY_ZERO = '2026-03-02';

describe.each([17, 18] as const)('the Odoo %i stand-in seeded from the demo generator', (version) => {
  let sim: RunningOdooSim;
  let odoo: OdooCaller;

  beforeAll(async () => {
    sim = await startOdooSim({ port: 0, seed: 42, nodes: 10, skus: 200, odooVersion: version, dayZero: DAY_ZERO, tz: 'Europe/Amsterdam' });
    odoo = OdooCaller.as(sim, 'supervisor');
  });
  afterAll(() => sim.close());

  it('reports, for every warehouse, the on hand, incoming and outgoing totals the generator produced', async () => {
    const { network } = await import('./demo-expectations').then((module) => module.expectedNetwork(42, 10, 200, DAY_ZERO));
    const warehouses = await odoo.searchRead<{ id: number; code: string }>('stock.warehouse', [], ['code']);
    expect(warehouses.map((wh) => wh.code).sort()).toEqual(network.snapshot.nodes.map((node) => node.code).sort());
    const contextKey = version === 17 ? 'warehouse' : 'warehouse_id';
    for (const node of network.snapshot.nodes) {
      const warehouse = warehouses.find((wh) => wh.code === node.code);
      expect(warehouse, node.code).toBeDefined();
      const products = await odoo.searchRead<{ default_code: string; qty_available: number; incoming_qty: number; outgoing_qty: number }>(
        'product.product',
        [],
        ['default_code', 'qty_available', 'incoming_qty', 'outgoing_qty'],
        { context: { [contextKey]: warehouse?.id } },
      );
      const sum = (pick: (row: { qty_available: number; incoming_qty: number; outgoing_qty: number }) => number): number => Math.round(products.reduce((total, row) => total + pick(row), 0) * 100) / 100;
      const onHand = network.snapshot.positions.filter((position) => position.nodeId === node.id).reduce((total, position) => total + position.onHand, 0);
      const supply = network.snapshot.supply.filter((line) => line.nodeId === node.id).reduce((total, line) => total + line.qty, 0);
      const demand = network.snapshot.demand.filter((line) => line.nodeId === node.id).reduce((total, line) => total + line.qty, 0);
      expect({ node: node.code, onHand: sum((row) => row.qty_available), incoming: sum((row) => row.incoming_qty), outgoing: sum((row) => row.outgoing_qty) }).toEqual({ node: node.code, onHand, incoming: supply, outgoing: demand });
    }
  });

  it('matches the generator per SKU too, not only in total', async () => {
    const { network } = await import('./demo-expectations').then((module) => module.expectedNetwork(42, 10, 200, DAY_ZERO));
    const node = network.snapshot.nodes[0];
    if (!node) throw new Error('no node');
    const [warehouse] = await odoo.searchRead<{ id: number }>('stock.warehouse', [['code', '=', node.code]], ['id']);
    const products = await odoo.searchRead<{ default_code: string; qty_available: number; free_qty: number }>('product.product', [], ['default_code', 'qty_available', 'free_qty'], {
      context: { [version === 17 ? 'warehouse' : 'warehouse_id']: warehouse?.id },
    });
    const byCode = new Map(products.map((product) => [product.default_code, product]));
    for (const position of network.snapshot.positions.filter((candidate) => candidate.nodeId === node.id)) {
      const product = byCode.get(position.skuId);
      expect({ sku: position.skuId, onHand: product?.qty_available, free: product?.free_qty }).toEqual({ sku: position.skuId, onHand: position.onHand, free: position.onHand - position.reserved });
    }
  });
});
