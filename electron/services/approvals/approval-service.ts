import type { Database } from 'better-sqlite3';
import { ulid } from 'ulid';
import {
  checkDecision,
  describeRepeats,
  evaluateLine,
  explainRouting,
  leaveOutRepeats,
  lineProgress,
  openLines,
  openOrders,
  openOrdersByPlace,
  type BatchOrigin,
  type BatchRecord,
  type EarlierLine,
  type LineDecision,
  type LineProgress,
  type LineRecord,
  type OpenLine,
  type SignedDecision,
} from '../../../shared/approvals';
import type { CanonicalEvent, Proposal, RegionProfile } from '../../../shared/domain';
import type { DecideResult, SubmittedBatch } from '../../../shared/ipc';
import type { AuditLog } from '../audit';
import { ApprovalStore, NetworkFacts, type LineFilter, type LineStanding, type StoredLine } from '../store';
import { AlreadySubmittedError, NetworkNotStoredError, NotIdentifiedError, NotRecordedError, storageFailureCode } from './approval-errors';
import type { ApprovedLine, ApprovedLineSink } from './approved-line-sink';
import type { DeviceKeys } from './device-keys';
import { checkProposals } from './line-checks';
import { LineNetworks } from './line-network';
import { signDecision } from './signed-decisions';

/** The person at the desk as the approvals see them: who, and which of the region's roles they hold. */
export interface Approver {
  login: string;
  name: string;
  roles: string[];
  seesCosts: boolean;
}

export interface ApprovalServiceOptions {
  db: Database;
  audit: AuditLog;
  profile: RegionProfile;
  keys: DeviceKeys;
  sink: ApprovedLineSink;
  now: () => Date;
  /** The network the planner shows (its snapshot time), so proposals are checked against that one. */
  shownNetwork: () => { takenAt: string } | null;
  newId?: () => string;
}

export interface LineWithProgress {
  stored: StoredLine;
  batch: BatchRecord;
  decisions: SignedDecision[];
  progress: LineProgress;
}

const STORE_POLL_MS = 200;
const OPEN_LINES_FRESH_MS = 5_000;
const STORE_WAIT_MS = 20_000;

function describeProposal(proposal: Proposal): string {
  const what = `${proposal.qty} × ${proposal.skuId}`;
  return proposal.kind === 'transfer'
    ? `transfer ${what} from ${proposal.fromNodeId} to ${proposal.nodeId}, ships ${proposal.shipDate} (proposal ${proposal.id})`
    : `purchase ${what} from ${proposal.supplier} for ${proposal.nodeId}, ordered ${proposal.orderDate} (proposal ${proposal.id})`;
}

/**
 * Batches and decisions, offline: everything is recorded in the local database first. Submitting
 * evaluates every line against the region's matrix; auto-approved lines go straight to the outbox,
 * the rest wait. Deciding enforces segregation of duties here, in the service, whatever the screen
 * shows; a decision, its audit entry and (when it completes the approval) the line's hand-off to the
 * outbox are one transaction, so a decision is never shown as made unless all of it was written.
 */
export class ApprovalService {
  private readonly store: ApprovalStore;
  private readonly network: NetworkFacts;
  private readonly newId: () => string;
  /** Writes through `write`, so a cached answer knows it is out of date. */
  private writes = 0;
  private openLinesCache: { key: string; at: number; lines: OpenLine[] } | null = null;
  private openOrdersOf: { lines: OpenLine[]; orders: Map<string, OpenLine> } | null = null;
  private openPlacesOf: { lines: OpenLine[]; places: Map<string, OpenLine[]> } | null = null;

  constructor(private readonly options: ApprovalServiceOptions) {
    this.store = new ApprovalStore(options.db);
    this.network = new NetworkFacts(options.db);
    this.newId = options.newId ?? (() => ulid());
  }

  get db(): Database {
    return this.options.db;
  }

  get profile(): RegionProfile {
    return this.options.profile;
  }

  roleName = (code: string): string => this.options.profile.roles.find((role) => role.code === code)?.name ?? code;

  private device: string | null = null;

  /** This desktop's id (made once, kept in the database). */
  deviceId(): string {
    this.device ??= this.store.deviceId(this.newId, this.options.now().toISOString());
    return this.device;
  }

  /** Runs `work` as one IMMEDIATE transaction; a storage failure becomes "not recorded", with nothing kept. */
  write<T>(what: string, work: () => T): T {
    this.writes++;
    try {
      return this.options.db.transaction(work).immediate();
    } catch (error) {
      const code = storageFailureCode(error);
      if (code) throw new NotRecordedError(what, code);
      throw error;
    }
  }

  private horizon(): { dayZero: string; days: number; takenAt: string } {
    const meta = this.network.meta();
    const shown = this.options.shownNetwork();
    if (!meta) throw new NetworkNotStoredError('There is no network in the local cache to check the proposals against. Load the demo or sync with Odoo first.');
    if (shown && shown.takenAt !== meta.takenAt) {
      throw new NetworkNotStoredError('The network on screen is still being saved to the local cache; submit again in a moment.');
    }
    return { dayZero: meta.dayZero, days: meta.horizonDays, takenAt: meta.takenAt };
  }

  /** A network just generated or synced is saved behind the screen: wait for it (a while) rather than refuse. */
  async storedHorizon(): Promise<{ dayZero: string; days: number; takenAt: string }> {
    for (let waited = 0; ; waited += STORE_POLL_MS) {
      try {
        return this.horizon();
      } catch (error) {
        if (!(error instanceof NetworkNotStoredError) || waited >= STORE_WAIT_MS || this.options.shownNetwork() === null) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, STORE_POLL_MS));
    }
  }

  async submit(request: { origin: BatchOrigin; proposals: readonly Proposal[]; note: string | null }, user: Approver | null): Promise<SubmittedBatch> {
    if (!user) throw new NotIdentifiedError('a batch cannot be submitted');
    await this.storedHorizon();
    const now = this.options.now().toISOString();
    // One read transaction: a sync committing meanwhile cannot mix two networks into the checks.
    const { horizon, checked, repeated } = this.options.db.transaction(() => {
      const current = this.horizon();
      const all = checkProposals(request.proposals, this.network, this.profile, current);
      // The snapshot does not show what is submitted but not yet in Odoo, so every run on it
      // proposes those orders again: a second submission would have Odoo order the same thing twice.
      const { fresh, repeated: repeats } = leaveOutRepeats(all, this.earlierLines(current.takenAt, now));
      if (fresh.length === 0 && repeats.length > 0) throw new AlreadySubmittedError(describeRepeats(repeats));
      return { horizon: current, checked: fresh, repeated: repeats };
    })();
    const key = this.options.keys.keyFor(user.login);
    const batch: BatchRecord = {
      id: this.newId(),
      region: this.profile.code,
      origin: request.origin,
      note: request.note,
      submittedBy: user.login,
      submittedByName: user.name,
      submittedAt: now,
      deviceId: key.signer.deviceId,
      snapshotTakenAt: horizon.takenAt,
    };
    const lines: LineRecord[] = checked.map((line, position) => ({
      id: this.newId(),
      batchId: batch.id,
      position,
      proposal: line.proposal,
      facts: line.facts,
      serviceImpact: line.serviceImpact,
      routing: evaluateLine(this.profile.approvalMatrix, line.facts, { locale: this.profile.locale }),
    }));
    const auto = lines.filter((line) => line.routing.outcome.decision === 'auto-approve');
    this.write('The batch', () => {
      this.store.insertBatch(batch, null);
      for (const line of lines) {
        const automatic = line.routing.outcome.decision === 'auto-approve';
        this.store.insertLine(line, automatic ? 'auto-approved' : 'waiting', automatic ? now : null, now);
        this.record({ kind: 'proposal-created', at: now, actor: user.login, proposalId: line.id, proposalKind: line.proposal.kind, scenarioId: request.origin.kind === 'scenario' ? request.origin.scenarioId : null, summary: describeProposal(line.proposal) });
      }
      this.record({ kind: 'batch-submitted', at: now, actor: user.login, batchId: batch.id, lineIds: lines.map((line) => line.id) });
      for (const line of auto) {
        this.record({ kind: 'decision-made', at: now, actor: 'system', batchId: batch.id, lineId: line.id, decision: 'approved', role: 'auto-approve', comment: explainRouting(line.routing, { roleName: this.roleName, seesCosts: false }), device: null, signature: null });
      }
      this.options.sink.enqueueApproved(this.options.db, auto.map((line) => this.approvedLine(line, now, ['system'])));
    });
    const waiting = lines.length - auto.length;
    const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
    const parts = [auto.length > 0 ? `${plural(auto.length, 'line')} auto-approved and sent to the outbox` : null, waiting > 0 ? `${plural(waiting, 'line')} ${waiting === 1 ? 'waits' : 'wait'} for approval` : null].filter(Boolean);
    const leftOut = repeated.length > 0 ? ` Left out, already in a batch the network does not show yet: ${describeRepeats(repeated)}.` : '';
    return { batchId: batch.id, lines: lines.length, autoApproved: auto.length, waiting, leftOut: repeated.length, summary: `${parts.join('; ')}.${leftOut}` };
  }

  /**
   * The open lines (waiting, or approved and not yet in the network stored now): a run on that
   * network proposes their orders again. Asked for on every page of a replenishment run and every
   * inbox refresh; with thousands of open lines (a long Odoo outage) working them out takes ~90 ms.
   * They change with a write here or another network; the rest (a line expiring, a command given
   * up) may show a few seconds late.
   */
  openLinesNow(): OpenLine[] {
    const meta = this.network.meta();
    if (!meta) return [];
    const key = `${meta.takenAt}|${this.writes}`;
    const at = this.options.now().getTime();
    if (this.openLinesCache && this.openLinesCache.key === key && Math.abs(at - this.openLinesCache.at) < OPEN_LINES_FRESH_MS) return this.openLinesCache.lines;
    const lines = openLines(this.earlierLines(meta.takenAt, new Date(at).toISOString()));
    this.openLinesCache = { key, at, lines };
    return lines;
  }

  /** The open lines by `orderKey`, for marking a run's rows whose order is already in a batch. */
  openOrdersNow(): Map<string, OpenLine> {
    const lines = this.openLinesNow();
    // Keyed anew only when the lines are: at 4,000 open lines that is ~12 ms a page.
    if (this.openOrdersOf?.lines !== lines) this.openOrdersOf = { lines, orders: openOrders(lines) };
    return this.openOrdersOf.orders;
  }

  /** The open lines by the node × SKU they stock (`placeKey`), oldest batch first. */
  openOrdersByPlaceNow(): Map<string, OpenLine[]> {
    const lines = this.openLinesNow();
    if (this.openPlacesOf?.lines !== lines) this.openPlacesOf = { lines, places: openOrdersByPlace(lines) };
    return this.openPlacesOf.places;
  }

  /** The lines whose orders the snapshot taken at `takenAt` does not show yet, with where each stands at `now`. */
  private earlierLines(takenAt: string, now: string): EarlierLine[] {
    return this.withProgressAll(this.store.linesNotInSnapshot(takenAt, now), now).map(({ stored, progress }) => ({
      proposal: stored.record.proposal,
      batchId: stored.record.batchId,
      line: stored.record.position + 1,
      state: progress.state,
    }));
  }

  private approvedLine(line: LineRecord, approvedAt: string, approvedBy: string[]): ApprovedLine {
    const outcome = line.routing.outcome;
    return {
      lineId: line.id,
      batchId: line.batchId,
      idempotencyKey: line.id,
      proposal: line.proposal,
      confirmPurchase: outcome.decision === 'requires-approval' && outcome.confirmPurchase === true,
      approvedAt,
      approvedBy,
      position: line.position,
    };
  }

  private record(event: CanonicalEvent): void {
    this.options.audit.append(event);
  }

  /** A line with its batch, its decisions and where it stands at `now`. */
  withProgress(stored: StoredLine, now: string, batches = new Map<string, BatchRecord>(), decisions?: SignedDecision[]): LineWithProgress {
    const batchId = stored.record.batchId;
    let batch = batches.get(batchId);
    if (!batch) {
      batch = this.store.batch(batchId) ?? undefined;
      if (!batch) throw new Error(`line ${stored.record.id} belongs to batch ${batchId}, which is missing`);
      batches.set(batchId, batch);
    }
    const signed = decisions ?? this.store.decisionsOf([stored.record.id]).get(stored.record.id) ?? [];
    const progress = lineProgress(stored.record.routing.outcome, { submittedAt: batch.submittedAt, decisions: signed.map((entry) => entry.decision), now });
    return { stored, batch, decisions: signed, progress };
  }

  lines(filter: LineFilter, now: string): LineWithProgress[] {
    return this.withProgressAll(this.store.lines(filter), now);
  }

  /** The lines still open for a decision at `now`, oldest batch first. */
  openLines(filter: LineFilter, now: string): LineWithProgress[] {
    return this.withProgressAll(this.store.openLines(filter, now), now);
  }

  /** One page of the lines settled by `now` (decided, auto-approved or expired), the latest first. */
  settledLines(filter: LineFilter, now: string, page: { offset: number; limit: number }): LineWithProgress[] {
    return this.withProgressAll(this.store.settledLines(filter, now, page), now);
  }

  /** One page of every line, the newest batch first. */
  newestLines(filter: LineFilter, now: string, page: { offset: number; limit: number }): LineWithProgress[] {
    return this.withProgressAll(this.store.newestLines(filter, page), now);
  }

  lineCounts(filter: LineFilter, now: string): Record<LineStanding, number> {
    return this.store.lineCounts(filter, now);
  }

  /** Many lines with their batches and decisions, each read once. */
  private withProgressAll(stored: readonly StoredLine[], now: string): LineWithProgress[] {
    const decisions = this.store.decisionsOf(stored.map((line) => line.record.id));
    const batches = new Map<string, BatchRecord>();
    return stored.map((line) => this.withProgress(line, now, batches, decisions.get(line.record.id) ?? []));
  }

  /** Why `user` may not decide the line now, or null when they may. */
  refusalFor(line: LineWithProgress, user: Approver | null): string | null {
    if (!user) return 'Nobody is identified at this desk.';
    const check = checkDecision({ progress: line.progress, proposedBy: line.batch.submittedBy, decisions: line.decisions.map((entry) => entry.decision), decider: { login: user.login, roles: user.roles }, roleName: this.roleName });
    return check.ok ? null : check.refusal.message;
  }

  /**
   * Records one decision per line (a comment applies to each). Lines the user may not decide are
   * refused one by one with the reason; the others are recorded together, or none is.
   */
  decide(request: { lineIds: readonly string[]; decision: 'approved' | 'rejected'; comment: string | null }, user: Approver | null): DecideResult {
    if (!user) throw new NotIdentifiedError('no decision can be recorded');
    const key = this.options.keys.keyFor(user.login);
    const now = this.options.now().toISOString();
    return this.write(request.lineIds.length === 1 ? 'Your decision' : 'Your decisions', () => {
      const recorded: DecideResult['recorded'] = [];
      const refused: DecideResult['refused'] = [];
      const approved: ApprovedLine[] = [];
      const networks = new LineNetworks(this.options.db);
      for (const lineId of new Set(request.lineIds)) {
        const stored = this.store.line(lineId);
        if (!stored) {
          refused.push({ lineId, reason: `There is no line ${lineId} on this desktop.` });
          continue;
        }
        const line = this.withProgress(stored, now);
        const check = checkDecision({ progress: line.progress, proposedBy: line.batch.submittedBy, decisions: line.decisions.map((entry) => entry.decision), decider: { login: user.login, roles: user.roles }, roleName: this.roleName });
        if (!check.ok) {
          refused.push({ lineId, reason: check.refusal.message });
          continue;
        }
        const unsendable = request.decision === 'approved' ? networks.noteFor(line.batch.id)?.approvalRefused : null;
        if (unsendable) {
          refused.push({ lineId, reason: unsendable });
          continue;
        }
        const decision: LineDecision = { id: this.newId(), lineId, decision: request.decision, role: check.role, decidedBy: user.login, decidedAt: now, comment: request.comment };
        const signed = signDecision(line.batch.id, decision, key, user.name);
        this.store.insertDecision(signed, null);
        const after = lineProgress(stored.record.routing.outcome, { submittedAt: line.batch.submittedAt, decisions: [...line.decisions.map((entry) => entry.decision), decision], now });
        if (after.state === 'approved' || after.state === 'rejected') this.store.settleLine(lineId, after.state, now);
        this.record({ kind: 'decision-made', at: now, actor: user.login, batchId: line.batch.id, lineId, decision: request.decision, role: check.role, comment: request.comment, device: key.signer.deviceId, signature: signed.signature });
        if (after.state === 'approved') approved.push(this.approvedLine(stored.record, now, [...line.decisions.filter((entry) => entry.decision.decision === 'approved').map((entry) => entry.decision.decidedBy), user.login]));
        recorded.push({ lineId, state: after.state });
      }
      this.options.sink.enqueueApproved(this.options.db, approved);
      return { recorded, refused };
    });
  }

  get storeForExchange(): ApprovalStore {
    return this.store;
  }
}
