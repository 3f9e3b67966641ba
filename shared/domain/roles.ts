import { z } from 'zod';

export const RoleCode = z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, 'role codes are lower-case, like "regional-ops"');

/**
 * A role in the region's governance, and how a user gets it: Odoo groups (by XML id, e.g.
 * "stock.group_stock_manager") map to roles; a user holds every role one of whose groups they are in.
 */
export const Role = z.strictObject({
  code: RoleCode,
  name: z.string().min(1),
  odooGroups: z.array(z.string().regex(/^[a-z0-9_]+\.[a-z0-9_]+$/, 'Odoo groups are XML ids like "stock.group_stock_manager"')).min(1),
  /** Unit costs, prices, margins and every figure made from them are shown only to these roles. */
  seesCosts: z.boolean(),
});
export type Role = z.infer<typeof Role>;

/** Who can be chosen in the demo, where no Odoo login says who is at the desk. */
export const DemoUser = z.strictObject({
  login: z.string().min(1),
  name: z.string().min(1),
  roles: z.array(RoleCode).min(1),
});
export type DemoUser = z.infer<typeof DemoUser>;
