import type { Database } from 'better-sqlite3';
import type { RegionProfile } from '../../shared/domain';
import type { ApprovedLine, ApprovedLineSink } from '../services/approvals';
import { enqueueApproved, type RecordEvent } from '../services/outbox';
import { ApprovalStore } from '../services/store';

/**
 * Hands approved lines to the outbox inside the transaction that records the decision: the
 * decision, the command and their audit entries are written together or not at all. The line's
 * id (a ULID, the same on every desktop) becomes the command's id and so its key in Odoo.
 */
export class OutboxApprovedLineSink implements ApprovedLineSink {
  constructor(
    private readonly profile: RegionProfile,
    private readonly recordEvent: RecordEvent,
    private readonly now: () => Date,
  ) {}

  enqueueApproved(db: Database, lines: readonly ApprovedLine[]): void {
    const byBatch = new Map<string, ApprovedLine[]>();
    for (const line of lines) byBatch.set(line.batchId, [...(byBatch.get(line.batchId) ?? []), line]);
    const store = new ApprovalStore(db);
    const at = this.now();
    for (const [batchId, batchLines] of byBatch) {
      const ordered = [...batchLines].sort((a, b) => a.position - b.position);
      const commands = enqueueApproved(
        db,
        {
          batchId,
          actor: [...new Set(ordered.flatMap((line) => line.approvedBy))].join(', ') || 'system',
          lines: ordered.map((line) => ({ lineId: line.lineId, proposal: line.proposal, confirmPurchase: line.confirmPurchase, stableId: line.idempotencyKey })),
        },
        { profile: this.profile, now: at, recordEvent: this.recordEvent },
      );
      const commandOf = new Map(commands.flatMap((command) => command.lineIds.map((lineId) => [lineId, command] as const)));
      for (const line of ordered) {
        const command = commandOf.get(line.lineId);
        // The line's key; in Odoo it appears as the command's `PLN:` key.
        store.handOff({ lineId: line.lineId, batchId, idempotencyKey: line.idempotencyKey, handedAt: at.toISOString(), command: { commandId: command?.id ?? null, odooKey: command?.idempotencyKey ?? null } });
      }
    }
  }
}
