import { z } from 'zod';
import type { CanonicalEvent, RegionProfile } from '../../../shared/domain';
import type { AuditLog } from '../audit';
import { ODOO_API_KEY, type SecretStore } from '../secrets';
import { checkOdooServer, effectiveConnection, OdooOverride, SettingsError, type OdooConnection } from './odoo-connection';
import type { SettingsStore } from './settings-store';

const KEYS = { odooOverride: 'odooOverride', odooLogin: 'odooLogin', demoUser: 'demoUser' } as const;
const Login = z.string().min(1).max(200);

export interface PlannerSettingsOptions {
  profile: RegionProfile;
  store: SettingsStore;
  secrets: SecretStore;
  audit: AuditLog;
  now?: () => Date;
}

export interface ConnectionChange {
  url: string;
  database: string;
  login: string | null;
  reason: string | null;
}

/**
 * The planner's settings, with the rules that make them auditable: the Odoo connection defaults to
 * the region profile's; pointing the planner anywhere else is an explicit, validated change recorded
 * in the audit log; an API key is only ever kept for the server and login it was entered for.
 */
export class PlannerSettings {
  private readonly now: () => Date;

  constructor(private readonly options: PlannerSettingsOptions) {
    this.now = options.now ?? (() => new Date());
  }

  private get profile(): RegionProfile {
    return this.options.profile;
  }

  /** A value a person (or a tool) put in the file that fails its schema is ignored, not trusted. */
  private read<T>(key: string, schema: z.ZodType<T>): T | null {
    const parsed = schema.safeParse(this.options.store.get(key));
    return parsed.success ? parsed.data : null;
  }

  private override(): OdooOverride | null {
    return this.read(KEYS.odooOverride, OdooOverride);
  }

  odooConnection(): OdooConnection | null {
    return effectiveConnection(this.profile, this.override(), this.read(KEYS.odooLogin, Login));
  }

  apiKeyStored(): boolean {
    return this.options.secrets.has(ODOO_API_KEY);
  }

  demoUser(): string | null {
    return this.read(KEYS.demoUser, Login);
  }

  private record(event: CanonicalEvent): void {
    this.options.audit.append(event);
  }

  private clearKeyBecause(reason: string, actor: string): void {
    if (!this.apiKeyStored()) return;
    this.options.secrets.clear(ODOO_API_KEY);
    this.record({ kind: 'secret-changed', at: this.now().toISOString(), actor, secret: ODOO_API_KEY, change: 'cleared', reason });
  }

  /** Points the planner at another Odoo server, database or login; refused unless every field holds. */
  changeOdooConnection(change: ConnectionChange, actor: string): OdooConnection {
    const server = checkOdooServer(this.profile, change.url, change.database);
    const login = change.login === null ? null : Login.parse(change.login);
    const before = this.odooConnection();
    const embedded = effectiveConnection(this.profile, null, null);
    const isEmbedded = embedded !== null && embedded.url === server.url && embedded.database === server.database;
    const serverChanged = before === null || before.url !== server.url || before.database !== server.database;
    const loginChanged = (before?.login ?? null) !== login;
    if (!serverChanged && !loginChanged) return before ?? this.connectionOrThrow();

    if (isEmbedded) this.options.store.delete(KEYS.odooOverride);
    else this.options.store.set(KEYS.odooOverride, server);
    if (login === null) this.options.store.delete(KEYS.odooLogin);
    else this.options.store.set(KEYS.odooLogin, login);
    this.record({
      kind: 'setting-changed',
      at: this.now().toISOString(),
      actor,
      setting: 'odoo.connection',
      from: before ? { url: before.url, database: before.database, login: before.login } : null,
      to: { url: server.url, database: server.database, login },
      reason: change.reason,
    });
    // A key belongs to one server and one login: it is never sent anywhere else.
    if (serverChanged) this.clearKeyBecause(`the Odoo server changed to ${server.url} (${server.database}); a key is only sent to the server it was entered for`, actor);
    else if (loginChanged && before?.login) this.clearKeyBecause(`the Odoo login changed from ${before.login}; a key belongs to one login`, actor);
    return this.connectionOrThrow();
  }

  /** Back to the Odoo connection built into the region's installer. */
  resetOdooConnection(actor: string): OdooConnection | null {
    const embedded = effectiveConnection(this.profile, null, null);
    const before = this.odooConnection();
    if (!this.override()) return before;
    this.options.store.delete(KEYS.odooOverride);
    this.record({
      kind: 'setting-changed',
      at: this.now().toISOString(),
      actor,
      setting: 'odoo.connection',
      from: before ? { url: before.url, database: before.database, login: before.login } : null,
      to: embedded ? { url: embedded.url, database: embedded.database, login: before?.login ?? null } : null,
      reason: "back to the region's Odoo server",
    });
    this.clearKeyBecause("the Odoo server changed back to the region's; a key is only sent to the server it was entered for", actor);
    return this.odooConnection();
  }

  saveOdooApiKey(apiKey: string, actor: string): void {
    if (!this.odooConnection()) throw new SettingsError([{ path: 'apiKey', message: 'this region has no Odoo server to use the key with; set one first' }]);
    this.options.secrets.write(ODOO_API_KEY, apiKey);
    this.record({ kind: 'secret-changed', at: this.now().toISOString(), actor, secret: ODOO_API_KEY, change: 'stored', reason: null });
  }

  clearOdooApiKey(actor: string): void {
    if (!this.apiKeyStored()) return;
    this.options.secrets.clear(ODOO_API_KEY);
    this.record({ kind: 'secret-changed', at: this.now().toISOString(), actor, secret: ODOO_API_KEY, change: 'cleared', reason: 'removed in Settings' });
  }

  setDemoUser(login: string, previous: string | null, actor: string): void {
    if (previous === login) return;
    this.options.store.set(KEYS.demoUser, login);
    this.record({ kind: 'setting-changed', at: this.now().toISOString(), actor, setting: 'identity.demoUser', from: previous, to: login, reason: null });
  }

  private connectionOrThrow(): OdooConnection {
    const connection = this.odooConnection();
    if (!connection) throw new Error('no Odoo connection after a change: this is a bug');
    return connection;
  }
}
