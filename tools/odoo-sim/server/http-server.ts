import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { OdooState } from '../orm/env';
import { OdooError, typeError } from '../orm/errors';
import { jsonRpcError, legacyXmlRpcFault, xmlRpcFault } from '../rpc/error-envelope';
import { dispatchRpc } from '../rpc/services';
import type { FaultInjector, RequestFacts } from './faults';
import { handleJsonRoute, isJsonRoute, type JsonRouteContext } from './routes';
import { type SessionStore, sessionIdFromCookie } from './sessions';
import { containsNone, faultResponse, methodResponse, parseMethodCall } from './xmlrpc-codec';

export const CONTROL_PATH = '/__odoo_sim/control';

export interface HttpServerDeps {
  state: () => OdooState;
  sessions: SessionStore;
  faults: FaultInjector;
  adminToken: string;
  /** Admin route actions (the same as the in-process control API). */
  control: (action: Record<string, unknown>) => unknown;
  stats: { requests: number };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

const JSON_MIMETYPES = new Set(['application/json', 'application/json-rpc']);

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function text(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers }, body };
}

function json(body: unknown, headers: Record<string, string | string[]> = {}): Reply {
  return { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

function xml(body: string): Reply {
  return { status: 200, headers: { 'Content-Type': 'text/xml; charset=utf-8' }, body };
}

const NOT_FOUND_HTML =
  '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n';

const WRONG_TYPE_HTML = (path: string): string =>
  `<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n<p>Request inferred type is compatible with [&#39;http&#39;] but &#39;${path}&#39; is type=&#39;json&#39;.</p>\n`;

/** What the fault injector may match on, read without side effects. */
function requestFacts(path: string, parsed: unknown, xmlMethod?: { method: string; params: unknown[] }): RequestFacts {
  const facts: RequestFacts = { path };
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const params = (parsed as { params?: unknown }).params;
    if (params && typeof params === 'object' && !Array.isArray(params)) {
      const p = params as Record<string, unknown>;
      if (path === '/jsonrpc') {
        if (typeof p.service === 'string') facts.service = p.service;
        const args = Array.isArray(p.args) ? p.args : [];
        if (p.service === 'object') {
          if (typeof args[3] === 'string') facts.model = args[3];
          if (typeof args[4] === 'string') facts.method = args[4];
        } else if (typeof p.method === 'string') facts.method = p.method;
      } else {
        if (typeof p.model === 'string') facts.model = p.model;
        if (typeof p.method === 'string') facts.method = p.method;
      }
    }
  }
  if (xmlMethod) {
    facts.service = path.split('/').pop();
    if (facts.service === 'object') {
      if (typeof xmlMethod.params[3] === 'string') facts.model = xmlMethod.params[3];
      if (typeof xmlMethod.params[4] === 'string') facts.method = xmlMethod.params[4];
    } else facts.method = xmlMethod.method;
  }
  return facts;
}

export class OdooHttpServer {
  readonly server: Server;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly deps: HttpServerDeps) {
    this.server = createServer((request, response) => {
      this.serve(request, response).catch((error: unknown) => {
        if (!response.headersSent) {
          response.writeHead(500, { 'Content-Type': 'text/plain' });
          response.end(error instanceof Error ? error.message : String(error));
        }
      });
    });
    this.server.keepAliveTimeout = 5_000;
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Fault injection "restart": every open connection is cut; data stays. */
  dropAllConnections(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const { faults } = this.deps;
    this.deps.stats.requests++;

    if (path === CONTROL_PATH) {
      this.send(response, this.controlRoute(request, body));
      return;
    }

    let parsed: unknown;
    let xmlCall: { method: string; params: unknown[] } | undefined;
    let xmlError: unknown;
    if (isJsonRoute(path)) {
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        parsed = undefined;
      }
    } else if (path.startsWith('/xmlrpc/') && request.method === 'POST') {
      try {
        xmlCall = await parseMethodCall(body);
      } catch (error) {
        xmlError = error;
      }
    }

    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    const fault = faults.decide(requestFacts(path, parsed, xmlCall));
    if (fault === 'drop-before') {
      request.socket.destroy();
      return;
    }
    if (fault === 'http-502') return this.send(response, text(502, '<html><body><h1>502 Bad Gateway</h1></body></html>'));
    if (fault === 'http-503') return this.send(response, text(503, '<html><body><h1>503 Service Unavailable</h1></body></html>'));
    if (fault === 'rate-limit') {
      return this.send(response, text(429, '<html><body><h1>429 Too Many Requests</h1></body></html>', { 'Retry-After': String(faults.retryAfterSeconds) }));
    }
    if (fault === 'session-expired') this.deps.sessions.expireAll();

    let reply: Reply;
    if (isJsonRoute(path) && !this.isJsonRequest(request)) reply = text(400, WRONG_TYPE_HTML(path));
    else if (isJsonRoute(path)) reply = this.jsonRoute(request, path, body, parsed);
    else if (path.startsWith('/xmlrpc/')) reply = this.xmlRoute(request, path, xmlCall, xmlError);
    else if (path === '/web/version' && request.method === 'GET') reply = json({ version_info: this.deps.state().version === 18 ? [18, 0, 0, 'final', 0, ''] : [17, 0, 0, 'final', 0, ''], version: `${this.deps.state().version}.0` });
    else if (this.isJsonRequest(request)) reply = this.jsonRoute(request, path, body, parsed ?? safeParse(body));
    else reply = text(404, NOT_FOUND_HTML);

    if (fault === 'drop-after-commit') {
      // The work is committed; the caller never learns it.
      request.socket.destroy();
      return;
    }
    this.send(response, reply);
  }

  private isJsonRequest(request: IncomingMessage): boolean {
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    return JSON_MIMETYPES.has(type);
  }

  private send(response: ServerResponse, reply: Reply): void {
    if (response.destroyed) return;
    response.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(Buffer.byteLength(reply.body)) });
    response.end(reply.body);
  }

  private jsonRoute(request: IncomingMessage, path: string, body: Buffer, parsed: unknown): Reply {
    if (parsed === undefined) return text(400, 'Invalid JSON data');
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return text(400, 'Invalid JSON-RPC data');
    const envelope = parsed as { id?: unknown; params?: unknown };
    const id = envelope.id ?? null;
    const context: JsonRouteContext = {
      state: this.deps.state(),
      sessions: this.deps.sessions,
      session: this.deps.sessions.get(sessionIdFromCookie(request.headers.cookie)),
      remoteAddress: request.socket.remoteAddress ?? '',
    };
    const headers: Record<string, string | string[]> = {};
    try {
      const rawParams = envelope.params ?? {};
      if (typeof rawParams !== 'object' || rawParams === null || Array.isArray(rawParams)) {
        throw typeError('cannot convert dictionary update sequence element #0 to a sequence');
      }
      const result = handleJsonRoute(path, rawParams as Record<string, unknown>, context);
      if (context.newSession) headers['Set-Cookie'] = `session_id=${context.newSession.sid}; Expires=${new Date(Date.now() + 7 * 86_400_000).toUTCString()}; Max-Age=604800; HttpOnly; Path=/; SameSite=Lax`;
      if (context.destroySession) this.deps.sessions.destroy(context.session?.sid);
      // Odoo adds `result` only when the method returned something other than None.
      return json(result === null || result === undefined ? { jsonrpc: '2.0', id } : { jsonrpc: '2.0', id, result }, headers);
    } catch (error) {
      // Odoo raises SessionExpired before it reads the request id, so the reply carries id null.
      const expired = error instanceof OdooError && error.odooName === 'odoo.http.SessionExpiredException';
      return json({ jsonrpc: '2.0', id: expired ? null : id, error: jsonRpcError(error) });
    }
  }

  private xmlRoute(request: IncomingMessage, path: string, call: { method: string; params: unknown[] } | undefined, parseError: unknown): Reply {
    const match = /^\/xmlrpc\/(?:(2)\/)?([^/]+)$/.exec(path);
    if (!match) return text(404, NOT_FOUND_HTML);
    if (request.method !== 'POST') return text(405, '<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n');
    const legacy = match[1] === undefined;
    const service = match[2] ?? '';
    const fault = (error: unknown): Reply => xml(faultResponse(legacy ? legacyXmlRpcFault(error) : xmlRpcFault(error)));
    if (!call) return fault(new Error(`ExpatError: ${parseError instanceof Error ? parseError.message : 'not well-formed'}`));
    try {
      const result = dispatchRpc(this.deps.state(), service, call.method, call.params);
      if (containsNone(result)) return fault(new TypeError('cannot marshal None unless allow_none is enabled'));
      return xml(methodResponse(result));
    } catch (error) {
      return fault(error);
    }
  }

  private controlRoute(request: IncomingMessage, body: Buffer): Reply {
    if (request.headers['x-odoo-sim-token'] !== this.deps.adminToken) return { status: 403, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ error: 'wrong or missing X-Odoo-Sim-Token' }) };
    let action: unknown;
    try {
      action = JSON.parse(body.toString('utf8'));
    } catch {
      return { status: 400, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ error: 'body must be a JSON object with an "action"' }) };
    }
    if (!action || typeof action !== 'object' || Array.isArray(action)) return { status: 400, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ error: 'body must be a JSON object with an "action"' }) };
    try {
      const result = this.deps.control(action as Record<string, unknown>);
      return { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ ok: true, result: result ?? null }) };
    } catch (error) {
      return { status: 400, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ error: error instanceof Error ? error.message : String(error) }) };
    }
  }
}

function safeParse(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

