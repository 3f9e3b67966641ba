import { z } from 'zod';
import { OdooClient } from './electron/services/odoo';
import { startOdooSim } from './tools/odoo-sim';
const sim = await startOdooSim({ port: 0, nodes: 25, skus: 20_000, seed: 42 });
const planner = sim.users.find((u) => u.login === 'planner')!;
const c = new OdooClient({ url: sim.url, database: sim.database, login: 'planner', apiKey: planner.apiKey }, { timeoutMs: 300_000 });
await c.connect();
const t = async (label: string, f: () => Promise<unknown>) => { const s = performance.now(); const r = await f(); console.log(label, Math.round(performance.now() - s), 'ms', Array.isArray(r) ? r.length : r); };
const moveBase = [['state', 'in', ['waiting','confirmed','partially_available','assigned']], '|', '|', ['location_final_id.usage', '=', 'internal'], ['location_id.usage', '=', 'internal'], ['location_dest_id.usage', '=', 'internal']];
for (let k = 0; k < 2; k++) {
await t('quant ids', () => c.search('stock.quant', [['location_id.usage', '=', 'internal']]));
await t('quant count', () => c.searchCount('stock.quant', [['location_id.usage', '=', 'internal']]));
await t('orderpoint ids', () => c.search('stock.warehouse.orderpoint', []));
await t('orderpoint count', () => c.searchCount('stock.warehouse.orderpoint', []));
await t('move ids', () => c.search('stock.move', moveBase));
await t('move count', () => c.searchCount('stock.move', moveBase));
await t('quant window', () => c.executeKw('stock.quant', 'search_read', [[['location_id.usage', '=', 'internal'], ['write_date', '>=', '2099-01-01 00:00:00']]], { fields: ['write_date'], order: 'write_date asc, id asc', limit: 20000 }, z.array(z.unknown())));
await t('orderpoint window', () => c.executeKw('stock.warehouse.orderpoint', 'search_read', [[['write_date', '>=', '2099-01-01 00:00:00']]], { fields: ['write_date'], order: 'write_date asc, id asc', limit: 20000 }, z.array(z.unknown())));
await t('move window', () => c.executeKw('stock.move', 'search_read', [[...moveBase, ['write_date', '>=', '2099-01-01 00:00:00']]], { fields: ['write_date'], order: 'write_date asc, id asc', limit: 20000 }, z.array(z.unknown())));
}
await sim.close();
