import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { enqueueApproved, type ApprovedLine } from '../../../electron/services/outbox';
import { OutboxStore } from '../../../electron/services/store';
import { SeededRandom } from '../../../shared/demo';
import { coveredTransfers, outboxRig, purchases, TZ, type OutboxRig } from './outbox-fixture';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const COMMANDS = { internal: 400, resupply: 200, rfq: 200, confirmed: 200 };
const KILLS = 10;
const RESTART_DURING = new Set([2, 6]);

interface Expected {
  key: string;
  kind: keyof typeof COMMANDS;
}

interface RunningPusher {
  child: ChildProcess;
  pushing: Promise<void>;
  exited: Promise<{ code: number | null; output: string }>;
  /** Commands done, as the child last reported. */
  done(): number;
  onProgress(listener: () => void): void;
}

/** Starts the pusher in its own process; `pushing` resolves once it runs. */
function startPusher(options: Record<string, unknown>): RunningPusher {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/integration/outbox/pusher-child.ts', JSON.stringify(options)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let done = -1;
  const listeners: (() => void)[] = [];
  let markPushing: () => void = () => {};
  const pushing = new Promise<void>((resolve) => (markPushing = resolve));
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('pusher started')) markPushing();
    const last = [...output.matchAll(/done (\d+) open/g)].pop();
    if (last) {
      done = Number(last[1]);
      listeners.forEach((listener) => listener());
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => {
      markPushing();
      resolve({ code, output });
    }),
  );
  return { child, pushing, exited, done: () => done, onProgress: (listener) => listeners.push(listener) };
}

/**
 * Resolves at a random moment of this run: once it has pushed a random few more commands, or after
 * a random while if it is stuck behind failures. Tied to progress, so every kill lands while there
 * is still work (a run pushes at most a few rounds before it is killed).
 */
function randomMoment(pusher: RunningPusher, random: SeededRandom): Promise<void> {
  const more = 1 + Math.floor(random.float() * 30);
  const patienceMs = 1_000 + Math.floor(random.float() * 3_000);
  const jitterMs = Math.floor(random.float() * 150);
  return new Promise((resolve) => {
    let start = -1;
    const fire = (): void => void setTimeout(resolve, jitterMs);
    const timer = setTimeout(fire, patienceMs);
    pusher.onProgress(() => {
      if (start < 0) start = pusher.done();
      if (pusher.done() - start >= more) {
        clearTimeout(timer);
        fire();
      }
    });
    void pusher.exited.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

let rig: OutboxRig | null = null;
afterAll(async () => rig?.close());

describe('chaos: the outbox against a flaky Odoo and a pusher that keeps dying', () => {
  it(
    'gets 1,000 approved commands into Odoo exactly once, in the intended states, through dropped requests, lost answers, two Odoo restarts and ten SIGKILLs',
    async () => {
      const started = Date.now();
      rig = await outboxRig({ nodes: 4, skus: 300, seed: 31 });
      const { sim, db, dayZero, stock } = rig;
      const transfers = coveredTransfers(stock, COMMANDS.internal + COMMANDS.resupply, dayZero, 'T');
      const buys = purchases(stock, COMMANDS.rfq + COMMANDS.confirmed, dayZero, 'P');
      const expected: Expected[] = [];
      const queue = (kind: Expected['kind'], lines: ApprovedLine[], transferMode: 'internal-picking' | 'resupply-via-transit' = 'internal-picking'): void => {
        const profile = (rig as OutboxRig).profile({ transferMode });
        for (let start = 0; start < lines.length; start += 50) {
          const batch = lines.slice(start, start + 50);
          const queued = db.transaction(() => enqueueApproved(db, { batchId: `${kind}-${start / 50}`, actor: 'chaos', lines: batch }, { profile }))();
          for (const command of queued) expected.push({ key: command.idempotencyKey, kind });
        }
      };
      queue('internal', transfers.slice(0, COMMANDS.internal).map((proposal, index) => ({ lineId: `I${index}`, proposal })));
      queue('resupply', transfers.slice(COMMANDS.internal).map((proposal, index) => ({ lineId: `R${index}`, proposal })), 'resupply-via-transit');
      queue('rfq', buys.slice(0, COMMANDS.rfq).map((proposal, index) => ({ lineId: `Q${index}`, proposal })));
      queue('confirmed', buys.slice(COMMANDS.rfq).map((proposal, index) => ({ lineId: `C${index}`, proposal, confirmPurchase: true })));
      expect(expected).toHaveLength(1_000);

      // 20 % of requests dropped before Odoo sees them, 5 % answered never although committed.
      sim.control.setFaults({ rates: { 'drop-before': 0.2, 'drop-after-commit': 0.05 }, seed: 2_024 });
      const planner = sim.users.find((user) => user.login === 'planner');
      const options = {
        dbPath: rig.dbPath,
        connection: { url: sim.url, database: sim.database, login: 'planner', apiKey: planner?.apiKey ?? '' },
        timeZone: TZ,
        // Small rounds: more of them, so the kills land between and inside many of them.
        roundSize: 10,
        concurrency: 4,
        reportEveryMs: 20,
        backoff: { baseMs: 50, capMs: 1_000 },
        circuit: { failuresToOpen: 8, probe: { baseMs: 100, capMs: 1_000 } },
        timeoutMs: 10_000,
        // The stand-in finishes each request before reading the next: a lost answer's record is already searchable.
        unknownOutcomeGraceMs: 0,
      };

      const random = new SeededRandom(77);
      let restarts = 0;
      const killedAt: string[] = [];
      for (let kill = 0; kill < KILLS; kill++) {
        const pusher = startPusher(options);
        await pusher.pushing;
        const restart = RESTART_DURING.has(kill) ? sim.control.restart({ downMs: 1_000 + Math.floor(random.float() * 1_000) }).then(() => restarts++) : Promise.resolve();
        await randomMoment(pusher, random);
        const alive = pusher.child.exitCode === null;
        pusher.child.kill('SIGKILL');
        await pusher.exited;
        await restart;
        const counts = new OutboxStore(db).counts();
        killedAt.push(`${counts.done} done/${counts.pushing} mid-round${alive ? '' : ' (had finished)'}`);
      }
      const last = startPusher(options);
      const finished = await last.exited;
      expect(finished.code, finished.output.slice(-2_000)).toBe(0);
      const injected = sim.control.stats().injected;
      sim.control.clearFaults();

      const env = sim.control.env();
      const recordsByKey = new Map<string, Record<string, unknown>[]>();
      for (const model of ['stock.picking', 'purchase.order']) {
        for (const row of env.db.table(model).rows.values()) {
          if (typeof row.origin === 'string' && row.origin.startsWith('PLN:')) recordsByKey.set(row.origin, [...(recordsByKey.get(row.origin) ?? []), { ...row, model }]);
        }
      }
      const wrong: string[] = [];
      let duplicates = 0;
      let missing = 0;
      for (const { key, kind } of expected) {
        const records = recordsByKey.get(key) ?? [];
        const model = kind === 'internal' || kind === 'resupply' ? 'stock.picking' : 'purchase.order';
        const wanted = kind === 'resupply' ? 2 : 1;
        const counted = sim.control.countByOrigin(model, key);
        if (counted > wanted) duplicates += counted - wanted;
        if (counted < wanted) missing += wanted - counted;
        const states = records.sort((a, b) => String(a.picking_type_code ?? '').localeCompare(String(b.picking_type_code ?? ''))).map((record) => String(record.state));
        const intended =
          kind === 'internal' ? states.join() === 'assigned' : kind === 'resupply' ? records.length === 2 && records.every((record) => (env.row('stock.picking.type', record.picking_type_id as number)?.code === 'outgoing' ? record.state === 'assigned' : record.state === 'waiting')) : kind === 'rfq' ? states.join() === 'draft' : states.length === 1 && ['purchase', 'to approve'].includes(states[0] as string);
        if (!intended) wrong.push(`${kind} ${key}: ${states.join(', ')}`);
      }
      const counts = new OutboxStore(db).counts();
      const pickings = [...recordsByKey.values()].flat().filter((record) => record.model === 'stock.picking').length;
      const orders = [...recordsByKey.values()].flat().filter((record) => record.model === 'purchase.order').length;
      console.log(
        [
          `chaos: ${expected.length} commands (${COMMANDS.internal} internal pickings, ${COMMANDS.resupply} resupply pairs, ${COMMANDS.rfq} RFQs, ${COMMANDS.confirmed} confirmed POs)`,
          `  pusher SIGKILLed ${KILLS} times, at: ${killedAt.join('; ')}`,
          `  stand-in restarted ${restarts} times`,
          `  stand-in requests ${sim.control.stats().requests}; injected faults ${JSON.stringify(injected)}`,
          `  in Odoo: ${pickings} pickings (expected ${COMMANDS.internal + 2 * COMMANDS.resupply}), ${orders} purchase orders (expected ${COMMANDS.rfq + COMMANDS.confirmed}); duplicates ${duplicates}; missing ${missing}; not in the intended state ${wrong.length}`,
          `  outbox: ${JSON.stringify(counts)}`,
          `  took ${((Date.now() - started) / 1000).toFixed(0)} s`,
        ].join('\n'),
      );
      expect(injected['drop-before']).toBeGreaterThan(0);
      expect(injected['drop-after-commit']).toBeGreaterThan(0);
      expect(restarts).toBe(2);
      expect(duplicates).toBe(0);
      expect(missing).toBe(0);
      expect(wrong).toEqual([]);
      expect(pickings).toBe(COMMANDS.internal + 2 * COMMANDS.resupply);
      expect(orders).toBe(COMMANDS.rfq + COMMANDS.confirmed);
      expect(counts.done).toBe(1_000);
      expect(counts.queued + counts.retrying + counts.pushing + counts['dead-letter'] + counts['needs-replanning'] + counts.cancelled + counts.blocked + counts.cancelling).toBe(0);
    },
    300_000,
  );
});
