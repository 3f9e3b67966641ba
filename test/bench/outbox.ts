// `npm run bench:outbox`: 10,000 approved commands (internal transfers, draft RFQs and confirmed
// POs) pushed to the Odoo stand-in on loopback by the outbox pusher in its own process. Prints the
// throughput and how many Odoo records exist more than once per idempotency key (goal: none).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { localDateOf } from '../../shared/domain';
import { enqueueApproved, type ApprovedLine } from '../../electron/services/outbox';
import { openDatabase } from '../../electron/services/store';
import { startOdooSim } from '../../tools/odoo-sim';
import { coveredTransfers, purchases, standInStock, TZ } from '../integration/outbox/outbox-fixture';
import { demoProfile } from '../support/planner-fixture';
import { makeTempDir } from '../support/temp-dir';
import { figure, reportFigures } from './bench-results';

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 10_000);
const NODES = Number(process.env.BENCH_NODES ?? 10);
const SKUS = Number(process.env.BENCH_SKUS ?? 2_000);
const ROUND_SIZE = Number(process.env.BENCH_ROUND_SIZE ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

interface ChildResult {
  seconds: number;
  counts: Record<string, number>;
}

function runPusher(options: Record<string, unknown>): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/integration/outbox/pusher-child.ts', JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let lastLine = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const progress = [...out.matchAll(/done (\d+) open (\d+)/g)].pop();
      if (progress && Date.now() - lastLine > 2_000) {
        lastLine = Date.now();
        console.log(`  … ${progress[1]} done, ${progress[2]} open`);
      }
    });
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`the pusher exited ${code}:\n${out.slice(-2000)}`));
      else resolve((JSON.parse(line) as { result: ChildResult }).result);
    });
  });
}

const dayZero = localDateOf(new Date(), TZ);
const seedStarted = performance.now();
const sim = await startOdooSim({ port: 0, nodes: NODES, skus: SKUS, seed: 42, dayZero, tz: TZ });
console.log(`stand-in seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s (${NODES} nodes × ${SKUS} SKUs)`);
const temp = makeTempDir('bench-outbox');
const dbPath = join(temp.path, 'cache.db');
try {
  const stock = standInStock(sim);
  const transferCount = Math.round(COMMANDS * 0.6);
  const purchaseCount = COMMANDS - transferCount;
  const transfers = coveredTransfers(stock, transferCount, dayZero, 'T');
  const buys = purchases(stock, purchaseCount, dayZero, 'P');
  const lines: ApprovedLine[] = [
    ...transfers.map((proposal, index) => ({ lineId: `T${index}`, proposal })),
    ...buys.map((proposal, index) => ({ lineId: `P${index}`, proposal, confirmPurchase: index % 2 === 1 })),
  ];
  // Interleaved, in batches of 100 as supervisors approve them.
  lines.sort((a, b) => (a.lineId.slice(1).padStart(6, '0') + a.lineId[0]).localeCompare(b.lineId.slice(1).padStart(6, '0') + b.lineId[0]));
  const { db } = openDatabase(dbPath);
  const profile = { ...demoProfile(), timeZone: TZ };
  const keys: { key: string; model: string }[] = [];
  const enqueueStarted = performance.now();
  for (let start = 0; start < lines.length; start += 100) {
    const batch = lines.slice(start, start + 100);
    const queued = db.transaction(() => enqueueApproved(db, { batchId: `BENCH-${start / 100}`, actor: 'bench', lines: batch }, { profile }))();
    queued.forEach((command, index) => keys.push({ key: command.idempotencyKey, model: batch[index]?.proposal.kind === 'transfer' ? 'stock.picking' : 'purchase.order' }));
  }
  const enqueueSeconds = (performance.now() - enqueueStarted) / 1000;
  db.close();
  console.log(`queued ${keys.length} commands (${transferCount} internal transfers, ${purchaseCount} purchases, half of them confirmed) in ${enqueueSeconds.toFixed(1)} s`);

  const planner = sim.users.find((user) => user.login === 'planner');
  const result = await runPusher({
    dbPath,
    connection: { url: sim.url, database: sim.database, login: 'planner', apiKey: planner?.apiKey ?? '' },
    timeZone: TZ,
    roundSize: ROUND_SIZE,
    concurrency: CONCURRENCY,
    // No faults here; and the stand-in finishes each request before the next, so no grace is needed.
    unknownOutcomeGraceMs: 0,
  });

  // Every record carrying one of our keys, counted in the stand-in itself.
  const found = new Map<string, number>();
  const env = sim.control.env();
  for (const model of ['stock.picking', 'purchase.order']) {
    for (const row of env.db.table(model).rows.values()) if (typeof row.origin === 'string' && row.origin.startsWith('PLN:')) found.set(`${model}|${row.origin}`, (found.get(`${model}|${row.origin}`) ?? 0) + 1);
  }
  let duplicates = 0;
  let missing = 0;
  for (const { key, model } of keys) {
    const n = found.get(`${model}|${key}`) ?? 0;
    if (n === 0) missing++;
    if (n > 1) duplicates += n - 1;
  }
  const spot = keys.slice(0, 20).every(({ key, model }) => sim.control.countByOrigin(model, key) === 1);
  const throughput = keys.length / result.seconds;
  console.log(`pushed in ${result.seconds.toFixed(1)} s: ${throughput.toFixed(0)} commands/s; ${duplicates} duplicates, ${missing} missing; states ${JSON.stringify(result.counts)}; countByOrigin spot check ${spot ? 'ok' : 'FAILED'}`);
  reportFigures(
    'outbox',
    {
      throughput_commands_per_s: figure(throughput, 200, 'commands/s', 'higher'),
      duplicate_odoo_records: figure(duplicates, 0, 'records', 'lower'),
      commands_missing_in_odoo: figure(missing, 0, 'commands', 'lower'),
      commands_not_done: figure(keys.length - (result.counts.done ?? 0), 0, 'commands', 'lower'),
      push_seconds: figure(result.seconds, null, 's', 'lower'),
      enqueue_seconds: figure(enqueueSeconds, null, 's', 'lower'),
    },
    { commands: keys.length, transfers: transferCount, purchases: purchaseCount, nodes: NODES, skus: SKUS, roundSize: ROUND_SIZE, concurrency: CONCURRENCY, states: result.counts, standInRequests: sim.control.stats().requests },
  );
} finally {
  await sim.close();
  temp.remove();
}
