import type { Env } from './env';

export type OdooVersion = 17 | 18;

export type FieldType =
  | 'char'
  | 'text'
  | 'html'
  | 'integer'
  | 'float'
  | 'monetary'
  | 'boolean'
  | 'selection'
  | 'date'
  | 'datetime'
  | 'many2one'
  | 'one2many'
  | 'many2many'
  | 'binary';

/** A stored record: field name → value in the stand-in's storage form (many2one = id | false, x2many = ids). */
export type Row = { id: number } & Record<string, unknown>;

export type Selection = readonly (readonly [string, string])[];

export interface FieldSpec {
  type: FieldType;
  string: string;
  relation?: string;
  /** one2many: the many2one on the comodel pointing back here. */
  inverse?: string;
  selection?: Selection;
  required?: boolean;
  readonly?: boolean;
  default?: unknown | ((env: Env) => unknown);
  /** Non-stored computed value (read-time, may depend on the context). */
  compute?: (env: Env, row: Row) => unknown;
  /** Computed but stored: kept up to date by the model's hooks/workflows (never by the generic write path). */
  stored?: boolean;
  /** Inverse of a computed field (Odoo `inverse=`): how a written value is applied. */
  setter?: (env: Env, row: Row, value: unknown) => void;
  /** Related field path; reads follow it, writes go through to the target record. */
  related?: string;
  /** Maintain an inverted index (value → ids) for fast `=`/`in` searches and one2many reads. */
  index?: boolean;
  help?: string;
  size?: number;
  translate?: boolean;
  companyDependent?: boolean;
  /** Field groups (Odoo `groups=`): fields_get hides them from users outside these groups. */
  groups?: string;
  /** Not searchable (non-stored compute without a search method in Odoo). */
  searchable?: boolean;
  sortable?: boolean;
  /**
   * What fields_get says about `store` when it differs from how the stand-in keeps the value
   * (e.g. Odoo's stored computes such as amount_total, computed here on read).
   */
  reportStore?: boolean;
}

/** A field with its name, as the registry hands it out. */
export type Field = FieldSpec & { name: string; store: boolean };

export interface MethodCall {
  ids: number[];
  /** Named parameters, positional ones already bound to their Python names. */
  params: Record<string, unknown>;
}

export interface MethodSpec {
  /** `model` = @api.model (args as-is); `records` = ids in args[0]. */
  kind: 'model' | 'records';
  params: readonly string[];
  defaults?: Record<string, unknown>;
  /** Accepts **kwargs (extra named arguments are passed through instead of raising TypeError). */
  varKw?: boolean;
  /** Python qualname used in TypeError messages (e.g. "BaseModel.search_read"). */
  qualname?: string;
  run: (env: Env, model: string, call: MethodCall) => unknown;
}

export interface ModelSpec {
  name: string;
  description: string;
  order?: string;
  recName?: string;
  parentName?: string;
  transient?: boolean;
  fields: Record<string, FieldSpec>;
  displayName?: (env: Env, row: Row) => string;
  methods?: Record<string, MethodSpec>;
  /** Fill in what Odoo's create override fills (sequences, related defaults); runs before insertion. */
  prepareCreate?: (env: Env, vals: Record<string, unknown>) => void;
  afterCreate?: (env: Env, row: Row) => void;
  afterWrite?: (env: Env, rows: Row[], vals: Record<string, unknown>) => void;
  beforeUnlink?: (env: Env, rows: Row[]) => void;
  /** false for models without create_uid/write_uid/write_date (Odoo `_log_access = False`). */
  logAccess?: boolean;
  /** SQL constraints / python constraints checked after create/write. */
  check?: (env: Env, row: Row) => void;
}

export interface ModelDef {
  name: string;
  description: string;
  order: string;
  recName: string | null;
  parentName: string | null;
  transient: boolean;
  fields: Map<string, Field>;
  hasActive: boolean;
  spec: ModelSpec;
}
