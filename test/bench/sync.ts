// `npm run bench:sync`: first sync of 25 nodes × 20,000 SKUs from the Odoo stand-in on loopback
// (time and the planner's peak RSS), then an incremental sync after about 1 % of the records changed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { z } from 'zod';
import { buildIfStale } from '../../scripts/build-if-stale.mjs';
import { OdooClient } from '../../electron/services/odoo';
import { startOdooSim } from '../../tools/odoo-sim';
import { makeTempDir } from '../support/temp-dir';
import { figure, reportFigures } from './bench-results';

const NODES = Number(process.env.BENCH_NODES ?? 25);
const SKUS = Number(process.env.BENCH_SKUS ?? 20_000);

interface RunnerResult {
  seconds: number;
  peakRssMiB: number;
  kind: string;
  rebuilt: string;
  pulls: { model: string; read: number; removed: number }[];
  rows: number;
  differences: number;
  timings: Record<string, number>;
}

function runSync(args: string[]): Promise<RunnerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/sync-runner.ts', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as RunnerResult) : reject(new Error(`sync runner exited ${code}`))));
  });
}

// The runner uses the built planning worker, as the app does.
buildIfStale({ quiet: true });
const seedStarted = performance.now();
const sim = await startOdooSim({ port: 0, nodes: NODES, skus: SKUS, seed: 42 });
const seeded = (performance.now() - seedStarted) / 1000;
const counts = { quants: sim.control.env().db.table('stock.quant').rows.size, moves: sim.control.env().db.table('stock.move').rows.size };
console.log(`stand-in seeded in ${seeded.toFixed(1)} s: ${counts.quants} quants, ${counts.moves} moves`);
const data = makeTempDir('bench-sync');
const planner = sim.users.find((user) => user.login === 'planner');
const args = [join(data.path, 'cache.db'), sim.url, sim.database, 'planner', planner?.apiKey ?? ''];
try {
  const first = await runSync(args);
  console.log(`first sync: ${first.seconds.toFixed(1)} s, peak RSS ${first.peakRssMiB.toFixed(0)} MiB, ${first.differences} reconciliation differences`, first.timings);

  // About 1 % of the records change the way a working day changes them: deliveries go out.
  const admin = new OdooClient({ url: sim.url, database: sim.database, login: 'admin', apiKey: 'admin' }, { timeoutMs: 300_000 });
  const target = Math.round((counts.quants + counts.moves) * 0.01);
  const pickings = await admin.searchRead('stock.picking', [['picking_type_code', '=', 'outgoing'], ['state', '=', 'assigned']], ['id', 'move_ids'], z.object({ id: z.number(), move_ids: z.array(z.number()) }), { limit: target });
  let touched = 0;
  const validated: number[] = [];
  for (const picking of pickings) {
    if (touched >= target) break;
    validated.push(picking.id);
    touched += picking.move_ids.length * 2; // each move and the quant it empties
  }
  for (let start = 0; start < validated.length; start += 200) {
    const ids = validated.slice(start, start + 200);
    await admin.callOnRecords('stock.picking', 'button_validate', ids, z.unknown(), { context: { skip_backorder: true, picking_ids_not_to_backorder: ids } });
  }
  console.log(`changed in Odoo: ${validated.length} deliveries validated (≈${touched} moves and quants, target ${target})`);
  const incremental = await runSync(args);
  console.log(`incremental sync (${incremental.rebuilt} rebuilt): ${incremental.seconds.toFixed(1)} s, ${incremental.differences} reconciliation differences`, incremental.timings);

  reportFigures(
    'sync',
    {
      first_sync_25x20000_cache_ready_s: figure((first.timings['cache ready'] ?? 0) / 1000, 60, 's'),
      first_sync_25x20000_with_reconciliation_s: figure(first.seconds, null, 's'),
      first_sync_peak_rss_mib: figure(first.peakRssMiB, 1024, 'MiB'),
      incremental_sync_1pct_changed_cache_ready_s: figure((incremental.timings['cache ready'] ?? 0) / 1000, 3, 's'),
      incremental_sync_1pct_changed_with_reconciliation_s: figure(incremental.seconds, null, 's'),
      reconciliation_differences_after_first_sync: figure(first.differences, 0, 'figures'),
      reconciliation_differences_after_incremental_sync: figure(incremental.differences, 0, 'figures'),
    },
    { nodes: NODES, skus: SKUS, quants: counts.quants, moves: counts.moves, standInSeedSeconds: seeded, changedDeliveries: validated.length, firstPulls: first.pulls, firstTimingsMs: first.timings, incrementalPulls: incremental.pulls, incrementalRebuilt: incremental.rebuilt, incrementalTimingsMs: incremental.timings },
  );
} finally {
  data.remove();
  await sim.close();
}
