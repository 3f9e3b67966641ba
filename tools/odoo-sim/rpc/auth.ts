import { createHash } from 'node:crypto';
import type { OdooState } from '../orm/env';
import type { Row } from '../orm/model-spec';

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function apiKeyMatches(state: OdooState, user: Row, secret: string): boolean {
  const hash = hashSecret(secret);
  const now = state.db.now();
  for (const key of state.db.table('res.users.apikeys').rows.values()) {
    if (key.user_id !== user.id || key.__key_hash !== hash) continue;
    if (key.scope !== false && key.scope !== 'rpc' && key.scope !== undefined) continue;
    // 18+: expired keys are refused like a wrong password.
    if (state.version >= 18 && typeof key.expiration_date === 'string' && key.expiration_date < now) continue;
    return true;
  }
  return false;
}

/**
 * `_check_credentials` for a non-interactive login: the password, then (because RPC is not
 * interactive) an API key in the password slot. `interactive` logins (web session) refuse keys.
 */
export function checkCredentials(state: OdooState, user: Row, secret: unknown, interactive: boolean): boolean {
  if (typeof secret !== 'string' || secret === '') return false;
  if (user.active === false) return false;
  if (user.__password_hash === hashSecret(secret)) return true;
  if (interactive) return false;
  return apiKeyMatches(state, user, secret);
}

export function userByLogin(state: OdooState, login: unknown): Row | undefined {
  if (typeof login !== 'string') return undefined;
  for (const user of state.db.table('res.users').rows.values()) if (user.login === login && user.active !== false) return user;
  return undefined;
}

export function authenticate(state: OdooState, login: unknown, password: unknown, interactive: boolean): number | false {
  const user = userByLogin(state, login);
  if (!user) return false;
  return checkCredentials(state, user, password, interactive) ? user.id : false;
}
