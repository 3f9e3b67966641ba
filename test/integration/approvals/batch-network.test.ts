import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxStore } from '../../../electron/services/store';
import { startTestPlanner, type TestPlanner } from '../../support/planner-fixture';
import { electronTransport, type Transport } from '../../support/transports';
import { chooseProposals, storedNetwork, testClock, type ChosenProposals } from './approval-fixture';

describe('a batch is approved for the network it was submitted on', () => {
  const clock = testClock();
  let planner: TestPlanner;
  let transport: Transport;
  let db: Database.Database;
  let demoBatch: string;
  let chosen: ChosenProposals;

  /** What a sync does to the cache's idea of its network (the planner was connected and synced meanwhile). */
  const cacheHoldsServer = (url: string, database: string): void => {
    db.prepare("UPDATE snapshot_meta SET source = 'odoo' WHERE id = 1").run();
    db.prepare('INSERT OR REPLACE INTO staging_source (id, url, database, since) VALUES (1, ?, ?, ?)').run(url, database, clock.now().toISOString());
  };
  const waitingLine = async (batchId: string) => {
    const [line] = (await transport.api.invoke('approvals.inbox', { state: 'waiting', batchId })).lines;
    if (!line) throw new Error(`no waiting line in ${batchId}`);
    return line;
  };
  const submit = async (proposal: ChosenProposals['risky' | 'costly' | 'large']) => {
    await transport.api.invoke('identity.chooseDemoUser', { login: 'anna.planner' });
    const { batchId } = await transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: [proposal], note: null });
    await transport.api.invoke('identity.chooseDemoUser', { login: 'ben.ops' });
    return batchId;
  };

  beforeAll(async () => {
    planner = await startTestPlanner({ nodes: 4, skus: 60, seed: 5, now: clock.now });
    transport = electronTransport(planner.services);
    db = new Database(join(planner.dataDir, 'cache.db'));
    chosen = chooseProposals(await storedNetwork(planner));
    demoBatch = await submit(chosen.risky);
  });
  afterAll(async () => {
    db.close();
    await transport.close();
    await planner.stop();
  });

  it('on its own network a line shows no network note and can be approved', async () => {
    expect(JSON.parse(db.prepare('SELECT made_on FROM approval_batches WHERE id = ?').pluck().get(demoBatch) as string)).toEqual({ network: 'demo' });
    const line = await waitingLine(demoBatch);
    expect(line).toMatchObject({ canDecide: true, otherNetwork: null, cannotApproveBecause: null });
  });

  it('a line proposed on the demo cannot be approved once the cache holds an Odoo network: the supervisor is told before, and may reject it', async () => {
    cacheHoldsServer('https://odoo.example.com', 'prod');
    const line = await waitingLine(demoBatch);
    expect(line.canDecide).toBe(true);
    expect(line.otherNetwork).toBe(
      'Proposed on the demo network, and the planner now holds the network of https://odoo.example.com (database prod). Nothing of the demo is sent to Odoo, so approving it would send nothing: reject it, and propose it again on this network.',
    );
    expect(line.cannotApproveBecause).toBe(line.otherNetwork);

    // The service refuses it whatever the screen shows, and keeps nothing of the attempt.
    await expect(transport.api.invoke('approvals.decide', { lineIds: [line.lineId], decision: 'approved', comment: null })).rejects.toMatchObject({ code: 'forbidden', message: line.otherNetwork });
    expect(new OutboxStore(db).list({ batchId: demoBatch, offset: 0, limit: 10 }).commands).toEqual([]);
    expect((await waitingLine(demoBatch)).decisions).toEqual([]);

    const rejecting = await transport.api.invoke('approvals.decide', { lineIds: [line.lineId], decision: 'rejected', comment: 'demo line' });
    expect(rejecting.recorded).toEqual([{ lineId: line.lineId, state: 'rejected' }]);
  });

  it('a line proposed on one Odoo server and approved while the cache holds another says it will wait in the Outbox for a retry, and keeps its server', async () => {
    cacheHoldsServer('https://odoo.example.com', 'prod');
    const onProd = await submit(chosen.costly);
    expect(JSON.parse(db.prepare('SELECT made_on FROM approval_batches WHERE id = ?').pluck().get(onProd) as string)).toEqual({ network: 'odoo', url: 'https://odoo.example.com', database: 'prod' });

    cacheHoldsServer('https://odoo-new.example.com', 'main');
    const line = await waitingLine(onProd);
    expect(line.otherNetwork).toBe(
      'Proposed on the network of https://odoo.example.com (database prod), and the planner now holds the network of https://odoo-new.example.com (database main), where its warehouse, product and vendor ids mean other records. Once approved it waits in the Outbox, unsent: retry it there to send it to https://odoo-new.example.com, looked up by code, or cancel it.',
    );
    expect(line.cannotApproveBecause).toBeNull();
    const approving = await transport.api.invoke('approvals.decide', { lineIds: [line.lineId], decision: 'approved', comment: null });
    expect(approving.refused).toEqual([]);
    const [command] = new OutboxStore(db).list({ batchId: onProd, offset: 0, limit: 10 }).commands;
    expect(command?.madeOn).toEqual({ network: 'odoo', url: 'https://odoo.example.com', database: 'prod' });
  });
  it('a line whose record of its network cannot be read still shows, cannot be approved (where it would go is unknown) and can be rejected; the rest of the inbox is untouched', async () => {
    const damaged = await submit(chosen.large);
    const intact = await submit(chosen.risky);
    const recordIs = (madeOn: string | number | Buffer): void => {
      db.prepare('UPDATE approval_batches SET made_on = ? WHERE id = ?').run(madeOn, damaged);
    };
    const refusal = (detail: string): string =>
      `The cache's record of the network batch ${damaged} was proposed on cannot be read (${detail}); the cache file may be damaged. Where approving it would send it is unknown, so approving it is refused: reject it, and propose it again.`;

    recordIs('{"network":"odoo","url":"https://odoo.example.com"');
    const line = await waitingLine(damaged);
    expect(line).toMatchObject({ canDecide: true, otherNetwork: refusal('it is not JSON'), cannotApproveBecause: refusal('it is not JSON') });
    await expect(transport.api.invoke('approvals.decide', { lineIds: [line.lineId], decision: 'approved', comment: null })).rejects.toMatchObject({ code: 'forbidden', message: refusal('it is not JSON') });
    expect(new OutboxStore(db).list({ batchId: damaged, offset: 0, limit: 10 }).commands).toEqual([]);

    // JSON that is not a network says what is wrong with it; bytes where text belongs are named too.
    recordIs('{"network":"odoo","url":"https://odoo.example.com"}');
    expect((await waitingLine(damaged)).cannotApproveBecause).toBe(refusal('database: Invalid input: expected string, received undefined'));
    recordIs(42);
    expect((await waitingLine(damaged)).cannotApproveBecause).toBe(refusal('Invalid input: expected object, received number'));
    recordIs(Buffer.from('{"network":"demo"}'));
    expect((await waitingLine(damaged)).cannotApproveBecause).toBe(refusal('it is not text'));

    // The inbox lists them side by side, and only the damaged one is held back.
    const { lines } = await transport.api.invoke('approvals.inbox', { state: 'waiting' });
    expect(lines.map((waiting) => [waiting.batchId, waiting.cannotApproveBecause])).toEqual(
      expect.arrayContaining([
        [damaged, refusal('it is not text')],
        [intact, null],
      ]),
    );

    const rejecting = await transport.api.invoke('approvals.decide', { lineIds: [line.lineId], decision: 'rejected', comment: 'record damaged' });
    expect(rejecting.recorded).toEqual([{ lineId: line.lineId, state: 'rejected' }]);
  });
});
