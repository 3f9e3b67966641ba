import { pythonNameList } from './python-repr';
import type { OdooState } from '../orm/env';
import { accessDenied, OdooError, typeError, valueError } from '../orm/errors';
import { authenticate, checkCredentials } from './auth';
import { callKw } from './call-kw';

export function versionInfo(state: OdooState): Record<string, unknown> {
  const serie = `${state.version}.0`;
  return {
    server_version: serie,
    server_version_info: [state.version, 0, 0, 'final', 0, ''],
    server_serie: serie,
    protocol_version: 1,
  };
}

function arity(name: string, params: unknown[], required: readonly string[], optional: readonly string[] = []): void {
  if (params.length < required.length) {
    const missing = required.slice(params.length).map((param) => `'${param}'`);
    const list = pythonNameList(missing);
    throw typeError(`${name}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${list}`);
  }
  const max = required.length + optional.length;
  if (params.length > max) {
    const takes = optional.length === 0 ? `${max}` : `from ${required.length} to ${max}`;
    throw typeError(`${name}() takes ${takes} positional argument${max === 1 ? '' : 's'} but ${params.length} were given`);
  }
}

function checkDatabase(state: OdooState, db: unknown): void {
  if (db !== state.databaseName) {
    throw new OdooError(
      'psycopg2.OperationalError',
      `connection to server at "127.0.0.1", port 5432 failed: FATAL:  database "${String(db)}" does not exist\n`,
    );
  }
}

function pythonInt(value: unknown): number {
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
  if (typeof value === 'string') throw valueError(`invalid literal for int() with base 10: '${value}'`);
  throw typeError(`int() argument must be a string, a bytes-like object or a real number, not '${value === null ? 'NoneType' : Array.isArray(value) ? 'list' : 'dict'}'`);
}

/** `dispatch_rpc(service, method, params)`: the `common`, `db` and `object` services. */
export function dispatchRpc(state: OdooState, service: unknown, method: unknown, params: unknown): unknown {
  const args = Array.isArray(params) ? params : [];
  switch (service) {
    case 'common':
      switch (method) {
        case 'version':
          arity('exp_version', args, []);
          return versionInfo(state);
        case 'login':
          arity('exp_login', args, ['db', 'login', 'password']);
          checkDatabase(state, args[0]);
          return authenticate(state, args[1], args[2], false);
        case 'authenticate':
          arity('exp_authenticate', args, ['db', 'login', 'password', 'user_agent_env']);
          checkDatabase(state, args[0]);
          return authenticate(state, args[1], args[2], false);
        case 'about':
          return args[0] ? ['See http://openerp.com', `${state.version}.0`] : 'See http://openerp.com';
        case 'set_loglevel':
          return true;
        default:
          throw new OdooError('builtins.Exception', `Method not found: ${String(method)}`);
      }
    case 'db':
      switch (method) {
        case 'list':
          return [state.databaseName];
        case 'db_exist':
          return args[0] === state.databaseName;
        case 'server_version':
          return `${state.version}.0`;
        case 'list_lang':
          return [['en_US', 'English (US)']];
        default:
          if (typeof method === 'string' && ['create_database', 'duplicate_database', 'drop', 'dump', 'restore', 'rename', 'change_admin_password', 'migrate_databases', 'list_countries'].includes(method)) {
            throw accessDenied();
          }
          throw new OdooError('builtins.KeyError', `Method not found: ${String(method)}`);
      }
    case 'object': {
      if (args.length < 3) throw new OdooError('builtins.IndexError', 'list index out of range');
      const [db, rawUid, password] = args;
      const uid = pythonInt(rawUid);
      checkDatabase(state, db);
      const user = state.db.table('res.users').get(uid);
      if (!user || !checkCredentials(state, user, password, false)) throw accessDenied();
      if (method === 'execute_kw') {
        arity('execute_kw', [args[0], uid, ...args.slice(3)], ['db', 'uid', 'obj', 'method', 'args'], ['kw']);
        return callKw(state, uid, String(args[3]), String(args[4]), args[5], args[6] ?? {});
      }
      if (method === 'execute') {
        if (args.length < 5) arity('execute', [args[0], uid, ...args.slice(3)], ['db', 'uid', 'obj', 'method']);
        return callKw(state, uid, String(args[3]), String(args[4]), args.slice(5), {});
      }
      throw new OdooError('builtins.NameError', `Method not available ${String(method)}`);
    }
    default:
      throw new OdooError('builtins.KeyError', String(service), [service]);
  }
}
