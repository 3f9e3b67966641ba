import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegionProfile } from '../../../shared/domain';

const regionsDir = new URL('../../../regions/', import.meta.url);
const load = (file: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(file, regionsDir), 'utf8')) as Record<string, unknown>;
const demo = (): Record<string, unknown> => load('demo.json');
const PRODUCTION_REGIONS = ['emea', 'na', 'apac'];

describe('region profiles', () => {
  it.each(readdirSync(regionsDir).filter((name) => name.endsWith('.json')))('%s is a valid RegionProfile', (file) => {
    const result = parseRegionProfile(JSON.parse(readFileSync(new URL(file, regionsDir), 'utf8')));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('names every bad field, not only the first', () => {
    const profile = demo();
    profile.currency = 'eur';
    profile.locale = 'not a locale!';
    (profile.freshness as Record<string, unknown>).stockMinutes = 0;
    const result = parseRegionProfile(profile);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.path)).toEqual(expect.arrayContaining(['currency', 'locale', 'freshness.stockMinutes']));
  });

  it('refuses a duplicate node, a lane or cut-off naming an unknown node', () => {
    const profile = demo();
    const nodes = profile.nodes as Record<string, unknown>[];
    nodes.push({ ...nodes[0] });
    (profile.cutOffWindows as Record<string, unknown>[])[0] = { node: 'XX9', weekdays: [1], cutOff: '16:00' };
    (profile.lanes as Record<string, unknown>[])[2] = { from: 'ZZ1', to: 'RDC1', transitDays: 1, costPerUnit: 0.5 };
    const result = parseRegionProfile(profile);
    expect(result.ok ? [] : result.problems).toEqual(
      expect.arrayContaining([
        { path: `nodes[${nodes.length - 1}].code`, message: 'duplicate node RDC1' },
        { path: 'cutOffWindows[0].node', message: 'unknown node XX9' },
        { path: 'lanes[2].from', message: 'unknown node ZZ1' },
      ]),
    );
  });

  it('refuses anything that looks like a secret, wherever it is', () => {
    const profile = demo();
    (profile.odoo as Record<string, unknown>).apiKey = '0123456789abcdef0123456789abcdef01234567';
    profile.adminPassword = 'hunter2';
    const result = parseRegionProfile(profile);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: 'odoo.apiKey', message: expect.stringContaining('looks like a secret') },
        { path: 'adminPassword', message: expect.stringContaining('looks like a secret') },
      ]),
    );
    expect(result.problems.filter((problem) => problem.path === 'odoo.apiKey')).toHaveLength(1);
  });

  it('requires https for a production region, allows http for a demo region', () => {
    const production = { ...demo(), code: 'emea', demo: false };
    const result = parseRegionProfile(production);
    expect(result.ok ? [] : result.problems).toEqual([{ path: 'odoo.url', message: 'a production region must reach Odoo over https://' }]);
    expect(parseRegionProfile(demo()).ok).toBe(true);
  });

  it('refuses an approval rule, escalation or fallback naming a role the profile does not define', () => {
    const profile = load('emea.json');
    const matrix = profile.approvalMatrix as { rules: Record<string, Record<string, unknown>>[]; fallback: Record<string, unknown> };
    const first = matrix.rules[0];
    if (!first) throw new Error('emea has no rules');
    first.then = { ...first.then, roles: ['regional-ops', 'cfo'], escalateTo: 'ceo' };
    matrix.fallback = { decision: 'requires-approval', roles: ['board'], mode: 'any' };
    const result = parseRegionProfile(profile);
    expect(result.ok ? [] : result.problems).toEqual([
      { path: 'approvalMatrix.rules[0].then.roles[1]', message: 'unknown role cfo' },
      { path: 'approvalMatrix.rules[0].then.escalateTo', message: 'unknown role ceo' },
      { path: 'approvalMatrix.fallback.roles[0]', message: 'unknown role board' },
    ]);
  });

  it('refuses a demo user holding a role the profile does not define', () => {
    const profile = load('na.json');
    (profile.demoUsers as Record<string, unknown>[]).push({ login: 'eve', name: 'Eve', roles: ['planner', 'superuser'] });
    const result = parseRegionProfile(profile);
    expect(result.ok ? [] : result.problems).toEqual([{ path: 'demoUsers[4].roles[1]', message: 'unknown role superuser' }]);
  });

  it('refuses an unknown node and a duplicate node in a production profile, naming each', () => {
    const profile = load('apac.json');
    const nodes = profile.nodes as Record<string, unknown>[];
    nodes.push({ ...nodes[1], name: 'Sydney again' });
    (profile.cutOffWindows as Record<string, unknown>[]).push({ node: 'NZ-AKL', weekdays: [1], cutOff: '12:00' });
    const result = parseRegionProfile(profile);
    expect(result.ok ? [] : result.problems).toEqual([
      { path: `nodes[${nodes.length - 1}].code`, message: 'duplicate node AU-SYD' },
      { path: 'cutOffWindows[6].node', message: 'unknown node NZ-AKL' },
    ]);
  });

  it.each(PRODUCTION_REGIONS)('refuses an http:// Odoo address for the production region %s', (code) => {
    const profile = load(`${code}.json`);
    const odoo = profile.odoo as Record<string, unknown>;
    odoo.url = String(odoo.url).replace('https://', 'http://');
    const result = parseRegionProfile(profile);
    expect(result.ok ? [] : result.problems).toEqual([{ path: 'odoo.url', message: 'a production region must reach Odoo over https://' }]);
  });

  it('refuses a secret-looking field in a production profile, however it is spelt', () => {
    const profile = load('na.json');
    (profile.odoo as Record<string, unknown>).api_key = 'k';
    (profile.odoo as Record<string, unknown>).Token = 'k';
    ((profile.demoUsers as Record<string, unknown>[])[0] as Record<string, unknown>).password = 'p';
    profile.privateKey = 'p';
    const result = parseRegionProfile(profile);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.path).sort()).toEqual(['demoUsers[0].password', 'odoo.Token', 'odoo.api_key', 'privateKey']);
    expect(result.problems.every((problem) => problem.message.includes('looks like a secret'))).toBe(true);
  });
});

describe('the shipped production regions', () => {
  const profiles = PRODUCTION_REGIONS.map((code) => {
    const result = parseRegionProfile(load(`${code}.json`));
    if (!result.ok) throw new Error(`${code}: ${JSON.stringify(result.problems)}`);
    return result.profile;
  });

  it('are real regions, not demos, each reaching its own Odoo over https', () => {
    for (const profile of profiles) {
      expect(profile.demo).toBe(false);
      expect(profile.odoo?.url).toMatch(/^https:\/\//);
    }
    expect(new Set(profiles.map((profile) => profile.odoo?.url)).size).toBe(profiles.length);
    expect(new Set(profiles.map((profile) => profile.odoo?.database)).size).toBe(profiles.length);
  });

  it('differ in currency, locale, time zone, nodes and update channel', () => {
    for (const field of ['currency', 'locale', 'timeZone'] as const) expect(new Set(profiles.map((profile) => profile[field])).size).toBe(profiles.length);
    expect(new Set(profiles.map((profile) => profile.updates.channel)).size).toBe(profiles.length);
    const nodeCodes = profiles.flatMap((profile) => profile.nodes.map((node) => node.code));
    expect(new Set(nodeCodes).size).toBe(nodeCodes.length);
  });

  it('use both transfer modes, and at least one region has a role that does not see costs', () => {
    expect(new Set(profiles.map((profile) => profile.transferMode))).toEqual(new Set(['internal-picking', 'resupply-via-transit']));
    for (const profile of profiles) expect(profile.roles.some((role) => !role.seesCosts)).toBe(true);
  });
});
