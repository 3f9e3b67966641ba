import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxQuery, InboxView } from '../../../shared/ipc';
import { startTestPlanner, type TestPlanner } from '../../support/planner-fixture';
import { electronTransport, type Transport } from '../../support/transports';
import { chooseProposals, storedNetwork, testClock } from './approval-fixture';

// The inbox after some history: lines waiting, decided, auto-approved and expired. The open lines
// are listed oldest first; what is settled is counted and paged by the database, the latest settled
// first, and a line leaves Waiting for Decided the moment it expires.
describe('the approvals inbox with settled history', () => {
  const clock = testClock();
  const start = clock.iso();
  let planner: TestPlanner;
  let transport: Transport;

  const as = async (login: string): Promise<void> => {
    await transport.api.invoke('identity.chooseDemoUser', { login });
  };
  const inbox = (query: InboxQuery): Promise<InboxView> => transport.api.invoke('approvals.inbox', query);
  /** Each line by the id its proposal was given, with where it stands. */
  const listed = async (query: InboxQuery): Promise<string[]> => (await inbox(query)).lines.map((line) => `${line.reason.split(':')[0] ?? ''} ${line.state}`);
  const at = (hours: number): void => clock.advanceHours(hours - (Date.parse(clock.iso()) - Date.parse(start)) / 3_600_000);

  beforeAll(async () => {
    planner = await startTestPlanner({ nodes: 4, skus: 60, seed: 5, now: clock.now });
    transport = electronTransport(planner.services);
    const chosen = chooseProposals(await storedNetwork(planner));
    const named = <T extends { id: string; qty: number; reason: { text: string } }>(proposal: T, id: string, extra: number): T => ({ ...proposal, id, qty: proposal.qty + extra, reason: { ...proposal.reason, text: `${id}: ${proposal.reason.text}` } });
    const submit = async (proposals: unknown[]): Promise<void> => {
      await transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: proposals as never, note: null });
    };
    await as('anna.planner');
    // Batch A at 08:00: two transfers that jeopardise committed demand (they expire after 72 h undecided), one auto-approved.
    await submit([named(chosen.risky, 'risky-1', 0), named(chosen.risky, 'risky-2', 1), named(chosen.small, 'small-1', 0)]);
    at(1);
    await submit([named(chosen.large, 'large-1', 0), named(chosen.costly, 'costly-1', 0)]);
    at(2);
    await submit([named(chosen.large, 'large-2', 1)]);
    await as('ben.ops');
    const lineId = async (name: string): Promise<string> => (await inbox({ state: 'waiting' })).lines.find((line) => line.reason.startsWith(`${name}:`))?.lineId ?? '';
    at(3);
    await transport.api.invoke('approvals.decide', { lineIds: [await lineId('costly-1')], decision: 'approved', comment: null });
    at(4);
    await transport.api.invoke('approvals.decide', { lineIds: [await lineId('large-1')], decision: 'rejected', comment: 'not this season' });
  });
  afterAll(async () => {
    await transport.close();
    await planner.stop();
  });

  it('lists the open lines oldest first, with the overdue ones, until the minute they expire', async () => {
    at(72 - 1 / 60);
    expect(await listed({ state: 'waiting' })).toEqual(['risky-1 waiting', 'risky-2 waiting', 'large-2 waiting']);
    expect((await inbox({ state: 'waiting' })).counts).toEqual({ forMe: 3, waiting: 3, overdue: 3, approved: 1, autoApproved: 1, rejected: 1, expired: 0 });
    // Every one of them is past its escalation time (8 h for these transfers, 24 h for the purchase).
    expect(await listed({ state: 'overdue' })).toEqual(['risky-1 waiting', 'risky-2 waiting', 'large-2 waiting']);
  });

  it('moves an expired line from Waiting to Decided, and counts it there', async () => {
    at(72);
    const view = await inbox({ state: 'waiting' });
    expect(view.lines.map((line) => line.reason.split(':')[0])).toEqual(['large-2']);
    expect(view.counts).toEqual({ forMe: 1, waiting: 1, overdue: 1, approved: 1, autoApproved: 1, rejected: 1, expired: 2 });
  });

  it('shows what was settled latest first: expired at 72 h, rejected at 4 h, approved at 3 h, auto-approved when submitted', async () => {
    const decided = await inbox({ state: 'settled' });
    expect(decided.total).toBe(5);
    expect(decided.lines.map((line) => `${line.reason.split(':')[0] ?? ''} ${line.state}`)).toEqual(['risky-1 expired', 'risky-2 expired', 'large-1 rejected', 'costly-1 approved', 'small-1 auto-approved']);
    expect(decided.lines[0]?.settledAt).toBe(new Date(Date.parse(start) + 72 * 3_600_000).toISOString());
  });

  it('pages through the history: each page the next lines, the total the same on every page', async () => {
    const pages = await Promise.all([0, 2, 4].map((offset) => inbox({ state: 'settled', offset, limit: 2 })));
    expect(pages.map((page) => page.total)).toEqual([5, 5, 5]);
    expect(pages.map((page) => page.lines.map((line) => line.reason.split(':')[0]))).toEqual([['risky-1', 'risky-2'], ['large-1', 'costly-1'], ['small-1']]);
    expect((await inbox({ state: 'settled', offset: 6, limit: 2 })).lines).toEqual([]);
  });

  it('lists every line newest batch first, each batch in its own order', async () => {
    const all = await inbox({ state: 'all' });
    expect(all.total).toBe(6);
    expect(all.lines.map((line) => `${line.reason.split(':')[0] ?? ''} ${line.state}`)).toEqual(['large-2 waiting', 'large-1 rejected', 'costly-1 approved', 'risky-1 expired', 'risky-2 expired', 'small-1 auto-approved']);
  });

  it('counts and pages only the lines the filters keep', async () => {
    const byRule = await inbox({ state: 'settled', ruleId: 'protect-committed-demand' });
    expect(byRule.total).toBe(2);
    expect(byRule.counts).toMatchObject({ waiting: 0, expired: 2, approved: 0, rejected: 0, autoApproved: 0 });
    const expensive = await inbox({ state: 'all', minValue: 10_000 });
    expect(expensive.lines.map((line) => line.reason.split(':')[0])).toEqual(['large-2', 'large-1']);
    expect(expensive.counts).toMatchObject({ waiting: 1, rejected: 1, expired: 0 });
  });
});
