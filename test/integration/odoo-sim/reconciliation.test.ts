import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../../shared/domain';
import { startOdooSim, type RunningOdooSim } from '../../../tools/odoo-sim';
import { expectedNetwork } from './demo-expectations';
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
    const { network } = expectedNetwork(42, 10, 200, DAY_ZERO);
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
    const { network } = expectedNetwork(42, 10, 200, DAY_ZERO);
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

describe('demand and supply documents of the seeded network', () => {
  let sim: RunningOdooSim;
  let odoo: OdooCaller;
  const tz = 'America/New_York';

  beforeAll(async () => {
    sim = await startOdooSim({ port: 0, seed: 11, nodes: 4, skus: 60, odooVersion: 18, dayZero: DAY_ZERO, tz });
    odoo = OdooCaller.as(sim, 'supervisor');
  });
  afterAll(() => sim.close());

  const localDay = (utc: string): string => localDateOf(new Date(`${utc.replace(' ', 'T')}Z`), tz);

  it('has one sale line per customer demand line, due (commitment date and move date) on its local day, with its unit margin', async () => {
    const { network } = expectedNetwork(11, 4, 60, DAY_ZERO);
    const expected = network.snapshot.demand
      .filter((line) => !line.customer.startsWith('Transfer to '))
      .map((line) => `${line.customer}|${line.nodeId}|${line.dueDate}|${line.skuId}|${line.qty}|${line.unitMargin.toFixed(2)}`)
      .sort();
    const orders = await odoo.searchRead<{ id: number; partner_id: [number, string]; warehouse_id: [number, string]; commitment_date: string }>('sale.order', [], ['partner_id', 'warehouse_id', 'commitment_date']);
    const warehouses = await odoo.searchRead<{ id: number; code: string }>('stock.warehouse', [], ['code']);
    const codeOf = new Map(warehouses.map((wh) => [wh.id, wh.code]));
    const orderById = new Map(orders.map((order) => [order.id, order]));
    const lines = await odoo.searchRead<{ id: number; order_id: [number, string]; product_id: [number, string]; product_uom_qty: number; price_unit: number; purchase_price: number }>('sale.order.line', [], ['order_id', 'product_id', 'product_uom_qty', 'price_unit', 'purchase_price']);
    const moves = await odoo.searchRead<{ sale_line_id: [number, string] | false; date: string }>('stock.move', [['sale_line_id', '!=', false]], ['sale_line_id', 'date']);
    const moveDate = new Map(moves.map((move) => [(move.sale_line_id as [number, string])[0], move.date]));
    const actual = lines
      .map((line) => {
        const order = orderById.get(line.order_id[0]);
        const sku = /^\[([^\]]+)\]/.exec(line.product_id[1])?.[1];
        expect(localDay(moveDate.get(line.id) ?? '')).toBe(localDay(order?.commitment_date ?? ''));
        return `${order?.partner_id[1]}|${codeOf.get(order?.warehouse_id[0] ?? 0)}|${localDay(order?.commitment_date ?? '')}|${sku}|${line.product_uom_qty}|${(line.price_unit - line.purchase_price).toFixed(2)}`;
      })
      .sort();
    expect(actual).toEqual(expected);
  });

  it('has one purchase line per purchase supply line, planned and received on its local ETA day', async () => {
    const { network } = expectedNetwork(11, 4, 60, DAY_ZERO);
    const expected = network.snapshot.supply.filter((line) => line.kind === 'purchase').map((line) => `${line.counterparty}|${line.nodeId}|${line.eta}|${line.skuId}|${line.qty}`).sort();
    const orders = await odoo.searchRead<{ id: number; partner_id: [number, string]; picking_type_id: [number, string]; name: string }>('purchase.order', [], ['partner_id', 'picking_type_id', 'name']);
    const types = await odoo.searchRead<{ id: number; warehouse_id: [number, string] }>('stock.picking.type', [['code', '=', 'incoming']], ['warehouse_id']);
    const warehouses = await odoo.searchRead<{ id: number; code: string }>('stock.warehouse', [], ['code']);
    const codeOf = new Map(warehouses.map((wh) => [wh.id, wh.code]));
    const nodeOfType = new Map(types.map((type) => [type.id, codeOf.get(type.warehouse_id[0])]));
    const orderById = new Map(orders.map((order) => [order.id, order]));
    const lines = await odoo.searchRead<{ id: number; order_id: [number, string]; product_id: [number, string]; product_qty: number; date_planned: string }>('purchase.order.line', [], ['order_id', 'product_id', 'product_qty', 'date_planned']);
    const moves = await odoo.searchRead<{ purchase_line_id: [number, string] | false; date: string; origin: string }>('stock.move', [['purchase_line_id', '!=', false]], ['purchase_line_id', 'date', 'origin']);
    const moveByLine = new Map(moves.map((move) => [(move.purchase_line_id as [number, string])[0], move]));
    const actual = lines
      .map((line) => {
        const order = orderById.get(line.order_id[0]);
        const move = moveByLine.get(line.id);
        expect(move?.origin).toBe(order?.name);
        expect(localDay(move?.date ?? '')).toBe(localDay(line.date_planned));
        const sku = /^\[([^\]]+)\]/.exec(line.product_id[1])?.[1];
        return `${order?.partner_id[1]}|${nodeOfType.get(order?.picking_type_id[0] ?? 0)}|${localDay(line.date_planned)}|${sku}|${line.product_qty}`;
      })
      .sort();
    expect(actual).toEqual(expected);
  });

  it('tags customers with their priority as P1..P5', async () => {
    const { network } = expectedNetwork(11, 4, 60, DAY_ZERO);
    const partners = await odoo.searchRead<{ name: string; category_id: number[] }>('res.partner', [['customer_rank', '>', 0]], ['name', 'category_id']);
    const tags = await odoo.searchRead<{ id: number; name: string }>('res.partner.category', [], ['name']);
    const tagName = new Map(tags.map((tag) => [tag.id, tag.name]));
    for (const customer of network.customers) {
      const partner = partners.find((candidate) => candidate.name === customer.name);
      expect(partner?.category_id.map((id) => tagName.get(id))).toEqual([`P${customer.priority}`]);
    }
  });
});
