import type { RunningOdooSim } from '../../../tools/odoo-sim';

/** The JSON-RPC envelope as Odoo's external API documentation shows it, over plain fetch. */
export interface JsonRpcReply {
  status: number;
  body: { jsonrpc?: string; id?: unknown; result?: unknown; error?: { code: number; message: string; data: { name: string; message: string; arguments: unknown[]; context: unknown; debug: string } } };
  headers: Headers;
}

export async function postJson(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<JsonRpcReply> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(payload) });
  const text = await response.text();
  let body: JsonRpcReply['body'];
  try {
    body = JSON.parse(text) as JsonRpcReply['body'];
  } catch {
    body = { result: text };
  }
  return { status: response.status, body, headers: response.headers };
}

export async function jsonRpc(sim: Pick<RunningOdooSim, 'url'>, service: string, method: string, args: unknown[]): Promise<JsonRpcReply> {
  return postJson(`${sim.url}/jsonrpc`, { jsonrpc: '2.0', method: 'call', id: 1, params: { service, method, args } });
}

export class OdooCallError extends Error {
  constructor(readonly data: NonNullable<JsonRpcReply['body']['error']>) {
    super(`${data.data.name}: ${data.data.message}`);
  }
}

/** A logged-in caller: `execute_kw` with the user's API key in the password slot. */
export class OdooCaller {
  constructor(
    readonly sim: Pick<RunningOdooSim, 'url' | 'database'>,
    readonly uid: number,
    readonly secret: string,
  ) {}

  static as(sim: RunningOdooSim, login: string, use: 'apiKey' | 'password' = 'apiKey'): OdooCaller {
    const user = sim.users.find((candidate) => candidate.login === login);
    if (!user) throw new Error(`no demo user ${login}`);
    return new OdooCaller(sim, user.uid, user[use]);
  }

  async raw(model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}): Promise<JsonRpcReply> {
    return jsonRpc(this.sim, 'object', 'execute_kw', [this.sim.database, this.uid, this.secret, model, method, args, kwargs]);
  }

  async call<T = unknown>(model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}): Promise<T> {
    const reply = await this.raw(model, method, args, kwargs);
    if (reply.body.error) throw new OdooCallError(reply.body.error);
    return reply.body.result as T;
  }

  async fails(model: string, method: string, args: unknown[] = [], kwargs: Record<string, unknown> = {}): Promise<NonNullable<JsonRpcReply['body']['error']>> {
    const reply = await this.raw(model, method, args, kwargs);
    if (!reply.body.error) throw new Error(`${model}.${method} was expected to fail but returned ${JSON.stringify(reply.body.result)}`);
    return reply.body.error;
  }

  searchRead<T = Record<string, unknown>>(model: string, domain: unknown[], fields: string[], kwargs: Record<string, unknown> = {}): Promise<T[]> {
    return this.call<T[]>(model, 'search_read', [domain], { fields, ...kwargs });
  }
}
