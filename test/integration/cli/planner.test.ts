import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlanner } from '../../../electron/cli/run-planner';
import { PlannerResultFile, type NetworkSnapshot, type Scenario } from '../../../shared/domain';
import { workedExampleSnapshot } from '../../factories/snapshot';

const run = promisify(execFile);

/** DESIGN.md's worked example as a snapshot file, and the transfer of 25 from N2 as a scenario file. */
const snapshot: NetworkSnapshot = workedExampleSnapshot({ stockRules: [{ nodeId: 'N1', skuId: 'S1', min: 10, max: 100, multiple: 1, safetyStock: 0 }] });

const scenario: Scenario = {
  id: 'sc-1',
  name: 'Transfer 25 from N2',
  base: { regionCode: 'test', takenAt: snapshot.meta.takenAt, dayZero: '2026-03-02' },
  edits: [{ id: 't1', kind: 'add-transfer', fromNodeId: 'N2', toNodeId: 'N1', skuId: 'S1', qty: 25, shipDate: '2026-03-05' }],
};

let dir = '';
const path = (name: string): string => join(dir, name);

async function planner(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPlanner(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function result(name: string): Promise<PlannerResultFile> {
  return PlannerResultFile.parse(JSON.parse(await readFile(path(name), 'utf8')));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'planner-cli-'));
  await writeFile(path('snapshot.json'), JSON.stringify(snapshot));
  await writeFile(path('scenario.json'), JSON.stringify(scenario));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run planner', () => {
  it('project writes the projection: N1 short by 20 from 2026-03-08, 70 available now', async () => {
    const { code, out } = await planner('project', '--snapshot', path('snapshot.json'), '--out', path('project.json'));
    expect(code).toBe(0);
    expect(out).toContain('2 node × SKU rows, 1 short');
    const file = await result('project.json');
    if (file.command !== 'project') throw new Error('wrong command');
    expect(file.scenario).toBeNull();
    expect(file.projection.rows[0]).toMatchObject({ nodeId: 'N1', availableNow: 70, lowestBalance: -20, firstShortageDate: '2026-03-08', unitsShort: 20, daysOfCover: 6 });
  });

  it('project with the scenario clears the shortage; compare reports the delta and both changed rows', async () => {
    expect((await planner('project', '--snapshot', path('snapshot.json'), '--scenario', path('scenario.json'), '--out', path('scenario-project.json'))).code).toBe(0);
    const projected = await result('scenario-project.json');
    if (projected.command !== 'project') throw new Error('wrong command');
    expect(projected.scenario).toEqual({ id: 'sc-1', name: 'Transfer 25 from N2', edits: 1 });
    expect(projected.projection.rows[0]).toMatchObject({ lowestBalance: 5, firstShortageDate: null });

    expect((await planner('compare', '--snapshot', path('snapshot.json'), '--scenario', path('scenario.json'), '--out', path('compare.json'))).code).toBe(0);
    const compared = await result('compare.json');
    if (compared.command !== 'compare') throw new Error('wrong command');
    expect(compared.comparison.delta).toMatchObject({ unitsShort: -20, transferCost: 12.5 });
    expect(compared.comparison.changedRows.map((row) => row.nodeId)).toEqual(['N1', 'N2']);
  });

  it('replenish and allocate write schema-valid results', async () => {
    expect((await planner('replenish', '--snapshot', path('snapshot.json'), '--out', path('replenish.json'))).code).toBe(0);
    const replenished = await result('replenish.json');
    if (replenished.command !== 'replenish') throw new Error('wrong command');
    expect(replenished.replenishment.proposals[0]).toMatchObject({ kind: 'transfer', fromNodeId: 'N2', nodeId: 'N1' });

    expect((await planner('allocate', '--snapshot', path('snapshot.json'), '--out', path('allocate.json'), '--max-late-days', '3')).code).toBe(0);
    const allocated = await result('allocate.json');
    if (allocated.command !== 'allocate') throw new Error('wrong command');
    expect(allocated.allocation.settings).toEqual({ latePenaltyRate: 0.02, maxLateDays: 3 });
    expect(allocated.allocation.totals.lines).toBe(3);
  });

  it('gives byte-identical files for the same inputs', async () => {
    await planner('replenish', '--snapshot', path('snapshot.json'), '--scenario', path('scenario.json'), '--out', path('a.json'));
    await planner('replenish', '--snapshot', path('snapshot.json'), '--scenario', path('scenario.json'), '--out', path('b.json'));
    expect(await readFile(path('a.json'), 'utf8')).toBe(await readFile(path('b.json'), 'utf8'));
  });

  it('demo-snapshot writes a valid snapshot the other commands accept', async () => {
    const written = await planner('demo-snapshot', '--nodes', '4', '--skus', '50', '--seed', '9', '--day-zero', '2026-03-02', '--out', path('demo.json'));
    expect(written.code).toBe(0);
    expect(written.out).toContain('4 nodes × 50 SKUs (seed 9, day 0 2026-03-02)');
    expect((await planner('project', '--snapshot', path('demo.json'), '--out', path('demo-project.json'))).code).toBe(0);
  });
});

describe('npm run planner with bad input', () => {
  it('names the path of the bad field in a snapshot and exits 1, writing nothing', async () => {
    const bad = structuredClone(snapshot) as unknown as { positions: { onHand: unknown }[] };
    (bad.positions[1] as { onHand: unknown }).onHand = 'eighty';
    await writeFile(path('bad-snapshot.json'), JSON.stringify(bad));
    const { code, err } = await planner('project', '--snapshot', path('bad-snapshot.json'), '--out', path('never.json'));
    expect(code).toBe(1);
    expect(err).toContain(`snapshot ${path('bad-snapshot.json')} does not match its format: positions[1].onHand:`);
    await expect(readFile(path('never.json'))).rejects.toThrow();
  });

  it('names the edit and field a scenario gets wrong', async () => {
    await writeFile(path('negative.json'), JSON.stringify({ ...scenario, edits: [{ ...scenario.edits[0], qty: -4 }] }));
    const negative = await planner('compare', '--snapshot', path('snapshot.json'), '--scenario', path('negative.json'), '--out', path('never.json'));
    expect(negative.code).toBe(1);
    expect(negative.err).toContain('edits[0].qty: must be more than zero units');

    await writeFile(path('unknown.json'), JSON.stringify({ ...scenario, edits: [{ ...scenario.edits[0], fromNodeId: 'N9' }] }));
    const unknown = await planner('compare', '--snapshot', path('snapshot.json'), '--scenario', path('unknown.json'), '--out', path('never.json'));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('edits[0].fromNodeId: node N9 is not in the snapshot (edit t1 refused; nothing was computed)');
  });

  it('refuses a scenario made on another snapshot', async () => {
    await writeFile(path('stale.json'), JSON.stringify({ ...scenario, base: { ...scenario.base, takenAt: '2026-02-27T06:00:00.000Z' } }));
    const { code, err } = await planner('project', '--snapshot', path('snapshot.json'), '--scenario', path('stale.json'), '--out', path('never.json'));
    expect(code).toBe(1);
    expect(err).toContain('was made on the test snapshot taken 2026-02-27T06:00:00.000Z');
  });

  it('refuses a snapshot whose lines name unknown nodes', async () => {
    const orphan = structuredClone(snapshot);
    orphan.supply.push({ id: 'S9', nodeId: 'N5', skuId: 'S1', qty: 1, eta: '2026-03-03', kind: 'purchase', counterparty: null, source: null });
    await writeFile(path('orphan.json'), JSON.stringify(orphan));
    const { code, err } = await planner('replenish', '--snapshot', path('orphan.json'), '--out', path('never.json'));
    expect(code).toBe(1);
    expect(err).toContain('supply[1].nodeId: unknown node N5');
  });

  it('reports a missing file, broken JSON, unknown commands and options', async () => {
    expect((await planner('project', '--snapshot', path('nope.json'), '--out', path('never.json'))).err).toContain('nope.json: no such file');
    await writeFile(path('broken.json'), '{ "meta": ');
    expect((await planner('project', '--snapshot', path('broken.json'), '--out', path('never.json'))).err).toContain('broken.json: not valid JSON');
    const unknown = await planner('forecast');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command "forecast"');
    const option = await planner('project', '--snapshot', path('snapshot.json'), '--out', path('never.json'), '--fast');
    expect(option.code).toBe(2);
    expect(option.err).toContain('unknown option --fast');
    const count = await planner('demo-snapshot', '--nodes', 'many', '--out', path('never.json'));
    expect(count.err).toContain('--nodes must be a whole number from 1 to 60 (got "many")');
  });

  it('exits non-zero from the real command line too', async () => {
    const failure = await run(process.execPath, ['--import', 'tsx', 'electron/cli/planner.ts', 'project', '--snapshot', path('bad-snapshot.json'), '--out', path('never.json')]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect('code' in failure ? failure.code : 0).toBe(1);
    expect('stderr' in failure ? failure.stderr : '').toContain('positions[1].onHand');
  });
});
