/**
 * Approvals at volume: `npm run bench:approvals`. Many open lines (the Odoo connection down for a
 * while, batches piling up) for one node × SKU, the worst case for the orders-already-submitted
 * checks: how long a submission, the open orders behind each replenishment page, and the
 * supervisor's inbox take. Then months of history (20,000 lines left to expire): the inbox and a
 * submission with it. No issue sets goals for these; the figures are printed for the record.
 */
import { loadavg } from 'node:os';
import { chooseProposals, storedNetwork, testClock } from '../integration/approvals/approval-fixture';
import { startTestPlanner } from '../support/planner-fixture';
import { electronTransport } from '../support/transports';
import { figure, reportFigures } from './bench-results';

const BATCHES = Number(process.env.BENCH_BATCHES ?? 10);
const LINES_PER_BATCH = 400;
/** Rounds of lines left to expire (72 h each): the history a supervisor's inbox carries after months. */
const HISTORY_ROUNDS = Number(process.env.BENCH_HISTORY_ROUNDS ?? 10);
const HISTORY_BATCHES_PER_ROUND = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function timed<T>(work: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

const clock = testClock();
const planner = await startTestPlanner({ nodes: 4, skus: 60, seed: 5, now: clock.now });
const transport = electronTransport(planner.services);
try {
  console.log(`Approvals benchmark, load average ${loadavg()[0]?.toFixed(2)}: ${BATCHES} batches × ${LINES_PER_BATCH} purchases of one SKU for one node`);
  const { large, risky } = chooseProposals(await storedNetwork(planner));
  await transport.api.invoke('identity.chooseDemoUser', { login: 'anna.planner' });
  const submits: number[] = [];
  for (let batch = 0; batch < BATCHES; batch++) {
    // Each a different quantity, so none is left out as an order already submitted.
    const proposals = Array.from({ length: LINES_PER_BATCH }, (_, index) => {
      const n = batch * LINES_PER_BATCH + index + 1;
      return { ...large, id: `P-${n}`, qty: large.qty + n };
    });
    submits.push((await timed(() => transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals, note: null }))).ms);
  }
  const service = planner.services.approvals;
  const first = await timed(() => service.openOrdersNow());
  const again = await timed(() => service.openOrdersNow());
  // One more line: a write, so the inbox below works the open lines out again rather than reuse them.
  await transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: [{ ...large, id: 'P-last', qty: large.qty }], note: null });
  await transport.api.invoke('identity.chooseDemoUser', { login: 'ben.ops' });
  const inboxFirst = await timed(() => transport.api.invoke('approvals.inbox', { state: 'for-me', limit: 200 }));
  const inboxAgain = await timed(() => transport.api.invoke('approvals.inbox', { state: 'for-me', limit: 200 }));
  const shown = inboxFirst.value.lines[0];
  console.log(`  ${first.value.size} open orders; the inbox shows ${inboxFirst.value.total} lines, the first listing ${shown?.alsoOrdered.length} of its ${shown?.alsoOrderedCount} other orders`);

  // Months of history: transfers that jeopardise committed demand, left undecided until they
  // expire (72 h), round after round. The open lines above still wait.
  await transport.api.invoke('identity.chooseDemoUser', { login: 'anna.planner' });
  let made = 0;
  for (let round = 0; round < HISTORY_ROUNDS; round++) {
    for (let batch = 0; batch < HISTORY_BATCHES_PER_ROUND; batch++) {
      const proposals = Array.from({ length: LINES_PER_BATCH }, () => {
        made++;
        return { ...risky, id: `H-${made}`, qty: risky.qty + made };
      });
      await transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals, note: null });
    }
    clock.advanceHours(73);
  }
  await transport.api.invoke('identity.chooseDemoUser', { login: 'ben.ops' });
  const withHistory = await timed(() => transport.api.invoke('approvals.inbox', { state: 'for-me', limit: 200 }));
  const withHistoryAgain = await timed(() => transport.api.invoke('approvals.inbox', { state: 'for-me', limit: 200 }));
  const decided = await timed(() => transport.api.invoke('approvals.inbox', { state: 'settled', limit: 500 }));
  const decidedLater = await timed(() => transport.api.invoke('approvals.inbox', { state: 'settled', offset: made - 500, limit: 500 }));
  const submitAfter = await timed(() => transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: [{ ...large, id: 'P-after', qty: large.qty - 1 }], note: null }));
  console.log(`  then ${made} lines expired over ${HISTORY_ROUNDS * 3} days: the inbox counts ${withHistory.value.counts.expired} expired, ${withHistory.value.counts.waiting} waiting`);
  reportFigures(
    'approvals',
    {
      submit_batch_of_400_median_ms: figure(median(submits), null, 'ms'),
      open_orders_first_ms: figure(first.ms, null, 'ms'),
      open_orders_again_ms: figure(again.ms, null, 'ms'),
      inbox_for_me_first_ms: figure(inboxFirst.ms, null, 'ms'),
      inbox_for_me_again_ms: figure(inboxAgain.ms, null, 'ms'),
      with_history_inbox_for_me_first_ms: figure(withHistory.ms, null, 'ms'),
      with_history_inbox_for_me_again_ms: figure(withHistoryAgain.ms, null, 'ms'),
      with_history_decided_first_page_ms: figure(decided.ms, null, 'ms'),
      with_history_decided_last_page_ms: figure(decidedLater.ms, null, 'ms'),
      with_history_submit_one_line_ms: figure(submitAfter.ms, null, 'ms'),
    },
    { openLines: BATCHES * LINES_PER_BATCH + 1, expiredLines: made },
  );
} finally {
  await transport.close();
  await planner.stop();
}
