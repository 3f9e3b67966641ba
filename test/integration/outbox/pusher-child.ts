// The outbox pusher in its own process over a shared SQLite file, as the planner runs it, so a
// test can SIGKILL it at any moment and a benchmark measures it alone.
// Usage: tsx test/integration/outbox/pusher-child.ts '<json options>'
import { z } from 'zod';
import { silentLog } from '../../../electron/app/log';
import { OutboxPusher } from '../../../electron/services/outbox';
import { OutboxStore, openDatabase } from '../../../electron/services/store';
import { TransferMode } from '../../../shared/domain';
import { demoProfile } from '../../support/planner-fixture';

const Options = z.object({
  dbPath: z.string(),
  connection: z.object({ url: z.string(), database: z.string(), login: z.string(), apiKey: z.string() }),
  timeZone: z.string(),
  transferMode: TransferMode.optional(),
  roundSize: z.number().int().positive().optional(),
  concurrency: z.number().int().positive().optional(),
  backoff: z.object({ baseMs: z.number(), capMs: z.number() }).optional(),
  circuit: z.object({ failuresToOpen: z.number(), probe: z.object({ baseMs: z.number(), capMs: z.number() }) }).optional(),
  timeoutMs: z.number().optional(),
  unknownOutcomeGraceMs: z.number().optional(),
  /** How often progress is printed. */
  reportEveryMs: z.number().int().positive().default(50),
});
const options = Options.parse(JSON.parse(process.argv[2] ?? '{}'));
const { db } = openDatabase(options.dbPath);
const store = new OutboxStore(db);
const profile = { ...demoProfile(), timeZone: options.timeZone, ...(options.transferMode ? { transferMode: options.transferMode } : {}) };
const pusher = new OutboxPusher({
  db,
  profile,
  connection: async () => options.connection,
  log: silentLog(),
  roundSize: options.roundSize,
  concurrency: options.concurrency,
  backoff: options.backoff,
  circuit: options.circuit,
  timeoutMs: options.timeoutMs,
  unknownOutcomeGraceMs: options.unknownOutcomeGraceMs,
  idleMs: 200,
});

const started = performance.now();
pusher.start();
process.stdout.write('pusher started\n');
let last = -1;
for (;;) {
  await new Promise((resolve) => setTimeout(resolve, options.reportEveryMs));
  const counts = store.counts();
  const open = counts.queued + counts.retrying + counts.pushing + counts.blocked + counts.cancelling;
  if (counts.done !== last) {
    last = counts.done;
    process.stdout.write(`done ${counts.done} open ${open}\n`);
  }
  if (open === 0) {
    const seconds = (performance.now() - started) / 1000;
    await pusher.stop();
    process.stdout.write(`${JSON.stringify({ result: { seconds, counts } })}\n`);
    db.close();
    process.exit(0);
  }
}
