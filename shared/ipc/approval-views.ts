import { z } from 'zod';
import { BatchOrigin, LineState, RecordId } from '../approvals';
import { Instant, LocalDate } from '../domain/calendar';
import { Proposal } from '../domain/scenario';
import { OpenOrderView } from './planning-views';

/** "Submit batch": the proposals a planner selected, and where they came from. */
export const SubmitBatchRequest = z.strictObject({
  origin: BatchOrigin,
  proposals: z.array(Proposal).min(1, 'select at least one proposal').max(500, 'a batch holds at most 500 lines'),
  note: z.string().trim().max(500).nullable().default(null),
});
export type SubmitBatchRequest = z.input<typeof SubmitBatchRequest>;

/** Proposals of a replenishment run the services hold, by id: the services take them whole from the run. */
export const SubmitFromReplenishmentRequest = z.strictObject({
  resultId: z.string().min(1).max(64),
  proposalIds: z.array(z.string().min(1).max(64)).min(1, 'select at least one proposal').max(500, 'a batch holds at most 500 lines'),
  note: z.string().trim().max(500).nullable().default(null),
});
export type SubmitFromReplenishmentRequest = z.input<typeof SubmitFromReplenishmentRequest>;

/** Every transfer and purchase a scenario adds (those not already waiting or approved). */
export const SubmitScenarioRequest = z.strictObject({
  scenarioId: z.string().min(1).max(64),
  note: z.string().trim().max(500).nullable().default(null),
});
export type SubmitScenarioRequest = z.input<typeof SubmitScenarioRequest>;

/** What submitting a scenario now would send: its transfers and purchases less those an open line already orders. */
export const ScenarioSubmission = z.object({
  proposals: z.number().int().nonnegative(),
  /** Already in a batch the network does not show yet (this scenario's, or another's with the same order). */
  alreadySubmitted: z.number().int().nonnegative(),
  /** The batches those wait in. */
  batches: z.array(z.string()),
});
export type ScenarioSubmission = z.infer<typeof ScenarioSubmission>;

export const SubmittedBatch = z.object({
  batchId: z.string(),
  lines: z.number().int(),
  autoApproved: z.number().int(),
  waiting: z.number().int(),
  /** Proposals left out because an open line the network does not show yet already orders them. */
  leftOut: z.number().int().nonnegative(),
  /** For the screen: "3 lines auto-approved and sent to the outbox; 5 wait for approval." and what was left out. */
  summary: z.string(),
});
export type SubmittedBatch = z.infer<typeof SubmittedBatch>;

export const InboxStateFilter = z.enum(['for-me', 'waiting', 'overdue', 'settled', 'all']);
export type InboxStateFilter = z.infer<typeof InboxStateFilter>;

export const InboxQuery = z.strictObject({
  state: InboxStateFilter.default('waiting'),
  /** A rule id, or "fallback" for lines no rule matched. */
  ruleId: z.string().min(1).max(40).optional(),
  nodeId: z.string().min(1).max(32).optional(),
  /** Value bounds reveal costs: refused for a user whose role does not see costs. */
  minValue: z.number().nonnegative().optional(),
  maxValue: z.number().nonnegative().optional(),
  batchId: RecordId.optional(),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(500).default(200),
});
export type InboxQuery = z.input<typeof InboxQuery>;

export const DecisionView = z.object({
  decidedBy: z.string(),
  role: z.string(),
  decision: z.enum(['approved', 'rejected']),
  decidedAt: Instant,
  comment: z.string().nullable(),
  /** Made on another desktop and brought here in a signed file. */
  imported: z.boolean(),
});

/** Another open order, from another batch, for the same node and SKU as a line. */

export const ApprovalLineView = z.object({
  lineId: z.string(),
  batchId: z.string(),
  position: z.number().int(),
  kind: z.enum(['transfer', 'purchase']),
  skuId: z.string(),
  nodeId: z.string(),
  fromNodeId: z.string().nullable(),
  supplier: z.string().nullable(),
  qty: z.number(),
  /** Ship date of a transfer, order date of a purchase. */
  leavesOn: LocalDate,
  arrivalDate: LocalDate,
  neededBy: LocalDate,
  daysLate: z.number().int(),
  /** What the matrix counted as the line's value; null when the user's role does not see costs. */
  value: z.number().nullable(),
  unitCost: z.number().nullable(),
  /** Why the line was proposed (sentences with costs are left out for a user who does not see costs). */
  reason: z.string(),
  ruleId: z.string().nullable(),
  ruleDescription: z.string(),
  /** "needs Regional Ops: value 12,400 > 10,000". */
  explanation: z.string(),
  /** Escalation, expiry and confirmation terms of the rule, in words. */
  terms: z.string().nullable(),
  serviceImpact: z.string(),
  unitsShortBefore: z.number().nullable(),
  unitsShortAfter: z.number().nullable(),
  state: LineState,
  overdue: z.boolean(),
  escalatesAt: Instant.nullable(),
  escalatedTo: z.string().nullable(),
  expiresAt: Instant.nullable(),
  settledAt: Instant.nullable(),
  waitingFor: z.array(z.string()),
  /** Who the line waits for, in words: "Regional Ops and Finance", or "Regional Ops — or Finance alone (escalated)". */
  waitingForText: z.string().nullable(),
  approvedAs: z.array(z.string()),
  submittedBy: z.string(),
  submittedByName: z.string(),
  submittedAt: Instant,
  origin: BatchOrigin,
  decisions: z.array(DecisionView),
  canDecide: z.boolean(),
  /** Why the current user may not decide this line (proposed it, lacks the role, already decided…). */
  cannotDecideBecause: z.string().nullable(),
  /** A waiting line proposed on another network than the one the planner holds now: where, and what approving it does. */
  otherNetwork: z.string().nullable(),
  /** Why approving it is refused (any reason it cannot be decided, or a network it can never be sent to); rejecting may still be open. */
  cannotApproveBecause: z.string().nullable(),
  /** Handed to the outbox on this desktop. */
  queued: z.boolean(),
  /**
   * For a waiting line: other open orders, from other batches and not yet in the network, for the
   * same node and SKU (two batches may cover the same shortage); the first few, oldest first.
   */
  alsoOrdered: z.array(OpenOrderView).max(5),
  /** How many such orders there are in all. */
  alsoOrderedCount: z.number().int().nonnegative(),
});
export type ApprovalLineView = z.infer<typeof ApprovalLineView>;

export const InboxCounts = z.object({
  forMe: z.number().int(),
  waiting: z.number().int(),
  overdue: z.number().int(),
  approved: z.number().int(),
  autoApproved: z.number().int(),
  rejected: z.number().int(),
  expired: z.number().int(),
});

export const InboxView = z.object({
  lines: z.array(ApprovalLineView),
  total: z.number().int(),
  counts: InboxCounts,
  rules: z.array(z.object({ id: z.string(), description: z.string() })),
  seesCosts: z.boolean(),
  user: z.object({ login: z.string(), roles: z.array(z.string()) }).nullable(),
});
export type InboxView = z.infer<typeof InboxView>;

export const DecideRequest = z.strictObject({
  lineIds: z.array(RecordId).min(1, 'choose at least one line').max(500),
  decision: z.enum(['approved', 'rejected']),
  comment: z.string().trim().max(2000).nullable().default(null),
});
export type DecideRequest = z.input<typeof DecideRequest>;

export const DecideResult = z.object({
  recorded: z.array(z.object({ lineId: z.string(), state: LineState })),
  refused: z.array(z.object({ lineId: z.string(), reason: z.string() })),
});
export type DecideResult = z.infer<typeof DecideResult>;

export const BatchSummaryView = z.object({
  batchId: z.string(),
  submittedBy: z.string(),
  submittedAt: Instant,
  origin: BatchOrigin,
  note: z.string().nullable(),
  lines: z.number().int(),
  waiting: z.number().int(),
  decisions: z.number().int(),
  importedFrom: z.string().nullable(),
});
export type BatchSummaryView = z.infer<typeof BatchSummaryView>;

/** A signed file for another desktop: the screen offers it as a download. */
export const ExchangeFileView = z.object({ fileName: z.string(), content: z.string(), summary: z.string() });
export type ExchangeFileView = z.infer<typeof ExchangeFileView>;

export const SignerView = z.object({ login: z.string(), name: z.string(), deviceId: z.string(), fingerprint: z.string() });

export const ImportResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('imported'), kind: z.enum(['batch', 'decisions']), batchId: z.string(), count: z.number().int(), summary: z.string() }),
  z.object({
    outcome: z.literal('refused'),
    reason: z.string(),
    /** Set when the only problem is a signer this desktop does not know yet: the screen offers to trust it. */
    untrustedSigner: SignerView.nullable(),
  }),
]);
export type ImportResult = z.infer<typeof ImportResult>;

const ExchangeFileText = z.string().min(2).max(20_000_000);

export const ImportFileRequest = z.strictObject({ content: ExchangeFileText });
export const TrustSignerRequest = z.strictObject({
  content: ExchangeFileText,
  /** Typed or confirmed by the person after comparing it with the signer's screen. */
  fingerprint: z.string().trim().min(8).max(80),
});

export const PublishToOdooRequest = z.strictObject({ batchId: z.string().min(1).max(64), what: z.enum(['batch', 'decisions']) });
export const PublishedToOdoo = z.object({ fileName: z.string(), attachmentId: z.number().int(), summary: z.string() });
export type PublishedToOdoo = z.infer<typeof PublishedToOdoo>;

/** One exchange file found in Odoo and what importing it gave. */
export const FetchedExchangeFile = z.object({
  fileName: z.string(),
  /** The Odoo user who attached it. */
  from: z.string(),
  outcome: z.enum(['imported', 'refused']),
  summary: z.string(),
  untrustedSigner: SignerView.nullable(),
  /** Only for a file refused for an untrusted signer: what "Trust and import" sends back. */
  content: z.string().nullable(),
});
export type FetchedExchangeFile = z.infer<typeof FetchedExchangeFile>;
export const FetchFromOdooResult = z.object({ files: z.array(FetchedExchangeFile), summary: z.string() });
export type FetchFromOdooResult = z.infer<typeof FetchFromOdooResult>;

export const KeysView = z.object({
  own: SignerView.nullable(),
  trusted: z.array(
    z.object({ login: z.string(), name: z.string(), deviceId: z.string(), fingerprint: z.string(), roles: z.array(z.string()), rolesSource: z.string(), trustedBy: z.string(), trustedAt: z.string() }),
  ),
});
export type KeysView = z.infer<typeof KeysView>;

export const AuditQueryRequest = z.strictObject({
  kinds: z.array(z.string().min(1).max(40)).max(20).optional(),
  actor: z.string().trim().min(1).max(200).optional(),
  text: z.string().trim().min(1).max(200).optional(),
  beforeSeq: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type AuditQueryRequest = z.input<typeof AuditQueryRequest>;

export const AuditEntryView = z.object({
  seq: z.number().int(),
  at: Instant,
  kind: z.string(),
  actor: z.string(),
  summary: z.string(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditPage = z.object({
  entries: z.array(AuditEntryView),
  /** Pass as `beforeSeq` for the next (older) page; null at the start of the log. */
  nextBeforeSeq: z.number().int().nullable(),
  kinds: z.array(z.string()),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditVerificationView = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  brokenAt: z.number().int().nullable(),
  message: z.string(),
  checkedAt: Instant,
});
export type AuditVerificationView = z.infer<typeof AuditVerificationView>;
