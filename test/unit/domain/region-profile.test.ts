import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegionProfile } from '../../../shared/domain';

const regionsDir = new URL('../../../regions/', import.meta.url);
const demo = (): Record<string, unknown> => JSON.parse(readFileSync(new URL('demo.json', regionsDir), 'utf8')) as Record<string, unknown>;

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
});
