import { z } from 'zod';
import { Instant } from '../domain/calendar';
import { Proposal } from '../domain/scenario';
import { Routing } from './evaluate-line';
import { LineFacts, ServiceImpact } from './line-facts';

export const RecordId = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, 'ids are letters, digits, dashes and underscores');

/**
 * How screens and messages name a batch: the last 8 characters of its id (the random end of a
 * ULID), short enough to read out on the phone and unique enough within a region's history. The
 * Exchange panel and the audit name batches the same way.
 */
export function batchLabel(batchId: string): string {
  return batchId.length > 8 ? batchId.slice(-8) : batchId;
}

/** Where the proposals of a batch came from. */
export const BatchOrigin = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('scenario'), scenarioId: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('replenishment') }),
]);
export type BatchOrigin = z.infer<typeof BatchOrigin>;

/** Proposals submitted together for approval, as recorded where they were submitted. */
export const BatchRecord = z.object({
  id: RecordId,
  region: z.string().min(1),
  origin: BatchOrigin,
  note: z.string().max(500).nullable(),
  submittedBy: z.string().min(1).max(200),
  submittedByName: z.string().min(1).max(200),
  submittedAt: Instant,
  /** The desktop (device key) the batch was submitted on. */
  deviceId: RecordId,
  /** The network the proposals were checked against. */
  snapshotTakenAt: Instant.nullable(),
});
export type BatchRecord = z.infer<typeof BatchRecord>;

/** One proposal of a batch with the facts the matrix looked at and the routing it gave. */
export const LineRecord = z.object({
  id: RecordId,
  batchId: RecordId,
  position: z.number().int().nonnegative(),
  proposal: Proposal,
  facts: LineFacts,
  serviceImpact: ServiceImpact,
  routing: Routing,
});
export type LineRecord = z.infer<typeof LineRecord>;
