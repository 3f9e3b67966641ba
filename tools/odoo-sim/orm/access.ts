import { type Env, SUPERUSER_ID } from './env';
import { accessError } from './errors';

export type Operation = 'read' | 'write' | 'create' | 'unlink';

/** Groups the stand-in knows, with Odoo 17/18's names, categories and implications. */
export const GROUPS: readonly { xmlId: string; name: string; category: string | null; implied: readonly string[] }[] = [
  { xmlId: 'base.group_user', name: 'Internal User', category: 'User types', implied: [] },
  { xmlId: 'base.group_portal', name: 'Portal', category: 'User types', implied: [] },
  { xmlId: 'base.group_public', name: 'Public', category: 'User types', implied: [] },
  { xmlId: 'base.group_erp_manager', name: 'Access Rights', category: 'Administration', implied: ['base.group_user'] },
  { xmlId: 'base.group_system', name: 'Settings', category: 'Administration', implied: ['base.group_erp_manager'] },
  { xmlId: 'base.group_partner_manager', name: 'Contact Creation', category: 'Extra Rights', implied: [] },
  { xmlId: 'product.group_product_manager', name: 'Product Creation', category: 'Extra Rights', implied: [] },
  { xmlId: 'stock.group_stock_user', name: 'User', category: 'Inventory', implied: ['base.group_user'] },
  { xmlId: 'stock.group_stock_manager', name: 'Administrator', category: 'Inventory', implied: ['stock.group_stock_user'] },
  { xmlId: 'purchase.group_purchase_user', name: 'User', category: 'Purchase', implied: ['base.group_user'] },
  { xmlId: 'purchase.group_purchase_manager', name: 'Administrator', category: 'Purchase', implied: ['purchase.group_purchase_user'] },
  { xmlId: 'sales_team.group_sale_salesman', name: 'User: Own Documents Only', category: 'Sales', implied: ['base.group_user'] },
  { xmlId: 'sales_team.group_sale_salesman_all_leads', name: 'User: All Documents', category: 'Sales', implied: ['sales_team.group_sale_salesman'] },
  { xmlId: 'sales_team.group_sale_manager', name: 'Administrator', category: 'Sales', implied: ['sales_team.group_sale_salesman_all_leads'] },
  { xmlId: 'account.group_account_readonly', name: 'Show Accounting Features - Readonly', category: 'Technical', implied: [] },
  { xmlId: 'account.group_account_invoice', name: 'Invoicing', category: 'Invoicing', implied: ['base.group_user'] },
  { xmlId: 'account.group_account_user', name: 'Show Full Accounting Features', category: 'Technical', implied: ['account.group_account_invoice', 'account.group_account_readonly'] },
];

type Acl = readonly (readonly [group: string, perms: string])[];

/**
 * Model access rules (ir.model.access) of Odoo 18 base/product/uom/stock/purchase/sale/sale_stock/
 * purchase_stock for the models the stand-in serves; perms are r/w/c/u letters.
 */
export const ACL: Record<string, Acl> = {
  'res.company': [['base.group_erp_manager', 'rwcu'], ['base.group_public', 'r'], ['base.group_portal', 'r'], ['base.group_user', 'r']],
  'res.currency': [['base.group_public', 'r'], ['base.group_portal', 'r'], ['base.group_user', 'r'], ['base.group_system', 'rwcu']],
  'res.groups': [['base.group_erp_manager', 'rwcu'], ['base.group_user', 'r']],
  'res.users': [['base.group_public', 'r'], ['base.group_portal', 'r'], ['base.group_user', 'r'], ['base.group_erp_manager', 'rwcu']],
  'res.users.apikeys': [['base.group_user', 'r']],
  'ir.attachment': [['base.group_user', 'rwcu'], ['base.group_portal', 'rc'], ['base.group_public', 'r']],
  'res.partner': [
    ['base.group_public', 'r'], ['base.group_portal', 'r'], ['base.group_partner_manager', 'rwcu'], ['base.group_user', 'r'],
    ['stock.group_stock_manager', 'rwc'], ['purchase.group_purchase_user', 'r'], ['purchase.group_purchase_manager', 'rwc'],
    ['sales_team.group_sale_salesman', 'r'], ['sales_team.group_sale_manager', 'rwc'],
  ],
  'res.partner.category': [['base.group_user', 'r'], ['base.group_partner_manager', 'rwcu']],
  'ir.sequence': [['base.group_user', 'r'], ['base.group_system', 'rwcu']],
  'ir.model.data': [['base.group_erp_manager', 'rwcu'], ['base.group_user', '']],
  'uom.category': [['base.group_system', 'rwcu'], ['base.group_user', 'r'], ['stock.group_stock_manager', 'rwcu'], ['purchase.group_purchase_manager', 'rwcu'], ['sales_team.group_sale_manager', 'rwcu']],
  'uom.uom': [['base.group_system', 'rwcu'], ['base.group_user', 'r'], ['stock.group_stock_manager', 'rwcu'], ['purchase.group_purchase_manager', 'rwcu'], ['sales_team.group_sale_salesman', 'r'], ['sales_team.group_sale_manager', 'rwcu']],
  'product.category': [['base.group_user', 'r'], ['product.group_product_manager', 'rwcu'], ['stock.group_stock_manager', 'rwcu'], ['purchase.group_purchase_manager', 'rwcu'], ['sales_team.group_sale_manager', 'rwcu']],
  'product.template': [
    ['base.group_user', 'r'], ['product.group_product_manager', 'rwcu'], ['stock.group_stock_user', 'r'], ['stock.group_stock_manager', 'rwcu'],
    ['purchase.group_purchase_user', 'r'], ['purchase.group_purchase_manager', 'rwcu'], ['sales_team.group_sale_salesman', 'r'], ['sales_team.group_sale_manager', 'rwcu'],
  ],
  'product.product': [
    ['base.group_user', 'r'], ['product.group_product_manager', 'rwcu'], ['stock.group_stock_user', 'r'], ['stock.group_stock_manager', 'rwcu'],
    ['purchase.group_purchase_user', 'r'], ['purchase.group_purchase_manager', 'rwcu'], ['sales_team.group_sale_salesman', 'r'], ['sales_team.group_sale_manager', 'rwcu'],
  ],
  'product.supplierinfo': [
    ['base.group_user', 'r'], ['product.group_product_manager', 'rwcu'], ['stock.group_stock_manager', 'rwcu'], ['purchase.group_purchase_manager', 'rwcu'],
    ['sales_team.group_sale_salesman', 'r'], ['sales_team.group_sale_manager', 'rwcu'],
  ],
  'product.packaging': [['base.group_user', 'r'], ['product.group_product_manager', 'rwcu'], ['stock.group_stock_manager', 'rwcu'], ['purchase.group_purchase_manager', 'rwcu'], ['sales_team.group_sale_manager', 'rwcu']],
  'account.tax': [['base.group_user', 'r'], ['base.group_system', 'rwcu']],
  'procurement.group': [['base.group_user', 'rwc']],
  'stock.warehouse': [['stock.group_stock_manager', 'rwcu'], ['base.group_user', 'r'], ['sales_team.group_sale_salesman', 'r'], ['purchase.group_purchase_user', 'r'], ['purchase.group_purchase_manager', 'r']],
  'stock.location': [
    ['base.group_partner_manager', 'r'], ['stock.group_stock_manager', 'rwcu'], ['base.group_user', 'r'], ['stock.group_stock_user', 'rw'],
    ['sales_team.group_sale_salesman', 'r'], ['sales_team.group_sale_manager', 'r'], ['purchase.group_purchase_user', 'r'], ['purchase.group_purchase_manager', 'r'],
  ],
  'stock.picking': [
    ['stock.group_stock_user', 'rwcu'], ['stock.group_stock_manager', 'rwcu'], ['sales_team.group_sale_salesman', 'rwc'], ['sales_team.group_sale_manager', 'rwcu'],
    ['base.group_portal', 'r'], ['purchase.group_purchase_user', 'rwcu'], ['purchase.group_purchase_manager', 'rwcu'],
    ['account.group_account_readonly', 'r'], ['account.group_account_invoice', 'rwc'],
  ],
  'stock.picking.type': [['base.group_user', 'r'], ['stock.group_stock_user', 'r'], ['stock.group_stock_manager', 'rwcu']],
  'stock.lot': [['stock.group_stock_user', 'rwcu']],
  'stock.move': [
    ['stock.group_stock_manager', 'rwcu'], ['stock.group_stock_user', 'rwc'], ['sales_team.group_sale_salesman', 'rwc'], ['sales_team.group_sale_manager', 'rwcu'],
    ['purchase.group_purchase_user', 'rwc'], ['purchase.group_purchase_manager', 'rwcu'],
    ['account.group_account_readonly', 'r'], ['account.group_account_invoice', 'rwc'],
  ],
  'stock.move.line': [['stock.group_stock_manager', 'rwcu'], ['stock.group_stock_user', 'rwcu'], ['base.group_user', 'rwcu']],
  'stock.warehouse.orderpoint': [
    ['stock.group_stock_user', 'r'], ['stock.group_stock_manager', 'rwcu'], ['sales_team.group_sale_salesman', 'r'], ['purchase.group_purchase_manager', 'r'], ['purchase.group_purchase_user', 'r'],
  ],
  'stock.quant': [['stock.group_stock_user', 'rwc'], ['base.group_user', 'r']],
  'stock.quant.package': [['base.group_user', 'r'], ['stock.group_stock_manager', 'rwcu'], ['stock.group_stock_user', 'rwcu']],
  'stock.rule': [['stock.group_stock_user', 'r'], ['stock.group_stock_manager', 'rwcu'], ['base.group_user', 'r'], ['sales_team.group_sale_manager', 'rwcu'], ['sales_team.group_sale_salesman', 'r']],
  'stock.route': [['stock.group_stock_manager', 'rwcu'], ['base.group_user', 'r']],
  'stock.backorder.confirmation': [['stock.group_stock_user', 'rwc']],
  'stock.backorder.confirmation.line': [['stock.group_stock_user', 'rwc']],
  'purchase.order': [
    ['purchase.group_purchase_user', 'rwcu'], ['purchase.group_purchase_manager', 'rwcu'], ['account.group_account_readonly', 'r'], ['account.group_account_invoice', 'rw'],
    ['base.group_portal', 'r'], ['stock.group_stock_user', 'r'],
  ],
  'purchase.order.line': [
    ['purchase.group_purchase_user', 'rwcu'], ['purchase.group_purchase_manager', 'rwcu'], ['account.group_account_readonly', 'r'], ['account.group_account_invoice', 'rw'],
    ['base.group_portal', 'r'], ['stock.group_stock_user', 'r'],
  ],
  'sale.order': [
    ['base.group_portal', 'r'], ['account.group_account_readonly', 'r'], ['account.group_account_invoice', 'rw'], ['account.group_account_user', 'rw'],
    ['sales_team.group_sale_salesman', 'rwc'], ['sales_team.group_sale_manager', 'rwcu'], ['stock.group_stock_user', 'rw'],
  ],
  'sale.order.line': [
    ['base.group_portal', 'r'], ['account.group_account_readonly', 'r'], ['account.group_account_invoice', 'rw'], ['account.group_account_user', 'rw'],
    ['sales_team.group_sale_salesman', 'rwcu'], ['stock.group_stock_user', 'rw'],
  ],
};

const LETTER: Record<Operation, string> = { read: 'r', write: 'w', create: 'c', unlink: 'u' };

const HEADER: Record<Operation, string> = {
  read: "You are not allowed to access '%kind' (%model) records.",
  write: "You are not allowed to modify '%kind' (%model) records.",
  create: "You are not allowed to create '%kind' (%model) records.",
  unlink: "You are not allowed to delete '%kind' (%model) records.",
};

function groupLabel(xmlId: string): string {
  const group = GROUPS.find((candidate) => candidate.xmlId === xmlId);
  if (!group) return xmlId;
  return group.category ? `${group.category}/${group.name}` : group.name;
}

/** Odoo's ir.model.access check with its exact three-paragraph AccessError message. */
export function checkAccess(env: Env, model: string, operation: Operation): void {
  // write/unlink read the records first, so a user without read access is told about reading (seen on 18).
  if ((operation === 'write' || operation === 'unlink') && !hasAccess(env, model, 'read')) operation = 'read';
  if (!hasAccess(env, model, operation)) {
    const def = env.model(model);
    const allowing = (ACL[model] ?? []).filter(([, perms]) => perms.includes(LETTER[operation])).map(([group]) => group);
    const labels = allowing
      .map((xmlId) => {
        const group = GROUPS.find((candidate) => candidate.xmlId === xmlId);
        return { label: groupLabel(xmlId), category: group?.category ?? null, name: group?.name ?? xmlId };
      })
      // ORDER BY category name, group name (groups without category last), like group_names_with_access.
      .sort((a, b) => {
        if (a.category !== b.category) {
          if (a.category === null) return 1;
          if (b.category === null) return -1;
          return a.category < b.category ? -1 : 1;
        }
        return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
      })
      .map((entry) => `\t- ${entry.label}`);
    const header = HEADER[operation].replace('%kind', def.description).replace('%model', model);
    const groups = labels.length > 0 ? `This operation is allowed for the following groups:\n${labels.join('\n')}` : 'No group currently allows this operation.';
    throw accessError(`${header}\n\n${groups}\n\nContact your administrator to request access if necessary.`);
  }
}

export function hasAccess(env: Env, model: string, operation: Operation): boolean {
  if (env.su || env.uid === SUPERUSER_ID) return true;
  const def = env.model(model);
  // Transient wizards without an explicit rule are open to internal users.
  const acl = ACL[model];
  if (!acl) return def.transient;
  const groups = env.groupIds();
  return acl.some(([group, perms]) => perms.includes(LETTER[operation]) && groups.has(env.ref(group)));
}
