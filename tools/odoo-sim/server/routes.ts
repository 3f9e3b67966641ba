import { pythonNameList } from '../rpc/python-repr';
import { Env, type OdooState } from '../orm/env';
import { accessDenied, accessError, OdooError, typeError } from '../orm/errors';
import { authenticate } from '../rpc/auth';
import { callKw } from '../rpc/call-kw';
import { dispatchRpc, versionInfo } from '../rpc/services';
import type { Session, SessionStore } from './sessions';

export interface JsonRouteContext {
  state: OdooState;
  sessions: SessionStore;
  session: Session | undefined;
  /** Set by /web/session/authenticate so the server sends the cookie. */
  newSession?: Session;
  destroySession?: boolean;
}

export const JSON_ROUTES = new Set([
  '/jsonrpc',
  '/web/session/authenticate',
  '/web/session/get_session_info',
  '/web/session/destroy',
  '/web/dataset/call_kw',
  '/web/webclient/version_info',
]);

export function isJsonRoute(path: string): boolean {
  return JSON_ROUTES.has(path) || path.startsWith('/web/dataset/call_kw/');
}

function sessionExpired(): OdooError {
  return new OdooError('odoo.http.SessionExpiredException', 'Session expired');
}

function requireSession(context: JsonRouteContext): Session {
  const session = context.session;
  if (!session || !context.state.db.table('res.users').get(session.uid)) throw sessionExpired();
  return session;
}

function sessionInfo(state: OdooState, session: Session): Record<string, unknown> {
  const env = new Env(state, session.uid, {}, true);
  const user = env.user();
  const partner = env.row('res.partner', user.partner_id as number);
  const companyIds = (user.company_ids as number[] | undefined) ?? [];
  const companies: Record<string, unknown> = {};
  for (const id of companyIds) {
    const company = env.row('res.company', id);
    companies[String(id)] = { id, name: company?.name ?? '', sequence: 10, child_ids: [], parent_id: false, currency_id: company?.currency_id ?? false };
  }
  const version = versionInfo(state);
  return {
    uid: session.uid,
    is_system: env.withUser(session.uid).hasGroup('base.group_system'),
    is_admin: env.withUser(session.uid).hasGroup('base.group_erp_manager'),
    is_public: false,
    is_internal_user: env.withUser(session.uid).hasGroup('base.group_user'),
    user_context: { lang: user.lang || 'en_US', tz: user.tz || false, uid: session.uid },
    db: state.databaseName,
    server_version: version.server_version,
    server_version_info: version.server_version_info,
    support_url: 'https://www.odoo.com/buy',
    name: user.name,
    username: user.login,
    partner_display_name: partner?.name ?? false,
    partner_id: partner?.id ?? false,
    'web.base.url': '',
    active_ids_limit: 20000,
    max_file_upload_size: 134217728,
    home_action_id: false,
    currencies: {},
    user_companies: { current_company: user.company_id, allowed_companies: companies, disallowed_ancestor_companies: {} },
    show_effect: true,
    display_switch_company_menu: companyIds.length > 1,
  };
}

function named(params: Record<string, unknown>, endpoint: string, required: readonly string[]): void {
  const missing = required.filter((key) => !(key in params));
  if (missing.length > 0) {
    const names = missing.map((key) => `'${key}'`);
    const list = pythonNameList(names);
    throw typeError(`${endpoint}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${list}`);
  }
}

/** One JSON-RPC route's result (undefined/null → no `result` key, as Odoo). */
export function handleJsonRoute(path: string, params: Record<string, unknown>, context: JsonRouteContext): unknown {
  const { state } = context;
  if (path === '/jsonrpc') {
    named(params, 'RPC.jsonrpc', ['service', 'method', 'args']);
    return dispatchRpc(state, params.service, params.method, params.args);
  }
  if (path === '/web/webclient/version_info') return versionInfo(state);
  if (path === '/web/session/authenticate') {
    named(params, 'Session.authenticate', ['db', 'login', 'password']);
    if (params.db !== state.databaseName) throw accessError('Database not found.');
    // Interactive login: API keys are refused here, and a wrong password is an error, not `false`.
    const uid = authenticate(state, params.login, params.password, true);
    if (uid === false) throw accessDenied();
    const session = context.sessions.create(uid, String(params.login), state.databaseName);
    context.newSession = session;
    return sessionInfo(state, session);
  }
  if (path === '/web/session/get_session_info') return sessionInfo(state, requireSession(context));
  if (path === '/web/session/destroy') {
    requireSession(context);
    context.destroySession = true;
    return null;
  }
  if (path === '/web/dataset/call_kw' || path.startsWith('/web/dataset/call_kw/')) {
    const session = requireSession(context);
    named(params, 'DataSet.call_kw', ['model', 'method', 'args', 'kwargs']);
    return callKw(state, session.uid, String(params.model), String(params.method), params.args, params.kwargs);
  }
  throw new OdooError(
    'werkzeug.exceptions.NotFound',
    '404 Not Found: The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
  );
}
