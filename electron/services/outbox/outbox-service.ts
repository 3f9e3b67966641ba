import type { Database } from 'better-sqlite3';
import type { RegionProfile } from '../../../shared/domain';
import type { OutboxBatchNotice, OutboxCommandDetail, OutboxCommandView, OutboxStatus } from '../../../shared/ipc';
import type { Log } from '../../app/log';
import type { RequestHandlers } from '../../ipc/dispatch';
import { ServiceError } from '../../ipc/service-error';
import type { OdooConnection } from '../odoo';
import { type CommandStatus, OutboxStore, type StoredCommand } from '../store';
import { CommandPayload, CommandRecord, describePayload, Replan, withoutOdooHints } from './command';
import { enqueueApproved, type EnqueuedCommand, type EnqueueRequest } from './enqueue';
import { type RecordEvent, recordNothing } from './outbox-events';
import { OutboxPusher, type PusherOptions } from './pusher';

export type OutboxChannel = 'outbox.status' | 'outbox.list' | 'outbox.command' | 'outbox.pause' | 'outbox.resume' | 'outbox.retry' | 'outbox.cancel' | 'outbox.edit';

export interface OutboxServiceDeps {
  db: Database;
  profile: RegionProfile;
  connection: () => Promise<OdooConnection | null>;
  log: Log;
  recordEvent?: RecordEvent;
  now?: () => Date;
  /** Who is at the desk, for the history of retries, edits and cancellations. */
  currentUser?: () => string;
  onStatus?: (status: OutboxStatus) => void;
  onBatchInOdoo?: (notice: OutboxBatchNotice) => void;
  /** Tuning for tests and benchmarks (round size, concurrency, backoff…). */
  pusher?: Partial<Omit<PusherOptions, 'db' | 'profile' | 'connection' | 'log' | 'recordEvent' | 'now' | 'onChange' | 'onBatchInOdoo'>>;
  /** How often at most a status event goes out while a lot is moving. */
  statusEveryMs?: number;
}

const EDITABLE: ReadonlySet<CommandStatus> = new Set(['queued', 'retrying', 'blocked', 'dead-letter', 'needs-replanning']);
const RETRYABLE: ReadonlySet<CommandStatus> = new Set(['retrying', 'dead-letter', 'needs-replanning']);

function statusOf(command: StoredCommand, store: OutboxStore): CommandStatus {
  if (command.state !== 'queued') return command.state;
  if (command.cancelRequested) return 'cancelling';
  if (store.dependenciesOf(command.id).some((dependency) => dependency.state !== 'done')) return 'blocked';
  return command.failures > 0 ? 'retrying' : 'queued';
}

/**
 * The outbox as the rest of the app sees it: `enqueue` for the approvals half (inside its own
 * transaction), request handlers for the Outbox screen, and the pusher running in the background.
 */
export class OutboxService {
  private readonly store: OutboxStore;
  private readonly pusher: OutboxPusher;
  private readonly now: () => Date;
  private readonly recordEvent: RecordEvent;
  private statusTimer: NodeJS.Timeout | null = null;
  readonly handlers: Pick<RequestHandlers, OutboxChannel>;

  constructor(private readonly deps: OutboxServiceDeps) {
    this.store = new OutboxStore(deps.db);
    this.now = deps.now ?? (() => new Date());
    this.recordEvent = deps.recordEvent ?? recordNothing;
    this.pusher = new OutboxPusher({
      ...deps.pusher,
      db: deps.db,
      profile: deps.profile,
      connection: deps.connection,
      log: deps.log,
      recordEvent: this.recordEvent,
      now: this.now,
      onChange: () => this.statusChanged(),
      onBatchInOdoo: (batchId) => this.batchInOdoo(batchId),
    });
    this.handlers = {
      'outbox.status': async () => this.status(),
      'outbox.list': async (request) => {
        const page = this.store.list({ statuses: request.statuses, batchId: request.batchId, offset: request.offset, limit: request.limit });
        return { total: page.total, commands: page.commands.map((command) => this.view(command, command.status)) };
      },
      'outbox.command': async ({ id }) => this.detail(id),
      'outbox.pause': async () => this.setPaused(true),
      'outbox.resume': async () => this.setPaused(false),
      'outbox.retry': async ({ id }) => this.retry(id),
      'outbox.cancel': async ({ id }) => this.cancel(id),
      'outbox.edit': async ({ id, lineId, qty }) => this.editQuantity(id, lineId ?? null, qty),
    };
  }

  start(): void {
    this.pusher.start();
  }

  async close(): Promise<void> {
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusTimer = null;
    await this.pusher.stop();
  }

  /** For the approvals half: call inside the transaction that records the decision. */
  enqueue(request: EnqueueRequest): EnqueuedCommand[] {
    const queued = enqueueApproved(this.deps.db, request, { profile: this.deps.profile, now: this.now(), recordEvent: this.recordEvent });
    // The pusher looks on its next turn, after the caller's transaction has committed.
    this.pusher.wake();
    this.statusChanged();
    return queued;
  }

  status(): OutboxStatus {
    const counts = this.store.counts();
    const pause = this.store.paused();
    const connection = this.pusher.connection;
    // A pause shows at once, before the pusher's next turn notices it.
    const shown = pause.paused && connection.state !== 'paused' ? { ...connection, state: 'paused' as const, message: `Paused${pause.changedBy ? ` by ${pause.changedBy}` : ''}: nothing is sent to Odoo until someone resumes.`, since: pause.changedAt ?? connection.since } : connection;
    return { counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0), paused: pause.paused, connection: shown };
  }

  private statusChanged(): void {
    if (!this.deps.onStatus || this.statusTimer) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null;
      if (this.deps.db.open) this.deps.onStatus?.(this.status());
    }, this.deps.statusEveryMs ?? 250);
    this.statusTimer.unref();
  }

  private user(): string {
    return this.deps.currentUser?.() ?? 'local user';
  }

  private view(command: StoredCommand, status: CommandStatus): OutboxCommandView {
    const payload = CommandPayload.safeParse(command.payload);
    const records = CommandRecord.array().safeParse(command.odooRecords);
    const replan = Replan.safeParse(command.replan);
    const lines = payload.success ? (payload.data.kind === 'transfer' ? [{ lineId: payload.data.lineId, skuId: payload.data.sku.id, qty: payload.data.qty }] : payload.data.lines.map((line) => ({ lineId: line.lineId, skuId: line.sku.id, qty: line.qty }))) : [];
    const recordList = records.success ? records.data : [];
    const onlyDrafts = recordList.every((record) => record.state === 'draft');
    return {
      id: command.id,
      idempotencyKey: command.idempotencyKey,
      batchId: command.batchId,
      kind: command.kind,
      status,
      summary: payload.success ? describePayload(payload.data) : 'Unreadable command',
      lines,
      attempts: command.attempts,
      lastError: command.lastError,
      replan: replan.success ? replan.data : null,
      odooRecords: recordList,
      nextAttemptAt: command.state === 'queued' && command.failures > 0 ? command.nextAttemptAt : null,
      createdBy: command.createdBy,
      createdAt: command.createdAt,
      updatedAt: command.updatedAt,
      doneAt: command.doneAt,
      canRetry: RETRYABLE.has(status),
      canCancel: EDITABLE.has(status),
      canEdit: EDITABLE.has(status) && onlyDrafts && payload.success,
    };
  }

  private command(id: string): StoredCommand {
    const command = this.store.get(id);
    if (!command) throw new ServiceError('not-found', `There is no outbox command ${id}.`);
    return command;
  }

  private viewOf(id: string): OutboxCommandView {
    const command = this.command(id);
    return this.view(command, statusOf(command, this.store));
  }

  detail(id: string): OutboxCommandDetail {
    const command = this.command(id);
    return {
      ...this.view(command, statusOf(command, this.store)),
      history: this.store.history(id).map((entry) => ({ at: entry.at, event: entry.event, attempt: entry.attempt, message: entry.message })),
      waitingFor: this.store.dependenciesOf(id),
    };
  }

  private setPaused(paused: boolean): OutboxStatus {
    this.store.setPaused(paused, this.user(), this.now().toISOString());
    this.deps.log.info({ paused, by: this.user() }, paused ? 'outbox paused' : 'outbox resumed');
    this.pusher.wake();
    this.statusChanged();
    return this.status();
  }

  /** Changes a command under its own transaction after checking it may still change. */
  private change(id: string, allowed: ReadonlySet<CommandStatus>, verb: string, apply: (command: StoredCommand, now: string) => void): OutboxCommandView {
    const now = this.now().toISOString();
    this.deps.db.transaction(() => {
      const command = this.command(id);
      const status = statusOf(command, this.store);
      if (!allowed.has(status)) {
        throw new ServiceError('conflict', status === 'pushing' ? `Command ${id} is being pushed right now; ${verb} it once this attempt ends.` : `Command ${id} is ${status.replace('-', ' ')}; it cannot be ${verb === 'retry' ? 'retried' : `${verb}ed`}.`);
      }
      apply(command, now);
    }).immediate();
    this.pusher.wake();
    this.statusChanged();
    return this.viewOf(id);
  }

  retry(id: string): OutboxCommandView {
    return this.change(id, RETRYABLE, 'retry', (command, now) => {
      if (command.madeOn?.network === 'demo') throw new ServiceError('conflict', `Command ${id} was approved on the demo network, and nothing of the demo is sent to Odoo: cancel it, and approve the real line on Odoo's network.`);
      if (command.madeOn?.network === 'unreadable') throw new ServiceError('conflict', `Command ${id}'s record of the network it was approved on cannot be read (${command.madeOn.why}), so where it belongs is unknown and it is not sent anywhere: cancel it, and approve the line again.`);
      const payload = CommandPayload.safeParse(command.payload);
      // Ids the cache gave may be what failed (a vendor merged in Odoo): look everything up by name again.
      this.store.retryNow(command.id, now, payload.success ? withoutOdooHints(payload.data) : undefined);
      this.store.appendHistory(command.id, now, 'retried', `${this.user()} asked to try again now.`);
    });
  }

  cancel(id: string): OutboxCommandView {
    return this.change(id, EDITABLE, 'cancel', (command, now) => {
      const records = CommandRecord.array().safeParse(command.odooRecords);
      const nothingSent = command.attempts === 0 && (!records.success || records.data.length === 0);
      if (nothingSent) {
        this.store.markCancelled(command.id, now);
        this.store.appendHistory(command.id, now, 'cancelled', `Cancelled by ${this.user()} before anything was sent to Odoo.`);
        return;
      }
      // Something may be in Odoo (even a create whose answer was lost): the pusher cancels by key first.
      this.store.requestCancel(command.id, now);
      this.store.appendHistory(command.id, now, 'cancel-requested', `${this.user()} cancelled it; whatever carries ${command.idempotencyKey} in Odoo is cancelled there first.`);
    });
  }

  editQuantity(id: string, lineId: string | null, qty: number): OutboxCommandView {
    return this.change(id, EDITABLE, 'edit', (command, now) => {
      const parsed = CommandPayload.safeParse(command.payload);
      if (!parsed.success) throw new ServiceError('conflict', `Command ${id} cannot be read, so it cannot be edited.`);
      const records = CommandRecord.array().safeParse(command.odooRecords);
      const confirmed = (records.success ? records.data : []).filter((record) => record.state !== 'draft');
      if (confirmed.length > 0) throw new ServiceError('conflict', `${confirmed.map((record) => record.name).join(', ')} is already ${confirmed[0]?.state} in Odoo; change it there.`);
      const payload = parsed.data;
      let before: number;
      let changedLine: string;
      if (payload.kind === 'transfer') {
        if (lineId !== null && lineId !== payload.lineId) throw new ServiceError('invalid-request', `Command ${id} has no line ${lineId}.`);
        before = payload.qty;
        changedLine = payload.lineId;
        payload.qty = qty;
      } else {
        const line = lineId === null ? (payload.lines.length === 1 ? payload.lines[0] : undefined) : payload.lines.find((entry) => entry.lineId === lineId);
        if (!line) throw new ServiceError('invalid-request', lineId === null ? `Command ${id} orders ${payload.lines.length} lines: say which line's quantity changes.` : `Command ${id} has no line ${lineId}.`);
        before = line.qty;
        changedLine = line.lineId;
        line.qty = qty;
      }
      this.store.replacePayload(command.id, payload, now);
      this.store.appendHistory(command.id, now, 'edited', `${this.user()} changed the quantity of line ${changedLine} from ${before} to ${qty}; it is pushed again.`, null, { lineId: changedLine, from: before, to: qty });
    });
  }

  private batchInOdoo(batchId: string): void {
    if (!this.deps.onBatchInOdoo) return;
    const commands = this.store.list({ batchId, offset: 0, limit: 500 }).commands;
    const done = commands.filter((command) => command.state === 'done');
    const cancelled = commands.filter((command) => command.state === 'cancelled').length;
    const records = done.flatMap((command) => {
      const parsed = CommandRecord.array().safeParse(command.odooRecords);
      return parsed.success ? parsed.data.map((record) => record.name) : [];
    });
    const shown = records.slice(0, 8).join(', ') + (records.length > 8 ? ` and ${records.length - 8} more` : '');
    this.deps.onBatchInOdoo({
      batchId,
      commands: done.length,
      cancelled,
      records,
      message: `Batch ${batchId} is fully in Odoo: ${done.length} command${done.length === 1 ? '' : 's'}${cancelled > 0 ? ` (${cancelled} cancelled)` : ''} — ${shown}.`,
    });
  }
}
