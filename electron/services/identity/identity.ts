import type { RegionProfile } from '../../../shared/domain';
import type { CurrentUserView, IdentityCheckView } from '../../../shared/ipc';
import { OdooClient, type OdooConnection } from '../odoo';
import type { SecretStore } from '../secrets';
import type { PlannerSettings } from '../settings';
import { groupsHeld, groupsNamedBy, rolesFromGroups } from './odoo-groups';
import { VerifiedIdentityStore, type VerifiedIdentity } from './verified-identity';
import { z } from 'zod';

export type IdentitySource = 'demo' | 'odoo' | 'none';

export class UnknownDemoUserError extends Error {
  constructor(login: string, known: string[]) {
    super(`"${login}" is not one of this region's demo users (${known.join(', ') || 'none'}).`);
    this.name = 'UnknownDemoUserError';
  }
}

export class IdentityCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdentityCheckError';
  }
}

export interface IdentityOptions {
  profile: RegionProfile;
  settings: PlannerSettings;
  /** Whether the planner shows the demo network: demo users apply only there, never to Odoo data. */
  showsDemo: () => boolean;
  /** Where the last identity Odoo verified is kept (encrypted); without it, Odoo logins are never identified. */
  secrets?: SecretStore;
  /** The Odoo connection the planner uses (server, database, login, key), read at the moment of use. */
  odooConnection?: () => Promise<OdooConnection | null>;
  /** Which server and login are set up, without the key (to match the stored identity synchronously). */
  configuredLogin?: () => { url: string; database: string; login: string } | null;
  now?: () => Date;
  /** Tests hand in a client factory; the default talks JSON-RPC to the server. */
  client?: (connection: OdooConnection) => OdooClient;
}

/**
 * Who is at the desk, and therefore what they may see and decide. Roles come from the region
 * profile. In the demo the user is one of the profile's demo users, chosen in Settings. With Odoo
 * data the user is the Odoo login: its name, and its groups (by XML id) mapped to the profile's
 * roles, as Odoo last verified them; offline that last verified identity stands, with when it was
 * verified. Nobody unidentified sees costs or may decide anything.
 */
export class Identity {
  private readonly verified: VerifiedIdentityStore | null;
  private lastCheck: IdentityCheckView | null = null;
  private readonly now: () => Date;

  constructor(private readonly options: IdentityOptions) {
    this.verified = options.secrets ? new VerifiedIdentityStore(options.secrets) : null;
    this.now = options.now ?? (() => new Date());
  }

  source(): IdentitySource {
    if (this.options.showsDemo() && this.options.profile.demoUsers.length > 0) return 'demo';
    return this.odooIdentity() ? 'odoo' : 'none';
  }

  /** The stored identity, when it belongs to the server, database and login set up now. */
  private odooIdentity(): VerifiedIdentity | null {
    const configured = this.options.configuredLogin?.();
    const stored = this.verified?.read() ?? null;
    if (!configured || !stored) return null;
    return stored.url === configured.url && stored.database === configured.database && stored.login === configured.login ? stored : null;
  }

  private view(login: string, name: string, roleCodes: readonly string[], source: 'demo' | 'odoo', verifiedAt: string | null): CurrentUserView {
    const held = this.options.profile.roles.filter((role) => roleCodes.includes(role.code));
    return {
      login,
      name,
      roles: held.map((role) => ({ code: role.code, name: role.name })),
      seesCosts: held.some((role) => role.seesCosts),
      source,
      verifiedAt,
      lastCheck: source === 'odoo' ? this.lastCheck : null,
    };
  }

  current(): CurrentUserView | null {
    const source = this.source();
    if (source === 'demo') {
      const { demoUsers } = this.options.profile;
      const chosen = this.options.settings.demoUser();
      const user = demoUsers.find((candidate) => candidate.login === chosen) ?? demoUsers[0];
      return user ? this.view(user.login, user.name, user.roles, 'demo', null) : null;
    }
    if (source === 'odoo') {
      const identity = this.odooIdentity();
      if (!identity) return null;
      return this.view(identity.login, identity.name, rolesFromGroups(this.options.profile, identity.groups), 'odoo', identity.verifiedAt);
    }
    return null;
  }

  seesCosts(): boolean {
    return this.current()?.seesCosts ?? false;
  }

  /** The outcome of the last attempt to verify the Odoo login (null before the first). */
  lastOdooCheck(): IdentityCheckView | null {
    return this.lastCheck;
  }

  private client(connection: OdooConnection): OdooClient {
    return this.options.client ? this.options.client(connection) : new OdooClient(connection, { timeoutMs: 20_000 });
  }

  /**
   * Asks Odoo who the configured login is and which of the region's groups it is in, and keeps the
   * answer. When Odoo cannot be reached, the last verified identity stays as it was.
   */
  async verifyWithOdoo(): Promise<CurrentUserView | null> {
    const at = this.now().toISOString();
    const connection = await this.options.odooConnection?.();
    if (!connection || !this.verified) {
      this.lastCheck = { at, ok: false, message: 'No Odoo connection with a login and API key is set up, so the Odoo login cannot be verified.' };
      throw new IdentityCheckError(this.lastCheck.message);
    }
    try {
      const client = this.client(connection);
      const session = await client.connect();
      const [user] = await client.read('res.users', [session.uid], ['name', 'login'], z.object({ name: z.string(), login: z.string() }));
      if (!user) throw new IdentityCheckError(`Odoo has no user record for ${connection.login}.`);
      const groups = await groupsHeld(client, session.uid, groupsNamedBy(this.options.profile));
      const kept = this.verified.write({
        format: 'network-planner-verified-identity/1',
        url: connection.url,
        database: connection.database,
        login: connection.login,
        uid: session.uid,
        name: user.name,
        groups,
        serverVersion: session.serverVersion,
        verifiedAt: at,
      });
      const roles = rolesFromGroups(this.options.profile, groups);
      const names = this.options.profile.roles.filter((role) => roles.includes(role.code)).map((role) => role.name);
      this.lastCheck = {
        at,
        ok: true,
        message: `Odoo verified ${user.name} (${connection.login}): ${names.length > 0 ? names.join(', ') : 'no role of this region'}.${kept ? '' : ' The keychain is not available, so this is remembered until the planner closes.'}`,
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.lastCheck = { at, ok: false, message: `Could not verify the Odoo login: ${reason}` };
      throw new IdentityCheckError(this.lastCheck.message);
    }
    return this.current();
  }

  /** Demo users on offer, with whether each sees costs (so the chooser can say so). */
  demoUsers(): { login: string; name: string; roles: string[]; seesCosts: boolean }[] {
    if (this.source() !== 'demo') return [];
    const { demoUsers, roles } = this.options.profile;
    return demoUsers.map((user) => ({
      login: user.login,
      name: user.name,
      roles: user.roles,
      seesCosts: roles.some((role) => role.seesCosts && user.roles.includes(role.code)),
    }));
  }

  chooseDemoUser(login: string, actor: string): CurrentUserView {
    const known = this.demoUsers().map((user) => user.login);
    if (!known.includes(login)) throw new UnknownDemoUserError(login, known);
    this.options.settings.setDemoUser(login, this.current()?.login ?? null, actor);
    const user = this.current();
    if (!user) throw new Error('no current user after choosing one: this is a bug');
    return user;
  }

  /**
   * The region roles another user holds, from an authority this desktop trusts: the profile's demo
   * users in the demo, the user's groups in Odoo otherwise (needs Odoo to be reachable).
   */
  async rolesOf(login: string): Promise<{ roles: string[]; name: string | null; source: 'demo-profile' | 'odoo'; verifiedAt: string } | { unknown: string }> {
    const at = this.now().toISOString();
    if (this.source() === 'demo') {
      const user = this.options.profile.demoUsers.find((candidate) => candidate.login === login);
      if (!user) return { unknown: `${login} is not one of ${this.options.profile.name}'s demo users, so their roles are unknown here.` };
      return { roles: [...user.roles], name: user.name, source: 'demo-profile', verifiedAt: at };
    }
    const connection = await this.options.odooConnection?.();
    if (!connection) return { unknown: `Trusting ${login}'s key needs their roles from Odoo, and no Odoo connection is set up. Connect once, then trust the key; imports work offline afterwards.` };
    try {
      const client = this.client(connection);
      await client.connect();
      const users = await client.searchRead('res.users', [['login', '=', login]], ['id', 'name'], z.object({ id: z.number().int(), name: z.string() }), { limit: 1 });
      const user = users[0];
      if (!user) return { unknown: `Odoo has no user ${login}.` };
      const groups = await groupsHeld(client, user.id, groupsNamedBy(this.options.profile));
      return { roles: rolesFromGroups(this.options.profile, groups), name: user.name, source: 'odoo', verifiedAt: at };
    } catch (error) {
      return { unknown: `Could not check ${login}'s roles in Odoo (${error instanceof Error ? error.message : String(error)}). Trusting a key needs Odoo once; imports work offline afterwards.` };
    }
  }
}
