import type { RunningOdooSim } from '../../tools/odoo-sim';

/**
 * Takes `res.users.has_group` away from a running stand-in, as on a server that refuses it (a
 * customised Odoo): the identity check must then fall back to reading XML ids, or say why it cannot.
 * Returns what puts it back.
 */
export function forgetHasGroup(sim: RunningOdooSim): () => void {
  const users = sim.control.env().state.registry.get('res.users');
  if (!users) throw new Error('the stand-in has no res.users');
  const methods = users.spec.methods ?? {};
  const { has_group: kept, ...others } = methods;
  users.spec.methods = others;
  return () => {
    users.spec.methods = { ...others, ...(kept ? { has_group: kept } : {}) };
  };
}
