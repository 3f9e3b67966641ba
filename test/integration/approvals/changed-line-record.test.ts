import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlanner, type TestPlanner } from '../../support/planner-fixture';
import { electronTransport, type Transport } from '../../support/transports';
import { chooseProposals, storedNetwork, testClock } from './approval-fixture';

// Line records are parsed once and kept (the inbox reads every open line on each refresh), but a
// record changed in the database behind the planner's back is read as it now stands: shown when
// it still passes its schema, refused when it does not. Never the copy read before.
describe('a line record changed behind the planner’s back', () => {
  const clock = testClock();
  let planner: TestPlanner;
  let transport: Transport;
  let batchId: string;

  const change = (sql: string): void => {
    const other = new Database(join(planner.dataDir, 'cache.db'));
    try {
      // Only a program that drops the trigger can do this; the planner never does.
      other.exec('DROP TRIGGER IF EXISTS approval_lines_settle_once');
      other.exec(sql);
    } finally {
      other.close();
    }
  };
  const shownQty = async (): Promise<number | undefined> => (await transport.api.invoke('approvals.inbox', { state: 'all', batchId })).lines[0]?.qty;

  beforeAll(async () => {
    planner = await startTestPlanner({ nodes: 4, skus: 60, seed: 5, now: clock.now });
    transport = electronTransport(planner.services);
    const { risky } = chooseProposals(await storedNetwork(planner));
    await transport.api.invoke('identity.chooseDemoUser', { login: 'anna.planner' });
    ({ batchId } = await transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: [risky], note: null }));
  });
  afterAll(async () => {
    await transport.close();
    await planner.stop();
  });

  it('is read as it now stands, not as it was first read', async () => {
    const before = await shownQty();
    expect(before).toBeGreaterThan(0);
    change(`UPDATE approval_lines SET record = json_set(record, '$.proposal.qty', ${(before ?? 0) + 1000}) WHERE batch_id = '${batchId}'`);
    expect(await shownQty()).toBe((before ?? 0) + 1000);
  });

  it('is refused when it no longer passes its schema', async () => {
    change(`UPDATE approval_lines SET record = json_set(record, '$.proposal.qty', -5) WHERE batch_id = '${batchId}'`);
    await expect(transport.api.invoke('approvals.inbox', { state: 'all', batchId })).rejects.toMatchObject({
      code: 'failed',
      message: expect.stringMatching(/^Approval line \w+ in the local cache cannot be read \(proposal\.qty: must be more than zero units\); it was changed outside the planner, and nothing was shown from it\.$/),
    });
  });
});

describe('a batch record or a signed decision changed behind the planner’s back', () => {
  const clock = testClock();
  let planner: TestPlanner;
  let transport: Transport;
  let batchId: string;
  let db: Database.Database;

  const inbox = () => transport.api.invoke('approvals.inbox', { state: 'all', batchId });
  const refusedAs = (pattern: RegExp) => expect(inbox()).rejects.toMatchObject({ code: 'failed', message: expect.stringMatching(pattern) });

  beforeAll(async () => {
    planner = await startTestPlanner({ nodes: 4, skus: 60, seed: 5, now: clock.now });
    transport = electronTransport(planner.services);
    db = new Database(join(planner.dataDir, 'cache.db'));
    const { risky } = chooseProposals(await storedNetwork(planner));
    await transport.api.invoke('identity.chooseDemoUser', { login: 'anna.planner' });
    ({ batchId } = await transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: [risky], note: null }));
    await transport.api.invoke('identity.chooseDemoUser', { login: 'ben.ops' });
    const [line] = (await inbox()).lines;
    await transport.api.invoke('approvals.decide', { lineIds: [line?.lineId ?? ''], decision: 'approved', comment: null });
  });
  afterAll(async () => {
    db.close();
    await transport.close();
    await planner.stop();
  });

  it('names the decision that no longer reads, rather than a parser’s message, and shows it again once it reads', async () => {
    const [line] = (await inbox()).lines;
    expect(line?.decisions).toHaveLength(1);
    const signed = db.prepare('SELECT signed FROM approval_decisions WHERE batch_id = ?').pluck().get(batchId) as string;
    // Only a program that drops the trigger can do this; the planner never does.
    db.exec('DROP TRIGGER IF EXISTS approval_decisions_no_update');
    db.prepare('UPDATE approval_decisions SET signed = ? WHERE batch_id = ?').run(signed.slice(0, 40), batchId);
    await refusedAs(new RegExp(`^A decision on approval line ${line?.lineId} in the local cache cannot be read \\(.+\\); it was changed outside the planner, and nothing was shown from it\\.$`));
    db.prepare('UPDATE approval_decisions SET signed = ? WHERE batch_id = ?').run(signed, batchId);
    expect((await inbox()).lines[0]?.decisions).toHaveLength(1);
  });

  it('names the batch whose record no longer passes its schema', async () => {
    db.prepare("UPDATE approval_batches SET record = json_set(record, '$.submittedBy', 42) WHERE id = ?").run(batchId);
    await refusedAs(new RegExp(`^Approval batch ${batchId} in the local cache cannot be read \\(submittedBy: .+\\); it was changed outside the planner, and nothing was shown from it\\.$`));
  });
});
