import { createHash } from 'node:crypto';
import { GROUPS } from '../orm/access';
import { Env, type OdooState } from '../orm/env';
import type { Row } from '../orm/model-spec';
import { hashSecret } from '../rpc/auth';

export interface DemoUser {
  login: string;
  name: string;
  password: string;
  apiKey: string;
  uid: number;
  groups: string[];
}

const DEMO_USERS = [
  { login: 'admin', name: 'Mitchell Admin', groups: ['base.group_system', 'base.group_partner_manager', 'product.group_product_manager', 'stock.group_stock_manager', 'purchase.group_purchase_manager', 'sales_team.group_sale_manager', 'account.group_account_user'] },
  { login: 'planner', name: 'Pat Planner', groups: ['stock.group_stock_user', 'purchase.group_purchase_user'] },
  { login: 'supervisor', name: 'Sam Supervisor', groups: ['stock.group_stock_manager', 'purchase.group_purchase_manager'] },
  { login: 'readonly', name: 'Robin Readonly', groups: ['base.group_user'] },
] as const;

/** Deterministic secrets from the seed, so the printed credentials are stable between runs. */
function secret(seed: number, label: string, length: number): string {
  return createHash('sha256').update(`odoo-sim:${seed}:${label}`).digest('hex').slice(0, length);
}

export class Bootstrapper {
  private readonly stamp: Record<string, unknown>;

  constructor(
    private readonly state: OdooState,
    now: string,
  ) {
    this.stamp = { create_uid: 1, create_date: now, write_uid: 1, write_date: now };
  }

  insert(model: string, values: Record<string, unknown>, xmlId?: string): Row {
    const row = this.state.db.insert(model, { ...this.stamp, ...values });
    if (xmlId) {
      const [module, name] = xmlId.split('.');
      this.state.db.insert('ir.model.data', { ...this.stamp, module, name, model, res_id: row.id });
      this.state.xmlIdCache = null;
    }
    return row;
  }

  /** The records an Odoo database with base, product, uom, stock, purchase and sale has after install. */
  run(seed: number, companyName: string, tz: string): DemoUser[] {
    const eur = this.insert('res.currency', { name: 'EUR', symbol: '€', rounding: 0.01, decimal_places: 2, active: true, full_name: 'Euro' }, 'base.EUR');
    const companyPartner = this.insert('res.partner', { name: companyName, complete_name: companyName, is_company: true, active: true, category_id: [], customer_rank: 0, supplier_rank: 0, tz }, 'base.main_partner');
    const company = this.insert(
      'res.company',
      { name: companyName, sequence: 0, currency_id: eur.id, partner_id: companyPartner.id, active: true, po_double_validation: 'two_step', po_double_validation_amount: 5000, po_lock: 'edit', po_lead: 0, internal_transit_location_id: false },
      'base.main_company',
    );
    this.state.db.update('res.partner', companyPartner, { company_id: company.id });
    const groupIds = new Map<string, number>();
    for (const group of GROUPS) {
      const row = this.insert('res.groups', { name: group.name, full_name: group.category ? `${group.category} / ${group.name}` : group.name, implied_ids: [], users: [], comment: false }, group.xmlId);
      groupIds.set(group.xmlId, row.id);
    }
    for (const group of GROUPS) {
      const row = this.state.db.table('res.groups').get(groupIds.get(group.xmlId) ?? 0);
      if (row) this.state.db.update('res.groups', row, { implied_ids: group.implied.map((xmlId) => groupIds.get(xmlId) ?? 0) });
    }
    const rootPartner = this.insert('res.partner', { name: 'OdooBot', complete_name: 'OdooBot', active: false, company_id: company.id, category_id: [], customer_rank: 0, supplier_rank: 0 }, 'base.partner_root');
    this.insert('res.users', { name: 'OdooBot', login: '__system__', active: false, company_id: company.id, company_ids: [company.id], partner_id: rootPartner.id, tz, lang: 'en_US', share: false, groups_id: [groupIds.get('base.group_system') ?? 0] }, 'base.user_root');

    const users: DemoUser[] = [];
    for (const spec of DEMO_USERS) {
      const partner = this.insert('res.partner', { name: spec.name, complete_name: spec.name, active: true, company_id: company.id, category_id: [], customer_rank: 0, supplier_rank: 0, email: `${spec.login}@example.com`, tz });
      const password = spec.login === 'admin' ? 'admin' : `${spec.login}-${secret(seed, `password:${spec.login}`, 8)}`;
      const apiKey = secret(seed, `apikey:${spec.login}`, 40);
      const user = this.insert(
        'res.users',
        { name: spec.name, login: spec.login, active: true, company_id: company.id, company_ids: [company.id], partner_id: partner.id, tz, lang: 'en_US', share: false, groups_id: spec.groups.map((xmlId) => groupIds.get(xmlId) ?? 0), __password_hash: hashSecret(password) },
        spec.login === 'admin' ? 'base.user_admin' : undefined,
      );
      this.insert('res.users.apikeys', { name: 'odoo-sim', user_id: user.id, scope: 'rpc', ...(this.state.version >= 18 ? { expiration_date: false } : {}), __key_hash: hashSecret(apiKey) });
      users.push({ login: spec.login, name: spec.name, password, apiKey, uid: user.id, groups: [...spec.groups] });
    }

    const unitCategory = this.insert('uom.category', { name: 'Unit' }, 'uom.product_uom_categ_unit');
    this.insert('uom.uom', { name: 'Units', category_id: unitCategory.id, factor: 1, rounding: 0.01, uom_type: 'reference', active: true }, 'uom.product_uom_unit');
    this.insert('uom.uom', { name: 'Dozens', category_id: unitCategory.id, factor: 1 / 12, rounding: 0.01, uom_type: 'bigger', active: true }, 'uom.product_uom_dozen');
    const weight = this.insert('uom.category', { name: 'Weight' }, 'uom.product_uom_categ_kgm');
    this.insert('uom.uom', { name: 'kg', category_id: weight.id, factor: 1, rounding: 0.01, uom_type: 'reference', active: true }, 'uom.product_uom_kgm');
    const length = this.insert('uom.category', { name: 'Length / Distance' }, 'uom.uom_categ_length');
    this.insert('uom.uom', { name: 'm', category_id: length.id, factor: 1, rounding: 0.01, uom_type: 'reference', active: true }, 'uom.product_uom_meter');

    const all = this.insert('product.category', { name: 'All', complete_name: 'All', parent_id: false }, 'product.product_category_all');
    this.insert('product.category', { name: 'Saleable', complete_name: 'All / Saleable', parent_id: all.id }, 'product.product_category_1');

    const loc = (name: string, complete: string, usage: string, parent: number | false, companyId: number | false, xmlId: string, activeFlag = true): Row =>
      this.insert('stock.location', { name, complete_name: complete, usage, location_id: parent, company_id: companyId, active: activeFlag, warehouse_id: false, scrap_location: false, replenish_location: false, barcode: false, parent_path: false }, xmlId);
    const physical = loc('Physical Locations', 'Physical Locations', 'view', false, false, 'stock.stock_location_locations');
    const partners = loc('Partners', 'Partners', 'view', false, false, 'stock.stock_location_locations_partner');
    const virtual = loc('Virtual Locations', 'Virtual Locations', 'view', false, false, 'stock.stock_location_locations_virtual');
    loc('Vendors', 'Partners/Vendors', 'supplier', partners.id, false, 'stock.stock_location_suppliers');
    loc('Customers', 'Partners/Customers', 'customer', partners.id, false, 'stock.stock_location_customers');
    loc('Inventory adjustment', 'Virtual Locations/Inventory adjustment', 'inventory', virtual.id, company.id, 'stock.stock_location_inventory');
    loc('Inter-company transit', 'Virtual Locations/Inter-company transit', 'transit', virtual.id, false, 'stock.stock_location_inter_company');
    // Each company's inter-warehouse transit is created archived and unarchived when a resupply route uses it.
    const transit = loc('Inter-warehouse transit', 'Physical Locations/Inter-warehouse transit', 'transit', physical.id, company.id, 'stock.stock_location_company_transit', false);
    this.state.db.update('res.company', company, { internal_transit_location_id: transit.id });
    this.state.db.update('res.partner', companyPartner, { property_stock_supplier: transit.id, property_stock_customer: transit.id });

    this.insert('ir.sequence', { name: 'Sales Order', code: 'sale.order', prefix: 'S', padding: 5, number_next: 1, company_id: false, active: true });
    this.insert('ir.sequence', { name: 'Purchase Order', code: 'purchase.order', prefix: 'P', padding: 5, number_next: 1, company_id: false, active: true });
    this.insert('ir.sequence', { name: 'Stock orderpoint', code: 'stock.orderpoint', prefix: 'OP/', padding: 5, number_next: 1, company_id: false, active: true });
    this.insert('ir.model.data', { name: 'view_backorder_confirmation', module: 'stock', model: 'ir.ui.view', res_id: 901 });
    this.state.xmlIdCache = null;
    return users;
  }
}

export function adminEnv(state: OdooState, context: Record<string, unknown> = {}): Env {
  return new Env(state, 1, context, true);
}
