import { userInfo } from 'node:os';
import type { AuditEntry, RegionProfile } from '../../../shared/domain';
import type { Notice, SettingChangeView, SettingsView } from '../../../shared/ipc';
import type { RequestHandlers } from '../../ipc/dispatch';
import { ServiceError } from '../../ipc/service-error';
import type { Log } from '../../app/log';
import type { AuditLog } from '../audit';
import { UnknownDemoUserError, type Identity } from '../identity';
import { SecretStorageError, type SecretStore } from '../secrets';
import { SettingsError } from './odoo-connection';
import type { PlannerSettings } from './planner-settings';

export interface SettingsRequestDeps {
  profile: RegionProfile;
  settings: PlannerSettings;
  secrets: SecretStore;
  identity: Identity;
  audit: AuditLog;
  log: Log;
}

type SettingsChannel =
  | 'settings.describe'
  | 'settings.changeOdooConnection'
  | 'settings.resetOdooConnection'
  | 'secrets.saveOdooApiKey'
  | 'secrets.clearOdooApiKey'
  | 'identity.chooseDemoUser';

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** Who the audit log names for a change: the planner's user, else the OS account at the desk. */
export function actorOf(identity: Identity): string {
  return identity.current()?.login ?? `os-user:${osUser()}`;
}

function describeConnection(value: unknown): string {
  if (value === null || typeof value !== 'object') return 'none';
  const { url, database, login } = value as { url?: unknown; database?: unknown; login?: unknown };
  return `${String(url)} (database ${String(database)}${typeof login === 'string' ? `, login ${login}` : ''})`;
}

/** One line per audited change, in words, for the Settings screen. */
export function summariseChange(entry: AuditEntry): SettingChangeView {
  const { event } = entry;
  let summary: string;
  if (event.kind === 'setting-changed' && event.setting === 'odoo.connection') {
    summary = `Odoo connection changed from ${describeConnection(event.from)} to ${describeConnection(event.to)}`;
  } else if (event.kind === 'setting-changed' && event.setting === 'identity.demoUser') {
    summary = `Demo user changed from ${String(event.from ?? 'the default')} to ${String(event.to)}`;
  } else if (event.kind === 'setting-changed') {
    summary = `${event.setting} changed`;
  } else if (event.kind === 'secret-changed') {
    summary = event.change === 'stored' ? 'Odoo API key stored' : 'Odoo API key removed';
  } else {
    summary = event.kind;
  }
  const reason = 'reason' in event && event.reason ? `: ${event.reason}` : '';
  return { seq: entry.seq, at: event.at, actor: event.actor, summary: `${summary}${reason}` };
}

export function describeSettings(deps: SettingsRequestDeps): SettingsView {
  const { profile, settings, secrets, identity, audit } = deps;
  return {
    region: {
      code: profile.code,
      name: profile.name,
      demo: profile.demo,
      embeddedOdoo: profile.odoo ? { url: profile.odoo.url, database: profile.odoo.database, company: profile.odoo.company } : null,
      updateChannel: profile.updates.channel,
    },
    odoo: settings.odooConnection(),
    apiKey: { stored: settings.apiKeyStored(), storage: secrets.kind, protection: secrets.describe() },
    user: identity.current(),
    demoUsers: identity.demoUsers(),
    recentChanges: audit.list({ kinds: ['setting-changed', 'secret-changed'], limit: 10 }).map(summariseChange),
  };
}

/** Shown on every screen while the planner talks to an Odoo server other than the region's. */
export function connectionNotices(settings: PlannerSettings, profile: RegionProfile): Notice[] {
  const connection = settings.odooConnection();
  if (connection?.source !== 'override') return [];
  const embedded = profile.odoo ? `${profile.odoo.url} (${profile.odoo.database})` : 'none';
  return [
    {
      level: 'warning',
      message: `This planner talks to the Odoo server ${connection.url} (database ${connection.database}), not ${embedded}, the one built in for ${profile.name}. The change was made in Settings and is recorded in the audit log.`,
    },
  ];
}

/** Turns the services' refusals into answers the Settings screen can show. */
function refusal(channel: string, error: unknown): never {
  if (error instanceof SettingsError) throw new ServiceError('invalid-request', `${channel}: ${error.message}`);
  if (error instanceof UnknownDemoUserError) throw new ServiceError('invalid-request', `${channel}: ${error.message}`);
  if (error instanceof SecretStorageError) throw new ServiceError('unavailable', error.message);
  throw error;
}

/**
 * The Settings screen's requests. The API key goes in and never comes out: every answer is the
 * SettingsView, which says only whether a key is stored.
 */
export function settingsHandlers(deps: SettingsRequestDeps): Pick<RequestHandlers, SettingsChannel> {
  const { settings, identity, log } = deps;
  const view = async (): Promise<SettingsView> => describeSettings(deps);
  return {
    'settings.describe': view,
    'settings.changeOdooConnection': async (request) => {
      try {
        const connection = settings.changeOdooConnection({ url: request.url, database: request.database, login: request.login, reason: request.reason }, actorOf(identity));
        log.warn({ url: connection.url, database: connection.database, source: connection.source }, 'the Odoo connection was changed in Settings');
      } catch (error) {
        refusal('settings.changeOdooConnection', error);
      }
      return view();
    },
    'settings.resetOdooConnection': async () => {
      settings.resetOdooConnection(actorOf(identity));
      log.info("the Odoo connection was set back to the region's");
      return view();
    },
    'secrets.saveOdooApiKey': async (request) => {
      try {
        settings.saveOdooApiKey(request.apiKey, actorOf(identity));
      } catch (error) {
        refusal('secrets.saveOdooApiKey', error);
      }
      log.info('an Odoo API key was stored');
      return view();
    },
    'secrets.clearOdooApiKey': async () => {
      settings.clearOdooApiKey(actorOf(identity));
      return view();
    },
    'identity.chooseDemoUser': async (request) => {
      if (identity.source() !== 'demo') throw new ServiceError('conflict', 'Demo users can be chosen only while the planner shows the demo network.');
      try {
        identity.chooseDemoUser(request.login, actorOf(identity));
      } catch (error) {
        refusal('identity.chooseDemoUser', error);
      }
      return view();
    },
  };
}
