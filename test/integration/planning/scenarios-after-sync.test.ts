import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain';
import { createPlannerServices, type PlannerServices } from '../../../electron/app/compose';
import { silentLog } from '../../../electron/app/log';
import { startOdooSim, type RunningOdooSim } from '../../../tools/odoo-sim';
import { demoProfile } from '../../support/planner-fixture';
import { makeTempDir } from '../../support/temp-dir';
import { electronTransport, type Transport } from '../../support/transports';
import { sourceWorkerEntry } from '../../support/worker-entry';

const DAY_ZERO = '2026-11-27';

describe('scenarios when a sync from Odoo replaces the network', () => {
  const data = makeTempDir('scenarios-sync');
  let sim: RunningOdooSim;
  let services: PlannerServices;
  let transport: Transport;

  beforeAll(async () => {
    sim = await startOdooSim({ port: 0, seed: 11, nodes: 4, skus: 40, odooVersion: 18, dayZero: DAY_ZERO, tz: 'Europe/Amsterdam' });
    const planner = sim.users.find((user) => user.login === 'planner');
    services = createPlannerServices({
      dataDir: data.path,
      profile: demoProfile(),
      workerEntry: sourceWorkerEntry(),
      log: silentLog(),
      appVersion: '0.0.0-test',
      demo: { seed: 11, nodes: 4, skus: 40 },
      now: () => new Date(`${DAY_ZERO}T09:00:00Z`),
      odoo: { connection: async () => ({ url: sim.url, database: sim.database, login: 'planner', apiKey: planner?.apiKey ?? '' }) },
    });
    await services.ready;
    transport = electronTransport(services);
  });
  afterAll(async () => {
    await transport?.close();
    await services?.close();
    await sim?.close();
    data.remove();
  });

  it('marks a scenario made on the demo as made on an older snapshot, keeps its edits, and re-bases it only when asked', async () => {
    const { api } = transport;
    const { skus } = await api.invoke('planning.skus', { text: '', limit: 1 });
    const { id } = await api.invoke('scenario.create', { name: 'Before the sync' });
    await api.invoke('scenario.applyEdits', { scenarioId: id, edits: [{ id: 'd1', kind: 'add-demand', nodeId: 'FSL01', skuId: skus[0]?.id ?? '', qty: 5, dueDate: addDays(DAY_ZERO, 4) }] });
    const before = await api.invoke('scenario.describe', { scenarioId: id });
    expect(before.base).toMatchObject({ dayZero: DAY_ZERO });

    const finished = new Promise<{ outcome: string; message: string }>((resolve) => {
      const stop = api.subscribe('sync.finished', (event) => {
        stop();
        resolve(event);
      });
    });
    await expect(api.invoke('sync.start', {})).resolves.toEqual({ started: true });
    await expect(finished).resolves.toMatchObject({ outcome: 'done' });

    const list = await api.invoke('scenario.list', {});
    expect(list.network).not.toEqual(before.base);
    const after = await api.invoke('scenario.describe', { scenarioId: id });
    expect(after).toMatchObject({ madeOnOlderSnapshot: true, base: before.base, position: 1, editCount: 1 });
    expect(after.edits.map((entry) => entry.edit)).toEqual(before.edits.map((entry) => entry.edit));
    await expect(api.invoke('scenario.compare', { scenarioId: id, offset: 0, limit: 10 })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('made on an older snapshot') });
    await expect(api.invoke('replenishment.run', { target: { kind: 'scenario', scenarioId: id } })).rejects.toMatchObject({ code: 'conflict' });

    const rebased = await api.invoke('scenario.rebase', { scenarioId: id });
    expect(rebased).toMatchObject({ applied: true, scenario: { madeOnOlderSnapshot: false, base: list.network ?? {} } });
    const compared = await api.invoke('scenario.compare', { scenarioId: id, offset: 0, limit: 10 });
    expect(compared.kpis.delta.demandUnits).toBe(5);
  });
});
