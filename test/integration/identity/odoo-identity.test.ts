import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Identity, IdentityCheckError } from '../../../electron/services/identity';
import { encryptedFileSecretStore, type SecretStore } from '../../../electron/services/secrets';
import type { PlannerSettings } from '../../../electron/services/settings';
import type { RunningOdooSim } from '../../../tools/odoo-sim';
import { forgetHasGroup } from '../../support/odoo-has-group';
import { demoProfile, startTestPlanner } from '../../support/planner-fixture';
import { makeTempDir } from '../../support/temp-dir';
import { electronTransport } from '../../support/transports';
import { startSmallSim, user } from '../odoo-sim/start-small';

const noDemoUser = { demoUser: () => null, setDemoUser: () => undefined } as unknown as PlannerSettings;

function identityFor(sim: RunningOdooSim, login: string, secrets: SecretStore, now = () => new Date('2026-03-02T09:00:00.000Z')): Identity {
  return new Identity({
    profile: demoProfile(),
    settings: noDemoUser,
    showsDemo: () => false,
    secrets,
    odooConnection: async () => ({ url: sim.url, database: sim.database, login, apiKey: user(sim, login).apiKey }),
    configuredLogin: () => ({ url: sim.url, database: sim.database, login }),
    now,
  });
}

describe.each([17, 18] as const)('the user comes from the Odoo login (Odoo %i stand-in)', (odooVersion) => {
  let sim: RunningOdooSim;
  const temp = makeTempDir('identity');
  const keys = makeTempDir('identity-keys');
  let secrets: SecretStore;

  beforeAll(async () => {
    sim = await startSmallSim({ odooVersion });
    secrets = encryptedFileSecretStore(temp.path, { PLANNER_KEY_DIR: keys.path });
  });
  afterEach(() => {
    secrets.clear('verified-odoo-identity');
  });
  afterAll(async () => {
    await sim.close();
    temp.remove();
    keys.remove();
  });

  describe('on a server that does not answer has_group (a customised Odoo)', () => {
    let restore: () => void = () => undefined;
    beforeAll(() => {
      restore = forgetHasGroup(sim);
    });
    afterAll(() => restore());

    it('without has_group on the server, reads XML ids from ir.model.data where the login may (an Access Rights administrator)', async () => {
      const admin = identityFor(sim, 'admin', secrets);
      const verified = await admin.verifyWithOdoo();
      expect(verified).toMatchObject({ login: 'admin', name: 'Mitchell Admin', source: 'odoo', seesCosts: true, verifiedAt: '2026-03-02T09:00:00.000Z' });
      // Inventory Administrator implies Inventory User; Purchase Administrator is Finance in this region; every internal user is a Viewer.
      expect(verified?.roles.map((role) => role.code)).toEqual(['planner', 'regional-ops', 'finance', 'viewer']);
    });

    it('without has_group and without access to XML ids, says why and identifies nobody (never guesses from group names)', async () => {
      const planner = identityFor(sim, 'planner', secrets);
      await expect(planner.verifyWithOdoo()).rejects.toThrow(IdentityCheckError);
      await expect(planner.verifyWithOdoo()).rejects.toThrow(/does not answer res\.users\.has_group, and your user may not read external ids/);
      expect(planner.current()).toBeNull();
      expect(planner.lastOdooCheck()).toMatchObject({ ok: false });
    });
  });

  describe('with res.users.has_group, as Odoo 17 and 18 answer it', () => {
    it.each([
      ['planner', 'Pat Planner', ['planner', 'viewer'], true],
      ['supervisor', 'Sam Supervisor', ['planner', 'regional-ops', 'finance', 'viewer'], true],
      ['readonly', 'Robin Readonly', ['viewer'], false],
    ])('maps %s’s groups (implied ones included) to the region’s roles', async (login, name, roles, seesCosts) => {
      const identity = identityFor(sim, login, secrets);
      const verified = await identity.verifyWithOdoo();
      expect(verified).toMatchObject({ login, name, source: 'odoo', seesCosts });
      expect(verified?.roles.map((role) => role.code)).toEqual(roles);
      expect(identity.lastOdooCheck()).toMatchObject({ ok: true, message: expect.stringMatching(new RegExp(`^Odoo verified ${name} \\(${login}\\): `)) });
    });

    it('keeps the last verified identity, encrypted, for when Odoo cannot be reached, saying when it was verified', async () => {
      await identityFor(sim, 'supervisor', secrets).verifyWithOdoo();
      const later = identityFor(sim, 'supervisor', secrets, () => new Date('2026-03-03T07:00:00.000Z'));
      sim.control.failNext('drop-before', 20);
      await expect(later.verifyWithOdoo()).rejects.toThrow(/Could not verify the Odoo login/);
      sim.control.clearFaults();
      expect(later.current()).toMatchObject({ login: 'supervisor', verifiedAt: '2026-03-02T09:00:00.000Z', lastCheck: { ok: false } });
      // The stored identity is ciphertext: editing the data directory cannot hand anyone a role.
      for (const file of readdirSync(temp.path)) expect(readFileSync(`${temp.path}/${file}`, 'utf8')).not.toContain('stock.group_stock_manager');
    });

    it('does not carry one login’s identity over to another login', async () => {
      await identityFor(sim, 'supervisor', secrets).verifyWithOdoo();
      expect(identityFor(sim, 'planner', secrets).current()).toBeNull();
    });

    it('looks up a colleague’s roles in Odoo, for trusting their device key', async () => {
      await expect(identityFor(sim, 'planner', secrets).rolesOf('supervisor')).resolves.toMatchObject({ roles: ['planner', 'regional-ops', 'finance', 'viewer'], name: 'Sam Supervisor', source: 'odoo' });
      await expect(identityFor(sim, 'planner', secrets).rolesOf('nobody')).resolves.toEqual({ unknown: 'Odoo has no user nobody.' });
    });
  });
});

describe('after a sync from Odoo, the planner knows who is at the desk and shows costs to a role that sees them', () => {
  it('identifies the Odoo login after the sync, and the network summary carries costs again', async () => {
    const sim = await startSmallSim();
    const planner = await startTestPlanner({ nodes: 3, skus: 30 });
    const transport = electronTransport(planner.services);
    try {
      await transport.api.invoke('settings.changeOdooConnection', { url: sim.url, database: sim.database, login: 'planner', reason: 'the local stand-in', confirmed: true });
      await transport.api.invoke('secrets.saveOdooApiKey', { apiKey: user(sim, 'planner').apiKey });
      await transport.api.invoke('sync.start', {});
      await expect.poll(async () => (await transport.api.invoke('app.describe', {})).mode, { timeout: 60_000 }).toBe('odoo');
      await expect.poll(async () => (await transport.api.invoke('app.describe', {})).user, { timeout: 30_000 }).toEqual({ login: 'planner', name: 'Pat Planner', seesCosts: true });
      expect((await transport.api.invoke('network.summary', {})).totals.valueAtRisk).not.toBeNull();
      const settings = await transport.api.invoke('settings.describe', {});
      expect(settings.user).toMatchObject({ source: 'odoo', roles: [{ code: 'planner' }, { code: 'viewer' }], verifiedAt: expect.any(String) });
      expect(settings.demoUsers).toEqual([]);
    } finally {
      await transport.close();
      await planner.stop();
      await sim.close();
    }
  });
});
