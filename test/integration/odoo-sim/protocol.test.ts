import { createRequire } from 'node:module';
import xmlrpc from 'xmlrpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningOdooSim } from '../../../tools/odoo-sim';
import { jsonRpc, OdooCaller, postJson } from './odoo-rpc';
import { startSmallSim, user } from './start-small';

type XmlFault = Error & { faultCode?: number | string; faultString?: string };

function xmlCall(sim: RunningOdooSim, path: string, method: string, params: unknown[]): Promise<unknown> {
  const url = new URL(sim.url);
  const client = xmlrpc.createClient({ host: url.hostname, port: Number(url.port), path });
  return new Promise((resolve, reject) => client.methodCall(method, params, (error, value) => (error ? reject(error as XmlFault) : resolve(value))));
}

async function xmlFault(promise: Promise<unknown>): Promise<XmlFault> {
  try {
    await promise;
  } catch (error) {
    return error as XmlFault;
  }
  throw new Error('expected an XML-RPC fault');
}

let sim: RunningOdooSim;
beforeAll(async () => {
  sim = await startSmallSim();
});
afterAll(() => sim.close());

describe('JSON-RPC at /jsonrpc', () => {
  it('answers common.version like Odoo 18', async () => {
    const reply = await jsonRpc(sim, 'common', 'version', []);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ jsonrpc: '2.0', id: 1, result: { server_version: '18.0', server_version_info: [18, 0, 0, 'final', 0, ''], server_serie: '18.0', protocol_version: 1 } });
  });

  it('authenticates with the password or an API key, and returns false (not an error) for a wrong secret', async () => {
    const planner = user(sim, 'planner');
    expect((await jsonRpc(sim, 'common', 'authenticate', [sim.database, 'planner', planner.password, {}])).body.result).toBe(planner.uid);
    expect((await jsonRpc(sim, 'common', 'authenticate', [sim.database, 'planner', planner.apiKey, {}])).body.result).toBe(planner.uid);
    expect((await jsonRpc(sim, 'common', 'login', [sim.database, 'planner', planner.apiKey])).body.result).toBe(planner.uid);
    const wrong = await jsonRpc(sim, 'common', 'authenticate', [sim.database, 'planner', 'not-the-key', {}]);
    expect(wrong.body).toEqual({ jsonrpc: '2.0', id: 1, result: false });
  });

  it('lists the one database', async () => {
    expect((await jsonRpc(sim, 'db', 'list', [])).body.result).toEqual([sim.database]);
  });

  it('refuses object calls with a wrong key with AccessDenied in the exact envelope', async () => {
    const reply = await jsonRpc(sim, 'object', 'execute_kw', [sim.database, user(sim, 'planner').uid, 'wrong', 'stock.warehouse', 'search', [[]]]);
    expect(reply.status).toBe(200);
    expect(reply.body.error).toMatchObject({ code: 200, message: 'Odoo Server Error', data: { name: 'odoo.exceptions.AccessDenied', message: 'Access Denied', arguments: ['Access Denied'], context: {} } });
    expect(typeof reply.body.error?.data.debug).toBe('string');
    expect(reply.body).not.toHaveProperty('result');
  });

  it('answers malformed JSON with HTTP 400 plain text, and a non-object body with "Invalid JSON-RPC data"', async () => {
    const broken = await fetch(`${sim.url}/jsonrpc`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"jsonrpc": "2.0", ' });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toBe('Invalid JSON data');
    const array = await fetch(`${sim.url}/jsonrpc`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[1, 2]' });
    expect(array.status).toBe(400);
    expect(await array.text()).toBe('Invalid JSON-RPC data');
  });

  it('omits `result` when the method returns None (purchase.order.button_cancel)', async () => {
    const supervisor = OdooCaller.as(sim, 'supervisor');
    const [order] = await supervisor.searchRead<{ id: number }>('purchase.order', [['state', '=', 'purchase']], ['id'], { limit: 1 });
    const reply = await supervisor.raw('purchase.order', 'button_cancel', [[order?.id]]);
    expect(reply.body).toEqual({ jsonrpc: '2.0', id: 1 });
    expect(await supervisor.searchRead('purchase.order', [['id', '=', order?.id]], ['state'])).toEqual([{ id: order?.id, state: 'cancel' }]);
  });

  it('keeps the request id, whatever its type', async () => {
    const reply = await postJson(`${sim.url}/jsonrpc`, { jsonrpc: '2.0', id: 'abc-1', params: { service: 'common', method: 'version', args: [] } });
    expect(reply.body.id).toBe('abc-1');
  });

  it('fails an unknown service with KeyError and an unknown common method with "Method not found"', async () => {
    expect((await jsonRpc(sim, 'nope', 'version', [])).body.error?.data).toMatchObject({ name: 'builtins.KeyError', message: 'nope' });
    expect((await jsonRpc(sim, 'common', 'nope', [])).body.error?.data).toMatchObject({ name: 'builtins.Exception', message: 'Method not found: nope' });
  });

  it('serves /web/webclient/version_info', async () => {
    const reply = await postJson(`${sim.url}/web/webclient/version_info`, { jsonrpc: '2.0', id: 3, params: {} });
    expect(reply.body.result).toMatchObject({ server_version: '18.0', protocol_version: 1 });
  });

  it('answers an unknown JSON route with the 404 JSON-RPC error', async () => {
    const reply = await postJson(`${sim.url}/web/nothing/here`, { jsonrpc: '2.0', id: 4, params: {} });
    expect(reply.body.error).toMatchObject({ code: 404, message: '404: Not Found', data: { name: 'werkzeug.exceptions.NotFound' } });
  });
});

describe('session routes', () => {
  it('logs in with the password, then calls call_kw with the session cookie', async () => {
    const planner = user(sim, 'planner');
    const login = await postJson(`${sim.url}/web/session/authenticate`, { jsonrpc: '2.0', id: 1, params: { db: sim.database, login: 'planner', password: planner.password } });
    expect(login.body.result).toMatchObject({ uid: planner.uid, db: sim.database, username: 'planner', is_internal_user: true, server_version_info: [18, 0, 0, 'final', 0, ''] });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^session_id=\w+/);
    const info = await postJson(`${sim.url}/web/session/get_session_info`, { jsonrpc: '2.0', id: 2, params: {} }, { Cookie: cookie });
    expect(info.body.result).toMatchObject({ uid: planner.uid });
    const count = await postJson(`${sim.url}/web/dataset/call_kw/stock.warehouse/search_count`, { jsonrpc: '2.0', id: 3, params: { model: 'stock.warehouse', method: 'search_count', args: [[]], kwargs: {} } }, { Cookie: cookie });
    expect(count.body.result).toBe(3);
    const destroyed = await postJson(`${sim.url}/web/session/destroy`, { jsonrpc: '2.0', id: 4, params: {} }, { Cookie: cookie });
    expect(destroyed.body).toEqual({ jsonrpc: '2.0', id: 4 });
    const after = await postJson(`${sim.url}/web/dataset/call_kw`, { jsonrpc: '2.0', id: 5, params: { model: 'stock.warehouse', method: 'search_count', args: [[]], kwargs: {} } }, { Cookie: cookie });
    expect(after.body.error).toMatchObject({ code: 100, message: 'Odoo Session Expired', data: { name: 'odoo.http.SessionExpiredException' } });
  });

  it('refuses an API key at the interactive login with AccessDenied (not false)', async () => {
    const reply = await postJson(`${sim.url}/web/session/authenticate`, { jsonrpc: '2.0', id: 1, params: { db: sim.database, login: 'planner', password: user(sim, 'planner').apiKey } });
    expect(reply.body.error?.data).toMatchObject({ name: 'odoo.exceptions.AccessDenied', message: 'Access Denied' });
  });
});

describe('login cooldown', () => {
  it('refuses web logins for a while after 10 failures from one address, but never rate-limits RPC', async () => {
    const own = await startSmallSim();
    try {
      const login = (password: string) => postJson(`${own.url}/web/session/authenticate`, { jsonrpc: '2.0', id: 1, params: { db: own.database, login: 'planner', password } });
      for (let i = 0; i < 10; i++) expect((await login('wrong')).body.error?.data.message).toBe('Access Denied');
      expect((await login(user(own, 'planner').password)).body.error?.data).toMatchObject({ name: 'odoo.exceptions.AccessDenied', message: 'Too many login failures, please wait a bit before trying again.' });
      expect((await jsonRpc(own, 'common', 'authenticate', [own.database, 'planner', user(own, 'planner').apiKey, {}])).body.result).toBe(user(own, 'planner').uid);
    } finally {
      await own.close();
    }
  });
});

describe('XML-RPC at /xmlrpc/2 through the xmlrpc package', () => {
  it('answers version, authenticate and execute_kw', async () => {
    const planner = user(sim, 'planner');
    expect(await xmlCall(sim, '/xmlrpc/2/common', 'version', [])).toMatchObject({ server_serie: '18.0' });
    expect(await xmlCall(sim, '/xmlrpc/2/common', 'authenticate', [sim.database, 'planner', planner.apiKey, {}])).toBe(planner.uid);
    expect(await xmlCall(sim, '/xmlrpc/2/common', 'authenticate', [sim.database, 'planner', 'wrong', {}])).toBe(false);
    const warehouses = (await xmlCall(sim, '/xmlrpc/2/object', 'execute_kw', [sim.database, planner.uid, planner.apiKey, 'stock.warehouse', 'search_read', [[]], { fields: ['code', 'lot_stock_id'], order: 'id' }])) as { code: string; lot_stock_id: [number, string] }[];
    expect(warehouses.map((wh) => wh.code)).toEqual(['RDC1', 'FSL01', 'TPL1']);
    expect(warehouses[0]?.lot_stock_id[1]).toBe('RDC1/Stock');
  });

  it('returns Odoo integer fault codes: 3 AccessDenied, 4 AccessError, 2 UserError, 1 anything else', async () => {
    const readonly = user(sim, 'readonly');
    expect((await xmlFault(xmlCall(sim, '/xmlrpc/2/object', 'execute_kw', [sim.database, readonly.uid, 'bad', 'stock.warehouse', 'search', [[]]]))).faultCode).toBe(3);
    const denied = await xmlFault(xmlCall(sim, '/xmlrpc/2/object', 'execute_kw', [sim.database, readonly.uid, readonly.apiKey, 'sale.order', 'search', [[]]]));
    expect(denied.faultCode).toBe(4);
    expect(denied.faultString).toContain("You are not allowed to access 'Sales Order' (sale.order) records.");
    const nothing = await xmlFault(xmlCall(sim, '/xmlrpc/2/object', 'execute_kw', [sim.database, readonly.uid, readonly.apiKey, 'no.such.model', 'search', [[]]]));
    expect(nothing).toMatchObject({ faultCode: 2, faultString: "Object no.such.model doesn't exist" });
    const unknownMethod = await xmlFault(xmlCall(sim, '/xmlrpc/2/object', 'execute_kw', [sim.database, readonly.uid, readonly.apiKey, 'stock.warehouse', 'frobnicate', [[]]]));
    expect(unknownMethod.faultCode).toBe(1);
    expect(unknownMethod.faultString).toContain("AttributeError: The method 'stock.warehouse.frobnicate' does not exist");
  });

  it('faults on a None result after committing the work (button_cancel), as a real 18 does', async () => {
    const supervisor = user(sim, 'supervisor');
    const caller = OdooCaller.as(sim, 'supervisor');
    const [order] = await caller.searchRead<{ id: number }>('purchase.order', [['state', '=', 'purchase']], ['id'], { limit: 1 });
    const fault = await xmlFault(xmlCall(sim, '/xmlrpc/2/object', 'execute_kw', [sim.database, supervisor.uid, supervisor.apiKey, 'purchase.order', 'button_cancel', [[order?.id]]]));
    expect(fault.faultCode).toBe(1);
    expect(fault.faultString).toContain('cannot marshal None unless allow_none is enabled');
    expect(await caller.searchRead('purchase.order', [['id', '=', order?.id]], ['state'])).toEqual([{ id: order?.id, state: 'cancel' }]);
  });

  it('sends float fields as <double> and datetimes as plain strings, like the Odoo marshaller', async () => {
    const require = createRequire(import.meta.url);
    const serializer = require('xmlrpc/lib/serializer') as { serializeMethodCall(method: string, params: unknown[]): string };
    const planner = user(sim, 'planner');
    const body = serializer.serializeMethodCall('execute_kw', [sim.database, planner.uid, planner.apiKey, 'stock.quant', 'search_read', [[]], { fields: ['quantity', 'write_date'], limit: 1 }]);
    const xml = await (await fetch(`${sim.url}/xmlrpc/2/object`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body })).text();
    expect(xml).toMatch(/<name>quantity<\/name><value><double>-?\d+\.\d+<\/double><\/value>/);
    expect(xml).toMatch(/<name>write_date<\/name><value><string>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}<\/string><\/value>/);
  });

  it('keeps the legacy string fault codes at /xmlrpc/<service>', async () => {
    const readonly = user(sim, 'readonly');
    const fault = await xmlFault(xmlCall(sim, '/xmlrpc/object', 'execute_kw', [sim.database, readonly.uid, readonly.apiKey, 'sale.order', 'search', [[]]]));
    expect(String(fault.faultCode)).toMatch(/^warning -- AccessError\n\nYou are not allowed to access/);
  });
});

describe('a third-party client library', () => {
  it('odoo-await logs in and reads through XML-RPC unmodified', async () => {
    const require = createRequire(import.meta.url);
    const Odoo = require('odoo-await') as new (options: { baseUrl: string; port?: number; db: string; username: string; password: string }) => {
      connect(): Promise<number>;
      searchRead<T>(model: string, domain: unknown, fields: string[], options?: Record<string, unknown>): Promise<T[]>;
      create(model: string, values: Record<string, unknown>): Promise<number>;
    };
    const url = new URL(sim.url);
    const odoo = new Odoo({ baseUrl: `${url.protocol}//${url.hostname}`, port: Number(url.port), db: sim.database, username: 'supervisor', password: user(sim, 'supervisor').apiKey });
    expect(await odoo.connect()).toBe(user(sim, 'supervisor').uid);
    const warehouses = await odoo.searchRead<{ code: string }>('stock.warehouse', [], ['code']);
    expect(warehouses.map((wh) => wh.code).sort()).toEqual(['FSL01', 'RDC1', 'TPL1']);
    const partner = await odoo.create('res.partner', { name: 'Created by odoo-await' });
    expect(typeof partner).toBe('number');
  });
});
