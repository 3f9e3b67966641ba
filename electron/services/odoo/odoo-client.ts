import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import { describeProblems } from '../../../shared/domain';
import { dialectFor, type OdooDialect } from './dialect';
import { createOdooHttp, callJsonRpc, type JsonRpcTarget } from './json-rpc';
import { OdooAuthError, OdooError, OdooProtocolError } from './odoo-errors';

export interface OdooConnection {
  url: string;
  database: string;
  login: string;
  /** An Odoo API key, used in the password slot (reference §6.2). Never logged. */
  apiKey: string;
}

export interface OdooServer {
  url: string;
  database: string;
}

export interface OdooClientOptions {
  timeoutMs?: number;
  http?: AxiosInstance;
}

export const OdooVersionInfo = z.object({
  server_version: z.string(),
  server_version_info: z.array(z.union([z.number(), z.string()])).min(1),
  server_serie: z.string().optional(),
  protocol_version: z.number().optional(),
});
export type OdooVersionInfo = z.infer<typeof OdooVersionInfo>;

export interface OdooSession {
  uid: number;
  serverVersion: string;
  dialect: OdooDialect;
}

export type OdooContext = Record<string, unknown>;

export interface SearchOptions {
  offset?: number;
  limit?: number;
  order?: string;
  context?: OdooContext;
}

/** Odoo writes `false` for every empty value; many2one values are `[id, display name]`. */
export const Many2one = z.union([z.tuple([z.number().int(), z.string()]), z.literal(false)]);
export const OdooText = z.union([z.string(), z.literal(false)]);
const Ids = z.array(z.number().int());

/**
 * A typed JSON-RPC client for Odoo 17/18's external API: authenticates with an API key, detects the
 * server version, checks every reply with a zod schema, and fails with an OdooError a caller can
 * act on. Stateless on the wire (every call carries the credentials, as `/jsonrpc` expects).
 */
export class OdooClient {
  private readonly http: AxiosInstance;
  private readonly target: JsonRpcTarget;
  private session: OdooSession | null = null;
  private nextId = 1;

  constructor(
    private readonly connection: OdooConnection,
    options: OdooClientOptions = {},
  ) {
    this.http = options.http ?? createOdooHttp(options.timeoutMs ?? 60_000);
    this.target = { url: connection.url, database: connection.database, login: connection.login };
  }

  get connected(): OdooSession | null {
    return this.session;
  }

  /** The server and database this client reads: what the records it returns belong to (ids are per database). */
  get server(): OdooServer {
    return { url: this.connection.url, database: this.connection.database };
  }

  async version(): Promise<OdooVersionInfo> {
    const raw = await callJsonRpc(this.http, this.target, 'common', 'version', [], 'common.version', this.nextId++);
    return this.check(raw, OdooVersionInfo, 'common.version');
  }

  /** Version, then login: after this every call knows the uid and the dialect to speak. */
  async connect(): Promise<OdooSession> {
    const info = await this.version();
    const major = Number(info.server_version_info[0]);
    let dialect: OdooDialect;
    try {
      dialect = dialectFor(major);
    } catch (error) {
      throw new OdooProtocolError(`${(error as Error).message} The server at ${this.connection.url} reports ${info.server_version}.`, { call: 'common.version' });
    }
    const raw = await callJsonRpc(this.http, this.target, 'common', 'authenticate', [this.connection.database, this.connection.login, this.connection.apiKey, {}], 'common.authenticate', this.nextId++);
    const uid = this.check(raw, z.union([z.number().int().positive(), z.literal(false)]), 'common.authenticate');
    if (uid === false) {
      throw new OdooAuthError(`Odoo refused the login for ${this.connection.login} on ${this.connection.database}: check the login and API key in Settings.`, { call: 'common.authenticate' });
    }
    this.session = { uid, serverVersion: info.server_version, dialect };
    return this.session;
  }

  private async ensureSession(): Promise<OdooSession> {
    return this.session ?? this.connect();
  }

  /** `execute_kw` with the reply checked against `schema`. */
  async executeKw<T>(model: string, method: string, args: unknown[], kwargs: Record<string, unknown>, schema: z.ZodType<T>): Promise<T> {
    const session = await this.ensureSession();
    const call = `${model}.${method}`;
    const raw = await callJsonRpc(
      this.http,
      this.target,
      'object',
      'execute_kw',
      [this.connection.database, session.uid, this.connection.apiKey, model, method, args, kwargs],
      call,
      this.nextId++,
    );
    return this.check(raw, schema, call);
  }

  searchRead<T>(model: string, domain: unknown[], fields: string[], row: z.ZodType<T>, options: SearchOptions = {}): Promise<T[]> {
    return this.executeKw(model, 'search_read', [domain], { fields, ...this.paging(options) }, z.array(row));
  }

  search(model: string, domain: unknown[], options: SearchOptions = {}): Promise<number[]> {
    return this.executeKw(model, 'search', [domain], this.paging(options), Ids);
  }

  searchCount(model: string, domain: unknown[], context?: OdooContext): Promise<number> {
    return this.executeKw(model, 'search_count', [domain], context ? { context } : {}, z.number().int().nonnegative());
  }

  read<T>(model: string, ids: number[], fields: string[], row: z.ZodType<T>, context?: OdooContext): Promise<T[]> {
    return this.executeKw(model, 'read', [ids], { fields, ...(context ? { context } : {}) }, z.array(row));
  }

  create(model: string, values: Record<string, unknown>, context?: OdooContext): Promise<number> {
    return this.executeKw(model, 'create', [values], context ? { context } : {}, z.number().int().positive());
  }

  write(model: string, ids: number[], values: Record<string, unknown>, context?: OdooContext): Promise<true> {
    return this.executeKw(model, 'write', [ids, values], context ? { context } : {}, z.literal(true));
  }

  /** A workflow method on records (action_confirm, button_validate…); `schema` describes what it returns. */
  callOnRecords<T>(model: string, method: string, ids: number[], schema: z.ZodType<T>, options: { args?: unknown[]; context?: OdooContext } = {}): Promise<T> {
    return this.executeKw(model, method, [ids, ...(options.args ?? [])], options.context ? { context: options.context } : {}, schema);
  }

  private paging(options: SearchOptions): Record<string, unknown> {
    return {
      ...(options.offset !== undefined ? { offset: options.offset } : {}),
      ...(options.limit !== undefined ? { limit: options.limit } : {}),
      ...(options.order !== undefined ? { order: options.order } : {}),
      ...(options.context ? { context: options.context } : {}),
    };
  }

  private check<T>(raw: unknown, schema: z.ZodType<T>, call: string): T {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    throw new OdooProtocolError(`Odoo's reply to ${call} does not have the expected shape: ${describeProblems(parsed.error)}`, { call });
  }
}

export function isOdooError(error: unknown): error is OdooError {
  return error instanceof OdooError;
}
