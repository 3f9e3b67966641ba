import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnPlanner } from '../../support/headless-process';
import { makeTempDir } from '../../support/temp-dir';

describe('start-up with a broken region profile', () => {
  it('is refused and every bad field is named', async () => {
    const temp = makeTempDir('bad-region');
    const profile = JSON.parse(readFileSync(new URL('../../../regions/demo.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    profile.currency = 'euro';
    profile.timeZone = 'Mars/Olympus';
    (profile.nodes as Record<string, unknown>[])[1] = { ...(profile.nodes as Record<string, unknown>[])[0] };
    (profile.lanes as Record<string, unknown>[])[0] = { from: 'RDC1', to: 'NOWHERE', transitDays: -2, costPerUnit: 1 };
    const file = join(temp.path, 'broken.json');
    writeFileSync(file, JSON.stringify(profile));
    const { finished } = spawnPlanner(join(temp.path, 'data'), ['--region-file', file]);
    const { code, output } = await finished;
    expect(code).toBe(2);
    expect(output).toContain(`The region profile ${file} cannot be used`);
    expect(output).toMatch(/currency: expected an ISO 4217 code/);
    expect(output).toMatch(/timeZone: not an IANA time zone/);
    expect(output).toMatch(/nodes\[1\]\.code: duplicate node RDC1/);
    expect(output).toMatch(/lanes\[0\]\.transitDays:/);
    expect(output).toMatch(/lanes\[0\]\.to: unknown node NOWHERE/);
    expect(output).not.toContain('Open the planner at');
    temp.remove();
  });

  it('is refused when the file is not JSON, saying so', async () => {
    const temp = makeTempDir('bad-json');
    const file = join(temp.path, 'broken.json');
    writeFileSync(file, '{ "code": "demo", ');
    const { finished } = spawnPlanner(join(temp.path, 'data'), ['--region-file', file]);
    const { code, output } = await finished;
    expect(code).toBe(2);
    expect(output).toMatch(/\(file\): is not valid JSON/);
    temp.remove();
  });
});
