// One sync in its own process, so its time and peak memory are the planner's alone. The planning
// worker is the built one the app runs (out/main/planning-worker.js), not TypeScript through tsx.
// Usage: tsx test/bench/sync-runner.ts <dbPath> <url> <database> <login> <apiKey>
import { silentLog } from '../../electron/app/log';
import { OdooClient } from '../../electron/services/odoo';
import { PlanningHost } from '../../electron/services/planning';
import { openDatabase } from '../../electron/services/store';
import { OdooSync } from '../../electron/services/sync';
import { demoProfile } from '../support/planner-fixture';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [dbPath = '', url = '', database = '', login = '', apiKey = ''] = process.argv.slice(2);
const { db } = openDatabase(dbPath);
const planning = new PlanningHost({ file: pathToFileURL(resolve('out/main/planning-worker.js')) }, silentLog());
const sync = new OdooSync({ db, dbPath, profile: demoProfile(), planning, log: silentLog() });
// In the app the planning worker is up long before anyone clicks Sync: start it first here too.
await planning.run('load-network', { dbPath, demo: null });
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const started = performance.now();
const report = await sync.run(new OdooClient({ url, database, login, apiKey }, { timeoutMs: 300_000 }));
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
process.stdout.write(
  `${JSON.stringify({
    seconds,
    peakRssMiB: peakRss / 1024 / 1024,
    kind: report.kind,
    rebuilt: report.rebuilt,
    pulls: report.pulls.map((pull) => ({ model: pull.model, read: pull.read, removed: pull.removed })),
    rows: report.network.rows,
    differences: report.reconciliation.differences.length,
    timings: report.timings,
  })}\n`,
);
await planning.close();
db.close();
