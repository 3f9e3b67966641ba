import { z } from 'zod';
import type { RegionProfile } from '../../../shared/domain';
import { isOdooError, type OdooClient } from '../odoo';

/** Every Odoo group (XML id) the region's roles are mapped from. */
export function groupsNamedBy(profile: RegionProfile): string[] {
  return [...new Set(profile.roles.flatMap((role) => role.odooGroups))].sort();
}

/** The region roles a set of held groups gives: a role is held when the user is in any one of its groups. */
export function rolesFromGroups(profile: RegionProfile, groups: readonly string[]): string[] {
  const held = new Set(groups);
  return profile.roles.filter((role) => role.odooGroups.some((group) => held.has(group))).map((role) => role.code);
}

export class GroupsUnknownError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GroupsUnknownError';
  }
}

function methodMissing(error: unknown): boolean {
  return isOdooError(error) && ((error.odooName ?? '').endsWith('AttributeError') || /does not exist/.test(error.odooMessage ?? error.message));
}

/**
 * Which of `xmlIds` user `uid` belongs to, implied groups included. `res.groups` names are not XML
 * ids (two groups are both called "Administrator"), so membership is asked by XML id:
 * - `res.users.has_group(xmlId)` on the user's own record: public and callable over RPC on Odoo 17
 *   and 18 (18 lets an internal user ask about another user too); it follows implied groups;
 * - where a server does not offer it, the group ids behind the XML ids
 *   from `ir.model.data` (readable by Access Rights administrators only on 17/18) and the user's
 *   `groups_id` with their `implied_ids` closure.
 * Anything else fails with the reason: guessing groups from names would hand out roles.
 */
export async function groupsHeld(client: OdooClient, uid: number, xmlIds: readonly string[]): Promise<string[]> {
  if (xmlIds.length === 0) return [];
  try {
    const held: string[] = [];
    for (const xmlId of xmlIds) {
      if (await client.executeKw('res.users', 'has_group', [[uid], xmlId], {}, z.boolean())) held.push(xmlId);
    }
    return held;
  } catch (error) {
    if (!methodMissing(error)) throw error;
  }
  return groupsFromModelData(client, uid, xmlIds);
}

async function groupsFromModelData(client: OdooClient, uid: number, xmlIds: readonly string[]): Promise<string[]> {
  const names = xmlIds.map((xmlId) => xmlId.split('.')[1] ?? '');
  let rows: { module: string; name: string; res_id: number }[];
  try {
    rows = await client.searchRead(
      'ir.model.data',
      [['model', '=', 'res.groups'], ['name', 'in', names]],
      ['module', 'name', 'res_id'],
      z.object({ module: z.string(), name: z.string(), res_id: z.number().int() }),
    );
  } catch (error) {
    if (isOdooError(error) && error.kind === 'access-denied') {
      throw new GroupsUnknownError(
        'This Odoo server does not answer res.users.has_group, and your user may not read external ids (ir.model.data), so your groups cannot be checked. Ask your Odoo administrator.',
      );
    }
    throw error;
  }
  const idOf = new Map(rows.map((row) => [`${row.module}.${row.name}`, row.res_id]));
  const [user] = await client.read('res.users', [uid], ['groups_id'], z.object({ groups_id: z.array(z.number().int()) }));
  const closure = new Set<number>();
  let frontier = user?.groups_id ?? [];
  while (frontier.length > 0) {
    const fresh = frontier.filter((id) => !closure.has(id));
    fresh.forEach((id) => closure.add(id));
    if (fresh.length === 0) break;
    const groups = await client.read('res.groups', fresh, ['implied_ids'], z.object({ implied_ids: z.array(z.number().int()) }));
    frontier = groups.flatMap((group) => group.implied_ids);
  }
  return xmlIds.filter((xmlId) => {
    const id = idOf.get(xmlId);
    return id !== undefined && closure.has(id);
  });
}
