import type { Database } from './database';
import { accessError, OdooError } from './errors';
import type { ModelDef, OdooVersion, Row } from './model-spec';
import type { Registry } from './registry';

export type Context = Record<string, unknown>;

/** Everything a call can reach: the database, the model registry for the chosen Odoo version. */
export interface OdooState {
  db: Database;
  registry: Registry;
  version: OdooVersion;
  databaseName: string;
  xmlIdCache: Map<string, number> | null;
}

export const SUPERUSER_ID = 1;

/** Odoo's `env`: who is calling, with which context, and whether access checks apply (`su`). */
export class Env {
  /** Per-call memo (e.g. the locations a warehouse context covers), shared by sudo() copies. */
  memo = new Map<string, unknown>();

  constructor(
    readonly state: OdooState,
    readonly uid: number,
    readonly context: Context,
    readonly su = false,
  ) {}

  get db(): Database {
    return this.state.db;
  }

  get version(): OdooVersion {
    return this.state.version;
  }

  model(name: string): ModelDef {
    const def = this.state.registry.get(name);
    if (!def) throw new OdooError('odoo.exceptions.UserError', `Object ${name} doesn't exist`);
    return def;
  }

  withContext(patch: Context): Env {
    return new Env(this.state, this.uid, { ...this.context, ...patch }, this.su);
  }

  sudo(flag = true): Env {
    const env = new Env(this.state, this.uid, this.context, flag);
    env.memo = this.memo;
    return env;
  }

  withUser(uid: number): Env {
    return new Env(this.state, uid, this.context, false);
  }

  now(): string {
    return this.db.now();
  }

  row(model: string, id: number | false | null | undefined): Row | undefined {
    if (typeof id !== 'number') return undefined;
    return this.db.table(model).get(id);
  }

  user(): Row {
    const user = this.row('res.users', this.uid);
    if (!user) throw new OdooError('odoo.exceptions.AccessDenied', 'Access Denied');
    return user;
  }

  /** Record id behind an external id (`module.name`), from ir.model.data. */
  ref(xmlId: string): number {
    const cache = this.state.xmlIdCache ?? this.buildXmlIdCache();
    const id = cache.get(xmlId);
    if (id === undefined) throw new OdooError('builtins.ValueError', `External ID not found in the system: ${xmlId}`);
    return id;
  }

  private buildXmlIdCache(): Map<string, number> {
    const cache = new Map<string, number>();
    for (const row of this.db.table('ir.model.data').rows.values()) cache.set(`${String(row.module)}.${String(row.name)}`, Number(row.res_id));
    this.state.xmlIdCache = cache;
    return cache;
  }

  /** Group ids of the user including implied ones (Odoo 17/18 `groups_id` closure). */
  groupIds(uid = this.uid): Set<number> {
    const user = this.row('res.users', uid);
    const result = new Set<number>();
    const stack = [...((user?.groups_id as number[] | undefined) ?? [])];
    while (stack.length > 0) {
      const id = stack.pop();
      if (id === undefined || result.has(id)) continue;
      result.add(id);
      const group = this.row('res.groups', id);
      for (const implied of (group?.implied_ids as number[] | undefined) ?? []) stack.push(implied);
    }
    return result;
  }

  hasGroup(xmlId: string): boolean {
    if (this.uid === SUPERUSER_ID) return true;
    return this.groupIds().has(this.ref(xmlId));
  }

  /** Companies the call runs for: context `allowed_company_ids` checked against the user's companies. */
  companyIds(): number[] {
    const user = this.user();
    const allowed = (user.company_ids as number[] | undefined) ?? [];
    const requested = this.context.allowed_company_ids;
    if (Array.isArray(requested) && requested.length > 0) {
      const ids = requested.map(Number);
      if (!this.su && ids.some((id) => !allowed.includes(id))) throw accessError('Access to unauthorized or invalid companies.');
      return ids;
    }
    return allowed.length > 0 ? allowed : [Number(user.company_id)];
  }

  companyId(): number {
    const requested = this.context.allowed_company_ids;
    if (Array.isArray(requested) && requested.length > 0) return this.companyIds()[0] ?? Number(this.user().company_id);
    return Number(this.user().company_id);
  }
}
