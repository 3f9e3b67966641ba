import { z } from 'zod';
import { OdooClient } from './electron/services/odoo';
import { startOdooSim } from './tools/odoo-sim';
const sim = await startOdooSim({ port: 0, nodes: 25, skus: 20_000, seed: 42 });
const planner = sim.users.find((u) => u.login === 'planner')!;
const c = new OdooClient({ url: sim.url, database: sim.database, login: 'planner', apiKey: planner.apiKey }, { timeoutMs: 300_000 });
await c.connect();
const t = async (label: string, f: () => Promise<unknown>) => { const s = performance.now(); const r = await f(); console.log(label, Math.round(performance.now() - s), 'ms', Array.isArray(r) ? r.length : r); };
const since = '2099-01-01 00:00:00';
for (let k = 0; k < 2; k++) {
  for (const m of ['stock.quant', 'stock.warehouse.orderpoint', 'stock.move']) {
    await t(m + ' written no order', () => c.search(m, [['write_date', '>=', since]], { context: { active_test: false } }));
    await t(m + ' written ordered', () => c.search(m, [['write_date', '>=', since]], { order: 'write_date asc, id asc', context: { active_test: false } }));
    await t(m + ' count', () => c.searchCount(m, m === 'stock.quant' ? [['location_id.usage', '=', 'internal']] : []));
  }
}
await sim.close();
