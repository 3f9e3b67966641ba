import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApprovalStore } from '../../../electron/services/store';
import { startTestPlanner, type TestPlanner } from '../../support/planner-fixture';
import { electronTransport, type Transport } from '../../support/transports';
import { chooseProposals, storedNetwork, testClock } from './approval-fixture';

// Which submitted orders a network cannot show yet, so that a run on it would propose them again:
// a batch made on that snapshot or an earlier one, whose line is not in Odoo by the time the
// snapshot was taken. The outbox states are set by hand here; the outbox tests drive them for real.
describe('orders in a batch that a network does not show yet', () => {
  const clock = testClock();
  let planner: TestPlanner;
  let transport: Transport;
  let store: ApprovalStore;
  let takenAt: string;
  let smallLine: string;

  const later = (base: string, minutes: number): string => new Date(Date.parse(base) + minutes * 60_000).toISOString();
  const notInNetwork = (at: string): string[] => store.linesNotInSnapshot(at, clock.iso()).map((line) => line.record.proposal.id);
  const setCommand = (lineId: string, state: string, doneAt: string | null): void => {
    const db = planner.services.approvals.db;
    const { command_id: commandId } = db.prepare('SELECT command_id FROM outbox_lines WHERE line_id = ?').get(lineId) as { command_id: string };
    db.prepare('UPDATE outbox_commands SET state = ?, done_at = ? WHERE id = ?').run(state, doneAt, commandId);
  };

  beforeAll(async () => {
    planner = await startTestPlanner({ nodes: 4, skus: 60, seed: 5, now: clock.now });
    transport = electronTransport(planner.services);
    const snapshot = await storedNetwork(planner);
    takenAt = snapshot.meta.takenAt;
    const chosen = chooseProposals(snapshot);
    await transport.api.invoke('identity.chooseDemoUser', { login: 'anna.planner' });
    // P-small is auto-approved (its command is queued in the outbox); P-risky waits for Regional Ops.
    const { batchId } = await transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: [chosen.small, chosen.risky], note: null });
    const lines = (await transport.api.invoke('approvals.inbox', { state: 'all', batchId })).lines;
    smallLine = lines[0]?.lineId ?? '';
    expect(lines.map((line) => line.state)).toEqual(['auto-approved', 'waiting']);
    store = new ApprovalStore(planner.services.approvals.db);
  });
  afterAll(async () => {
    await transport.close();
    await planner.stop();
  });

  it('counts a waiting line and an approved one still in the outbox, on their snapshot and on later ones', () => {
    expect(notInNetwork(takenAt)).toEqual(['P-small', 'P-risky']);
    // A sync later the same morning: Odoo has neither order yet.
    expect(notInNetwork(later(takenAt, 30))).toEqual(['P-small', 'P-risky']);
    // A network taken before the batch was made is not where these proposals came from.
    expect(notInNetwork(later(takenAt, -30))).toEqual([]);
  });

  it('drops an order once Odoo had it before the snapshot was taken, and keeps it for snapshots taken before that', () => {
    setCommand(smallLine, 'done', later(takenAt, 10));
    expect(notInNetwork(later(takenAt, 30))).toEqual(['P-risky']);
    expect(notInNetwork(later(takenAt, 5))).toEqual(['P-small', 'P-risky']);
  });

  it('keeps a command sent back for replanning (it will still be pushed), and drops one given up or cancelled', () => {
    setCommand(smallLine, 'needs-replanning', null);
    expect(notInNetwork(later(takenAt, 30))).toEqual(['P-small', 'P-risky']);
    setCommand(smallLine, 'dead-letter', null);
    expect(notInNetwork(later(takenAt, 30))).toEqual(['P-risky']);
    setCommand(smallLine, 'cancelled', null);
    expect(notInNetwork(later(takenAt, 30))).toEqual(['P-risky']);
  });
});
