import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PlannerRequestError } from '../../../shared/ipc';
import { regionProfile, startTestPlanner, type TestPlanner } from '../../support/planner-fixture';
import { electronTransport, type Transport } from '../../support/transports';

const KEY = 'emea-api-key-7d1c9b0a5e3f2d4c6b8a';

describe('the Odoo connection of a regional build', () => {
  let planner: TestPlanner;
  let transport: Transport;
  const open = async (options: Parameters<typeof startTestPlanner>[0] = {}): Promise<void> => {
    planner = await startTestPlanner({ profile: regionProfile('emea'), nodes: 3, skus: 20, ...options });
    transport = electronTransport(planner.services);
  };
  afterEach(async () => {
    await transport.close();
    await planner.stop();
  });

  it("is the region profile's until someone changes it", async () => {
    await open();
    const settings = await transport.api.invoke('settings.describe', {});
    expect(settings.odoo).toEqual({ url: 'https://erp.emea.acme-distribution.example', database: 'acme-emea-prod', company: 'ACME Distribution Europe B.V.', login: null, source: 'region-profile' });
    expect(settings.region.embeddedOdoo?.url).toBe('https://erp.emea.acme-distribution.example');
    expect(settings.apiKey).toMatchObject({ stored: false, storage: 'encrypted-file' });
    expect(settings.recentChanges).toEqual([]);
    expect((await transport.api.invoke('app.describe', {})).notices).toEqual([]);
  });

  it('changes only on an explicit, confirmed request, and the change is audited and shown on every screen', async () => {
    await open();
    const change = { url: 'https://erp.na.acme-distribution.example/', database: 'acme-na-production', login: 'lena@acme.example', reason: 'EMEA server migration' };
    const unconfirmed = transport.sendRaw('settings.changeOdooConnection', change);
    await expect(unconfirmed).resolves.toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('confirmed: confirm that this planner should talk to another Odoo server') } });
    expect(planner.services.audit.count()).toBe(0);

    const settings = await transport.api.invoke('settings.changeOdooConnection', { ...change, confirmed: true });
    expect(settings.odoo).toEqual({ url: 'https://erp.na.acme-distribution.example', database: 'acme-na-production', company: 'ACME Distribution Europe B.V.', login: 'lena@acme.example', source: 'override' });
    const [entry] = planner.services.audit.list({ limit: 10 });
    expect(entry?.event).toMatchObject({
      kind: 'setting-changed',
      actor: 'lena.planner',
      setting: 'odoo.connection',
      from: { url: 'https://erp.emea.acme-distribution.example', database: 'acme-emea-prod', login: null },
      to: { url: 'https://erp.na.acme-distribution.example', database: 'acme-na-production', login: 'lena@acme.example' },
      reason: 'EMEA server migration',
    });
    expect(settings.recentChanges[0]?.summary).toContain('Odoo connection changed from https://erp.emea.acme-distribution.example');
    const { notices } = await transport.api.invoke('app.describe', {});
    expect(notices).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringContaining('not https://erp.emea.acme-distribution.example (acme-emea-prod), the one built in for Europe, Middle East & Africa.') })]);
    expect(planner.services.audit.verify().ok).toBe(true);
  });

  it('refuses an http:// server, an address carrying credentials, or a bad database name, naming each, and changes nothing', async () => {
    await open();
    const bad = transport.api.invoke('settings.changeOdooConnection', { url: 'http://user:pw@erp.example.com', database: 'acme prod;', login: null, reason: null, confirmed: true });
    await expect(bad).rejects.toBeInstanceOf(PlannerRequestError);
    await expect(bad).rejects.toThrow(
      'settings.changeOdooConnection: url: a production region reaches Odoo over https:// only; url: the address must not contain a login or password; enter the API key in its own field; database: an Odoo database name is letters, digits, "_", "." and "-"',
    );
    await expect(transport.api.invoke('settings.changeOdooConnection', { url: 'not a url', database: 'x', login: null, reason: null, confirmed: true })).rejects.toThrow('settings.changeOdooConnection: url: is not a web address such as https://erp.example.com');
    expect((await transport.api.invoke('settings.describe', {})).odoo?.source).toBe('region-profile');
    expect(planner.services.audit.count()).toBe(0);
  });

  it('never sends a stored key to another server: changing the server removes the key, and says why in the audit log', async () => {
    await open();
    expect((await transport.api.invoke('secrets.saveOdooApiKey', { apiKey: KEY })).apiKey.stored).toBe(true);
    // Setting the login for the first time keeps the key: it was entered for this server.
    expect((await transport.api.invoke('settings.changeOdooConnection', { url: 'https://erp.emea.acme-distribution.example', database: 'acme-emea-prod', login: 'lena@acme.example', reason: null, confirmed: true })).apiKey.stored).toBe(true);
    const moved = await transport.api.invoke('settings.changeOdooConnection', { url: 'https://odoo.evil.example', database: 'acme-emea-prod', login: 'lena@acme.example', reason: null, confirmed: true });
    expect(moved.apiKey.stored).toBe(false);
    const kinds = planner.services.audit.list({ limit: 10 }).map((entry) => entry.event);
    expect(kinds[0]).toMatchObject({ kind: 'secret-changed', change: 'cleared', reason: expect.stringContaining('the Odoo server changed to https://odoo.evil.example') });
    expect(kinds.map((event) => event.kind)).toEqual(['secret-changed', 'setting-changed', 'setting-changed', 'secret-changed']);
  });

  it("goes back to the region's server on request, audited", async () => {
    await open();
    await transport.api.invoke('settings.changeOdooConnection', { url: 'https://erp-test.emea.acme-distribution.example', database: 'acme-emea-test', login: null, reason: 'UAT', confirmed: true });
    await expect(transport.sendRaw('settings.resetOdooConnection', {})).resolves.toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const back = await transport.api.invoke('settings.resetOdooConnection', { confirmed: true });
    expect(back.odoo).toMatchObject({ url: 'https://erp.emea.acme-distribution.example', source: 'region-profile' });
    expect(planner.services.audit.list({ limit: 1 })[0]?.event).toMatchObject({ kind: 'setting-changed', reason: "back to the region's Odoo server" });
  });

  it('keeps the change across a restart, in the settings file, which never holds the key', async () => {
    await open();
    await transport.api.invoke('secrets.saveOdooApiKey', { apiKey: KEY });
    await transport.api.invoke('settings.changeOdooConnection', { url: 'https://erp.emea.acme-distribution.example', database: 'acme-emea-prod', login: 'marc@acme.example', reason: null, confirmed: true });
    const { dataDir, keyDir } = planner;
    await transport.close();
    await planner.services.close();
    const settingsFile = readFileSync(join(dataDir, 'settings.json'), 'utf8');
    expect(settingsFile).toContain('marc@acme.example');
    expect(settingsFile).not.toContain(KEY);
    const restarted = await startTestPlanner({ profile: regionProfile('emea'), nodes: 3, skus: 20, dataDir, keyDir });
    const settings = await restarted.services.handlers['settings.describe']({});
    expect(settings.odoo?.login).toBe('marc@acme.example');
    expect(settings.apiKey.stored).toBe(true);
    planner = restarted;
    transport = electronTransport(restarted.services);
  });

  it('moves an unreadable settings file aside and starts from the region defaults, saying so', async () => {
    const first = await startTestPlanner({ profile: regionProfile('emea'), nodes: 3, skus: 20 });
    const { dataDir, keyDir } = first;
    await first.services.close();
    writeFileSync(join(dataDir, 'settings.json'), '{ "odooOverride": ');
    await open({ dataDir, keyDir });
    const { notices } = await transport.api.invoke('app.describe', {});
    expect(notices).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/settings file .* could not be read .* moved to .*settings\.unreadable-/) })]);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('settings.unreadable-'))).toHaveLength(1);
    expect((await transport.api.invoke('settings.describe', {})).odoo?.source).toBe('region-profile');
  });
});

describe('the API key is write-only', () => {
  it('goes in through Settings and never comes back: only "stored: yes/no" does', async () => {
    const planner = await startTestPlanner({ profile: regionProfile('na'), nodes: 3, skus: 20 });
    const transport = electronTransport(planner.services);
    const saved = await transport.sendRaw('secrets.saveOdooApiKey', { apiKey: KEY });
    expect(JSON.stringify(saved)).not.toContain(KEY);
    expect(saved).toMatchObject({ ok: true, value: { apiKey: { stored: true } } });
    expect(JSON.stringify(await transport.sendRaw('settings.describe', {}))).not.toContain(KEY);
    const tooShort = await transport.sendRaw('secrets.saveOdooApiKey', { apiKey: 'abc' });
    expect(tooShort).toMatchObject({ ok: false, error: { code: 'invalid-request', message: 'secrets.saveOdooApiKey: apiKey: an Odoo API key is at least 16 characters' } });
    // There is no request that reads a key back.
    await expect(transport.sendRaw('secrets.readOdooApiKey', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    const cleared = await transport.api.invoke('secrets.clearOdooApiKey', {});
    expect(cleared.apiKey.stored).toBe(false);
    expect(cleared.recentChanges.map((change) => change.summary)).toEqual(['Odoo API key removed: removed in Settings', 'Odoo API key stored']);
    await transport.close();
    await planner.stop();
  });
});
