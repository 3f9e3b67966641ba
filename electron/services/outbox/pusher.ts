import type { Database } from 'better-sqlite3';
import type { RegionProfile } from '../../../shared/domain';
import type { Log } from '../../app/log';
import { isOdooError, OdooClient, type OdooConnection } from '../odoo';
import { OutboxStore, sameServer, type StoredCommand } from '../store';
import { type BackoffPolicy, backoffDelayMs, DEFAULT_BACKOFF } from './backoff';
import { cancelInOdoo } from './cancel-in-odoo';
import { Circuit, type CircuitPolicy, DEFAULT_CIRCUIT } from './circuit';
import { CommandPayload, CommandRecord } from './command';
import { OdooTargets } from './odoo-targets';
import { type RecordEvent, recordNothing, SYSTEM_ACTOR } from './outbox-events';
import { pushPurchases } from './push-purchases';
import { pushTransfers } from './push-transfers';
import { createMany, OutcomeUnknownError, type Outcomes, type RoundCommand, type RoundContext, type RoundOutcome } from './round';

export interface PusherOptions {
  db: Database;
  profile: RegionProfile;
  /** Where the Odoo connection comes from: the same source the sync uses. */
  connection: () => Promise<OdooConnection | null>;
  log: Log;
  recordEvent?: RecordEvent;
  now?: () => Date;
  /** Uniform in [0, 1): the jitter of every backoff. */
  random?: () => number;
  backoff?: BackoffPolicy;
  circuit?: CircuitPolicy;
  /** Commands per RPC round (searched, created and confirmed with one call each). */
  roundSize?: number;
  /** Rounds in flight at once. */
  concurrency?: number;
  /** Failures we cannot classify (server faults, replies of the wrong shape) are retried this often before dead-lettering. */
  maxUnexplainedFailures?: number;
  /** How long to sleep when there is nothing to do and nothing to wait for. */
  idleMs?: number;
  timeoutMs?: number;
  /**
   * How long a command waits before its key is searched again when a create may still be running
   * in Odoo (its answer was lost, or the pusher died meanwhile). Searching too soon could miss a
   * record Odoo has not committed yet and create a second one. Odoo stops a request after
   * `limit_time_real` (120 s by default), so that is the default here.
   */
  unknownOutcomeGraceMs?: number;
  /** Something a screen shows changed (states, connection). */
  onChange?: () => void;
  /** Every command of the batch is in Odoo. */
  onBatchInOdoo?: (batchId: string) => void;
}

export type ConnectionStateName = 'not-configured' | 'connecting' | 'reachable' | 'circuit-open' | 'paused' | 'stopped';

export interface ConnectionState {
  state: ConnectionStateName;
  message: string;
  serverVersion: string | null;
  /** When the circuit's next health probe runs (ISO), while open. */
  nextProbeAt: string | null;
  since: string;
}

interface ActiveClient {
  identity: string;
  connection: OdooConnection;
  client: OdooClient;
  targets: OdooTargets;
}

/**
 * Pushes the outbox to Odoo on the main process. All of it is I/O: SQLite work per round is a
 * handful of short statements, the rest is awaiting Odoo. Several rounds are in flight at once,
 * each with up to `roundSize` commands of one lane; transfers of one source node never overlap, so
 * two rounds cannot both count the same free stock.
 */
export class OutboxPusher {
  private readonly store: OutboxStore;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly backoff: BackoffPolicy;
  private readonly circuit: Circuit;
  private readonly recordEvent: RecordEvent;
  private readonly roundSize: number;
  private readonly concurrency: number;
  private readonly maxUnexplained: number;
  private readonly idleMs: number;
  private readonly graceMs: number;
  private readonly inFlight = new Map<Promise<void>, string>();
  private active: ActiveClient | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private connectionState: ConnectionState;

  constructor(private readonly options: PusherOptions) {
    this.store = new OutboxStore(options.db);
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.circuit = new Circuit(options.circuit ?? DEFAULT_CIRCUIT, this.random);
    this.recordEvent = options.recordEvent ?? recordNothing;
    this.roundSize = options.roundSize ?? 100;
    this.concurrency = options.concurrency ?? 4;
    this.maxUnexplained = options.maxUnexplainedFailures ?? 5;
    this.idleMs = options.idleMs ?? 5_000;
    this.graceMs = options.unknownOutcomeGraceMs ?? 120_000;
    this.connectionState = { state: 'connecting', message: 'Not connected to Odoo yet.', serverVersion: null, nextProbeAt: null, since: this.now().toISOString() };
  }

  get connection(): ConnectionState {
    return this.connectionState;
  }

  start(): void {
    if (this.running) return;
    this.stopped = false;
    const now = this.now();
    const interrupted = this.store.recoverInterrupted(now.toISOString(), new Date(now.getTime() + this.graceMs).toISOString());
    if (interrupted > 0) this.options.log.info({ interrupted }, 'outbox: commands interrupted by the last stop are queued again');
    this.running = this.loop().catch((error: unknown) => this.options.log.error({ err: error }, 'outbox pusher stopped on an error'));
  }

  /** Stops taking new work; rounds in flight get `graceMs` to finish (what they leave is resumed on the next start). */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.running;
    this.running = null;
    const pending = [...this.inFlight.keys()];
    if (pending.length > 0) await Promise.race([Promise.allSettled(pending), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    this.setConnection('stopped', 'The outbox is stopped.');
  }

  /** Something may be ready now (a command was queued, retried, resumed…). */
  wake(): void {
    this.woken = true;
    const wake = this.wakeUp;
    this.wakeUp = null;
    wake?.();
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || this.stopped) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = null;
        resolve();
      }, Math.max(1, ms));
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    }).then(() => {
      this.woken = false;
    });
  }

  private setConnection(state: ConnectionStateName, message: string, extra: Partial<Pick<ConnectionState, 'serverVersion' | 'nextProbeAt'>> = {}): void {
    const current = this.connectionState;
    const serverVersion = extra.serverVersion !== undefined ? extra.serverVersion : current.serverVersion;
    const nextProbeAt = extra.nextProbeAt ?? null;
    if (current.state === state && current.message === message && current.nextProbeAt === nextProbeAt && current.serverVersion === serverVersion) return;
    this.connectionState = { state, message, serverVersion, nextProbeAt, since: current.state === state ? current.since : this.now().toISOString() };
    this.options.onChange?.();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let waitMs: number;
      try {
        waitMs = await this.cycle();
      } catch (error) {
        this.options.log.error({ err: error }, 'outbox cycle failed');
        waitMs = this.idleMs;
      }
      if (this.stopped) break;
      await this.sleep(waitMs);
    }
  }

  /** One pass: start what can start; return how long to wait before the next pass. */
  private async cycle(): Promise<number> {
    const paused = this.store.paused();
    if (paused.paused) {
      this.setConnection('paused', `Paused${paused.changedBy ? ` by ${paused.changedBy}` : ''}: nothing is sent to Odoo until someone resumes.`);
      return this.idleMs;
    }
    const active = await this.client();
    if (!active) {
      this.setConnection('not-configured', 'No Odoo connection is set up: approved work waits here until one is.');
      return this.idleMs;
    }
    const nowMs = this.now().getTime();
    if (this.circuit.state === 'open') {
      if (nowMs < this.circuit.nextProbeAt) {
        this.setConnection('circuit-open', this.circuit.reason ?? 'Odoo cannot be reached.', { nextProbeAt: new Date(this.circuit.nextProbeAt).toISOString() });
        return this.circuit.nextProbeAt - nowMs;
      }
      if (!(await this.probe(active))) return Math.max(1, this.circuit.nextProbeAt - this.now().getTime());
    } else if (this.connectionState.state !== 'reachable' && this.connectionState.state !== 'circuit-open') {
      if (!(await this.probe(active))) return Math.max(1, this.circuit.nextProbeAt - this.now().getTime());
    }

    // Paused while we were connecting: rounds already in flight finish, nothing new starts.
    while (this.inFlight.size < this.concurrency && !this.stopped && this.circuit.state === 'closed' && !this.store.paused().paused) {
      const busy = new Set([...this.inFlight.values()].filter((lane) => lane.startsWith('transfer:')));
      const taken = this.store.claim(this.now().toISOString(), this.roundSize, busy);
      if (taken.length === 0) break;
      const claimed = this.setAsideForOtherNetworks(taken, active.connection);
      if (claimed.length === 0) continue;
      this.options.onChange?.();
      const lane = claimed[0]?.lane ?? '';
      const round: Promise<void> = this.runRound(active, claimed)
        .catch((error: unknown) => this.roundBroke(claimed, error))
        .finally(() => {
          this.inFlight.delete(round);
          this.wake();
        });
      this.inFlight.set(round, lane);
    }
    if (this.inFlight.size > 0) return this.idleMs;
    const due = this.store.nextDueAt(this.now().toISOString());
    return due ? Math.min(this.idleMs, Math.max(1, Date.parse(due) - this.now().getTime())) : this.idleMs;
  }

  private async client(): Promise<ActiveClient | null> {
    const connection = await this.options.connection();
    if (!connection) {
      this.active = null;
      return null;
    }
    const identity = JSON.stringify([connection.url, connection.database, connection.login, connection.apiKey]);
    if (this.active?.identity !== identity) {
      this.active = this.freshClient(identity, connection);
      // A new server or login: whatever the circuit learned about the old one no longer holds.
      this.circuit.succeeded();
      this.setConnection('connecting', `Connecting to Odoo at ${connection.url}…`);
    }
    return this.active;
  }

  private freshClient(identity: string, connection: OdooConnection): ActiveClient {
    const client = new OdooClient(connection, { timeoutMs: this.options.timeoutMs ?? 30_000 });
    return { identity, connection, client, targets: new OdooTargets(client) };
  }

  /** The health probe: Odoo answers `common.version` and accepts the login. */
  private async probe(active: ActiveClient): Promise<boolean> {
    try {
      const session = active.client.connected ?? (await active.client.connect());
      await active.client.version();
      this.circuit.succeeded();
      this.setConnection('reachable', `Odoo ${session.serverVersion} is reachable.`, { serverVersion: session.serverVersion });
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const nowMs = this.now().getTime();
      if (this.circuit.state === 'open') this.circuit.probeFailed(nowMs, message);
      else this.circuit.open(nowMs, message, isOdooError(error) ? error.retryAfterMs : undefined);
      this.setConnection('circuit-open', message, { nextProbeAt: new Date(this.circuit.nextProbeAt).toISOString() });
      return false;
    }
  }

  private roundContext(active: ActiveClient): RoundContext {
    const session = active.client.connected;
    if (!session) throw new Error('the Odoo session is not open');
    return {
      client: active.client,
      create: (model, values) => createMany(active.client, model, values),
      dialect: session.dialect,
      targets: active.targets,
      profile: this.options.profile,
      saveRecords: (commandId, records) => {
        if (this.options.db.open) this.store.saveRecords(commandId, records, this.now().toISOString());
      },
      now: this.now,
    };
  }

  private async runRound(active: ActiveClient, claimed: StoredCommand[]): Promise<void> {
    const commands: RoundCommand[] = [];
    for (const stored of claimed) {
      const payload = CommandPayload.safeParse(stored.payload);
      const records = CommandRecord.array().safeParse(stored.odooRecords);
      if (!payload.success) {
        this.finish(stored, { kind: 'refused', records: [], message: 'The stored command cannot be read (its payload does not match the command schema); it was not pushed.' });
        continue;
      }
      commands.push({ id: stored.id, key: stored.idempotencyKey, payload: payload.data, revision: stored.revision, records: records.success ? records.data : [] });
    }
    if (commands.length === 0) return;
    await this.pushOrIsolate(active, commands, claimed);
  }

  private async pushOrIsolate(active: ActiveClient, commands: RoundCommand[], claimed: StoredCommand[]): Promise<void> {
    const stored = new Map(claimed.map((command) => [command.id, command]));
    const cancelling = claimed.find((command) => command.id === commands[0]?.id)?.cancelRequested ?? false;
    let outcomes: Outcomes;
    try {
      const context = this.roundContext(active);
      outcomes = cancelling ? await cancelInOdoo(context, commands) : commands[0]?.payload.kind === 'transfer' ? await pushTransfers(context, commands) : await pushPurchases(context, commands);
    } catch (error) {
      if (this.stopped && !this.options.db.open) return;
      const cause = error instanceof OutcomeUnknownError ? error.failure : error;
      const permanentOrUnknown = !(isOdooError(cause) && (cause.transient || cause.kind === 'auth-failed'));
      if (permanentOrUnknown && commands.length > 1) {
        // One bad command fails a whole batched call (Odoo rolls the call back): find it by pushing one at a time.
        for (const command of commands) await this.pushOrIsolate(active, [command], claimed.filter((entry) => entry.id === command.id));
        return;
      }
      if (isOdooError(error) && error.kind === 'auth-failed' && this.active === active) {
        // The next probe logs in afresh instead of trusting a session Odoo no longer accepts.
        this.active = this.freshClient(active.identity, active.connection);
      }
      this.roundFailed(commands.map((command) => stored.get(command.id)).filter((entry): entry is StoredCommand => entry !== undefined), error);
      return;
    }
    if (this.stopped && !this.options.db.open) return;
    this.circuit.succeeded();
    const session = active.client.connected;
    this.setConnection('reachable', `Odoo ${session?.serverVersion ?? ''} is reachable.`.replace('  ', ' '), { serverVersion: session?.serverVersion ?? null });
    this.options.db.transaction(() => {
      for (const command of commands) {
        const entry = stored.get(command.id);
        if (!entry) continue;
        this.finish(entry, outcomes.get(command.id) ?? { kind: 'unfinished', records: command.records, message: 'The round ended without a word on this command; it is pushed again.' });
      }
    })();
    this.options.onChange?.();
  }

  /**
   * Our own side failed mid-round (the database locked or full while recording): the commands go
   * back to the queue, to be pushed again from what Odoo says. If even that cannot be written they
   * stay marked as pushing, and the next start queues them again.
   */
  private roundBroke(claimed: StoredCommand[], error: unknown): void {
    this.options.log.error({ err: error, commands: claimed.length }, 'outbox round failed on our side; its commands are queued again');
    if (!this.options.db.open) return;
    try {
      const now = this.now();
      const next = new Date(now.getTime() + backoffDelayMs(1, this.backoff, this.random)).toISOString();
      const message = `Recording the push failed on this computer (${error instanceof Error ? error.message : String(error)}); it is pushed again.`;
      this.options.db.transaction(() => {
        for (const command of claimed) {
          if (this.store.get(command.id)?.state !== 'pushing') continue;
          this.store.requeue(command.id, next, now.toISOString(), { message });
          this.store.appendHistory(command.id, now.toISOString(), 'attempt-failed', message, command.attempts);
        }
      })();
    } catch (again) {
      this.options.log.error({ err: again }, 'outbox could not queue the commands again; they are resumed on the next start');
    }
  }

  private roundFailed(commands: StoredCommand[], failure: unknown): void {
    const outcomeUnknown = failure instanceof OutcomeUnknownError;
    const error = failure instanceof OutcomeUnknownError ? failure.failure : failure;
    const nowDate = this.now();
    const now = nowDate.toISOString();
    const message = error instanceof Error ? error.message : String(error);
    if (isOdooError(error) && error.kind === 'auth-failed') {
      // Not the commands' fault: nothing is counted against them; the circuit waits for a login that works.
      this.circuit.open(nowDate.getTime(), message);
      this.setConnection('circuit-open', message, { nextProbeAt: new Date(this.circuit.nextProbeAt).toISOString() });
      this.options.db.transaction(() => {
        for (const command of commands) {
          this.store.requeue(command.id, now, now, null);
          this.store.appendHistory(command.id, now, 'attempt-failed', `Attempt ${command.attempts}: ${message} The command waits until Odoo accepts the login.`, command.attempts);
        }
      })();
      this.options.onChange?.();
      return;
    }
    const transient = isOdooError(error) && error.transient;
    const retryAfterMs = isOdooError(error) ? error.retryAfterMs : undefined;
    if (!isOdooError(error)) this.options.log.error({ err: error }, 'outbox round failed outside Odoo');
    const permanent = isOdooError(error) && (error.kind === 'validation' || error.kind === 'access-denied' || error.kind === 'missing-record');
    // Odoo's own words for the person who reads the dead letter.
    const odooWords = isOdooError(error) && error.odooMessage ? error.odooMessage : message;
    this.options.db.transaction(() => {
      for (const command of commands) {
        const failures = command.failures + 1;
        this.recordEvent({ kind: 'command-failed', at: now, actor: SYSTEM_ACTOR, commandId: command.id, attempt: Math.max(1, command.attempts), transient, message: odooWords });
        if (permanent || (!transient && failures >= this.maxUnexplained)) {
          const reason = permanent ? odooWords : `${odooWords} (failed ${failures} times)`;
          this.store.markDeadLetter(command.id, reason, now);
          this.store.appendHistory(command.id, now, 'dead-lettered', reason, command.attempts, { errorKind: isOdooError(error) ? error.kind : 'internal', odooName: isOdooError(error) ? (error.odooName ?? null) : null });
          this.recordEvent({ kind: 'command-dead-lettered', at: now, actor: SYSTEM_ACTOR, commandId: command.id, message: reason });
          continue;
        }
        const backoff = backoffDelayMs(failures, this.backoff, this.random, retryAfterMs);
        const delay = outcomeUnknown ? Math.max(backoff, this.graceMs) : backoff;
        const next = new Date(nowDate.getTime() + delay).toISOString();
        this.store.requeue(command.id, next, now, { message });
        const wait = outcomeUnknown ? ' Odoo may have made the record anyway, so its key is searched again only after a grace period.' : '';
        this.store.appendHistory(command.id, now, 'attempt-failed', `Attempt ${command.attempts} failed: ${message}${wait} Next try at ${next}.`, command.attempts, { errorKind: isOdooError(error) ? error.kind : 'internal', retryAt: next, outcomeUnknown });
      }
    })();
    if (transient) {
      if (this.circuit.failed(nowDate.getTime(), message, retryAfterMs)) {
        this.options.log.warn({ reason: message }, 'outbox: circuit opened, Odoo looks down');
        this.setConnection('circuit-open', message, { nextProbeAt: new Date(this.circuit.nextProbeAt).toISOString() });
      }
    }
    this.options.onChange?.();
  }

  /**
   * Commands that may not go to the server now connected go to the dead letters unsent, saying why:
   * one approved on the demo network (nothing of the demo is sent to Odoo), on another server's
   * network (Settings were pointed elsewhere since; its warehouse, product and vendor ids mean other
   * records here; a retry drops them and sends it here, looked up by code), or one whose record of
   * its network is damaged (where it belongs is unknown, so it goes nowhere). Returns the rest.
   */
  private setAsideForOtherNetworks(commands: StoredCommand[], connection: OdooConnection): StoredCommand[] {
    const reasons = new Map<StoredCommand, string>();
    for (const command of commands) {
      const origin = command.madeOn;
      if (origin?.network === 'unreadable') {
        reasons.set(command, `Its record of the network it was approved on cannot be read (${origin.why}), so where it belongs is unknown: nothing was sent to ${connection.url}. Cancel it, and approve the line again.`);
      } else if (origin?.network === 'demo') {
        reasons.set(command, `Approved on the demo network, and nothing of the demo is sent to Odoo: nothing was sent to ${connection.url}. Cancel it, and approve the real line on Odoo's network.`);
      } else if (origin?.network === 'odoo' && !sameServer(origin, connection)) {
        reasons.set(
          command,
          `Queued for ${origin.url} (database ${origin.database}), but the planner now works with ${connection.url} (database ${connection.database}), where its warehouse, product and vendor ids mean other records; nothing was sent. Retry to send it to ${connection.url}, looked up there by code, or cancel it.`,
        );
      }
    }
    if (reasons.size === 0) return commands;
    const now = this.now().toISOString();
    const cancelled = new Set<string>();
    this.options.db.transaction(() => {
      for (const [command, reason] of reasons) {
        if (command.cancelRequested) {
          // Its cancel cannot reach the network it was made on: it ends here, and says what may remain.
          const origin = command.madeOn;
          const left =
            origin?.network === 'odoo'
              ? `Anything carrying ${command.idempotencyKey} in ${origin.url} (database ${origin.database}) stays there: cancel it in that Odoo.`
              : origin?.network === 'unreadable'
                ? `Its record of the network it was approved on cannot be read: if it ever reached an Odoo, anything carrying ${command.idempotencyKey} stays there.`
                : 'Nothing of it was ever sent to Odoo (it was approved on the demo network).';
          this.store.markCancelled(command.id, now);
          this.store.appendHistory(command.id, now, 'cancelled', `Cancelled in the planner. ${left}`, command.attempts);
          if (command.batchId) cancelled.add(command.batchId);
          continue;
        }
        this.store.setAside(command.id, reason, now);
        this.store.appendHistory(command.id, now, 'dead-lettered', reason, command.attempts);
        this.recordEvent({ kind: 'command-dead-lettered', at: now, actor: SYSTEM_ACTOR, commandId: command.id, message: reason });
      }
    })();
    for (const batchId of cancelled) this.announceIfBatchDone(batchId);
    this.options.log.warn({ commands: reasons.size, to: connection.url }, 'outbox: commands from another network were set aside');
    this.options.onChange?.();
    return commands.filter((command) => !reasons.has(command));
  }

  /** Records one command's outcome (inside the round's transaction). */
  private finish(command: StoredCommand, outcome: RoundOutcome): void {
    const now = this.now().toISOString();
    const names = outcome.records.map((record) => `${record.name || `${record.model} ${record.id}`} (${record.state})`).join(', ');
    switch (outcome.kind) {
      case 'done': {
        this.store.markDone(command.id, outcome.records, now);
        this.store.appendHistory(command.id, now, 'pushed', `In Odoo: ${names}.${outcome.note ? ` ${outcome.note}` : ''}`, command.attempts, { records: outcome.records });
        this.recordEvent({ kind: 'command-pushed', at: now, actor: SYSTEM_ACTOR, commandId: command.id, odooRecords: outcome.records.map((record) => ({ model: record.model, id: record.id, name: record.name })) });
        if (command.batchId) this.announceIfBatchDone(command.batchId);
        this.wake();
        return;
      }
      case 'replan': {
        this.store.markNeedsReplanning(command.id, outcome.replan, outcome.message, now);
        this.store.saveRecords(command.id, outcome.records, now);
        this.store.appendHistory(command.id, now, 'needs-replanning', outcome.message, command.attempts, { replan: outcome.replan });
        const payload = CommandPayload.safeParse(command.payload);
        const lineId = payload.success && payload.data.kind === 'transfer' ? payload.data.lineId : null;
        this.recordEvent({ kind: 'replanned', at: now, actor: SYSTEM_ACTOR, commandId: command.id, lineId, reason: outcome.message });
        return;
      }
      case 'refused': {
        this.store.saveRecords(command.id, outcome.records, now);
        this.store.markDeadLetter(command.id, outcome.message, now);
        this.store.appendHistory(command.id, now, 'dead-lettered', outcome.message, command.attempts);
        this.recordEvent({ kind: 'command-failed', at: now, actor: SYSTEM_ACTOR, commandId: command.id, attempt: Math.max(1, command.attempts), transient: false, message: outcome.message });
        this.recordEvent({ kind: 'command-dead-lettered', at: now, actor: SYSTEM_ACTOR, commandId: command.id, message: outcome.message });
        return;
      }
      case 'cancelled': {
        this.store.saveRecords(command.id, outcome.records, now);
        this.store.markCancelled(command.id, now);
        this.store.appendHistory(command.id, now, 'cancelled', outcome.message, command.attempts);
        if (command.batchId) this.announceIfBatchDone(command.batchId);
        return;
      }
      case 'unfinished': {
        const failures = command.failures + 1;
        const next = new Date(this.now().getTime() + backoffDelayMs(failures, this.backoff, this.random)).toISOString();
        this.store.saveRecords(command.id, outcome.records, now);
        this.store.requeue(command.id, next, now, { message: outcome.message });
        this.store.appendHistory(command.id, now, 'attempt-failed', `Attempt ${command.attempts}: ${outcome.message}`, command.attempts);
        return;
      }
    }
  }

  private announceIfBatchDone(batchId: string): void {
    const states = this.store.batchStates(batchId);
    const open = states.queued + states.pushing + states['needs-replanning'] + states['dead-letter'];
    if (open === 0 && states.done > 0) this.options.onBatchInOdoo?.(batchId);
  }
}

