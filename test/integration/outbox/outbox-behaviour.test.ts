import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OdooClient } from '../../../electron/services/odoo';
import { OutboxStore } from '../../../electron/services/store';
import { countsByKey, coveredTransfers, outboxRig, purchases, transferProposal, type OutboxRig } from './outbox-fixture';
import { settled, testOutbox, until, type TestOutbox } from './outbox-harness';

let rig: OutboxRig;
let outbox: TestOutbox | null = null;
beforeAll(async () => {
  rig = await outboxRig({ nodes: 3, skus: 40, seed: 23 });
});
afterEach(async () => {
  rig.sim.control.clearFaults();
  await outbox?.service.close();
  outbox = null;
});
afterAll(async () => rig.close());

function freeAt(node: string, sku: string): number {
  const env = rig.sim.control.env();
  const stock = env.db.table('stock.warehouse').get(rig.sim.warehouseIds[node] as number)?.lot_stock_id;
  let free = 0;
  for (const quant of env.db.table('stock.quant').rows.values()) {
    if (quant.location_id === stock && quant.product_id === rig.sim.productIds[sku]) free += (Number(quant.quantity) || 0) - (Number(quant.reserved_quantity) || 0);
  }
  return free;
}

function pickingsWithKey(key: string): Record<string, unknown>[] {
  return [...rig.sim.control.env().db.table('stock.picking').rows.values()].filter((picking) => picking.origin === key);
}

describe('retries, the circuit, dependencies and pausing', () => {
  it('keeps a line waiting until the line of the batch it depends on is in Odoo', async () => {
    outbox = testOutbox(rig);
    const [purchase] = purchases(rig.stock, 1, rig.dayZero, 'dep');
    const [transfer] = coveredTransfers(rig.stock, 1, rig.dayZero, 'dep');
    if (!purchase || !transfer) throw new Error('no proposals');
    // The purchase fails three times before Odoo takes it; the transfer would be quicker on its own.
    rig.sim.control.failNext('http-503', 3, { model: 'purchase.order' });
    const [first, second] = outbox.service.enqueue({
      batchId: 'DEP',
      actor: 'supervisor@test',
      lines: [
        { lineId: 'buy', proposal: purchase },
        { lineId: 'move', proposal: transfer, after: ['buy'] },
      ],
    });
    expect(outbox.service.detail(second?.id ?? '').status).toBe('blocked');
    expect(outbox.service.detail(second?.id ?? '').waitingFor).toEqual([{ lineId: 'buy', commandId: first?.id, state: expect.stringMatching(/queued|pushing/) }]);
    await settled(outbox);
    const pushed = outbox.events.filter((event) => event.kind === 'command-pushed').map((event) => event.commandId);
    expect(pushed).toEqual([first?.id, second?.id]);
    expect(outbox.events.filter((event) => event.kind === 'command-failed' && event.commandId === first?.id).every((event) => event.kind === 'command-failed' && event.transient)).toBe(true);
    expect(outbox.service.detail(first?.id ?? '').attempts).toBeGreaterThan(1);
  });

  it('waits at least as long as Odoo asks with Retry-After, whatever the backoff would have chosen', async () => {
    outbox = testOutbox(rig);
    rig.sim.control.setFaults({ retryAfterSeconds: 2 });
    rig.sim.control.failNext('rate-limit', 1, { model: 'stock.picking', method: 'search_read' });
    const [transfer] = coveredTransfers(rig.stock, 1, rig.dayZero, 'slow');
    if (!transfer) throw new Error('no transfer');
    const [command] = outbox.service.enqueue({ batchId: null, actor: 'supervisor@test', lines: [{ lineId: 'slow-line', proposal: transfer }] });
    await settled(outbox);
    const failed = new OutboxStore(rig.db).history(command?.id ?? '').find((entry) => entry.event === 'attempt-failed');
    const detail = failed?.detail as { retryAt: string } | undefined;
    // The test backoff never waits more than 250 ms; Odoo asked for 2 s.
    expect(Date.parse(detail?.retryAt ?? '') - Date.parse(failed?.at ?? '')).toBeGreaterThanOrEqual(2000);
    expect(outbox.service.detail(command?.id ?? '').status).toBe('done');
  });

  it('opens the circuit while Odoo is down, probes until it answers, then pushes everything once', async () => {
    outbox = testOutbox(rig);
    const proposals = coveredTransfers(rig.stock, 4, rig.dayZero, 'down');
    const restarting = rig.sim.control.restart({ downMs: 2500 });
    const queued = outbox.service.enqueue({ batchId: 'DOWN', actor: 'supervisor@test', lines: proposals.map((proposal, index) => ({ lineId: `L${index}`, proposal })) });
    await until(() => outbox?.service.status().connection.state === 'circuit-open', 'the circuit to open');
    await restarting;
    const status = await settled(outbox);
    expect(status.counts.done).toBeGreaterThanOrEqual(4);
    expect(status.connection.state).toBe('reachable');
    expect(outbox.statuses.map((entry) => entry.connection.state)).toContain('circuit-open');
    expect([...countsByKey(rig.sim, 'stock.picking', queued.map((command) => command.idempotencyKey)).values()]).toEqual([1, 1, 1, 1]);
  });

  it('sends nothing while paused, and everything once resumed', async () => {
    outbox = testOutbox(rig);
    await outbox.service.handlers['outbox.pause']({});
    const [transfer] = coveredTransfers(rig.stock, 1, rig.dayZero, 'pause');
    if (!transfer) throw new Error('no transfer');
    const [command] = outbox.service.enqueue({ batchId: null, actor: 'supervisor@test', lines: [{ lineId: 'paused-line', proposal: transfer }] });
    await until(() => outbox?.service.status().connection.state === 'paused', 'the pusher to notice the pause');
    // Several pusher cycles pass while paused.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(pickingsWithKey(command?.idempotencyKey ?? '')).toEqual([]);
    expect(outbox.service.status().counts.queued).toBe(1);
    const resumed = await outbox.service.handlers['outbox.resume']({});
    expect(resumed.paused).toBe(false);
    await settled(outbox);
    expect(pickingsWithKey(command?.idempotencyKey ?? '')).toHaveLength(1);
  });
});

describe('a transfer the source can no longer cover', () => {
  it('goes back to the planner with both numbers when the source stock vanished in Odoo, and is pushed after the quantity is edited', async () => {
    outbox = testOutbox(rig);
    await outbox.service.handlers['outbox.pause']({});
    const [proposal] = coveredTransfers(rig.stock, 1, rig.dayZero, 'vanish');
    if (!proposal) throw new Error('no transfer');
    const line = transferProposal('big', proposal.fromNodeId, proposal.nodeId, proposal.skuId, 2, rig.dayZero);
    const [command] = outbox.service.enqueue({ batchId: 'V', actor: 'supervisor@test', lines: [{ lineId: 'L', proposal: line }] });
    // Someone in Odoo ships or counts the stock away: one unit is left free.
    const env = rig.sim.control.env();
    const stock = env.db.table('stock.warehouse').get(rig.sim.warehouseIds[line.fromNodeId] as number)?.lot_stock_id;
    for (const quant of env.db.table('stock.quant').rows.values()) {
      if (quant.location_id === stock && quant.product_id === rig.sim.productIds[line.skuId]) env.db.update('stock.quant', quant, { quantity: (Number(quant.reserved_quantity) || 0) + 1 });
    }
    expect(freeAt(line.fromNodeId, line.skuId)).toBe(1);
    await outbox.service.handlers['outbox.resume']({});
    await settled(outbox);

    const detail = outbox.service.detail(command?.id ?? '');
    expect(detail.status).toBe('needs-replanning');
    expect(detail.replan).toMatchObject({ nodeId: line.fromNodeId, skuId: line.skuId, needed: 2, available: 1 });
    expect(detail.lastError).toMatch(/has 1 of .* free in Odoo now, the line needs 2/);
    expect(pickingsWithKey(command?.idempotencyKey ?? '')).toEqual([]);
    expect(outbox.events.find((event) => event.kind === 'replanned')).toMatchObject({ commandId: command?.id, lineId: 'L' });
    expect(detail.canEdit && detail.canRetry && detail.canCancel).toBe(true);

    const edited = await outbox.service.handlers['outbox.edit']({ id: command?.id ?? '', qty: 1 });
    expect(edited.lines).toEqual([{ lineId: 'L', skuId: line.skuId, qty: 1 }]);
    await settled(outbox);
    expect(outbox.service.detail(command?.id ?? '').status).toBe('done');
    expect(outbox.service.detail(command?.id ?? '').history.map((entry) => entry.event)).toEqual(['queued', 'needs-replanning', 'edited', 'pushed']);
  });

  it('never counts the same free units for two lines: the second one is sent back', async () => {
    outbox = testOutbox(rig);
    await outbox.service.handlers['outbox.pause']({});
    // A source with stock nobody else in this file touches.
    const proposal = coveredTransfers(rig.stock, 200, rig.dayZero, 'twice').reverse().find((candidate) => freeAt(candidate.fromNodeId, candidate.skuId) >= 2);
    if (!proposal) throw new Error('no transfer');
    const free = freeAt(proposal.fromNodeId, proposal.skuId);
    const first = transferProposal('first', proposal.fromNodeId, proposal.nodeId, proposal.skuId, free, rig.dayZero);
    const second = transferProposal('second', proposal.fromNodeId, proposal.nodeId, proposal.skuId, 1, rig.dayZero);
    const [a, b] = outbox.service.enqueue({ batchId: 'TW', actor: 'supervisor@test', lines: [{ lineId: 'A', proposal: first }, { lineId: 'B', proposal: second }] });
    await outbox.service.handlers['outbox.resume']({});
    await settled(outbox);
    expect(outbox.service.detail(a?.id ?? '').status).toBe('done');
    expect(outbox.service.detail(b?.id ?? '').replan).toMatchObject({ needed: 1, available: 0 });
  });

  it('cancels here and in Odoo: a draft an earlier attempt left there is cancelled first', async () => {
    outbox = testOutbox(rig);
    await outbox.service.handlers['outbox.pause']({});
    const [proposal] = coveredTransfers(rig.stock, 1, rig.dayZero, 'cancel');
    if (!proposal) throw new Error('no transfer');
    const line = transferProposal('c', proposal.fromNodeId, proposal.nodeId, proposal.skuId, 2, rig.dayZero);
    const [command] = outbox.service.enqueue({ batchId: 'C', actor: 'supervisor@test', lines: [{ lineId: 'L', proposal: line }] });
    // An attempt that created the picking and died before confirming it…
    const env = rig.sim.control.env();
    const from = env.db.table('stock.warehouse').get(rig.sim.warehouseIds[line.fromNodeId] as number) as Record<string, unknown>;
    const to = env.db.table('stock.warehouse').get(rig.sim.warehouseIds[line.nodeId] as number) as Record<string, unknown>;
    await new OdooClient(rig.connection()).create('stock.picking', {
      picking_type_id: from.int_type_id,
      location_id: from.lot_stock_id,
      location_dest_id: to.lot_stock_id,
      origin: command?.idempotencyKey,
      move_ids: [[0, 0, { name: 'left over', product_id: rig.sim.productIds[line.skuId], product_uom_qty: 2 }]],
    });
    // …then the stock went elsewhere.
    for (const quant of env.db.table('stock.quant').rows.values()) {
      if (quant.location_id === from.lot_stock_id && quant.product_id === rig.sim.productIds[line.skuId]) env.db.update('stock.quant', quant, { quantity: Number(quant.reserved_quantity) || 0 });
    }
    await outbox.service.handlers['outbox.resume']({});
    await settled(outbox);
    const replanned = outbox.service.detail(command?.id ?? '');
    expect(replanned.status).toBe('needs-replanning');
    expect(replanned.replan).toMatchObject({ needed: 2, available: 0 });
    expect(replanned.odooRecords.map((record) => record.state)).toEqual(['draft']);

    const cancelling = await outbox.service.handlers['outbox.cancel']({ id: command?.id ?? '' });
    expect(['cancelling', 'pushing', 'cancelled']).toContain(cancelling.status);
    await settled(outbox);
    const cancelled = outbox.service.detail(command?.id ?? '');
    expect(cancelled.status).toBe('cancelled');
    expect(pickingsWithKey(command?.idempotencyKey ?? '').map((picking) => picking.state)).toEqual(['cancel']);
    expect(cancelled.history.map((entry) => entry.event)).toEqual(['queued', 'needs-replanning', 'cancel-requested', 'cancelled']);
    await expect(outbox.service.handlers['outbox.retry']({ id: command?.id ?? '' })).rejects.toThrow(/cancelled; it cannot be retried/);
  });
});
