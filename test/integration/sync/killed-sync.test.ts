import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparableNetwork } from './network-compare';
import { syncRig, type SyncRig } from './sync-fixture';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs the child sync until `stopWhen` sees its output, then kills it outright. */
function syncAndKill(args: string[], stopWhen: RegExp): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/integration/sync/sync-child.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (stopWhen.test(output)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', () => resolve(output));
  });
}

describe('a sync killed half-way and started again', () => {
  let rig: SyncRig;
  beforeAll(async () => {
    rig = await syncRig({ nodes: 3, skus: 60, seed: 5 });
  });
  afterAll(async () => rig.close());

  it('ends with no duplicate and no missing rows', async () => {
    const target = await rig.cache();
    const planner = rig.sim.users.find((user) => user.login === 'planner');
    const args = [target.dbPath, rig.sim.url, rig.sim.database, 'planner', planner?.apiKey ?? '', '7'];
    // Killed while paging through the quants, with several pages stored and more to come.
    const output = await syncAndKill(args, /Stock on hand (2[1-9]|[3-9]\d)\//);
    expect(output).not.toContain('sync done');
    const cursor = target.staging.cursor('stock.quant');
    expect(cursor?.phase).toBe('first');
    expect(cursor?.lastId).toBeGreaterThan(0);
    const stagedBefore = target.staging.count('stock.quant');
    expect(stagedBefore).toBeGreaterThan(0);

    const report = await target.sync.run(rig.client());
    expect(report.reconciliation.differences).toEqual([]);
    const fresh = await rig.cache();
    await fresh.sync.run(rig.client());
    expect(target.staging.count('stock.quant')).toBe(fresh.staging.count('stock.quant'));
    expect(target.staging.count('stock.move')).toBe(fresh.staging.count('stock.move'));
    expect(comparableNetwork(target.cache.readSnapshot())).toEqual(comparableNetwork(fresh.cache.readSnapshot()));
  });
});
