import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlannerRequestError, type StockRow } from '../../../shared/ipc';
import { startTestPlanner, type TestPlanner } from '../../support/planner-fixture';
import { electronTransport, websocketTransport, type Transport } from '../../support/transports';

let planner: TestPlanner;
beforeAll(async () => {
  planner = await startTestPlanner({ nodes: 4, skus: 60, seed: 5 });
});
afterAll(async () => planner.stop());

const transports: [string, () => Promise<Transport>][] = [
  ['Electron IPC (real registration and preload, in-memory ipcMain/ipcRenderer)', async () => electronTransport(planner.services)],
  ['WebSocket (real headless server)', () => websocketTransport(planner.services)],
];

describe.each(transports)('the IPC contract over %s', (_name, open) => {
  let transport: Transport;
  beforeAll(async () => {
    transport = await open();
  });
  afterAll(async () => transport.close());

  it('describes the app: demo region, demo mode, its nodes', async () => {
    const description = await transport.api.invoke('app.describe', {});
    expect(description.region.code).toBe('demo');
    expect(description.mode).toBe('demo');
    expect(description.network.nodes.map((node) => node.id)).toEqual(['RDC1', 'FSL01', 'FSL02', 'TPL1']);
  });

  it('summarises every node', async () => {
    const summary = await transport.api.invoke('network.summary', {});
    expect(summary.nodes).toHaveLength(4);
    expect(summary.totals.skuRows).toBe(240);
    expect(summary.totals.shortWithin7Days).toBe(summary.nodes.reduce((sum, node) => sum + node.shortWithin7Days, 0));
  });

  it('filters to one node, sorts by first shortage day, and pages consistently', async () => {
    const query = { filter: { nodeId: 'RDC1' }, sort: [{ column: 'firstShortageDay' as const, direction: 'asc' as const }] };
    const all = await transport.api.invoke('stock.query', { ...query, offset: 0, limit: 500 });
    expect(all.total).toBe(60);
    expect(all.rows.every((row) => row.nodeId === 'RDC1')).toBe(true);
    const days = all.rows.map((row) => row.firstShortageDay);
    const dated = days.filter((day): day is number => day !== null);
    expect(dated).toEqual([...dated].sort((a, b) => a - b));
    // Rows that never run short come after every dated shortage.
    expect(days.slice(dated.length).every((day) => day === null)).toBe(true);
    const second = await transport.api.invoke('stock.query', { ...query, offset: 20, limit: 10 });
    expect(second.rows).toEqual(all.rows.slice(20, 30));
  });

  it('gives the same figures for a row whether it is paged or asked for by key', async () => {
    const page = await transport.api.invoke('stock.query', { filter: { onlyShort: true }, sort: [], offset: 0, limit: 3 });
    const keys = page.rows.map((row: StockRow) => ({ nodeId: row.nodeId, skuId: row.skuId }));
    const { rows } = await transport.api.invoke('stock.rows', { keys });
    expect(rows).toEqual(page.rows);
  });

  it('rejects a request that fails its schema with the schema message, and nothing changes', async () => {
    const before = await transport.api.invoke('stock.query', { filter: {}, sort: [], offset: 0, limit: 5 });
    const bad = transport.api.invoke('stock.query', { filter: {}, sort: [], offset: -1, limit: 0 });
    await expect(bad).rejects.toBeInstanceOf(PlannerRequestError);
    await expect(bad).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(bad).rejects.toThrow(/stock\.query: offset: .*; limit: /);
    const unknownField = transport.sendRaw('stock.query', { filter: { warehouse: 'RDC1' }, sort: [], offset: 0, limit: 5 });
    await expect(unknownField).resolves.toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('filter') } });
    const after = await transport.api.invoke('stock.query', { filter: {}, sort: [], offset: 0, limit: 5 });
    expect(after).toEqual(before);
  });

  it('carries scenario requests, and refuses an edit of no known kind or a job id the screen cannot have made', async () => {
    const created = await transport.api.invoke('scenario.create', { name: `Contract over ${transport.name}` });
    expect(created).toMatchObject({ editCount: 0, edits: [], madeOnOlderSnapshot: false });
    await expect(transport.sendRaw('scenario.applyEdits', { scenarioId: created.id, edits: [{ id: 'x', kind: 'teleport', qty: 3 }] })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringMatching(/^scenario\.applyEdits: edits\[0\]\.kind: /) },
    });
    await expect(transport.sendRaw('planning.cancel', { jobId: 'job-1' })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('jobId') } });
    await expect(transport.api.invoke('planning.cancel', { jobId: 'run-nothing-here' })).resolves.toEqual({ cancelled: false });
    expect((await transport.api.invoke('scenario.describe', { scenarioId: created.id })).editCount).toBe(0);
  });

  it('refuses a channel outside the contract', async () => {
    await expect(transport.sendRaw('outbox.dropEverything', {})).resolves.toEqual({
      ok: false,
      error: { code: 'unknown-channel', message: '"outbox.dropEverything" is not a Network Planner request.' },
    });
  });

  it('delivers service events to the screen', async () => {
    const received = new Promise((resolve) => {
      const stop = transport.api.subscribe('app.notice', (notice) => {
        stop();
        resolve(notice);
      });
    });
    // The WebSocket subscribes on connect; give it a moment to be listening before the service speaks.
    await new Promise((resolve) => setTimeout(resolve, 100));
    planner.services.events.emit('app.notice', { level: 'info', message: 'Sync finished' });
    await expect(received).resolves.toEqual({ level: 'info', message: 'Sync finished' });
  });
});

describe('the Electron side checks who is asking', () => {
  it('refuses a request from a sub-frame or from a page that is not the planner', async () => {
    const transport = electronTransport(planner.services);
    transport.ipc.senderParent = {};
    await expect(transport.sendRaw('app.describe', {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    transport.ipc.senderParent = null;
    transport.ipc.senderUrl = 'https://evil.example/index.html';
    await expect(transport.sendRaw('app.describe', {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    transport.ipc.senderUrl = 'file:///opt/network-planner/out/renderer/index.html';
    await expect(transport.sendRaw('app.describe', {})).resolves.toMatchObject({ ok: true });
    await transport.close();
  });
});
