// A sync in its own process, so a test can kill it with SIGKILL at any moment.
import { silentLog } from '../../../electron/app/log';
import { OdooClient } from '../../../electron/services/odoo';
import { PlanningHost } from '../../../electron/services/planning';
import { openDatabase } from '../../../electron/services/store';
import { OdooSync } from '../../../electron/services/sync';
import { demoProfile } from '../../support/planner-fixture';
import { sourceWorkerEntry } from '../../support/worker-entry';

const [dbPath, url, database, login, apiKey, pageSize] = process.argv.slice(2);
const { db } = openDatabase(dbPath ?? '');
const planning = new PlanningHost(sourceWorkerEntry(), silentLog());
const sync = new OdooSync({
  db,
  dbPath: dbPath ?? '',
  profile: demoProfile(),
  planning,
  log: silentLog(),
  maxPageSize: Number(pageSize),
  onProgress: (progress) => process.stdout.write(`${progress.label} ${progress.done}/${progress.total}\n`),
});
await sync.run(new OdooClient({ url: url ?? '', database: database ?? '', login: login ?? '', apiKey: apiKey ?? '' }));
process.stdout.write('sync done\n');
await planning.close();
db.close();
