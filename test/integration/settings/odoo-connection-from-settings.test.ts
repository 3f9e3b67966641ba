import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningOdooSim } from '../../../tools/odoo-sim';
import { startSmallSim, user } from '../odoo-sim/start-small';
import { startTestPlanner, type TestPlanner } from '../../support/planner-fixture';
import { electronTransport, type Transport } from '../../support/transports';

describe('the Odoo connection the sync uses is the one in Settings', () => {
  let sim: RunningOdooSim;
  let planner: TestPlanner;
  let transport: Transport;
  let elsewhere: Server;
  const reachedElsewhere: string[] = [];

  beforeAll(async () => {
    sim = await startSmallSim();
    planner = await startTestPlanner({ nodes: 3, skus: 30 });
    transport = electronTransport(planner.services);
    // Another server someone might point the planner at: it records whatever reaches it.
    elsewhere = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        reachedElsewhere.push(body);
        response.writeHead(502).end();
      });
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', () => resolve()));
  });
  afterAll(async () => {
    await transport.close();
    await planner.stop();
    await sim.close();
    await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
  });

  it('is not usable until a login and a key are set', async () => {
    await expect(transport.api.invoke('odoo.testConnection', {})).rejects.toMatchObject({ code: 'not-ready' });
    await transport.api.invoke('settings.changeOdooConnection', { url: sim.url, database: sim.database, login: 'planner', reason: 'the local stand-in', confirmed: true });
    await expect(transport.api.invoke('odoo.testConnection', {})).rejects.toMatchObject({ code: 'not-ready' });
  });

  it('reaches the server, database and login from Settings with the stored key', async () => {
    await transport.api.invoke('secrets.saveOdooApiKey', { apiKey: user(sim, 'planner').apiKey });
    const check = await transport.api.invoke('odoo.testConnection', {});
    expect(check).toMatchObject({ database: sim.database, login: 'planner' });
  });

  it('never sends the key to a server it was not entered for', async () => {
    const url = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    const moved = await transport.api.invoke('settings.changeOdooConnection', { url, database: sim.database, login: 'planner', reason: null, confirmed: true });
    expect(moved.apiKey.stored).toBe(false);
    await expect(transport.api.invoke('odoo.testConnection', {})).rejects.toMatchObject({ code: 'not-ready' });
    expect(reachedElsewhere).toEqual([]);
  });

  it('syncs from it; Odoo says who is at the desk, and demo users are gone', async () => {
    await transport.api.invoke('settings.changeOdooConnection', { url: sim.url, database: sim.database, login: 'planner', reason: null, confirmed: true });
    await transport.api.invoke('secrets.saveOdooApiKey', { apiKey: user(sim, 'planner').apiKey });
    const finished = new Promise<{ outcome: string; message: string }>((resolve) => {
      const stop = transport.api.subscribe('sync.finished', (event) => {
        stop();
        resolve(event);
      });
    });
    await expect(transport.api.invoke('sync.start', {})).resolves.toEqual({ started: true });
    await expect(finished).resolves.toMatchObject({ outcome: 'done' });
    const description = await transport.api.invoke('app.describe', {});
    expect(description.mode).toBe('odoo');
    // The key was verified as it was saved: the planner is Pat Planner by Odoo's groups, and sees costs.
    await expect.poll(async () => (await transport.api.invoke('app.describe', {})).user, { timeout: 30_000 }).toEqual({ login: 'planner', name: 'Pat Planner', seesCosts: true });
    const summary = await transport.api.invoke('network.summary', {});
    expect(summary.totals.valueAtRisk).not.toBeNull();
    expect((await transport.api.invoke('settings.describe', {})).demoUsers).toEqual([]);
    await expect(transport.api.invoke('identity.chooseDemoUser', { login: 'anna.planner' })).rejects.toMatchObject({ code: 'conflict' });
  });
});
