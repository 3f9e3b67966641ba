import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countsByKey, coveredTransfers, outboxRig, purchases, type OutboxRig } from './outbox-fixture';
import { settled, testOutbox } from './outbox-harness';

let rig: OutboxRig;
beforeAll(async () => {
  rig = await outboxRig({ nodes: 3, skus: 20, seed: 41, odooVersion: 17 });
});
afterAll(async () => rig.close());

describe('the outbox against Odoo 17', () => {
  it('pushes internal pickings (locations on every move, as 17 requires), resupply pairs and purchase orders, and sends back a line the source cannot cover', async () => {
    const outbox = testOutbox(rig);
    const resupply = testOutbox(rig, rig.profile({ transferMode: 'resupply-via-transit' }), { start: false });
    try {
      const [internal, pair, tooMuch] = coveredTransfers(rig.stock, 3, rig.dayZero, 'v17');
      const [purchase] = purchases(rig.stock, 1, rig.dayZero, 'v17');
      if (!internal || !pair || !tooMuch || !purchase) throw new Error('no proposals');
      const queued = [
        ...outbox.service.enqueue({ batchId: 'V17', actor: 'supervisor@test', lines: [{ lineId: 'int', proposal: internal }, { lineId: 'buy', proposal: purchase, confirmPurchase: true }, { lineId: 'much', proposal: { ...tooMuch, qty: 1_000_000 } }] }),
        ...resupply.service.enqueue({ batchId: 'V17', actor: 'supervisor@test', lines: [{ lineId: 'pair', proposal: pair }] }),
      ];
      await settled(outbox);
      expect(queued.map((command) => outbox.service.detail(command.id).status)).toEqual(['done', 'done', 'needs-replanning', 'done']);
      expect(outbox.service.detail(queued[2]?.id ?? '').replan).toMatchObject({ needed: 1_000_000 });
      const pickings = countsByKey(rig.sim, 'stock.picking', queued.map((command) => command.idempotencyKey));
      expect(queued.map((command) => pickings.get(command.idempotencyKey))).toEqual([1, 0, 0, 2]);
      expect(outbox.service.detail(queued[3]?.id ?? '').odooRecords.map((record) => [record.role, record.state])).toEqual([
        ['delivery', 'assigned'],
        ['receipt', 'waiting'],
      ]);
    } finally {
      await outbox.service.close();
      await resupply.service.close();
    }
  });
});
