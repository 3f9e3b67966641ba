import { describe, expect, it } from 'vitest';
import { Identity, UnknownDemoUserError } from '../../../electron/services/identity';
import type { PlannerSettings } from '../../../electron/services/settings';
import { regionProfile } from '../../support/planner-fixture';

function settingsWith(chosen: string | null): PlannerSettings & { chosen: string | null } {
  const stub = {
    chosen,
    demoUser: () => stub.chosen,
    setDemoUser: (login: string) => {
      stub.chosen = login;
    },
  };
  return stub as unknown as PlannerSettings & { chosen: string | null };
}

describe('who is at the desk', () => {
  it('in the demo, is the chosen demo user with the roles the profile gives them', () => {
    const identity = new Identity({ profile: regionProfile('na'), settings: settingsWith('dwayne.dc'), showsDemo: () => true });
    expect(identity.current()).toEqual({ login: 'dwayne.dc', name: 'Dwayne (DC manager, no costs)', roles: [{ code: 'dc-manager', name: 'DC manager' }], seesCosts: false, source: 'demo', verifiedAt: null, lastCheck: null });
    expect(identity.seesCosts()).toBe(false);
  });

  it('in the demo, is the first demo user until someone chooses, and a chosen login the profile no longer has falls back to it', () => {
    expect(new Identity({ profile: regionProfile('apac'), settings: settingsWith(null), showsDemo: () => true }).current()?.login).toBe('wei.planner');
    expect(new Identity({ profile: regionProfile('apac'), settings: settingsWith('gone.user'), showsDemo: () => true }).current()?.login).toBe('wei.planner');
  });

  it('with Odoo data and no verified Odoo login, is nobody: nobody sees costs, no demo user is offered', () => {
    const settings = settingsWith('anna.planner');
    const identity = new Identity({ profile: regionProfile('demo'), settings, showsDemo: () => false });
    expect(identity.source()).toBe('none');
    expect(identity.current()).toBeNull();
    expect(identity.seesCosts()).toBe(false);
    expect(identity.demoUsers()).toEqual([]);
    expect(() => identity.chooseDemoUser('anna.planner', 'x')).toThrow(UnknownDemoUserError);
  });
});
