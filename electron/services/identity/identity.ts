import type { RegionProfile } from '../../../shared/domain';
import type { CurrentUserView } from '../../../shared/ipc';
import type { PlannerSettings } from '../settings';

export type IdentitySource = 'demo' | 'none';

export class UnknownDemoUserError extends Error {
  constructor(login: string, known: string[]) {
    super(`"${login}" is not one of this region's demo users (${known.join(', ') || 'none'}).`);
    this.name = 'UnknownDemoUserError';
  }
}

export interface IdentityOptions {
  profile: RegionProfile;
  settings: PlannerSettings;
  /** Whether the planner shows the demo network: demo users apply only there, never to Odoo data. */
  showsDemo: () => boolean;
}

/**
 * Who is at the desk, and therefore what they may see. Roles come from the region profile. In the
 * demo the user is one of the profile's demo users, chosen in Settings (the first until someone
 * chooses); with Odoo data the user will come from the Odoo login. Until then nobody is
 * identified, and nobody unidentified sees costs.
 */
export class Identity {
  constructor(private readonly options: IdentityOptions) {}

  source(): IdentitySource {
    return this.options.showsDemo() && this.options.profile.demoUsers.length > 0 ? 'demo' : 'none';
  }

  current(): CurrentUserView | null {
    if (this.source() !== 'demo') return null;
    const { demoUsers, roles } = this.options.profile;
    const chosen = this.options.settings.demoUser();
    const user = demoUsers.find((candidate) => candidate.login === chosen) ?? demoUsers[0];
    if (!user) return null;
    const held = roles.filter((role) => user.roles.includes(role.code));
    return {
      login: user.login,
      name: user.name,
      roles: held.map((role) => ({ code: role.code, name: role.name })),
      seesCosts: held.some((role) => role.seesCosts),
      source: 'demo',
    };
  }

  seesCosts(): boolean {
    return this.current()?.seesCosts ?? false;
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
}
