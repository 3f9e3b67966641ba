import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enqueueApproved, OutboxInputError, type OutboxEvent } from '../../../electron/services/outbox';
import { OutboxStore } from '../../../electron/services/store';
import { coveredTransfers, outboxRig, purchases, transferProposal, type OutboxRig } from './outbox-fixture';
import { settled, testOutbox, type TestOutbox } from './outbox-harness';

let rig: OutboxRig;
let outbox: TestOutbox | null = null;
beforeAll(async () => {
  rig = await outboxRig({ nodes: 3, skus: 40, seed: 29 });
});
afterEach(async () => {
  await outbox?.service.close();
  outbox = null;
});
afterAll(async () => rig.close());

function count(db: Database.Database, table: string): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('Odoo refuses a push', () => {
  it('a ValidationError dead-letters the command with Odoo\'s own message, shown on the outbox; a retry looks the vendor up again and gets it in', async () => {
    outbox = testOutbox(rig);
    const [purchase] = purchases(rig.stock, 1, rig.dayZero, 'stale');
    if (!purchase) throw new Error('no purchase');
    // The cache still names a vendor id Odoo no longer has (the vendor was merged away since the last sync).
    rig.db
      .prepare('INSERT INTO supplier_options (id, sku_id, supplier, odoo_partner_id, lead_days, min_qty, multiple, unit_price) VALUES (?, ?, ?, ?, 3, 0, 1, 1)')
      .run(purchase.supplierOptionId, purchase.skuId, purchase.supplier, 987_654);
    const [command] = outbox.service.enqueue({ batchId: 'BAD', actor: 'supervisor@test', lines: [{ lineId: 'stale-vendor', proposal: purchase }] });
    await settled(outbox);

    const odooMessage = 'The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\nModel: Purchase Order (purchase.order)\nConstraint: purchase_order_partner_id_fkey\n';
    const listed = await outbox.service.handlers['outbox.list']({ statuses: ['dead-letter'], offset: 0, limit: 10 });
    expect(listed.commands.map((entry) => [entry.id, entry.lastError, entry.canRetry, entry.canEdit, entry.canCancel])).toEqual([[command?.id, odooMessage, true, true, true]]);
    expect(outbox.events.filter((event) => event.kind === 'command-dead-lettered')).toEqual([expect.objectContaining({ commandId: command?.id, message: odooMessage })]);
    expect(outbox.service.status().counts['dead-letter']).toBe(1);

    await outbox.service.handlers['outbox.retry']({ id: command?.id ?? '' });
    await settled(outbox);
    const detail = outbox.service.detail(command?.id ?? '');
    expect(detail.status).toBe('done');
    expect(detail.history.map((entry) => entry.event)).toEqual(['queued', 'dead-lettered', 'retried', 'pushed']);
    expect(detail.history[1]?.message).toBe(odooMessage);
  });

  it('an AccessError dead-letters with Odoo\'s message; once the user is given the rights, a retry pushes it', async () => {
    outbox = testOutbox(rig, rig.profile(), { login: 'readonly' });
    const [transfer] = coveredTransfers(rig.stock, 1, rig.dayZero, 'rights');
    if (!transfer) throw new Error('no transfer');
    const [command] = outbox.service.enqueue({ batchId: null, actor: 'supervisor@test', lines: [{ lineId: 'no-rights', proposal: transfer }] });
    await settled(outbox);
    const refused = outbox.service.detail(command?.id ?? '');
    expect(refused.status).toBe('dead-letter');
    expect(refused.lastError).toMatch(/^You are not allowed to access 'Transfer' \(stock\.picking\) records\./);
    expect(refused.lastError).toContain('Inventory/User');

    // An administrator gives the user Inventory / User in Odoo.
    const env = rig.sim.control.env();
    const user = [...env.db.table('res.users').rows.values()].find((entry) => entry.login === 'readonly') as Record<string, unknown> & { id: number };
    env.db.update('res.users', user, { groups_id: [...(user.groups_id as number[]), env.ref('stock.group_stock_user')] });
    await outbox.service.handlers['outbox.retry']({ id: command?.id ?? '' });
    await settled(outbox);
    expect(outbox.service.detail(command?.id ?? '').status).toBe('done');
  });
});

describe('enqueue records a decision\'s commands whole, or not at all', () => {
  /** The approvals half's own table, standing in for "the decision". */
  function withDecisions(db: Database.Database): void {
    db.exec('CREATE TABLE IF NOT EXISTS test_decisions (line_id TEXT PRIMARY KEY, decision TEXT NOT NULL)');
  }

  function decideAndEnqueue(db: Database.Database, lines: { lineId: string; proposal: ReturnType<typeof transferProposal> }[], events: OutboxEvent[]): void {
    db.transaction(() => {
      for (const line of lines) db.prepare("INSERT INTO test_decisions (line_id, decision) VALUES (?, 'approved')").run(line.lineId);
      enqueueApproved(db, { batchId: 'TX', actor: 'supervisor@test', lines }, { profile: rig.profile(), recordEvent: (event) => events.push(event) });
    })();
  }

  it('a full disk half-way through leaves neither the decision nor any command, and the same decision goes through once there is room', () => {
    const db = rig.db;
    withDecisions(db);
    const proposals = Array.from({ length: 300 }, (_, index) => transferProposal(`disk${index}`, 'RDC1', 'FSL01', 'SKU-000001', 1, rig.dayZero));
    const lines = proposals.map((proposal, index) => ({ lineId: `disk-${index}`, proposal }));
    const before = { commands: count(db, 'outbox_commands'), lines: count(db, 'outbox_lines'), history: count(db, 'outbox_history') };
    db.exec('VACUUM');
    const pages = Number(db.pragma('page_count', { simple: true }));
    // Room for the decisions and a few commands, not for all 300.
    db.pragma(`max_page_count = ${pages + 12}`);
    const events: OutboxEvent[] = [];
    let failure: unknown;
    try {
      decideAndEnqueue(db, lines, events);
    } catch (error) {
      failure = error;
    }
    expect((failure as { code?: string }).code).toBe('SQLITE_FULL');
    // It failed part-way: some commands had been written (and announced) inside the transaction.
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThan(300);
    expect(db.prepare('SELECT COUNT(*) AS n FROM test_decisions WHERE line_id LIKE ?').get('disk-%')).toEqual({ n: 0 });
    expect({ commands: count(db, 'outbox_commands'), lines: count(db, 'outbox_lines'), history: count(db, 'outbox_history') }).toEqual(before);

    db.pragma('max_page_count = 1073741823');
    decideAndEnqueue(db, lines, []);
    expect(count(db, 'outbox_commands')).toBe(before.commands + 300);
    expect(db.prepare('SELECT COUNT(*) AS n FROM test_decisions WHERE line_id LIKE ?').get('disk-%')).toEqual({ n: 300 });
  });

  it('a database locked by another writer refuses the whole decision with SQLITE_BUSY; nothing is recorded until it can be', () => {
    withDecisions(rig.db);
    const other = new Database(rig.dbPath);
    const db = new Database(rig.dbPath);
    db.pragma('busy_timeout = 200');
    const lines = [{ lineId: 'locked-1', proposal: transferProposal('locked', 'RDC1', 'FSL01', 'SKU-000002', 1, rig.dayZero) }];
    try {
      other.exec('BEGIN IMMEDIATE');
      expect(() => decideAndEnqueue(db, lines, [])).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
      other.exec('ROLLBACK');
      expect(db.prepare("SELECT COUNT(*) AS n FROM test_decisions WHERE line_id = 'locked-1'").get()).toEqual({ n: 0 });
      expect(new OutboxStore(db).commandOfLine('TX', 'locked-1')).toBeNull();
      decideAndEnqueue(db, lines, []);
      expect(new OutboxStore(db).commandOfLine('TX', 'locked-1')).not.toBeNull();
    } finally {
      other.close();
      db.close();
    }
  });
});

describe('enqueue refuses bad input with the reason, and writes nothing', () => {
  const enqueue = (lines: Parameters<typeof enqueueApproved>[1]['lines'], batchId: string | null = 'REF') =>
    enqueueApproved(rig.db, { batchId, actor: 'supervisor@test', lines }, { profile: rig.profile() });

  it('a line approved twice goes to Odoo once', () => {
    const proposal = transferProposal('twice', 'RDC1', 'FSL01', 'SKU-000003', 1, rig.dayZero);
    const [first] = enqueue([{ lineId: 'twice', proposal }]);
    expect(() => enqueue([{ lineId: 'twice', proposal }])).toThrow(new OutboxInputError(`Line twice of batch REF is already queued (command ${first?.id}); a line goes to Odoo once.`));
  });

  it('a quantity of zero, a transfer to its own node, and lines that wait for each other', () => {
    const before = count(rig.db, 'outbox_commands');
    expect(() => enqueue([{ lineId: 'zero', proposal: { ...transferProposal('z', 'RDC1', 'FSL01', 'SKU-000003', 1, rig.dayZero), qty: 0 } }])).toThrow(/lines\[0\]\.proposal\.qty: must be more than zero units/);
    expect(() => enqueue([{ lineId: 'self', proposal: transferProposal('s', 'RDC1', 'RDC1', 'SKU-000003', 1, rig.dayZero) }])).toThrow(/a transfer must go between two different nodes/);
    expect(() =>
      enqueue([
        { lineId: 'x', proposal: transferProposal('x', 'RDC1', 'FSL01', 'SKU-000003', 1, rig.dayZero), after: ['y'] },
        { lineId: 'y', proposal: transferProposal('y', 'RDC1', 'FSL01', 'SKU-000004', 1, rig.dayZero), after: ['x'] },
      ]),
    ).toThrow(/would wait for itself/);
    expect(count(rig.db, 'outbox_commands')).toBe(before);
  });

  it('a request that is not an approved line at all', () => {
    expect(() => enqueueApproved(rig.db, { batchId: 'REF', actor: '', lines: [] }, { profile: rig.profile() })).toThrow(OutboxInputError);
    expect(() => enqueueApproved(rig.db, { batchId: 'REF', actor: '', lines: [] }, { profile: rig.profile() })).toThrow(/^Cannot queue these lines: .*actor.*lines/s);
  });
});

describe('a command damaged in the cache', () => {
  it('is set aside unsent, saying why, and the commands queued beside it still go to Odoo', async () => {
    outbox = testOutbox(rig, rig.profile(), { start: false });
    const transfers = coveredTransfers(rig.stock, 3, rig.dayZero, 'damaged');
    const queued = outbox.service.enqueue({ batchId: null, actor: 'supervisor@test', lines: transfers.map((proposal, index) => ({ lineId: `damaged-${index}`, proposal })) });
    const [noNetwork, noPayload, intact] = queued.map((command) => command.id);
    if (!noNetwork || !noPayload || !intact) throw new Error('three commands expected');
    // A hand edit or a damaged file: the record of its network, and another one's payload, cut short.
    rig.db.prepare('UPDATE outbox_commands SET made_on = ? WHERE id = ?').run('{"network":"odoo","url":', noNetwork);
    rig.db.prepare('UPDATE outbox_commands SET payload = ? WHERE id = ?').run('{"kind":"transfer","lineId":', noPayload);

    // The Outbox still lists everything, the damaged command named as such.
    const listed = await outbox.service.handlers['outbox.list']({ statuses: [], offset: 0, limit: 50 });
    expect(listed.commands.find((command) => command.id === noPayload)?.summary).toBe('Unreadable command');

    outbox.service.start();
    await settled(outbox);
    const unsent = `Its record of the network it was approved on cannot be read (it is not JSON), so where it belongs is unknown: nothing was sent to ${rig.connection().url}. Cancel it, and approve the line again.`;
    expect(outbox.service.detail(noNetwork)).toMatchObject({ status: 'dead-letter', lastError: unsent, odooRecords: [] });
    expect(outbox.service.detail(noPayload)).toMatchObject({ status: 'dead-letter', lastError: 'The stored command cannot be read (its payload does not match the command schema); it was not pushed.', odooRecords: [] });
    expect(outbox.service.detail(intact).status).toBe('done');
    const key = (id: string): string => queued.find((command) => command.id === id)?.idempotencyKey ?? '';
    const inOdoo = rig.sim.control.env().db.table('stock.picking').rows;
    const origins = [...inOdoo.values()].map((picking) => String(picking.origin ?? ''));
    expect(origins.some((origin) => origin.includes(key(intact)))).toBe(true);
    expect(origins.some((origin) => origin.includes(key(noNetwork)) || origin.includes(key(noPayload)))).toBe(false);

    // A retry cannot send it anywhere; cancelling ends it.
    await expect(outbox.service.handlers['outbox.retry']({ id: noNetwork })).rejects.toMatchObject({
      code: 'conflict',
      message: `Command ${noNetwork}'s record of the network it was approved on cannot be read (it is not JSON), so where it belongs is unknown and it is not sent anywhere: cancel it, and approve the line again.`,
    });
    await outbox.service.handlers['outbox.cancel']({ id: noNetwork });
    await settled(outbox);
    expect(outbox.service.detail(noNetwork).status).toBe('cancelled');
  });
});
