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
  let batchId: string;
  let chosen: ChosenProposals;

  beforeAll(async () => {
    planner = await startTestPlanner({ nodes: 4, skus: 60, seed: 5, now: clock.now });
    transport = electronTransport(planner.services);
    chosen = chooseProposals(await storedNetwork(planner));
    await transport.api.invoke('identity.chooseDemoUser', { login: 'anna.planner' });
    ({ batchId } = await transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: [chosen.risky], note: null }));
  });
  afterAll(async () => {
    await transport.close();
    await planner.stop();
  });

  it('a line proposed on the demo and approved after the first Odoo sync is still the demo’s: its command never goes to that Odoo', async () => {
    const db = new Database(join(planner.dataDir, 'cache.db'));
    try {
      expect(JSON.parse(db.prepare('SELECT made_on FROM approval_batches WHERE id = ?').pluck().get(batchId) as string)).toEqual({ network: 'demo' });

      // Meanwhile the planner was connected and synced: the cache now holds an Odoo server's network.
      db.prepare("UPDATE snapshot_meta SET source = 'odoo' WHERE id = 1").run();
      db.prepare("INSERT OR REPLACE INTO staging_source (id, url, database, since) VALUES (1, 'https://odoo.example.com', 'prod', ?)").run(clock.now().toISOString());

      await transport.api.invoke('identity.chooseDemoUser', { login: 'ben.ops' });
      const [line] = (await transport.api.invoke('approvals.inbox', { state: 'waiting', batchId })).lines;
      await transport.api.invoke('approvals.decide', { lineIds: [line?.lineId ?? ''], decision: 'approved', comment: null });
      const [command] = new OutboxStore(db).list({ batchId, offset: 0, limit: 10 }).commands;
      expect(command?.madeOn).toEqual({ network: 'demo' });

      // A batch submitted now is the Odoo server's.
      await transport.api.invoke('identity.chooseDemoUser', { login: 'anna.planner' });
      const later = await transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: [{ ...chosen.small, id: 'P-after-sync' }], note: null });
      expect(JSON.parse(db.prepare('SELECT made_on FROM approval_batches WHERE id = ?').pluck().get(later.batchId) as string)).toEqual({ network: 'odoo', url: 'https://odoo.example.com', database: 'prod' });
    } finally {
      db.close();
    }
  });
});
