import type { Env } from '../orm/env';
import { accessError, valueError } from '../orm/errors';
import type { ModelSpec, OdooVersion, Row } from '../orm/model-spec';
import { active, boolean, char, datetime, float, integer, many2many, many2one, monetary, one2many, selection, text, tzSelection } from './field-kit';

const currentCompany = (env: Env): number => env.companyId();

export function baseModels(version: OdooVersion): ModelSpec[] {
  return [
    {
      name: 'res.currency',
      description: 'Currency',
      order: 'active desc, name',
      fields: { name: char('Currency', { required: true, size: 3 }), symbol: char('Symbol', { required: true }), rounding: float('Rounding Factor', { default: 0.01 }), decimal_places: integer('Decimal Places', { default: 2 }), active: active(), full_name: char('Name') },
    },
    {
      name: 'res.company',
      description: 'Companies',
      order: 'sequence, name',
      fields: {
        name: char('Company Name', { required: true }),
        sequence: integer('Sequence', { default: 10 }),
        currency_id: many2one('res.currency', 'Currency', { required: true }),
        partner_id: many2one('res.partner', 'Partner', { required: true }),
        active: active(),
        internal_transit_location_id: many2one('stock.location', 'Internal Transit Location'),
        po_double_validation: selection('Levels of Approvals', [['one_step', 'Confirm purchase orders in one step'], ['two_step', 'Get 2 levels of approvals to confirm a purchase order']], { default: 'one_step' }),
        po_double_validation_amount: monetary('Double validation amount', { default: 5000 }),
        po_lock: selection('Purchase Order Modification', [['edit', 'Allow to edit purchase orders'], ['lock', 'Confirmed purchase orders are not editable']], { default: 'edit' }),
        po_lead: float('Purchase Lead Time', { required: true, default: 0 }),
      },
    },
    {
      name: 'res.groups',
      description: 'Access Groups',
      order: 'name',
      displayName: (env: Env, row: Row) => String(row.full_name || row.name),
      fields: { name: char('Name', { required: true }), full_name: char('Group Name', { reportStore: false }), implied_ids: many2many('res.groups', 'Inherits'), users: many2many('res.users', 'Users'), comment: text('Comment') },
    },
    {
      name: 'res.users',
      description: 'User',
      order: 'name, login',
      fields: {
        // name, tz and lang live on the user's partner in Odoo (related, not stored on res.users).
        name: char('Name', { reportStore: false }),
        login: char('Login', { required: true }),
        active: active(),
        company_id: many2one('res.company', 'Company', { required: true, default: currentCompany }),
        company_ids: many2many('res.company', 'Companies'),
        partner_id: many2one('res.partner', 'Related Partner', { required: true }),
        tz: { ...tzSelection(), reportStore: false },
        lang: selection('Language', [['en_US', 'English (US)']], { default: 'en_US', reportStore: false }),
        share: boolean('Share User'),
        groups_id: many2many('res.groups', 'Groups'),
        api_key_ids: one2many('res.users.apikeys', 'user_id', 'API Keys'),
        password: char('Password', { compute: () => '', setter: () => undefined }),
      },
      methods: {
        context_get: {
          kind: 'model',
          params: [],
          run: (env: Env) => {
            const user = env.user();
            return { lang: user.lang || 'en_US', tz: user.tz || false, uid: env.uid };
          },
        },
        // Odoo 17/18: called on one user record; implied groups count; an unknown XML id is simply
        // not held; only an internal user may ask about someone else.
        has_group: {
          kind: 'records',
          params: ['group_ext_id'],
          qualname: 'ResUsers.has_group',
          run: (env: Env, _model: unknown, { ids, params }: { ids: number[]; params: Record<string, unknown> }) => {
            const [uid] = ids;
            if (ids.length !== 1 || uid === undefined) throw valueError(`Expected singleton: res.users(${ids.map((id) => `${id},`).join(' ')})`);
            if (uid !== env.uid && !env.su && !env.hasGroup('base.group_user')) throw accessError('You can ony call user.has_group() with your current user.');
            const groups = env.groupIds(uid);
            try {
              return groups.has(env.ref(String(params.group_ext_id)));
            } catch {
              return false;
            }
          },
        },
      },
    },
    {
      name: 'res.users.apikeys',
      description: 'Users API Keys',
      logAccess: false,
      fields: {
        create_date: datetime('Creation Date', { readonly: true }),
        name: char('Description', { required: true, readonly: true }),
        user_id: many2one('res.users', 'User', { required: true, readonly: true, index: true }),
        scope: char('Scope', { readonly: true }),
        ...(version >= 18 ? { expiration_date: datetime('Expiration Date', { readonly: true }) } : {}),
      },
    },
    {
      name: 'res.partner.category',
      description: 'Partner Tags',
      order: 'name',
      fields: { name: char('Name', { required: true }), color: integer('Color'), parent_id: many2one('res.partner.category', 'Parent Category'), active: active() },
    },
    {
      name: 'res.partner',
      description: 'Contact',
      order: 'complete_name ASC, id DESC',
      displayName: (env: Env, row: Row) => String(row.complete_name || row.name || ''),
      prepareCreate: (env: Env, vals: Record<string, unknown>) => {
        if (vals.complete_name === undefined) vals.complete_name = vals.name ?? false;
      },
      afterWrite: (env: Env, rows: Row[], vals: Record<string, unknown>) => {
        if ('name' in vals) for (const row of rows) env.db.update('res.partner', row, { complete_name: row.name });
      },
      fields: {
        name: char('Name', { index: false }),
        complete_name: char('Complete Name', { stored: true, compute: (env: Env, row: Row) => row.complete_name }),
        is_company: boolean('Is a Company'),
        type: selection('Address Type', [['contact', 'Contact'], ['invoice', 'Invoice Address'], ['delivery', 'Delivery Address'], ['other', 'Other Address']], { default: 'contact' }),
        parent_id: many2one('res.partner', 'Related Company', { index: true }),
        commercial_partner_id: many2one('res.partner', 'Commercial Entity', { reportStore: true, compute: (env: Env, row: Row) => (typeof row.parent_id === 'number' ? row.parent_id : row.id) }),
        child_ids: one2many('res.partner', 'parent_id', 'Contact'),
        ref: char('Reference'),
        email: char('Email'),
        phone: char('Phone'),
        company_id: many2one('res.company', 'Company'),
        active: active(),
        category_id: many2many('res.partner.category', 'Tags'),
        customer_rank: integer('Customer Rank'),
        supplier_rank: integer('Supplier Rank'),
        property_stock_supplier: many2one('stock.location', 'Vendor Location', { companyDependent: true }),
        property_stock_customer: many2one('stock.location', 'Customer Location', { companyDependent: true }),
        tz: tzSelection(),
      },
    },
    {
      name: 'ir.sequence',
      description: 'Sequence',
      order: 'name',
      fields: { name: char('Name', { required: true }), code: char('Sequence Code'), prefix: char('Prefix'), padding: integer('Sequence Size', { default: 5 }), number_next: integer('Next Number', { default: 1 }), company_id: many2one('res.company', 'Company'), active: active() },
    },
    {
      name: 'ir.model.data',
      description: 'Model Data',
      order: 'module, model, name',
      fields: { name: char('External Identifier', { required: true }), module: char('Module', { required: true }), model: char('Model Name', { required: true }), res_id: integer('Record ID') },
    },
  ];
}

/** Next value of a sequence: prefix + zero-padded number (ir.sequence `next_by_id`). */
export function nextSequence(env: Env, sequenceId: number | false | undefined): string {
  const sequence = env.row('ir.sequence', typeof sequenceId === 'number' ? sequenceId : undefined);
  if (!sequence) return '/';
  const number = Number(sequence.number_next) || 1;
  env.db.update('ir.sequence', sequence, { number_next: number + 1 });
  return `${String(sequence.prefix || '')}${String(number).padStart(Number(sequence.padding) || 0, '0')}`;
}

export function sequenceByCode(env: Env, code: string): number | false {
  for (const row of env.db.table('ir.sequence').rows.values()) if (row.code === code) return row.id;
  return false;
}
