import type { Field, FieldSpec, ModelDef, ModelSpec } from './model-spec';

/** Fields every (non-abstract) Odoo model has: LOG_ACCESS_COLUMNS plus id and display_name. */
const MAGIC_FIELDS: Record<string, FieldSpec> = {
  id: { type: 'integer', string: 'ID', readonly: true },
  display_name: { type: 'char', string: 'Display Name', readonly: true, searchable: true },
  create_uid: { type: 'many2one', string: 'Created by', relation: 'res.users', readonly: true },
  create_date: { type: 'datetime', string: 'Created on', readonly: true },
  write_uid: { type: 'many2one', string: 'Last Updated by', relation: 'res.users', readonly: true },
  write_date: { type: 'datetime', string: 'Last Updated on', readonly: true },
};

export class Registry {
  readonly models = new Map<string, ModelDef>();

  constructor(specs: readonly ModelSpec[]) {
    for (const spec of specs) {
      const fields = new Map<string, Field>();
      const magic: Record<string, FieldSpec> =
        spec.logAccess === false ? { id: MAGIC_FIELDS.id as FieldSpec, display_name: MAGIC_FIELDS.display_name as FieldSpec } : MAGIC_FIELDS;
      for (const [name, field] of Object.entries({ ...spec.fields, ...magic })) {
        const store = name === 'display_name' ? false : field.compute === undefined && field.related === undefined && field.type !== 'one2many';
        fields.set(name, { ...field, name, store: field.stored === true || store });
      }
      const recName = spec.recName ?? (fields.has('name') ? 'name' : null);
      this.models.set(spec.name, {
        name: spec.name,
        description: spec.description,
        order: spec.order ?? 'id',
        recName,
        parentName: spec.parentName ?? null,
        transient: spec.transient === true,
        fields,
        hasActive: fields.has('active'),
        spec,
      });
    }
  }

  get(model: string): ModelDef | undefined {
    return this.models.get(model);
  }

  require(model: string): ModelDef {
    const def = this.models.get(model);
    if (!def) throw new Error(`model ${model} is not registered`);
    return def;
  }
}
