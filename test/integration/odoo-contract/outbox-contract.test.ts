import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addDays, localDateOf, type RegionProfile } from '../../../shared/domain';
import { silentLog } from '../../../electron/app/log';
import { Many2one, OdooClient, OdooText, type OdooConnection } from '../../../electron/services/odoo';
import { OutboxService } from '../../../electron/services/outbox';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../../electron/services/store';
import { demoProfile } from '../../support/planner-fixture';
import { makeTempDir } from '../../support/temp-dir';
import { purchaseProposal, transferProposal } from '../outbox/outbox-fixture';
import { odooTarget, type OdooTarget } from './odoo-target';

const target: OdooTarget = await odooTarget();
const writes = target.allowWrites ? describe : describe.skip;

const Warehouse = z.object({ id: z.number(), code: z.string(), lot_stock_id: Many2one, int_type_id: Many2one, out_type_id: Many2one, in_type_id: Many2one, company_id: Many2one });
const Quant = z.object({ product_id: Many2one, quantity: z.number(), reserved_quantity: z.number() });
const Product = z.object({ id: z.number(), default_code: OdooText });
const Picking = z.object({ id: z.number(), name: z.string(), state: z.string(), picking_type_id: Many2one, location_id: Many2one, location_dest_id: Many2one, move_ids: z.array(z.number()) });
const Move = z.object({ id: z.number(), product_uom_qty: z.number(), move_dest_ids: z.array(z.number()), move_orig_ids: z.array(z.number()), state: z.string() });
const Order = z.object({ id: z.number(), name: z.string(), state: z.string(), partner_ref: OdooText, origin: OdooText, partner_id: Many2one });

const id = (value: z.infer<typeof Many2one>): number => (value === false ? 0 : value[0]);

interface Scene {
  from: z.infer<typeof Warehouse>;
  to: z.infer<typeof Warehouse>;
  sku: string;
  free: number;
  vendor: { sku: string; name: string };
}

/** Two warehouses of one company, a product with free stock at the first, and a vendor of some product: whatever this Odoo has. */
async function findScene(client: OdooClient): Promise<Scene> {
  const warehouses = (await client.searchRead('stock.warehouse', [], ['id', 'code', 'lot_stock_id', 'int_type_id', 'out_type_id', 'in_type_id', 'company_id'], Warehouse, { order: 'id asc' })).filter((warehouse) => warehouse.int_type_id !== false);
  for (const from of warehouses) {
    const to = warehouses.find((other) => other.id !== from.id && id(other.company_id) === id(from.company_id));
    if (!to) continue;
    const quants = await client.searchRead('stock.quant', [['location_id', 'child_of', id(from.lot_stock_id)], ['location_id.usage', '=', 'internal']], ['product_id', 'quantity', 'reserved_quantity'], Quant);
    const freeByProduct = new Map<number, number>();
    for (const quant of quants) freeByProduct.set(id(quant.product_id), (freeByProduct.get(id(quant.product_id)) ?? 0) + quant.quantity - quant.reserved_quantity);
    const candidates = [...freeByProduct.entries()].filter(([, free]) => free >= 3).map(([product]) => product);
    if (candidates.length === 0) continue;
    const products = (await client.read('product.product', candidates, ['default_code'], Product)).filter((product) => product.default_code !== false);
    const product = products[0];
    if (!product || product.default_code === false) continue;
    const infos = await client.searchRead('product.supplierinfo', [], ['partner_id', 'product_tmpl_id'], z.object({ partner_id: Many2one, product_tmpl_id: Many2one }), { limit: 50, order: 'id asc' });
    for (const info of infos) {
      const [variant] = await client.searchRead('product.product', [['product_tmpl_id', '=', id(info.product_tmpl_id)], ['default_code', '!=', false]], ['id', 'default_code'], Product, { limit: 1 });
      if (variant && variant.default_code !== false && info.partner_id !== false) {
        return { from, to, sku: product.default_code, free: freeByProduct.get(product.id) ?? 0, vendor: { sku: variant.default_code, name: info.partner_id[1] } };
      }
    }
  }
  throw new Error(`${target.url} has no two warehouses of one company with free stock and a vendor: the outbox contract needs them`);
}

writes(`the outbox's push workflows, against the ${target.kind === 'live' ? `live Odoo at ${target.url} (writes allowed)` : 'stand-in'}`, () => {
  const temp = makeTempDir('outbox-contract');
  const connection: OdooConnection = { url: target.url, database: target.database, login: target.login, apiKey: target.apiKey };
  const client = new OdooClient(connection, { timeoutMs: 60_000 });
  let db: Database.Database;
  let scene: Scene;
  let dayZero: string;
  let profile: RegionProfile;

  function outbox(overrides: Partial<RegionProfile> = {}): OutboxService {
    const service = new OutboxService({ db, profile: { ...profile, ...overrides }, connection: async () => connection, log: silentLog(), pusher: { backoff: { baseMs: 100, capMs: 1_000 }, idleMs: 100, unknownOutcomeGraceMs: 0 } });
    service.start();
    return service;
  }

  async function settle(service: OutboxService): Promise<void> {
    const started = Date.now();
    for (;;) {
      const { counts } = service.status();
      if (counts.queued + counts.retrying + counts.pushing + counts.blocked + counts.cancelling === 0) return;
      if (Date.now() - started > 90_000) throw new Error(`the outbox did not settle: ${JSON.stringify(counts)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const byOrigin = <T>(model: string, key: string, fields: string[], row: z.ZodType<T>): Promise<T[]> => client.searchRead(model, [['origin', '=', key]], fields, row, { order: 'id asc' });

  beforeAll(async () => {
    db = openDatabase(join(temp.path, 'cache.db')).db;
    await client.connect();
    scene = await findScene(client);
    profile = { ...demoProfile(), timeZone: 'UTC' };
    dayZero = localDateOf(new Date(), 'UTC');
  });
  afterAll(async () => {
    db?.close();
    temp.remove();
    await target.close();
  });

  it('makes one reserved internal picking per approved transfer, and pushing the same command again changes nothing', async () => {
    const service = outbox();
    try {
      const [command] = service.enqueue({ batchId: null, actor: 'contract', lines: [{ lineId: `int-${Date.now()}`, proposal: transferProposal('int', scene.from.code, scene.to.code, scene.sku, 1, dayZero) }] });
      await settle(service);
      const key = command?.idempotencyKey ?? '';
      const [picking, ...others] = await byOrigin('stock.picking', key, ['id', 'name', 'state', 'picking_type_id', 'location_id', 'location_dest_id', 'move_ids'], Picking);
      expect(others).toEqual([]);
      expect(picking && [id(picking.picking_type_id), id(picking.location_id), id(picking.location_dest_id), picking.state]).toEqual([id(scene.from.int_type_id), id(scene.from.lot_stock_id), id(scene.to.lot_stock_id), 'assigned']);
      // As if the planner died before it could record the push: the same command is pushed again.
      db.prepare("UPDATE outbox_commands SET state = 'queued', failures = 0 WHERE id = ?").run(command?.id);
      await settle(service);
      const again = await byOrigin('stock.picking', key, ['id', 'name', 'state', 'picking_type_id', 'location_id', 'location_dest_id', 'move_ids'], Picking);
      expect(again.map((entry) => [entry.id, entry.state])).toEqual([[picking?.id, 'assigned']]);
      expect(service.detail(command?.id ?? '').status).toBe('done');
    } finally {
      await service.close();
    }
  });

  it('makes the resupply pair: a delivery to the transit location and a receipt waiting on it, moves chained both ways', async () => {
    const service = outbox({ transferMode: 'resupply-via-transit' });
    try {
      const [command] = service.enqueue({ batchId: null, actor: 'contract', lines: [{ lineId: `rs-${Date.now()}`, proposal: transferProposal('rs', scene.from.code, scene.to.code, scene.sku, 1, dayZero) }] });
      await settle(service);
      const detail = service.detail(command?.id ?? '');
      expect(detail.lastError).toBeNull();
      expect(detail.status).toBe('done');
      const legs = await byOrigin('stock.picking', command?.idempotencyKey ?? '', ['id', 'name', 'state', 'picking_type_id', 'location_id', 'location_dest_id', 'move_ids'], Picking);
      expect(legs).toHaveLength(2);
      const [delivery, receipt] = legs as [z.infer<typeof Picking>, z.infer<typeof Picking>];
      expect([id(delivery.picking_type_id), id(delivery.location_id), delivery.state]).toEqual([id(scene.from.out_type_id), id(scene.from.lot_stock_id), 'assigned']);
      expect([id(receipt.picking_type_id), id(receipt.location_dest_id), receipt.state]).toEqual([id(scene.to.in_type_id), id(scene.to.lot_stock_id), 'waiting']);
      expect(id(delivery.location_dest_id)).toBe(id(receipt.location_id));
      const moves = await client.read('stock.move', [...delivery.move_ids, ...receipt.move_ids], ['product_uom_qty', 'move_dest_ids', 'move_orig_ids', 'state'], Move);
      const deliveryMove = moves.find((move) => move.id === delivery.move_ids[0]);
      const receiptMove = moves.find((move) => move.id === receipt.move_ids[0]);
      if (target.kind === 'live') expect(deliveryMove?.move_dest_ids).toEqual([receiptMove?.id]);
      expect(receiptMove?.move_orig_ids).toEqual([deliveryMove?.id]);
    } finally {
      await service.close();
    }
  });

  it('makes a draft RFQ and a confirmed PO, each once, with the key as source document and vendor reference', async () => {
    const service = outbox();
    try {
      const stamp = Date.now();
      const [rfq, po] = service.enqueue({
        batchId: `contract-${stamp}`,
        actor: 'contract',
        lines: [
          { lineId: 'rfq', proposal: purchaseProposal('rfq', scene.to.code, scene.vendor.sku, scene.vendor.name, 1, dayZero) },
          { lineId: 'po', proposal: purchaseProposal('po', scene.to.code, scene.vendor.sku, scene.vendor.name, 1, dayZero), confirmPurchase: true },
        ],
      });
      await settle(service);
      const [draft, ...moreDrafts] = await byOrigin('purchase.order', rfq?.idempotencyKey ?? '', ['id', 'name', 'state', 'partner_ref', 'origin', 'partner_id'], Order);
      const [confirmed, ...moreConfirmed] = await byOrigin('purchase.order', po?.idempotencyKey ?? '', ['id', 'name', 'state', 'partner_ref', 'origin', 'partner_id'], Order);
      expect([moreDrafts, moreConfirmed]).toEqual([[], []]);
      expect([draft?.state, draft?.partner_ref, draft?.partner_id && draft.partner_id[1]]).toEqual(['draft', rfq?.idempotencyKey, scene.vendor.name]);
      expect(['purchase', 'to approve']).toContain(confirmed?.state);
      expect(service.detail(po?.id ?? '').odooRecords.map((record) => record.name)).toEqual([confirmed?.name]);
    } finally {
      await service.close();
    }
  });

  it("sends a transfer the source cannot cover back with Odoo's free quantity, and creates nothing", async () => {
    const service = outbox();
    try {
      const need = scene.free + 1_000_000;
      const [command] = service.enqueue({ batchId: null, actor: 'contract', lines: [{ lineId: `big-${Date.now()}`, proposal: { ...transferProposal('big', scene.from.code, scene.to.code, scene.sku, need, dayZero), arrivalDate: addDays(dayZero, 4) } }] });
      await settle(service);
      const detail = service.detail(command?.id ?? '');
      expect(detail.status).toBe('needs-replanning');
      expect(detail.replan?.needed).toBe(need);
      expect(detail.replan?.available).toBeLessThan(need);
      expect(await byOrigin('stock.picking', command?.idempotencyKey ?? '', ['id'], z.object({ id: z.number() }))).toEqual([]);
      await service.handlers['outbox.cancel']({ id: command?.id ?? '' });
      await settle(service);
      expect(service.detail(command?.id ?? '').status).toBe('cancelled');
    } finally {
      await service.close();
    }
  });
});
