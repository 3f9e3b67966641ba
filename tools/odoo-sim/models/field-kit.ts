import type { FieldSpec, Selection } from '../orm/model-spec';

/** Short constructors so model files read like Odoo's field declarations. */
export const char = (string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'char', string, ...extra });
export const text = (string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'text', string, ...extra });
export const html = (string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'html', string, ...extra });
export const integer = (string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'integer', string, ...extra });
export const float = (string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'float', string, ...extra });
export const monetary = (string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'monetary', string, ...extra });
export const boolean = (string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'boolean', string, ...extra });
export const date = (string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'date', string, ...extra });
export const datetime = (string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'datetime', string, ...extra });
export const selection = (string: string, options: Selection, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'selection', string, selection: options, ...extra });
export const many2one = (relation: string, string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'many2one', string, relation, ...extra });
export const one2many = (relation: string, inverse: string, string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'one2many', string, relation, inverse, ...extra });
export const many2many = (relation: string, string: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ type: 'many2many', string, relation, ...extra });
export const active = (): FieldSpec => ({ type: 'boolean', string: 'Active', default: true });

/** Marks fields Odoo stores (stored computes) so fields_get reports `store: true` like Odoo does. */
export function reportStored(fields: Record<string, FieldSpec>, names: readonly string[]): Record<string, FieldSpec> {
  for (const name of names) {
    const field = fields[name];
    if (field) fields[name] = { ...field, reportStore: true };
  }
  return fields;
}

const TIME_ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
/** The `tz` selection of res.users / res.partner (Odoo lists every pytz zone). */
export const tzSelection = (): FieldSpec => selection('Timezone', [...new Set([...TIME_ZONES, 'UTC'])].map((zone) => [zone, zone] as const));
