import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalLineView } from '../../../shared/ipc';
import { ApprovalService, DeviceKeys, NotRecordedError, type ApprovedLineSink } from '../../../electron/services/approvals';
import { encryptedFileSecretStore } from '../../../electron/services/secrets';
import { ApprovalStore } from '../../../electron/services/store';
import { startTestPlanner, type TestPlanner } from '../../support/planner-fixture';
import { electronTransport, type Transport } from '../../support/transports';
import { chooseProposals, storedNetwork, testClock } from './approval-fixture';

describe('a decision the database could not keep is not shown as made', () => {
  const clock = testClock();
  let planner: TestPlanner;
  let transport: Transport;
  let lines: ApprovalLineView[];

  const line = async (lineId: string): Promise<ApprovalLineView | undefined> => (await transport.api.invoke('approvals.inbox', { state: 'all' })).lines.find((candidate) => candidate.lineId === lineId);
  const decisionsInAudit = async (): Promise<number> => (await transport.api.invoke('audit.list', { kinds: ['decision-made'], limit: 500 })).entries.length;

  beforeAll(async () => {
    planner = await startTestPlanner({ nodes: 4, skus: 60, seed: 5, now: clock.now });
    transport = electronTransport(planner.services);
    const chosen = chooseProposals(await storedNetwork(planner));
    await transport.api.invoke('identity.chooseDemoUser', { login: 'anna.planner' });
    const { batchId } = await transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: [chosen.risky, chosen.large, chosen.costly], note: null });
    lines = (await transport.api.invoke('approvals.inbox', { state: 'waiting', batchId })).lines;
    await transport.api.invoke('identity.chooseDemoUser', { login: 'ben.ops' });
  });
  afterAll(async () => {
    await transport.close();
    await planner.stop();
  });

  it('while another program holds the database’s write lock: refused as not recorded, and the line still waits', async () => {
    const target = lines[0]?.lineId ?? '';
    const before = await decisionsInAudit();
    const other = new Database(join(planner.dataDir, 'cache.db'));
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    try {
      await expect(transport.api.invoke('approvals.decide', { lineIds: [target], decision: 'approved', comment: 'while locked' })).rejects.toMatchObject({
        code: 'unavailable',
        message: 'Your decision was not recorded: the local database is locked by another program or planner window. Nothing changed; try again.',
      });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await line(target)).toMatchObject({ state: 'waiting', decisions: [], queued: false, canDecide: true });
    expect(await decisionsInAudit()).toBe(before);
    // Once the lock is gone the same decision goes through.
    await expect(transport.api.invoke('approvals.decide', { lineIds: [target], decision: 'approved', comment: 'after the lock' })).resolves.toMatchObject({ recorded: [{ lineId: target, state: 'approved' }] });
    expect(await decisionsInAudit()).toBe(before + 1);
  });

  it('when the disk is full: refused as not recorded, nothing of the decision kept, and it works once there is room', async () => {
    const target = lines[1]?.lineId ?? '';
    const db = planner.services.approvals.db;
    const before = await decisionsInAudit();
    // A database that cannot grow by a single page, with every free page used up: what a full disk looks like to SQLite.
    db.exec('CREATE TABLE test_filler (data BLOB)');
    const pages = Number(db.pragma('page_count', { simple: true }));
    db.pragma(`max_page_count = ${pages + 2}`);
    const fill = db.prepare('INSERT INTO test_filler (data) VALUES (zeroblob(?))');
    expect(() => {
      for (let size = 65_536; size >= 16; ) {
        try {
          fill.run(size);
        } catch (error) {
          if ((error as { code?: string }).code !== 'SQLITE_FULL') throw error;
          size = Math.floor(size / 2);
        }
      }
      fill.run(1_000_000);
    }).toThrow(expect.objectContaining({ code: 'SQLITE_FULL' }));
    try {
      // A long comment (6 KB in UTF-8) needs pages the database no longer gets; a short one might still fit in a half-empty page.
      await expect(transport.api.invoke('approvals.decide', { lineIds: [target], decision: 'approved', comment: '€'.repeat(2000) })).rejects.toMatchObject({
        code: 'unavailable',
        message: 'Your decision was not recorded: the disk holding the planner’s data is full. Nothing changed; try again.',
      });
      expect(await line(target)).toMatchObject({ state: 'waiting', decisions: [] });
      expect(await decisionsInAudit()).toBe(before);
    } finally {
      db.exec('DROP TABLE test_filler');
      db.pragma('max_page_count = 4294967294');
    }
    await expect(transport.api.invoke('approvals.decide', { lineIds: [target], decision: 'approved', comment: 'room again' })).resolves.toMatchObject({ recorded: [{ lineId: target }] });
    expect(await transport.api.invoke('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('when the outbox cannot take the approved line: the decision is rolled back with it', async () => {
    const target = lines[2]?.lineId ?? '';
    clock.advanceHours(25);
    const failing: ApprovedLineSink = {
      enqueueApproved: () => {
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      },
    };
    const service = new ApprovalService({
      db: planner.services.approvals.db,
      audit: planner.services.audit,
      profile: planner.profile,
      keys: new DeviceKeys(encryptedFileSecretStore(planner.dataDir, { PLANNER_KEY_DIR: planner.keyDir }), () => 'TESTDEVICE', clock.now),
      sink: failing,
      now: clock.now,
      shownNetwork: () => null,
    });
    const carla = { login: 'carla.finance', name: 'Carla', roles: ['finance'], seesCosts: true };
    expect(() => service.decide({ lineIds: [target], decision: 'approved', comment: null }, carla)).toThrow(NotRecordedError);
    const store = new ApprovalStore(planner.services.approvals.db);
    expect(store.line(target)?.state).toBe('waiting');
    expect(store.decisionsOf([target]).get(target)).toEqual([]);
    expect(store.handedOff([target]).size).toBe(0);
  });
});
