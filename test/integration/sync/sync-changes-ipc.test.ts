import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyChangeCounts } from '../../../shared/domain';
import { startTestPlanner, type TestPlanner } from '../../support/planner-fixture';
import { electronTransport, type Transport } from '../../support/transports';

describe('sync.changes over IPC', () => {
  let planner: TestPlanner;
  let transport: Transport;
  const write = (sql: string, ...params: unknown[]): void => {
    const db = new Database(join(planner.dataDir, 'cache.db'));
    try {
      db.prepare(sql).run(...params);
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    planner = await startTestPlanner({ nodes: 4, skus: 60, seed: 5 });
    transport = electronTransport(planner.services);
  });
  afterAll(async () => {
    await transport.close();
    await planner.stop();
  });

  it('answers nothing on record before any sync, and names a sync it does not keep as not found', async () => {
    await expect(transport.api.invoke('sync.changes', {})).resolves.toEqual({ syncs: [], selected: null });
    await expect(transport.api.invoke('sync.changes', { takenAt: '2026-11-20T09:00:00.000Z' })).rejects.toMatchObject({
      code: 'not-found',
      message: 'No changes are on record for a sync at 2026-11-20T09:00:00.000Z; only the last 50 syncs are kept.',
    });
  });

  it('lists what is on record, and refuses a record changed outside the planner by name, as failed', async () => {
    const counts = { ...emptyChangeCounts(), stock: 2 };
    const good = { takenAt: '2026-11-21T09:00:00.000Z', previousTakenAt: '2026-11-21T08:30:00.000Z', counts, events: [], shortages: [] };
    write('INSERT INTO sync_changes (taken_at, previous_taken_at, counts, record) VALUES (?, ?, ?, ?)', good.takenAt, good.previousTakenAt, JSON.stringify(counts), JSON.stringify(good));
    await expect(transport.api.invoke('sync.changes', {})).resolves.toEqual({ syncs: [{ takenAt: good.takenAt, previousTakenAt: good.previousTakenAt, counts }], selected: good });

    write("UPDATE sync_changes SET record = '{\"takenAt\": 5}'");
    await expect(transport.api.invoke('sync.changes', {})).rejects.toMatchObject({
      code: 'failed',
      message: expect.stringMatching(/^The changes recorded for the sync at 2026-11-21T09:00:00.000Z cannot be read \(.+\); they were changed outside the planner, and nothing was shown from them\.$/),
    });
  });
});
