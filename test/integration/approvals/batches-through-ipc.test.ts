import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchLabel } from '../../../shared/approvals';
import type { NetworkSnapshot, TransferProposal } from '../../../shared/domain';
import type { ApprovalLineView, ProposalView } from '../../../shared/ipc';
import { ApprovalStore } from '../../../electron/services/store';
import { startTestPlanner, type TestPlanner } from '../../support/planner-fixture';
import { electronTransport, websocketTransport, type Transport } from '../../support/transports';
import { chooseProposals, storedNetwork, testClock, type ChosenProposals } from './approval-fixture';

const transports: [string, (planner: TestPlanner) => Promise<Transport>][] = [
  ['Electron IPC', async (planner) => electronTransport(planner.services)],
  ['the WebSocket of the headless host', (planner) => websocketTransport(planner.services)],
];

describe.each(transports)('batches and decisions over %s', (_name, open) => {
  const clock = testClock();
  let planner: TestPlanner;
  let transport: Transport;
  let snapshot: NetworkSnapshot;
  let chosen: ChosenProposals;
  let batchId: string;

  const as = async (login: string): Promise<void> => {
    await transport.api.invoke('identity.chooseDemoUser', { login });
  };
  const inbox = async (state: 'for-me' | 'waiting' | 'overdue' | 'settled' | 'all' = 'all'): Promise<ApprovalLineView[]> => (await transport.api.invoke('approvals.inbox', { state, batchId })).lines;
  const lineFor = async (proposalId: string): Promise<ApprovalLineView> => {
    const found = (await inbox()).find((line) => line.reason.includes(proposalId) || line.lineId === proposalId);
    if (!found) throw new Error(`no line for ${proposalId}`);
    return found;
  };

  beforeAll(async () => {
    planner = await startTestPlanner({ nodes: 4, skus: 60, seed: 5, now: clock.now });
    transport = await open(planner);
    snapshot = await storedNetwork(planner);
    chosen = chooseProposals(snapshot);
    // Each proposal's reason names it, so the test can find its line again.
    for (const proposal of Object.values(chosen)) proposal.reason.text = `${proposal.id}: ${proposal.reason.text}`;
  });
  afterAll(async () => {
    await transport.close();
    await planner.stop();
  });

  it('submits a batch: each line routed by the matrix, auto-approved lines straight to the outbox, the rest waiting', async () => {
    await as('anna.planner');
    const changed = new Promise((resolve) => {
      const stop = transport.api.subscribe('approvals.changed', (event) => {
        stop();
        resolve(event);
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const submitted = await transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: [chosen.small, chosen.risky, chosen.large, chosen.costly], note: 'Monday run' });
    batchId = submitted.batchId;
    expect(submitted).toMatchObject({ lines: 4, autoApproved: 1, waiting: 3, summary: '1 line auto-approved and sent to the outbox; 3 lines wait for approval.' });
    await expect(changed).resolves.toEqual({ batchId });

    const small = await lineFor('P-small');
    expect(small).toMatchObject({ state: 'auto-approved', ruleId: 'small-transfers', queued: true, canDecide: false });
    expect(small.explanation).toMatch(/^auto-approved: transfer, value [\d.,]+ ≤ 2,000, inside the region$/);

    const risky = await lineFor('P-risky');
    expect(risky).toMatchObject({ state: 'waiting', ruleId: 'protect-committed-demand', queued: false, waitingFor: ['Regional Ops'] });
    expect(risky.explanation).toMatch(new RegExp(`^needs Regional Ops: takes ${chosen.risky.fromNodeId} below its committed demand \\(5 units short from `));
    expect(risky.terms).toBe('escalates to Finance after 8 h; expires 72 h after submission');

    const large = await lineFor('P-large');
    expect(large).toMatchObject({ ruleId: 'large-purchases', waitingFor: ['Regional Ops', 'Finance'] });
    expect(large.explanation).toMatch(/^needs Regional Ops and Finance: purchase, value [\d,]+(\.\d+)? > 10,000$/);
    expect(large.value).toBe(chosen.large.cost);
    expect(large.serviceImpact).toContain(chosen.large.nodeId);
  });

  it('shows the proposer their own lines, but refuses to let them decide one', async () => {
    const risky = await lineFor('P-risky');
    expect(risky.canDecide).toBe(false);
    expect(risky.cannotDecideBecause).toBe('anna.planner proposed this line and cannot decide it: another person must (segregation of duties).');
    await expect(transport.api.invoke('approvals.decide', { lineIds: [risky.lineId], decision: 'approved', comment: null })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('anna.planner proposed this line'),
    });
    expect((await lineFor('P-risky')).state).toBe('waiting');
  });

  it('lets Regional Ops approve with a comment: the line is approved and queued for the outbox', async () => {
    await as('ben.ops');
    const forBen = await inbox('for-me');
    expect(forBen.map((line) => line.reason.slice(0, 8)).sort()).toEqual(['P-costly', 'P-large:', 'P-risky:'].map((text) => text.slice(0, 8)).sort());
    const risky = await lineFor('P-risky');
    const result = await transport.api.invoke('approvals.decide', { lineIds: [risky.lineId], decision: 'approved', comment: 'RDC stock is due back Thursday' });
    expect(result).toEqual({ recorded: [{ lineId: risky.lineId, state: 'approved' }], refused: [] });
    const after = await lineFor('P-risky');
    expect(after).toMatchObject({ state: 'approved', queued: true, approvedAs: ['Regional Ops'] });
    expect(after.decisions).toEqual([{ decidedBy: 'ben.ops', role: 'Regional Ops', decision: 'approved', decidedAt: clock.iso(), comment: 'RDC stock is due back Thursday', imported: false }]);
  });

  it('keeps an "all" line waiting for the second role, and refuses a second decision by the same person', async () => {
    const large = await lineFor('P-large');
    await transport.api.invoke('approvals.decide', { lineIds: [large.lineId], decision: 'approved', comment: null });
    expect(await lineFor('P-large')).toMatchObject({ state: 'waiting', approvedAs: ['Regional Ops'], waitingFor: ['Finance'], queued: false });
    await expect(transport.api.invoke('approvals.decide', { lineIds: [large.lineId], decision: 'approved', comment: null })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('ben.ops already approved this line'),
    });
  });

  it('refuses a decision from a role the line does not wait for', async () => {
    await as('dev.viewer');
    const large = await lineFor('P-large');
    expect(large.canDecide).toBe(false);
    await expect(transport.api.invoke('approvals.decide', { lineIds: [large.lineId], decision: 'rejected', comment: 'no' })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'This line waits for Finance; dev.viewer holds Viewer.',
    });
  });

  it('gives a user who does not see costs no value, no unit cost and no cost sentences, and refuses a value filter', async () => {
    const large = await lineFor('P-large');
    expect(large.value).toBeNull();
    expect(large.unitCost).toBeNull();
    expect(large.reason).not.toContain('Cost ');
    expect(large.reason).toContain('Stock for the season.');
    expect(large.explanation).toBe('needs Regional Ops and Finance: purchase, value > 10,000');
    await expect(transport.api.invoke('approvals.inbox', { state: 'all', minValue: 100 })).rejects.toMatchObject({ code: 'forbidden', message: 'Filtering by value would reveal costs, which your role does not see.' });
  });

  it('filters by rule, node and value', async () => {
    await as('carla.finance');
    const byRule = await transport.api.invoke('approvals.inbox', { state: 'all', batchId, ruleId: 'large-purchases' });
    expect(byRule.lines.map((line) => line.ruleId)).toEqual(['large-purchases']);
    expect(byRule.rules.map((rule) => rule.id).sort()).toEqual(['large-purchases', 'protect-committed-demand', 'small-transfers', 'transfers']);
    const byNode = await transport.api.invoke('approvals.inbox', { state: 'all', batchId, nodeId: chosen.risky.fromNodeId });
    expect(byNode.lines.every((line) => line.nodeId === chosen.risky.fromNodeId || line.fromNodeId === chosen.risky.fromNodeId)).toBe(true);
    expect(byNode.lines.some((line) => line.reason.startsWith('P-risky'))).toBe(true);
    const expensive = await transport.api.invoke('approvals.inbox', { state: 'all', batchId, minValue: 10_000 });
    expect(expensive.lines.map((line) => line.ruleId)).toEqual(['large-purchases']);
  });

  it('lets Finance complete the "all" line, and approve every eligible line at once', async () => {
    const forCarla = await inbox('for-me');
    expect(forCarla.map((line) => line.ruleId)).toEqual(['large-purchases']);
    const costly = await lineFor('P-costly');
    const result = await transport.api.invoke('approvals.decide', { lineIds: [...forCarla.map((line) => line.lineId), costly.lineId], decision: 'approved', comment: 'ok' });
    expect(result.recorded).toEqual([{ lineId: forCarla[0]?.lineId, state: 'approved' }]);
    expect(result.refused).toEqual([{ lineId: costly.lineId, reason: 'This line waits for Regional Ops; carla.finance holds Finance.' }]);
    expect(await lineFor('P-large')).toMatchObject({ state: 'approved', queued: true, approvedAs: ['Regional Ops', 'Finance'] });
  });

  it('marks a line overdue after its rule’s hours and lets the escalation role decide it', async () => {
    clock.advanceHours(25);
    const costly = await lineFor('P-costly');
    expect(costly).toMatchObject({ state: 'waiting', overdue: true, escalatedTo: 'Finance', waitingFor: ['Regional Ops', 'Finance'], canDecide: true });
    const overdue = await transport.api.invoke('approvals.inbox', { state: 'overdue', batchId });
    expect(overdue.counts.overdue).toBe(1);
    await transport.api.invoke('approvals.decide', { lineIds: [costly.lineId], decision: 'rejected', comment: 'freight too dear; buy locally' });
    expect(await lineFor('P-costly')).toMatchObject({ state: 'rejected', queued: false });
  });

  it('records every step in the hash-chained audit log, which verifies', async () => {
    const page = await transport.api.invoke('audit.list', { limit: 100 });
    const kinds = page.entries.map((entry) => entry.kind);
    expect(kinds.filter((kind) => kind === 'proposal-created')).toHaveLength(4);
    expect(kinds.filter((kind) => kind === 'batch-submitted')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'decision-made')).toHaveLength(5);
    expect(kinds.filter((kind) => kind === 'command-queued')).toHaveLength(3);
    const byBen = await transport.api.invoke('audit.list', { kinds: ['decision-made'], actor: 'ben.ops', limit: 100 });
    expect(byBen.entries.map((entry) => entry.summary)).toEqual([expect.stringMatching(/^Approved as regional-ops: line …\w{8} of batch …\w{8}, signed on device …\w{8}$/), expect.stringContaining('“RDC stock is due back Thursday”')]);
    const byText = await transport.api.invoke('audit.list', { text: 'freight too dear', limit: 10 });
    expect(byText.entries).toHaveLength(1);
    expect(await transport.api.invoke('audit.verify', {})).toMatchObject({ ok: true, brokenAt: null, message: expect.stringMatching(/^The chain holds: \d+ entries/) });
    // The approved lines are outbox commands keyed by their line ids: PLN:<line> in Odoo.
    const queuedLines = (await inbox('all')).filter((line) => line.queued).map((line) => line.lineId).sort();
    const commands = await transport.api.invoke('outbox.list', { limit: 100 });
    expect(commands.commands.map((command) => command.id).sort()).toEqual(queuedLines);
    const detail = await transport.api.invoke('outbox.command', { id: queuedLines[0] ?? '' });
    expect(detail.idempotencyKey).toBe(`PLN:${queuedLines[0]}`);
    // What the outbox received, in the same transactions as the decisions.
    expect(new ApprovalStore(planner.services.approvals.db).handoffs().map((handoff) => handoff.idempotencyKey).sort()).toEqual((await inbox('all')).filter((line) => line.queued).map((line) => line.lineId).sort());
  });

  it('expires a waiting line at its rule’s limit; it can no longer be decided', async () => {
    await as('anna.planner');
    // One more unit than P-risky (approved, so the same order again would be left out).
    const riskyAgain = { ...chosen.risky, id: 'P-risky-2', qty: chosen.risky.qty + 1, reason: { text: 'P-risky-2 again', figures: {} } };
    const again = await transport.api.invoke('approvals.submitBatch', { origin: { kind: 'scenario', scenarioId: 'sc-7' }, proposals: [riskyAgain], note: null });
    clock.advanceHours(73);
    await as('ben.ops');
    const line = (await transport.api.invoke('approvals.inbox', { state: 'all', batchId: again.batchId })).lines[0];
    expect(line).toMatchObject({ state: 'expired', canDecide: false, origin: { kind: 'scenario', scenarioId: 'sc-7' } });
    await expect(transport.api.invoke('approvals.decide', { lineIds: [line?.lineId ?? ''], decision: 'approved', comment: null })).rejects.toMatchObject({ message: expect.stringContaining('expired') });
  });

  it('refuses a batch naming what the network does not have, and records nothing', async () => {
    await as('anna.planner');
    const before = (await transport.api.invoke('approvals.batches', {})).batches.length;
    const toItself = { ...chosen.small, id: 'P-loop', fromNodeId: chosen.small.nodeId };
    const unknownNode = { ...chosen.small, id: 'P-node', fromNodeId: 'ATLANTIS' };
    const unknownSku = { ...chosen.small, id: 'P-sku', skuId: 'NOPE-1' };
    await expect(transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: [chosen.small, unknownSku], note: null })).rejects.toMatchObject({
      code: 'invalid-request',
      message: 'The batch was not submitted: proposal 2 (P-sku): SKU NOPE-1 is not in the network.',
    });
    await expect(transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: [toItself, unknownNode, chosen.small, chosen.small], note: null })).rejects.toMatchObject({
      code: 'invalid-request',
      message:
        'The batch was not submitted: proposal 1 (P-loop): a transfer must go between two different nodes; proposal 2 (P-node): node ATLANTIS is not in the network; proposal 4 (P-small): the same proposal appears twice in the batch.',
    });
    await expect(transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: [], note: null })).rejects.toMatchObject({ code: 'invalid-request', message: expect.stringContaining('select at least one proposal') });
    expect((await transport.api.invoke('approvals.batches', {})).batches).toHaveLength(before);
  });

  it('submits chosen proposals of a replenishment run by their ids: the services take them whole from the run', async () => {
    await as('anna.planner');
    const run = await transport.api.invoke('replenishment.run', { target: { kind: 'baseline' } });
    const shown = (await transport.api.invoke('replenishment.page', { resultId: run.resultId, filter: {}, offset: 0, limit: 3 })).rows;
    expect(shown.length).toBeGreaterThan(1);
    const submitted = await transport.api.invoke('approvals.submitFromReplenishment', { resultId: run.resultId, proposalIds: shown.map((row) => row.id), note: 'from the run' });
    expect(submitted.lines).toBe(shown.length);
    const lines = (await transport.api.invoke('approvals.inbox', { state: 'all', batchId: submitted.batchId })).lines;
    expect(lines.map((line) => [line.kind, line.nodeId, line.fromNodeId, line.skuId, line.qty, line.arrivalDate, line.neededBy])).toEqual(
      shown.map((row) => [row.kind, row.nodeId, row.fromNodeId, row.skuId, row.qty, row.arrivalDate, row.neededBy]),
    );
    expect(lines.every((line) => line.value !== null && line.value > 0)).toBe(true);

    const before = (await transport.api.invoke('approvals.batches', {})).batches.length;
    await expect(transport.api.invoke('approvals.submitFromReplenishment', { resultId: run.resultId, proposalIds: [shown[0]?.id ?? '', 'no-such-proposal'], note: null })).rejects.toMatchObject({
      code: 'not-found',
      message: 'The replenishment run has no proposal no-such-proposal.',
    });
    await expect(transport.api.invoke('approvals.submitFromReplenishment', { resultId: 'rp-gone', proposalIds: ['p1'], note: null })).rejects.toMatchObject({ code: 'not-found' });
    expect((await transport.api.invoke('approvals.batches', {})).batches).toHaveLength(before);
  });

  it('leaves out what an open line the network does not show yet already orders, from another run or a scenario; a rejected or expired one can be submitted again', async () => {
    await as('anna.planner');
    // The test above submitted rows 0-2 of a run; a new run on the same snapshot proposes them again.
    const run = await transport.api.invoke('replenishment.run', { target: { kind: 'baseline' } });
    const rows = (await transport.api.invoke('replenishment.page', { resultId: run.resultId, filter: {}, offset: 0, limit: 4 })).rows;
    const earlier = (await transport.api.invoke('approvals.batches', {})).batches.find((batch) => batch.note === 'from the run');
    // The run's rows say which orders are already in a batch, and where.
    expect(rows.map((row) => row.submitted && { batchId: row.submitted.batchId, line: row.submitted.line })).toEqual([
      { batchId: earlier?.batchId, line: 1 },
      { batchId: earlier?.batchId, line: 2 },
      { batchId: earlier?.batchId, line: 3 },
      null,
    ]);
    const submitted = await transport.api.invoke('approvals.submitFromReplenishment', { resultId: run.resultId, proposalIds: rows.map((row) => row.id), note: 'the same run again' });
    expect(submitted).toMatchObject({ lines: 1, leftOut: 3 });
    expect(submitted.summary).toContain(`Left out, already in a batch the network does not show yet: ${rows[0]?.kind} ${rows[0]?.qty} × ${rows[0]?.skuId}`);
    expect(submitted.summary).toContain(`(batch ${batchLabel(earlier?.batchId ?? '')}, line 1, `);
    const lines = (await transport.api.invoke('approvals.inbox', { state: 'all', batchId: submitted.batchId })).lines;
    expect(lines.map((line) => [line.skuId, line.qty])).toEqual([[rows[3]?.skuId, rows[3]?.qty]]);
    const fourth = (await transport.api.invoke('replenishment.page', { resultId: run.resultId, filter: {}, offset: 3, limit: 1 })).rows[0];
    expect(fourth?.submitted).toEqual({ batchId: submitted.batchId, line: 1, state: lines[0]?.state });

    // Only repeats: nothing is recorded, and the refusal says where each order already is.
    const before = (await transport.api.invoke('approvals.batches', {})).batches.length;
    await expect(transport.api.invoke('approvals.submitFromReplenishment', { resultId: run.resultId, proposalIds: [rows[0]?.id ?? '', rows[3]?.id ?? ''], note: null })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(new RegExp(`^Nothing was submitted: each line is already in a batch the network does not show yet: .*\\(batch ${batchLabel(earlier?.batchId ?? '')}, line 1, .*; .*\\(batch ${batchLabel(submitted.batchId)}, line 1, `)),
    });
    // Whatever its id: P-risky (approved) under another name is still the same order.
    await expect(transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: [{ ...chosen.risky, id: 'P-risky-3' }], note: null })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining(`transfer ${chosen.risky.qty} × ${chosen.risky.skuId} ${chosen.risky.fromNodeId} → ${chosen.risky.nodeId} (batch ${batchLabel(batchId)}, line 2, approved)`),
    });
    expect((await transport.api.invoke('approvals.batches', {})).batches).toHaveLength(before);

    // P-costly was rejected and P-risky-2 expired: both may be proposed again.
    const again = await transport.api.invoke('approvals.submitBatch', {
      origin: { kind: 'replenishment' },
      proposals: [{ ...chosen.costly, id: 'P-costly-2' }, { ...chosen.risky, id: 'P-risky-4', qty: chosen.risky.qty + 1 }],
      note: 'second try',
    });
    expect(again).toMatchObject({ lines: 2, leftOut: 0 });
    expect(again.summary).not.toContain('Left out');

    // Not refused, but the supervisor sees it: P-risky (approved, not yet in Odoo) stocks the same
    // node × SKU as P-risky-4. The expired P-risky-2 is not an order any more.
    const secondTry = (await transport.api.invoke('approvals.inbox', { state: 'all', batchId: again.batchId })).lines;
    const riskyFour = secondTry.find((line) => line.kind === 'transfer' && line.qty === chosen.risky.qty + 1);
    expect(riskyFour?.state).toBe('waiting');
    expect(riskyFour?.alsoOrdered).toContainEqual({ batchId, line: 2, state: 'approved', kind: 'transfer', qty: chosen.risky.qty, from: chosen.risky.fromNodeId, leavesOn: chosen.risky.shipDate, arrivalDate: chosen.risky.arrivalDate });
    expect(riskyFour?.alsoOrdered.some((order) => order.qty === chosen.risky.qty + 1)).toBe(false);
    // A line already decided is not decided again: it lists nothing.
    expect((await lineFor('P-risky')).alsoOrdered).toEqual([]);

    // Six more purchases of P-large's SKU for its node, a batch each: the last one lists the first
    // five other orders (P-large, approved, among them) and counts them all.
    let last = again;
    for (let k = 1; k <= 6; k++) {
      last = await transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: [{ ...chosen.large, id: `P-large-${k}`, qty: chosen.large.qty + k }], note: null });
    }
    const [sixth] = (await transport.api.invoke('approvals.inbox', { state: 'all', batchId: last.batchId })).lines;
    expect(sixth?.alsoOrderedCount).toBeGreaterThanOrEqual(6);
    expect(sixth?.alsoOrdered).toHaveLength(5);
    expect(sixth?.alsoOrdered[0]).toMatchObject({ kind: 'purchase', qty: chosen.large.qty, state: 'approved' });
  });

  it("submits a scenario's transfers and purchases, each once: submitting again sends only what was added since", async () => {
    await as('anna.planner');
    const scenario = await transport.api.invoke('scenario.create', { name: 'Submit me' });
    await expect(transport.api.invoke('approvals.submitScenario', { scenarioId: scenario.id, note: null })).rejects.toMatchObject({
      code: 'invalid-request',
      message: 'This scenario adds no transfer or purchase: there is nothing to submit.',
    });
    const run = await transport.api.invoke('replenishment.run', { target: { kind: 'baseline' } });
    // Rows 0-2 of a run on this snapshot were submitted by the test above; these are new orders.
    const rows = (await transport.api.invoke('replenishment.page', { resultId: run.resultId, filter: {}, offset: 6, limit: 3 })).rows;
    const added = await transport.api.invoke('replenishment.addToScenario', { resultId: run.resultId, proposalIds: rows.slice(0, 2).map((row) => row.id), scenarioId: scenario.id });
    expect(added.applied).toBe(true);

    const preview = (): Promise<unknown> => transport.api.invoke('approvals.scenarioSubmission', { scenarioId: scenario.id });
    expect(await preview()).toEqual({ proposals: 2, alreadySubmitted: 0, batches: [] });
    const first = await transport.api.invoke('approvals.submitScenario', { scenarioId: scenario.id, note: 'scenario batch' });
    expect(first.lines).toBe(2);
    expect(await preview()).toEqual({ proposals: 2, alreadySubmitted: 2, batches: [first.batchId] });
    const lines = (await transport.api.invoke('approvals.inbox', { state: 'all', batchId: first.batchId })).lines;
    // Dated and priced as the scenario plans them, which for an unchanged lane is what the run proposed.
    expect(lines.map((line) => [line.kind, line.nodeId, line.skuId, line.qty, line.leavesOn, line.arrivalDate])).toEqual(
      rows.slice(0, 2).map((row) => [row.kind, row.nodeId, row.skuId, row.qty, row.startDate, row.arrivalDate]),
    );
    const batches = (await transport.api.invoke('approvals.batches', {})).batches;
    expect(batches.find((batch) => batch.batchId === first.batchId)?.origin).toEqual({ kind: 'scenario', scenarioId: scenario.id });

    await expect(transport.api.invoke('approvals.submitScenario', { scenarioId: scenario.id, note: null })).rejects.toMatchObject({
      code: 'conflict',
      message: `Every transfer and purchase of this scenario is already submitted (batch ${batchLabel(first.batchId)}); a rejected or expired line can be submitted again.`,
    });
    const third = rows[2];
    if (third) {
      await transport.api.invoke('replenishment.addToScenario', { resultId: run.resultId, proposalIds: [third.id], scenarioId: scenario.id });
      expect(await preview()).toEqual({ proposals: 3, alreadySubmitted: 2, batches: [first.batchId] });
      const second = await transport.api.invoke('approvals.submitScenario', { scenarioId: scenario.id, note: null });
      expect(second.lines).toBe(1);
      expect(second.summary).toMatch(new RegExp(`2 submitted before \\(batch ${batchLabel(first.batchId)}\\) were left out\\.$`));
    }
  });

  it('marks a row whose node × SKU another open order already stocks: not the same order, so not left out, but shown', async () => {
    await as('anna.planner');
    const run = await transport.api.invoke('replenishment.run', { target: { kind: 'baseline' } });
    const page = async (): Promise<ProposalView[]> => (await transport.api.invoke('replenishment.page', { resultId: run.resultId, filter: { kind: 'transfer' }, offset: 0, limit: 40 })).rows;
    const rows = await page();
    const row = rows.find((candidate) => candidate.submitted === null && candidate.alsoOrdered === null && candidate.fromNodeId !== null);
    if (!row?.fromNodeId) throw new Error('the run has no transfer for a node × SKU without open orders');
    // The same transfer a day's need earlier, one unit more: yesterday's line still waiting, say.
    const similar: TransferProposal = { id: 'P-similar', kind: 'transfer', nodeId: row.nodeId, skuId: row.skuId, fromNodeId: row.fromNodeId, qty: row.qty + 1, shipDate: row.startDate, neededBy: row.neededBy, arrivalDate: row.arrivalDate, daysLate: row.daysLate, cost: row.cost ?? 0, reason: row.reason };
    const submitted = await transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: [similar], note: null });
    const [line] = (await transport.api.invoke('approvals.inbox', { state: 'all', batchId: submitted.batchId })).lines;
    const marked = (await page()).find((candidate) => candidate.id === row.id);
    expect(marked?.submitted).toBeNull();
    expect(marked?.alsoOrdered).toEqual({
      count: 1,
      latest: { batchId: submitted.batchId, line: 1, state: line?.state, kind: 'transfer', qty: row.qty + 1, from: row.fromNodeCode, leavesOn: row.startDate, arrivalDate: row.arrivalDate },
    });
    // A row that is itself in a batch says so, and nothing more.
    expect((await page()).filter((candidate) => candidate.submitted !== null).every((candidate) => candidate.alsoOrdered === null)).toBe(true);
    // The row's own proposal goes through: it is another order.
    const own = await transport.api.invoke('approvals.submitFromReplenishment', { resultId: run.resultId, proposalIds: [row.id], note: null });
    expect(own).toMatchObject({ lines: 1, leftOut: 0 });
  });

  it("submits a scenario's line again once it expired undecided, as it would a run's", async () => {
    await as('anna.planner');
    const scenario = await transport.api.invoke('scenario.create', { name: 'Left to expire' });
    // More than the source can spare: it waits for Regional Ops and expires after 72 h.
    const { risky } = chosen;
    await transport.api.invoke('scenario.applyEdits', { scenarioId: scenario.id, edits: [{ id: 'e-risky', kind: 'add-transfer', fromNodeId: risky.fromNodeId, toNodeId: risky.nodeId, skuId: risky.skuId, qty: risky.qty + 7, shipDate: risky.shipDate }] });
    const first = await transport.api.invoke('approvals.submitScenario', { scenarioId: scenario.id, note: null });
    const [line] = (await transport.api.invoke('approvals.inbox', { state: 'all', batchId: first.batchId })).lines;
    expect(line).toMatchObject({ state: 'waiting', ruleId: 'protect-committed-demand' });
    await expect(transport.api.invoke('approvals.submitScenario', { scenarioId: scenario.id, note: null })).rejects.toMatchObject({ code: 'conflict' });
    clock.advanceHours(73);
    expect((await transport.api.invoke('approvals.inbox', { state: 'all', batchId: first.batchId })).lines[0]?.state).toBe('expired');
    expect(await transport.api.invoke('approvals.scenarioSubmission', { scenarioId: scenario.id })).toEqual({ proposals: 1, alreadySubmitted: 0, batches: [] });
    const again = await transport.api.invoke('approvals.submitScenario', { scenarioId: scenario.id, note: 'once more' });
    expect(again).toMatchObject({ lines: 1, leftOut: 0 });
  });
});
