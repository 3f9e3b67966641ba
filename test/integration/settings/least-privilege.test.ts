import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlanner, type TestPlanner } from '../../support/planner-fixture';
import { electronTransport, websocketTransport, type Transport } from '../../support/transports';

let planner: TestPlanner;
beforeAll(async () => {
  planner = await startTestPlanner({ nodes: 4, skus: 60, seed: 5 });
});
afterAll(async () => planner.stop());

const transports: [string, () => Promise<Transport>][] = [
  ['Electron IPC', async () => electronTransport(planner.services)],
  ['WebSocket', () => websocketTransport(planner.services)],
];

describe.each(transports)('cost visibility over %s', (_name, open) => {
  let transport: Transport;
  beforeAll(async () => {
    transport = await open();
  });
  afterAll(async () => {
    await transport.api.invoke('identity.chooseDemoUser', { login: 'anna.planner' });
    await transport.close();
  });

  it('offers the region\'s demo users, saying which of them see costs; the first is chosen until someone chooses', async () => {
    const settings = await transport.api.invoke('settings.describe', {});
    expect(settings.demoUsers.map((user) => [user.login, user.seesCosts])).toEqual([
      ['anna.planner', true],
      ['ben.ops', true],
      ['carla.finance', true],
      ['dev.viewer', false],
    ]);
    expect(settings.user).toMatchObject({ login: 'anna.planner', roles: [{ code: 'planner', name: 'Planner' }], seesCosts: true, source: 'demo' });
  });

  it('gives a user who sees costs the value at risk', async () => {
    const summary = await transport.api.invoke('network.summary', {});
    expect(summary.totals.valueAtRisk).toEqual(expect.any(Number));
    expect(summary.nodes.some((node) => (node.valueAtRisk ?? 0) > 0)).toBe(true);
  });

  it('removes every cost figure from the payloads of a user whose roles do not see costs', async () => {
    const chosen = await transport.api.invoke('identity.chooseDemoUser', { login: 'dev.viewer' });
    expect(chosen.user).toMatchObject({ login: 'dev.viewer', seesCosts: false });
    expect((await transport.api.invoke('app.describe', {})).user).toEqual({ login: 'dev.viewer', name: 'Dev (viewer, no costs)', seesCosts: false });

    // The raw envelopes, as they crossed the transport: the figures are absent, not merely hidden.
    const summary = (await transport.sendRaw('network.summary', {})) as { ok: true; value: { nodes: { valueAtRisk: unknown }[]; totals: { valueAtRisk: unknown } } };
    expect(summary.value.totals.valueAtRisk).toBeNull();
    expect(summary.value.nodes.map((node) => node.valueAtRisk)).toEqual([null, null, null, null]);
    const page = (await transport.sendRaw('stock.query', { filter: { onlyShort: true }, sort: [], offset: 0, limit: 50 })) as { ok: true; value: { rows: { nodeId: string; skuId: string; valueAtRisk: unknown; unitsShort: number }[] } };
    expect(page.value.rows.length).toBeGreaterThan(0);
    expect(page.value.rows.every((row) => row.valueAtRisk === null)).toBe(true);
    // Quantities are not costs: they still arrive.
    expect(page.value.rows.some((row) => row.unitsShort > 0)).toBe(true);
    const keys = page.value.rows.slice(0, 3).map((row) => ({ nodeId: row.nodeId, skuId: row.skuId }));
    const rows = (await transport.sendRaw('stock.rows', { keys })) as { ok: true; value: { rows: { valueAtRisk: unknown }[] } };
    expect(rows.value.rows.map((row) => row.valueAtRisk)).toEqual([null, null, null]);
  });

  it('refuses to sort by a cost for that user, since the order alone would reveal it', async () => {
    await transport.api.invoke('identity.chooseDemoUser', { login: 'dev.viewer' });
    await expect(transport.sendRaw('stock.query', { filter: {}, sort: [{ column: 'valueAtRisk', direction: 'desc' }], offset: 0, limit: 5 })).resolves.toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Sorting by valueAtRisk would reveal costs, which your role does not see.' },
    });
    await transport.api.invoke('identity.chooseDemoUser', { login: 'carla.finance' });
    const sorted = await transport.api.invoke('stock.query', { filter: {}, sort: [{ column: 'valueAtRisk', direction: 'desc' }], offset: 0, limit: 5 });
    const values = sorted.rows.map((row) => row.valueAtRisk ?? -1);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('refuses a login that is not one of the region\'s demo users', async () => {
    await expect(transport.api.invoke('identity.chooseDemoUser', { login: 'root' })).rejects.toThrow('identity.chooseDemoUser: "root" is not one of this region\'s demo users (anna.planner, ben.ops, carla.finance, dev.viewer).');
  });
});

describe('choosing the demo user', () => {
  it('is audited, naming who chose whom', async () => {
    const transport = electronTransport(planner.services);
    await transport.api.invoke('identity.chooseDemoUser', { login: 'ben.ops' });
    const [entry] = planner.services.audit.list({ kinds: ['setting-changed'], limit: 1 });
    expect(entry?.event).toMatchObject({ kind: 'setting-changed', setting: 'identity.demoUser', to: 'ben.ops', actor: expect.any(String) });
    await transport.api.invoke('identity.chooseDemoUser', { login: 'anna.planner' });
    await transport.close();
  });
});
