import { z } from 'zod';
import { OdooText } from '../odoo';
import type { CommandRecord } from './command';
import { byOrigin, type Outcomes, type RoundCommand, type RoundContext } from './round';

const Row = z.object({ id: z.number().int(), name: z.string(), state: z.string(), origin: OdooText });

/**
 * A person cancelled commands that may already have left something in Odoo (a draft made before
 * a replanning, or a create whose answer was lost). Whatever carries their key is cancelled in
 * Odoo first; only then is the command cancelled here. Work already done in Odoo is never undone
 * from here: that command is refused and keeps its state.
 */
export async function cancelInOdoo(ctx: RoundContext, commands: readonly RoundCommand[]): Promise<Outcomes> {
  const outcomes: Outcomes = new Map();
  const model = commands[0]?.payload.kind === 'purchase' ? 'purchase.order' : 'stock.picking';
  const rows = byOrigin(await ctx.client.searchRead(model, [['origin', 'in', commands.map((command) => command.key)]], ['id', 'name', 'state', 'origin'], Row, { order: 'id asc' }));
  // Validated pickings and approved orders are real work in Odoo: never undone from the planner.
  const finished = model === 'purchase.order' ? new Set(['purchase', 'done']) : new Set(['done']);
  const toCancel: number[] = [];
  for (const command of commands) {
    const found = rows.get(command.key) ?? [];
    const done = found.filter((row) => finished.has(row.state));
    if (done.length > 0) {
      outcomes.set(command.id, {
        kind: 'refused',
        records: found.map((row) => recordOf(model, row)),
        message: `${done.map((row) => row.name).join(', ')} is already ${done[0]?.state} in Odoo and is not cancelled from the planner; cancel it in Odoo if it must not happen.`,
      });
      continue;
    }
    toCancel.push(...found.filter((row) => row.state !== 'cancel').map((row) => row.id));
  }
  if (toCancel.length > 0) {
    // purchase.order.button_cancel returns None (no `result` on JSON-RPC); pickings return true.
    await ctx.client.callOnRecords(model, model === 'purchase.order' ? 'button_cancel' : 'action_cancel', toCancel, z.unknown());
  }
  for (const command of commands) {
    if (outcomes.has(command.id)) continue;
    const found = rows.get(command.key) ?? [];
    const records = found.map((row) => recordOf(model, { ...row, state: 'cancel' }));
    outcomes.set(command.id, { kind: 'cancelled', records, message: records.length > 0 ? `Cancelled in Odoo: ${records.map((record) => record.name).join(', ')}.` : 'Nothing of it had reached Odoo.' });
  }
  return outcomes;
}

function recordOf(model: string, row: z.infer<typeof Row>): CommandRecord {
  return { model, id: row.id, name: row.name, role: model === 'purchase.order' ? 'order' : 'picking', state: row.state };
}
