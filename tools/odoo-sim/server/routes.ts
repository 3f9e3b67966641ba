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
  /** Caller address, for the login cooldown of /web/session/authenticate. */
  remoteAddress: string;
  /** Set by /web/session/authenticate so the server sends the cookie. */
  newSession?: Session;
  destroySession?: boolean;
}

const LOGIN_COOLDOWN_AFTER = 10;
const LOGIN_COOLDOWN_MS = 60_000;

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

/** ir.http.session_info of 18 (the web client's bootstrap keys; view_info and storeData left out). */
function sessionInfo(state: OdooState, session: Session): Record<string, unknown> {
  const env = new Env(state, session.uid, {}, true);
  const user = env.user();
  const partner = env.row('res.partner', user.partner_id as number);
  const companyIds = (user.company_ids as number[] | undefined) ?? [];
  const companies: Record<string, unknown> = {};
  for (const id of companyIds) {
    const company = env.row('res.company', id);
    companies[String(id)] = { id, name: company?.name ?? '', sequence: company?.sequence ?? 10, child_ids: [], parent_id: false };
  }
  const currencies: Record<string, unknown> = {};
  for (const currency of env.db.table('res.currency').rows.values()) {
    if (currency.active !== false) currencies[String(currency.id)] = { symbol: currency.symbol, position: 'after', digits: [69, Number(currency.decimal_places ?? 2)] };
  }
  const version = versionInfo(state);
  const asUser = env.withUser(session.uid);
  const internal = asUser.hasGroup('base.group_user');
  return {
    uid: session.uid,
    is_system: asUser.hasGroup('base.group_system'),
    is_admin: asUser.hasGroup('base.group_erp_manager'),
    is_public: false,
    is_internal_user: internal,
    user_context: { lang: user.lang || 'en_US', tz: user.tz || false, uid: session.uid },
    db: state.databaseName,
    user_settings: { id: session.uid, user_id: { id: session.uid } },
    server_version: version.server_version,
    server_version_info: version.server_version_info,
    support_url: 'https://www.odoo.com/buy',
    name: user.name,
    username: user.login,
    quick_login: true,
    partner_write_date: partner?.write_date ?? false,
    partner_display_name: partner?.name ?? false,
    partner_id: partner?.id ?? null,
    'web.base.url': '',
    active_ids_limit: 20000,
    profile_session: null,
    profile_collectors: null,
    profile_params: null,
    max_file_upload_size: 134217728,
    home_action_id: false,
    cache_hashes: { translations: null },
    currencies,
    bundle_params: { lang: user.lang || 'en_US' },
    test_mode: false,
    ...(internal
      ? {
          user_companies: { current_company: user.company_id, allowed_companies: companies, disallowed_ancestor_companies: {} },
          show_effect: true,
          display_switch_company_menu: companyIds.length > 1,
        }
      : {}),
    max_time_between_keys_in_ms: 150,
    websocket_worker_version: `${state.version}.0-5`,
    tour_enabled: false,
    current_tour: null,
    can_insert_in_spreadsheet: false,
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
    // Odoo's _assert_can_auth: after 10 failures from one address, 60 s of refusals (web login only).
    const failures = context.sessions.loginFailures(context.remoteAddress);
    if (failures.count >= LOGIN_COOLDOWN_AFTER && Date.now() - failures.last < LOGIN_COOLDOWN_MS) {
      throw new OdooError('odoo.exceptions.AccessDenied', 'Too many login failures, please wait a bit before trying again.');
    }
    // Interactive login: API keys are refused here, and a wrong password is an error, not `false`.
    const uid = authenticate(state, params.login, params.password, true);
    if (uid === false) {
      context.sessions.recordLoginFailure(context.remoteAddress);
      throw accessDenied();
    }
    context.sessions.clearLoginFailures(context.remoteAddress);
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
