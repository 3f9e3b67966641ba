import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlannerApi } from '../../../shared/ipc';
import type { RunningOdooSim } from '../../../tools/odoo-sim';
import { startSmallSim, user } from '../odoo-sim/start-small';
import { createWebSocketBridge } from '../../../renderer/src/bridge/websocket-bridge';
import { startHeadlessPlanner, type HeadlessProcess } from '../../support/headless-process';
import { makeTempDir } from '../../support/temp-dir';
import { browserWebSocket } from '../../support/transports';

/** The Odoo stand-in's key for its planner user: a real key that a real sync authenticates with. */
let API_KEY = '';

/** Every file under a folder, recursively, as bytes. */
function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, bytes: readFileSync(path) }];
  });
}

/** The key as written, and in the encodings a careless write would use. */
function holdsKey(bytes: Buffer): string[] {
  const forms: [string, Buffer][] = [
    ['as written', Buffer.from(API_KEY)],
    ['base64', Buffer.from(Buffer.from(API_KEY).toString('base64'))],
    ['hex', Buffer.from(Buffer.from(API_KEY).toString('hex'))],
    ['UTF-16', Buffer.from(API_KEY, 'utf16le')],
  ];
  return forms.filter(([, form]) => bytes.includes(form)).map(([name]) => name);
}

async function connect(host: HeadlessProcess): Promise<{ api: PlannerApi; raw(channel: string, request: unknown): Promise<unknown>; close(): void }> {
  const previous = globalThis.WebSocket;
  globalThis.WebSocket = browserWebSocket(host.origin);
  const api = createWebSocketBridge(`ws://${new URL(host.origin).host}/ipc`, host.token);
  // The bridge opens its socket on the first request, with whichever WebSocket is global then.
  await api.invoke('app.describe', {});
  globalThis.WebSocket = previous;
  const socket = new WebSocket(`ws://${new URL(host.origin).host}/ipc`, ['planner.v1', `token.${host.token}`], { origin: host.origin });
  const opened = new Promise((resolve) => socket.once('open', resolve));
  let id = 50_000;
  return {
    api,
    async raw(channel, request) {
      await opened;
      const mine = id++;
      return new Promise((resolve) => {
        const onMessage = (data: WebSocket.RawData): void => {
          const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
          if (message.id === mine) {
            socket.off('message', onMessage);
            resolve(message.result);
          }
        };
        socket.on('message', onMessage);
        socket.send(JSON.stringify({ id: mine, channel, request }));
      });
    },
    close: () => socket.close(),
  };
}

describe('the Odoo API key, over a whole session', () => {
  let sim: RunningOdooSim;
  beforeAll(async () => {
    sim = await startSmallSim();
    API_KEY = user(sim, 'planner').apiKey;
  });
  const data = makeTempDir('secret-scan');
  const keys = makeTempDir('secret-scan-keys');
  const env = { PLANNER_KEY_DIR: keys.path, PLANNER_LOG_LEVEL: 'debug' };
  const args = ['--demo-nodes', '4', '--demo-skus', '80'];
  const hosts: HeadlessProcess[] = [];
  afterAll(async () => {
    for (const host of hosts) await host.stop();
    await sim?.close();
    data.remove();
    keys.remove();
  });

  it('never appears in the data directory, the logs, the process output or any answer to the screen', async () => {
    const answers: unknown[] = [];
    const first = await startHeadlessPlanner(data.path, args, env);
    hosts.push(first);
    const session = await connect(first);
    const call = async <T>(promise: Promise<T>): Promise<T> => {
      const value = await promise;
      answers.push(value);
      return value;
    };

    // A planner's day with what exists so far: who am I, the connection, the key, a sync from the
    // Odoo stand-in, the network, the stock.
    await call(session.api.invoke('app.describe', {}));
    await call(session.api.invoke('identity.chooseDemoUser', { login: 'carla.finance' }));
    await call(session.api.invoke('settings.changeOdooConnection', { url: sim.url, database: sim.database, login: 'planner', reason: 'the stand-in', confirmed: true }));
    const saved = await call(session.api.invoke('secrets.saveOdooApiKey', { apiKey: API_KEY }));
    expect(saved.apiKey.stored).toBe(true);
    await call(session.api.invoke('odoo.testConnection', {}));
    const finished = new Promise<{ outcome: string }>((resolve) => {
      const stop = session.api.subscribe('sync.finished', (event) => {
        stop();
        resolve(event);
      });
    });
    await call(session.api.invoke('sync.start', {}));
    await expect(finished).resolves.toMatchObject({ outcome: 'done' });
    await call(session.api.invoke('sync.status', {}));
    expect((await call(session.api.invoke('app.describe', {}))).mode).toBe('odoo');
    await call(session.api.invoke('network.summary', {}));
    const page = await call(session.api.invoke('stock.query', { filter: {}, sort: [{ column: 'firstShortageDay', direction: 'asc' }], offset: 0, limit: 200 }));
    await call(session.api.invoke('stock.rows', { keys: page.rows.slice(0, 5).map((row) => ({ nodeId: row.nodeId, skuId: row.skuId })) }));
    // Plan, submit for approval (small transfers are approved by the matrix at once), push to Odoo,
    // and carry the signed batch through Odoo: every path that talks to Odoo with the key.
    const run = await call(session.api.invoke('replenishment.run', { target: { kind: 'baseline' } }));
    const transfers = await call(session.api.invoke('replenishment.page', { resultId: run.resultId, filter: { kind: 'transfer' }, offset: 0, limit: 3 }));
    const purchases = await call(session.api.invoke('replenishment.page', { resultId: run.resultId, filter: { kind: 'purchase' }, offset: 0, limit: 1 }));
    const submitted = await call(
      session.api.invoke('approvals.submitFromReplenishment', { resultId: run.resultId, proposalIds: [...transfers.rows, ...purchases.rows].map((row) => row.id), note: 'secret scan' }),
    );
    expect(submitted.autoApproved).toBeGreaterThan(0);
    await expect.poll(async () => (await call(session.api.invoke('outbox.list', { statuses: ['done'], batchId: submitted.batchId }))).total, { timeout: 30_000 }).toBe(submitted.autoApproved);
    await call(session.api.invoke('approvals.publishToOdoo', { batchId: submitted.batchId, what: 'batch' }));
    await call(session.api.invoke('approvals.fetchFromOdoo', {}));
    await call(session.api.invoke('approvals.inbox', { state: 'all' }));
    await call(session.api.invoke('audit.list', { limit: 200 }));
    // A wrong key is refused by Odoo; the refusal does not echo the key either.
    await call(session.api.invoke('secrets.saveOdooApiKey', { apiKey: `${API_KEY.slice(0, -4)}0000` }));
    const refused = await session.raw('odoo.testConnection', {});
    expect(refused).toMatchObject({ ok: false });
    answers.push(refused);
    await call(session.api.invoke('secrets.saveOdooApiKey', { apiKey: API_KEY }));
    // Moving to another server drops the key; entering it again keeps it for the next start.
    await call(session.api.invoke('settings.changeOdooConnection', { url: 'https://odoo.staging.example', database: 'planner-demo', login: 'planner', reason: 'staging', confirmed: true }));
    await call(session.api.invoke('settings.resetOdooConnection', { confirmed: true }));
    await call(session.api.invoke('settings.changeOdooConnection', { url: sim.url, database: sim.database, login: 'planner', reason: null, confirmed: true }));
    await call(session.api.invoke('secrets.saveOdooApiKey', { apiKey: API_KEY }));
    await call(session.api.invoke('settings.describe', {}));

    // Careless or hostile input that carries the key where no key belongs.
    answers.push(await session.raw(API_KEY, {}));
    answers.push(await session.raw('secrets.saveOdooApiKey', { apiKey: API_KEY, echo: API_KEY }));
    answers.push(await session.raw('settings.changeOdooConnection', { url: `https://${API_KEY}@evil.example`, database: 'x', login: API_KEY, reason: API_KEY, confirmed: true }));
    answers.push(await session.raw('stock.query', { filter: { skuText: API_KEY }, sort: [], offset: 0, limit: 5 }));
    session.close();
    expect(await first.stop()).toBe(0);

    // After a restart the key is still there: the scan below is not of an empty store.
    const second = await startHeadlessPlanner(data.path, args, env);
    hosts.push(second);
    const again = await connect(second);
    const settings = await call(again.api.invoke('settings.describe', {}));
    expect(settings.apiKey).toMatchObject({ stored: true, storage: 'encrypted-file' });
    answers.push(await again.raw(API_KEY, {}));
    again.close();
    expect(await second.stop()).toBe(0);

    const files = filesUnder(data.path);
    expect(files.map((file) => file.path.slice(data.path.length + 1)).sort()).toEqual(expect.arrayContaining(['cache.db', 'logs/planner.log', 'secrets.enc.json', 'settings.json']));
    const log = readFileSync(join(data.path, 'logs', 'planner.log'), 'utf8');
    expect(log).toContain('an Odoo API key was stored');
    expect(log).toContain('refused a request on a channel outside the contract');
    expect(files.flatMap((file) => holdsKey(file.bytes).map((form) => `${file.path}: ${form}`))).toEqual([]);
    expect(holdsKey(Buffer.from(first.output() + second.output()))).toEqual([]);
    expect(answers.filter((answer) => holdsKey(Buffer.from(JSON.stringify(answer))).length > 0)).toEqual([]);
    // The key that unlocks the secrets file lives elsewhere, and is not the API key either.
    expect(filesUnder(keys.path).flatMap((file) => holdsKey(file.bytes))).toEqual([]);
    expect(files.some((file) => file.path.endsWith('.key'))).toBe(false);
  });
});
