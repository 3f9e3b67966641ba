import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addDays, describeNetworkChange, emptyChangeCounts, type NetworkChangeEvent } from '../../../shared/domain';
import { KEPT_SYNCS, openDatabase, SyncChangeLog, SyncChangesUnreadableError } from '../../../electron/services/store';
import { makeTempDir } from '../../support/temp-dir';
import { DAY_ZERO, syncRig, type CacheRig, type SyncRig } from './sync-fixture';

const Line = z.object({ id: z.number(), order_id: z.tuple([z.number(), z.string()]), date_planned: z.string(), move_ids: z.array(z.number()) });
const Picking = z.object({ id: z.number() });

describe('what a sync changed, recorded for the planner', () => {
  let rig: SyncRig;
  let target: CacheRig;
  beforeAll(async () => {
    rig = await syncRig({ nodes: 3, skus: 40, seed: 23 });
    target = await rig.cache();
  });
  afterAll(async () => rig.close());

  it('a first sync has nothing to compare with and records nothing', async () => {
    const report = await target.sync.run(rig.client());
    expect(report.kind).toBe('first');
    expect(report.changes).toBeNull();
    const db = new Database(target.dbPath, { readonly: true });
    try {
      expect(new SyncChangeLog(db).read()).toBeNull();
    } finally {
      db.close();
    }
  });

  it("a vendor's later promise, a shipped delivery and a large new order show as changes, with the shortage the order makes", async () => {
    const admin = rig.client('admin', 'admin');
    // The vendor now promises a week later: Odoo moves the receipt's deadline with it.
    const [line] = await admin.searchRead('purchase.order.line', [['order_id.state', '=', 'purchase'], ['qty_received', '=', 0]], ['order_id', 'date_planned', 'move_ids'], Line, { limit: 1, order: 'id' });
    if (!line) throw new Error('the demo has no open purchase line');
    const promisedBefore = line.date_planned.slice(0, 10);
    await admin.write('purchase.order.line', [line.id], { date_planned: `${addDays(promisedBefore, 7)} 10:00:00` });
    // A customer orders more than FSL01 holds of a SKU that was never short there: it is short from the due date.
    const candidates = await target.planning.run('stock-rows', { thresholds: rig.profile.freshness, now: `${DAY_ZERO}T09:00:00.000Z`, keys: Array.from({ length: 20 }, (_, i) => ({ nodeId: 'FSL01', skuId: `SKU-${String(i + 1).padStart(5, '0')}` })) });
    const fine = candidates.rows.find((row) => row.firstShortageDate === null);
    if (!fine) throw new Error('every FSL01 row of the demo is short');
    const [customer] = await admin.searchRead('res.partner', [['customer_rank', '>', 0]], ['id'], z.object({ id: z.number() }), { limit: 1 });
    const [product] = await admin.searchRead('product.product', [['default_code', '=', fine.skuId]], ['id'], z.object({ id: z.number() }));
    const due = addDays(DAY_ZERO, 2);
    const sale = await admin.create('sale.order', { partner_id: customer?.id, warehouse_id: rig.sim.warehouseIds.FSL01, commitment_date: `${due} 11:00:00`, order_line: [[0, 0, { product_id: product?.id, product_uom_qty: fine.onHand + 1_000 }]] });
    await admin.callOnRecords('sale.order', 'action_confirm', [sale], z.unknown());
    const [delivery] = await admin.searchRead('stock.picking', [['picking_type_code', '=', 'outgoing'], ['state', '=', 'assigned']], ['id'], Picking, { limit: 1 });
    if (!delivery) throw new Error('the demo has no open delivery');
    await admin.callOnRecords('stock.picking', 'button_validate', [delivery.id], z.unknown(), { context: { skip_backorder: true, picking_ids_not_to_backorder: [delivery.id] } });

    const report = await target.sync.run(rig.client());
    expect(report.kind).toBe('incremental');
    expect(report.rebuilt).toBe('changes only');
    expect(report.changes?.supply.later).toBe(1);
    expect(report.changes?.demand.closed).toBeGreaterThanOrEqual(1);
    expect(report.changes?.stock).toBeGreaterThanOrEqual(1);
    expect(report.changes?.demand.new).toBe(1);
    expect(report.changes?.shortages['now short']).toBeGreaterThanOrEqual(1);

    const db = new Database(target.dbPath, { readonly: true });
    try {
      const log = new SyncChangeLog(db);
      const recorded = log.read();
      expect(recorded?.counts).toEqual(report.changes);
      expect(log.list().map((sync) => sync.counts)).toEqual([report.changes]);
      const events = recorded?.events ?? [];
      const later = events.find((event): event is Extract<NetworkChangeEvent, { kind: 'supply-changed' }> => event.kind === 'supply-changed' && event.change === 'changed');
      expect(later).toMatchObject({ etaBefore: promisedBefore, etaAfter: addDays(promisedBefore, 7), source: { model: 'stock.move', id: line.move_ids[0] } });
      expect(describeNetworkChange(later as NetworkChangeEvent)).toContain(`ETA ${promisedBefore} → ${addDays(promisedBefore, 7)} (7 days later)`);
      // The delivery's lines are closed, and its stock left the node.
      const closed = events.filter((event): event is Extract<NetworkChangeEvent, { kind: 'demand-changed' }> => event.kind === 'demand-changed' && event.change === 'closed');
      expect(closed.length).toBe(report.changes?.demand.closed);
      for (const event of closed) expect(events.some((other) => other.kind === 'stock-changed' && other.nodeId === event.nodeId && other.skuId === event.skuId && other.onHandAfter < other.onHandBefore)).toBe(true);

      // Each shortage that moved says where the network now stands: checked against the Stock rows the planner sees.
      const shortages = recorded?.shortages ?? [];
      const counted = Object.values(report.changes?.shortages ?? {}).reduce((sum, n) => sum + n, 0);
      expect(shortages).toHaveLength(counted);
      expect(shortages).toContainEqual(expect.objectContaining({ nodeId: 'FSL01', skuId: fine.skuId, change: 'now short', before: null, after: due }));
      {
        const { rows } = await target.planning.run('stock-rows', { thresholds: rig.profile.freshness, now: `${DAY_ZERO}T09:00:00.000Z`, keys: shortages.map(({ nodeId, skuId }) => ({ nodeId, skuId })) });
        for (const shortage of shortages) {
          const row = rows.find((candidate) => candidate.nodeId === shortage.nodeId && candidate.skuId === shortage.skuId);
          expect(row?.firstShortageDate ?? null).toBe(shortage.after);
        }
      }
    } finally {
      db.close();
    }
  });

  it('a sync that found nothing new records that nothing changed', async () => {
    const report = await target.sync.run(rig.client());
    expect(report.changes).toEqual({
      stock: 0,
      demand: { new: 0, changed: 0, closed: 0 },
      supply: { new: 0, later: 0, earlier: 0, changed: 0, closed: 0 },
      shortages: { 'now short': 0, earlier: 0, later: 0, 'no longer short': 0 },
    });
  });

  it('a sync whose changes cannot be written still brings the network up to date, and warns that the list of changes was lost', async () => {
    const admin = rig.client('admin', 'admin');
    const [delivery] = await admin.searchRead('stock.picking', [['picking_type_code', '=', 'outgoing'], ['state', '=', 'assigned']], ['id'], Picking, { limit: 1 });
    if (!delivery) throw new Error('the demo has no open delivery');
    await admin.callOnRecords('stock.picking', 'button_validate', [delivery.id], z.unknown(), { context: { skip_backorder: true, picking_ids_not_to_backorder: [delivery.id] } });
    const db = new Database(target.dbPath);
    // The disk fills up just as the record is written.
    db.exec("CREATE TRIGGER sync_changes_full BEFORE INSERT ON sync_changes BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    const recordsBefore = new SyncChangeLog(db).list().length;
    const openDemand = (): number => db.prepare('SELECT COUNT(*) FROM demand_lines').pluck().get() as number;
    const demandBefore = openDemand();
    try {
      const report = await target.sync.run(rig.client());
      expect(report.kind).toBe('incremental');
      expect(report.changes).toBeNull();
      expect(target.notices).toContainEqual({ level: 'warning', message: 'What this sync changed could not be recorded (database or disk is full); the network itself is up to date.' });
      expect(new SyncChangeLog(db).list()).toHaveLength(recordsBefore);
      // The delivery it shipped is no longer open demand in the cache.
      expect(openDemand()).toBeLessThan(demandBefore);
    } finally {
      db.exec('DROP TRIGGER sync_changes_full');
      db.close();
    }
  });

  it('a record changed outside the planner is refused by name, and the others still list', () => {
    const db = new Database(target.dbPath);
    try {
      db.prepare("INSERT INTO sync_changes (taken_at, previous_taken_at, counts, record) VALUES ('2026-11-20T09:00:00.000Z', '2026-11-19T09:00:00.000Z', ?, '{\"takenAt\": 5}')").run(JSON.stringify({ stock: -1 }));
      const log = new SyncChangeLog(db);
      expect(() => log.read('2026-11-20T09:00:00.000Z')).toThrow(SyncChangesUnreadableError);
      expect(() => log.read('2026-11-20T09:00:00.000Z')).toThrow(/The changes recorded for the sync at 2026-11-20T09:00:00.000Z cannot be read \(takenAt: .*\); they were changed outside the planner/);
      expect(() => log.list()).toThrow(/cannot be read \(stock: /);
      expect(log.read()?.takenAt).toBe(`${DAY_ZERO}T09:00:00.000Z`);
    } finally {
      db.close();
    }
  });
});

describe('the log of sync changes', () => {
  it(`keeps the newest ${KEPT_SYNCS} syncs, newest first, and refuses a record that fails its schema before writing it`, () => {
    const temp = makeTempDir('sync-changes');
    const { db } = openDatabase(`${temp.path}/cache.db`);
    try {
      const log = new SyncChangeLog(db);
      const at = (i: number): string => new Date(Date.UTC(2026, 10, 1, 6) + i * 30 * 60_000).toISOString();
      for (let i = 1; i <= KEPT_SYNCS + 3; i++) log.record({ takenAt: at(i), previousTakenAt: at(i - 1), counts: { ...emptyChangeCounts(), stock: i }, events: [], shortages: [] });
      const listed = log.list();
      expect(listed).toHaveLength(KEPT_SYNCS);
      expect(listed[0]).toEqual({ takenAt: at(KEPT_SYNCS + 3), previousTakenAt: at(KEPT_SYNCS + 2), counts: { ...emptyChangeCounts(), stock: KEPT_SYNCS + 3 } });
      expect(listed.at(-1)?.takenAt).toBe(at(4));
      expect(log.read(at(3))).toBeNull();
      expect(() => log.record({ takenAt: at(99), previousTakenAt: at(98), counts: { ...emptyChangeCounts(), stock: -1 }, events: [], shortages: [] })).toThrow(/stock/);
      expect(log.list()).toHaveLength(KEPT_SYNCS);
    } finally {
      db.close();
      temp.remove();
    }
  });
});
