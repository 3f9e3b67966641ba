import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningOdooSim } from '../../../tools/odoo-sim';
import { jsonRpc, OdooCaller, postJson } from './odoo-rpc';
import { startSmallSim, user } from './start-small';

let sim: RunningOdooSim;
let supervisor: OdooCaller;

beforeAll(async () => {
  sim = await startSmallSim();
  supervisor = OdooCaller.as(sim, 'supervisor');
});
afterAll(() => sim.close());
beforeEach(() => sim.control.clearFaults());

async function outcome(promise: Promise<unknown>): Promise<'ok' | 'network-error'> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof TypeError) return 'network-error';
    throw error;
  }
}

const createPartner = (name: string): Promise<unknown> => supervisor.call('res.partner', 'create', [{ name, ref: name }]);
const partnersNamed = (name: string): Promise<number> => supervisor.call<number>('res.partner', 'search_count', [[['name', '=', name]]]);

describe('fault injection', () => {
  it('drops the connection before handling: the caller fails and nothing is created', async () => {
    sim.control.failNext('drop-before', 1, { method: 'create' });
    expect(await outcome(createPartner('Dropped before'))).toBe('network-error');
    expect(await partnersNamed('Dropped before')).toBe(0);
  });

  it('drops the connection after the commit: the caller fails but the record exists once', async () => {
    sim.control.failNext('drop-after-commit', 1, { model: 'stock.picking', method: 'create' });
    const [wh] = await supervisor.searchRead<{ out_type_id: [number, string] }>('stock.warehouse', [['code', '=', 'RDC1']], ['out_type_id']);
    const create = supervisor.call('stock.picking', 'create', [{ picking_type_id: wh?.out_type_id[0], origin: 'PLN:lost-response' }]);
    expect(await outcome(create)).toBe('network-error');
    expect(sim.control.countByOrigin('stock.picking', 'PLN:lost-response')).toBe(1);
  });

  it('answers 502 and 503 like a proxy in front of Odoo, and 429 with Retry-After', async () => {
    sim.control.failNext('http-502');
    sim.control.failNext('http-503');
    sim.control.setFaults({ retryAfterSeconds: 7 });
    sim.control.failNext('rate-limit');
    expect((await jsonRpc(sim, 'common', 'version', [])).status).toBe(502);
    expect((await jsonRpc(sim, 'common', 'version', [])).status).toBe(503);
    const limited = await jsonRpc(sim, 'common', 'version', []);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await jsonRpc(sim, 'common', 'version', [])).status).toBe(200);
  });

  it('adds latency to every request', async () => {
    sim.control.setFaults({ latencyMs: 150 });
    const started = performance.now();
    await jsonRpc(sim, 'common', 'version', []);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('draws rate faults from a seeded generator: the same seed fails the same requests', async () => {
    const run = async (): Promise<string[]> => {
      sim.control.setFaults({ seed: 99, rates: { 'http-503': 0.3 } });
      const statuses: string[] = [];
      for (let i = 0; i < 30; i++) statuses.push(String((await jsonRpc(sim, 'common', 'version', [])).status));
      return statuses;
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    const failed = first.filter((status) => status === '503').length;
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(30);
  });

  it('expires sessions: session calls get code 100, API-key calls keep working', async () => {
    const planner = user(sim, 'planner');
    const login = await postJson(`${sim.url}/web/session/authenticate`, { jsonrpc: '2.0', id: 1, params: { db: sim.database, login: 'planner', password: planner.password } });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    // As a queued fault: the next request finds every session gone.
    sim.control.failNext('session-expired');
    const after = await postJson(`${sim.url}/web/dataset/call_kw`, { jsonrpc: '2.0', id: 9, params: { model: 'res.partner', method: 'search_count', args: [[]], kwargs: {} } }, { Cookie: cookie });
    expect(after.body).toMatchObject({ id: null, error: { code: 100, message: 'Odoo Session Expired' } });
    expect(await OdooCaller.as(sim, 'planner').call('res.partner', 'search_count', [[]])).toBeGreaterThan(0);
  });

  it('restarts: connections are cut, new ones are refused for a while, the data is still there', async () => {
    await createPartner('Before restart');
    await sim.control.restart({ downMs: 300 });
    expect(await partnersNamed('Before restart')).toBe(1);
    const down = sim.control.restart({ downMs: 400 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await outcome(jsonRpc(sim, 'common', 'version', []))).toBe('network-error');
    await down;
    expect(await outcome(jsonRpc(sim, 'common', 'version', []))).toBe('ok');
  });

  it('is controlled over HTTP with its own token, and counts records by origin', async () => {
    const control = (body: unknown, token = sim.adminToken): Promise<Response> =>
      fetch(`${sim.url}${sim.controlPath}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Odoo-Sim-Token': token }, body: JSON.stringify(body) });
    expect((await control({ action: 'stats' }, 'wrong')).status).toBe(403);
    expect((await control({ action: 'failNext', kind: 'http-503', count: 1 })).status).toBe(200);
    expect((await jsonRpc(sim, 'common', 'version', [])).status).toBe(503);
    const counted = await control({ action: 'countByOrigin', model: 'stock.picking', origin: 'PLN:lost-response' });
    expect(await counted.json()).toEqual({ ok: true, result: 1 });
    const unknown = await control({ action: 'explode' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toContain('unknown action');
  });
});
