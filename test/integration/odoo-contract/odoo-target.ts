import { startOdooSim, type RunningOdooSim } from '../../../tools/odoo-sim';

/**
 * The Odoo the contract tests talk to: the stand-in by default, or a real server when ODOO_URL,
 * ODOO_DB, ODOO_LOGIN and ODOO_API_KEY are set (reads only, unless ODOO_ALLOW_WRITES=1).
 */
export interface OdooTarget {
  kind: 'stand-in' | 'live';
  url: string;
  database: string;
  login: string;
  apiKey: string;
  allowWrites: boolean;
  close(): Promise<void>;
}

export async function odooTarget(): Promise<OdooTarget> {
  const { ODOO_URL, ODOO_DB, ODOO_LOGIN, ODOO_API_KEY, ODOO_ALLOW_WRITES } = process.env;
  if (ODOO_URL && ODOO_DB && ODOO_LOGIN && ODOO_API_KEY) {
    return { kind: 'live', url: ODOO_URL, database: ODOO_DB, login: ODOO_LOGIN, apiKey: ODOO_API_KEY, allowWrites: ODOO_ALLOW_WRITES === '1', close: async () => {} };
  }
  const sim: RunningOdooSim = await startOdooSim({ port: 0, nodes: 3, skus: 40, seed: 21 });
  const planner = sim.users.find((user) => user.login === 'planner');
  return { kind: 'stand-in', url: sim.url, database: sim.database, login: 'planner', apiKey: planner?.apiKey ?? '', allowWrites: true, close: () => sim.close() };
}
