import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain';
import type { PlannerApi } from '../../../shared/ipc';
import { startTestPlanner, type TestPlanner } from '../../support/planner-fixture';
import { makeTempDir } from '../../support/temp-dir';
import { electronTransport, type Transport } from '../../support/transports';

/** Resolves once the worker reports progress for this run: it is then surely computing. */
function firstProgress(api: PlannerApi, runId: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = api.subscribe('planning.progress', (event) => {
      if (event.jobId !== runId) return;
      stop();
      resolve();
    });
  });
}

describe('planning runs that are cancelled, or whose worker dies', () => {
  let planner: TestPlanner;
  let transport: Transport;
  afterEach(async () => {
    await transport?.close();
    await planner?.stop();
  });

  it('a run cancelled by its id ends as cancelled, nothing of it is kept, and the next run completes', async () => {
    planner = await startTestPlanner({ nodes: 10, skus: 2500, seed: 3 });
    transport = electronTransport(planner.services);
    const { api } = transport;
    const runId = 'run-cancel-me';
    const started = firstProgress(api, runId);
    const run = api.invoke('allocation.run', { target: { kind: 'baseline' }, runId });
    await started;
    await expect(api.invoke('planning.cancel', { jobId: runId })).resolves.toEqual({ cancelled: true });
    await expect(run).rejects.toMatchObject({ code: 'cancelled', message: 'Cancelled: nothing from this run was kept.' });
    await expect(api.invoke('planning.cancel', { jobId: runId })).resolves.toEqual({ cancelled: false });
    const again = await api.invoke('allocation.run', { target: { kind: 'baseline' } });
    expect(again.totals.lines).toBeGreaterThan(0);
  });

  it('a worker that dies mid-run fails the run with the reason; the app keeps serving and runs it again', async () => {
    planner = await startTestPlanner({ nodes: 10, skus: 2500, seed: 3 });
    transport = electronTransport(planner.services);
    const { api } = transport;
    const runId = 'run-crash-me';
    const started = firstProgress(api, runId);
    const run = api.invoke('replenishment.run', { target: { kind: 'baseline' }, runId });
    await started;
    await planner.services.planning.crashWorkerForTest();
    await expect(run).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/planning worker stopped unexpectedly .* while running replenishment-run; it has been restarted/) });
    expect((await api.invoke('scenario.list', {})).network).not.toBeNull();
    const again = await api.invoke('replenishment.run', { target: { kind: 'baseline' } });
    const page = await api.invoke('replenishment.page', { resultId: again.resultId, filter: {}, offset: 0, limit: 5 });
    expect(page.total).toBe(again.totals.proposals);
  });
});

describe('scenarios across restarts and new networks', () => {
  const data = makeTempDir('scenario-restart');
  const day1 = new Date('2026-05-04T06:00:00.000Z');
  const day2 = new Date('2026-05-05T06:00:00.000Z');
  let planner: TestPlanner | null = null;
  let transport: Transport | null = null;
  const start = async (at: Date): Promise<PlannerApi> => {
    planner = await startTestPlanner({ nodes: 4, skus: 60, seed: 8, dataDir: data.path, now: () => at });
    transport = electronTransport(planner.services);
    return transport.api;
  };
  const stop = async (): Promise<void> => {
    await transport?.close();
    await planner?.stop();
    transport = null;
    planner = null;
  };
  afterEach(stop);

  it('keeps scenarios, their edits and the undo position across a restart; a new network marks them as made on an older snapshot', async () => {
    let api = await start(day1);
    const catalog = await api.invoke('planning.catalog', {});
    const { skus } = await api.invoke('planning.skus', { text: '', limit: 1 });
    const skuId = skus[0]?.id ?? '';
    const { id } = await api.invoke('scenario.create', { name: 'Survives' });
    await api.invoke('scenario.applyEdits', {
      scenarioId: id,
      edits: [
        { id: 'a', kind: 'add-transfer', fromNodeId: 'RDC1', toNodeId: 'FSL01', skuId, qty: 9, shipDate: addDays(catalog.horizon.firstDay, 2) },
        { id: 'b', kind: 'add-demand', nodeId: 'FSL02', skuId, qty: 4, dueDate: addDays(catalog.horizon.firstDay, 6) },
      ],
    });
    await api.invoke('scenario.undo', { scenarioId: id });
    const before = await api.invoke('scenario.compare', { scenarioId: id, offset: 0, limit: 50 });
    await stop();

    api = await start(day1);
    const kept = await api.invoke('scenario.describe', { scenarioId: id });
    expect(kept).toMatchObject({ name: 'Survives', position: 1, editCount: 2, madeOnOlderSnapshot: false, blockedReason: null });
    expect(kept.edits.map((entry) => [entry.edit.id, entry.active])).toEqual([['a', true], ['b', false]]);
    expect(await api.invoke('scenario.compare', { scenarioId: id, offset: 0, limit: 50 })).toEqual(before);
    await expect(api.invoke('scenario.redo', { scenarioId: id })).resolves.toMatchObject({ applied: true, scenario: { position: 2 } });
    await api.invoke('scenario.undo', { scenarioId: id });
    await stop();

    // A day later the demo network is generated again: a new snapshot.
    api = await start(day2);
    const listed = await api.invoke('scenario.list', {});
    expect(listed.network?.dayZero).toBe('2026-05-05');
    expect(listed.scenarios.find((scenario) => scenario.id === id)).toMatchObject({ madeOnOlderSnapshot: true, base: { dayZero: '2026-05-04' } });
    const stale = await api.invoke('scenario.describe', { scenarioId: id });
    expect(stale.blockedReason).toMatch(/^"Survives" was made on an older snapshot \(taken 2026-05-04T06:00:00.000Z, day 0 2026-05-04\).*re-base it/);
    await expect(api.invoke('scenario.compare', { scenarioId: id, offset: 0, limit: 50 })).rejects.toMatchObject({ code: 'conflict', message: stale.blockedReason });
    await expect(
      api.invoke('scenario.applyEdits', { scenarioId: id, edits: [{ id: 'c', kind: 'add-demand', nodeId: 'FSL02', skuId, qty: 1, dueDate: '2026-05-06' }] }),
    ).rejects.toMatchObject({ code: 'conflict' });
    // Re-basing is the planner's explicit choice; the edit in effect still applies on the new snapshot.
    const rebased = await api.invoke('scenario.rebase', { scenarioId: id });
    expect(rebased).toMatchObject({ applied: true, scenario: { madeOnOlderSnapshot: false, base: { dayZero: '2026-05-05' }, position: 1, editCount: 2 } });
    const compared = await api.invoke('scenario.compare', { scenarioId: id, offset: 0, limit: 50 });
    expect(compared.rows.map((row) => row.nodeId).sort()).toEqual(['FSL01', 'RDC1']);
  });

  it('refuses to re-base a scenario whose edit falls before the new horizon, naming the edit', async () => {
    let api = await start(day1);
    const { skus } = await api.invoke('planning.skus', { text: '', limit: 1 });
    const { id } = await api.invoke('scenario.create', { name: 'Too early' });
    await api.invoke('scenario.applyEdits', { scenarioId: id, edits: [{ id: 'first-day', kind: 'add-demand', nodeId: 'FSL02', skuId: skus[0]?.id ?? '', qty: 2, dueDate: '2026-05-04' }] });
    await stop();
    api = await start(new Date('2026-05-06T06:00:00.000Z'));
    const outcome = await api.invoke('scenario.rebase', { scenarioId: id });
    expect(outcome).toMatchObject({ applied: false, refusal: { editId: 'first-day', path: 'dueDate' }, scenario: { madeOnOlderSnapshot: true, base: { dayZero: '2026-05-04' } } });
  });
});
