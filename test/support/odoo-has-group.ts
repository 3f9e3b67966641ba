import type { RunningOdooSim } from '../../tools/odoo-sim';

/**
 * Odoo 17/18's `res.users.has_group(group_ext_id)` (public, callable over RPC on the user's own
 * record; 18 also lets an internal user ask about another), which the stand-in does not serve yet:
 * added to a running stand-in for these tests only, with Odoo's meaning (implied groups count; an
 * unknown XML id is simply not held). The lead can move this into tools/odoo-sim/models/base.ts.
 */
export function teachHasGroup(sim: RunningOdooSim): void {
  const env = sim.control.env();
  const users = env.state.registry.get('res.users');
  if (!users) throw new Error('the stand-in has no res.users');
  users.spec.methods = {
    ...users.spec.methods,
    has_group: {
      kind: 'records',
      params: ['group_ext_id'],
      qualname: 'ResUsers.has_group',
      run: (callEnv, _model, { ids, params }) => {
        const uid = ids[0] ?? callEnv.uid;
        try {
          return callEnv.withUser(uid).hasGroup(String(params.group_ext_id));
        } catch {
          return false;
        }
      },
    },
  };
}
