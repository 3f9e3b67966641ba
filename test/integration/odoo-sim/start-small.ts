import { startOdooSim, type OdooSimOptions, type RunningOdooSim } from '../../../tools/odoo-sim';

/** A small stand-in (3 warehouses × 30 products) on a random port, day 0 fixed for stable dates. */
export function startSmallSim(options: OdooSimOptions = {}): Promise<RunningOdooSim> {
  return startOdooSim({ port: 0, seed: 7, nodes: 3, skus: 30, dayZero: '2026-03-02', tz: 'Europe/Amsterdam', ...options });
}

export function user(sim: RunningOdooSim, login: string) {
  const found = sim.users.find((candidate) => candidate.login === login);
  if (!found) throw new Error(`no demo user ${login}`);
  return found;
}
