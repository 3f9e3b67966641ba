import type { Database } from 'better-sqlite3';
import type { Proposal } from '../../../shared/domain';
import type { AuditLog } from '../audit';
import { ApprovalStore } from '../store';

/** A line whose approval is complete, as the outbox needs it to make Odoo records. */
export interface ApprovedLine {
  lineId: string;
  batchId: string;
  /**
   * The line's id: the same on every desktop that knows the line, so even if two disconnected
   * desktops both completed its approval, Odoo gets one record (the pusher looks for the key first).
   */
  idempotencyKey: string;
  proposal: Proposal;
  /** The matrix says a purchase goes to Odoo as a confirmed PO rather than a draft RFQ. */
  confirmPurchase: boolean;
  approvedAt: string;
  /** Logins whose approvals completed the line ('system' for a rule that auto-approves). */
  approvedBy: string[];
  /** Position in the batch: commands of one batch keep this order. */
  position: number;
}

/**
 * Where an approved line goes: the outbox. Called inside the transaction that records the
 * decision, with that transaction's connection, so the decision and the command are written
 * together or not at all; it must write with `db` and throw to roll everything back. Lines that
 * were approved on another desktop and imported here are not handed over: the desktop where the
 * approval was completed pushes them.
 */
export interface ApprovedLineSink {
  enqueueApproved(db: Database, lines: readonly ApprovedLine[]): void;
}

/**
 * Until the outbox is merged: records each approved line in `approval_handoffs` (keyed by its
 * idempotency key) and appends the `command-queued` event the outbox will append itself.
 */
export class RecordingApprovedLineSink implements ApprovedLineSink {
  constructor(
    private readonly audit: AuditLog,
    private readonly now: () => Date,
  ) {}

  enqueueApproved(db: Database, lines: readonly ApprovedLine[]): void {
    const store = new ApprovalStore(db);
    const at = this.now().toISOString();
    for (const line of lines) {
      const commandKind = line.proposal.kind === 'transfer' ? 'create-transfer' : line.confirmPurchase ? 'create-purchase-order' : 'create-rfq';
      store.handOff({ lineId: line.lineId, batchId: line.batchId, idempotencyKey: line.idempotencyKey, handedAt: at, command: { kind: commandKind, ...line } });
      this.audit.append({ kind: 'command-queued', at, actor: 'system', commandId: line.lineId, batchId: line.batchId, lineId: line.lineId, commandKind, idempotencyKey: line.idempotencyKey });
    }
  }
}
