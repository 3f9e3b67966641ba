import { z } from 'zod';
import {
  AllocationSettings,
  CustomerPriority,
  DataKind,
  EditNote,
  EditRefusal,
  Instant,
  LocalDate,
  NodeId,
  ProposalReason,
  RowOutlook,
  RowTimeline,
  ScenarioEdit,
  SkuId,
  SnapshotRef,
  SupplyKind,
} from '../domain';

/**
 * What the Scenarios, Replenishment and Allocation screens ask for and get back. Cost, price and
 * margin figures are nullable: the services withhold them (null, not hidden) from a user whose roles
 * do not see costs, and the screens show them as withheld.
 */

/** Chosen by the screen so it can follow a run's progress and cancel it before the answer arrives. */
export const RunId = z.string().regex(/^run-[A-Za-z0-9_-]{4,60}$/, 'a run id is "run-" followed by 4 to 60 letters, digits, "-" or "_"');
export const ScenarioId = z.string().min(1).max(64);
export const ResultId = z.string().min(1).max(80);

const Paging = {
  offset: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(2000),
};

/** Money the services may withhold. */
const Cost = z.number().nullable();

// ── Scenarios ────────────────────────────────────────────────────────────────

export const ScenarioSummary = z.object({
  id: ScenarioId,
  name: z.string(),
  base: SnapshotRef,
  /** Edits in effect (the undo/redo position). */
  position: z.number().int().nonnegative(),
  editCount: z.number().int().nonnegative(),
  createdAt: Instant,
  updatedAt: Instant,
  /** The network was replaced since the scenario was made (a new sync or a regenerated demo); it is not re-based silently. */
  madeOnOlderSnapshot: z.boolean(),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummary>;

export const ScenarioList = z.object({
  scenarios: z.array(ScenarioSummary),
  /** The snapshot loaded now; null while no network is loaded. */
  network: SnapshotRef.nullable(),
});
export type ScenarioList = z.infer<typeof ScenarioList>;

export const ScenarioEditEntry = z.object({
  edit: ScenarioEdit,
  /** False for an undone edit waiting for Redo. */
  active: z.boolean(),
});

export const ScenarioDetail = ScenarioSummary.extend({
  edits: z.array(ScenarioEditEntry),
  /** Why the scenario cannot be worked on as it stands, in words; null when it can. */
  blockedReason: z.string().nullable(),
});
export type ScenarioDetail = z.infer<typeof ScenarioDetail>;

/** The answer to adding, redoing or re-basing: either done, or refused with the edit, field and reason, the scenario untouched. */
export const EditOutcome = z.discriminatedUnion('applied', [
  z.object({
    applied: z.literal(true),
    scenario: ScenarioDetail,
    /** Node × SKU rows the engine recomputed for this change. */
    touchedRows: z.number().int().nonnegative(),
    notes: z.array(EditNote),
  }),
  z.object({
    applied: z.literal(false),
    scenario: ScenarioDetail,
    refusal: EditRefusal,
    /** The refusal in one sentence: "edit 3 (t-7) refused: shipDate: 2026-09-01 is outside the planning horizon …". */
    message: z.string(),
  }),
]);
export type EditOutcome = z.infer<typeof EditOutcome>;

export const KpiView = z.object({
  demandUnits: z.number(),
  unitsShort: z.number(),
  fillRate: z.number(),
  stockoutNodeDays: z.number(),
  transferCost: Cost,
  purchaseCost: Cost,
  inventoryValue: Cost,
});
export type KpiView = z.infer<typeof KpiView>;

export const ChangedRowView = z.object({
  nodeId: NodeId,
  nodeCode: z.string(),
  skuId: SkuId,
  skuCode: z.string(),
  skuName: z.string(),
  base: RowOutlook,
  scenario: RowOutlook,
  unitsShortDelta: z.number(),
  stockoutDaysDelta: z.number(),
  endBalanceDelta: z.number(),
});
export type ChangedRowView = z.infer<typeof ChangedRowView>;

export const ChangedRowSort = z.enum(['row', 'unitsShortDelta', 'stockoutDaysDelta', 'endBalanceDelta']);
export type ChangedRowSort = z.infer<typeof ChangedRowSort>;

export const CompareRequest = z.strictObject({
  scenarioId: ScenarioId,
  sort: ChangedRowSort.default('row'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  ...Paging,
  runId: RunId.optional(),
});
export type CompareRequest = z.input<typeof CompareRequest>;
/** A compare request as the services receive it, defaults filled in. */
export type CompareQuery = z.output<typeof CompareRequest>;

export const ScenarioCompareView = z.object({
  scenarioId: ScenarioId,
  /** Edits in effect when this was computed. */
  position: z.number().int().nonnegative(),
  kpis: z.object({ base: KpiView, scenario: KpiView, delta: KpiView }),
  rows: z.array(ChangedRowView),
  total: z.number().int().nonnegative(),
  notes: z.array(EditNote),
});
export type ScenarioCompareView = z.infer<typeof ScenarioCompareView>;

export const TimelineRequest = z.strictObject({
  /** Null charts the baseline alone. */
  scenarioId: ScenarioId.nullable(),
  nodeId: NodeId,
  skuId: SkuId,
});

export const TimelineView = z.object({
  nodeId: NodeId,
  nodeCode: z.string(),
  skuId: SkuId,
  skuCode: z.string(),
  skuName: z.string(),
  baseline: RowTimeline,
  scenario: RowTimeline.nullable(),
});
export type TimelineView = z.infer<typeof TimelineView>;

// ── What the edit forms pick from ────────────────────────────────────────────

export const PlanningCatalog = z.object({
  snapshot: SnapshotRef,
  horizon: z.object({ firstDay: LocalDate, lastDay: LocalDate, days: z.number().int().positive() }),
  nodes: z.array(z.object({ id: NodeId, code: z.string(), name: z.string() })),
  lanes: z.array(z.object({ fromNodeId: NodeId, toNodeId: NodeId, transitDays: z.number().int().nonnegative(), costPerUnit: Cost })),
});
export type PlanningCatalog = z.infer<typeof PlanningCatalog>;

export const SkuSearch = z.strictObject({ text: z.string().max(100), limit: z.number().int().min(1).max(100) });
export const SkuChoices = z.object({
  skus: z.array(z.object({ id: SkuId, code: z.string(), name: z.string() })),
  total: z.number().int().nonnegative(),
});
export type SkuChoices = z.infer<typeof SkuChoices>;

export const RowDetails = z.object({
  nodeId: NodeId,
  skuId: SkuId,
  supply: z.array(z.object({ id: z.string(), qty: z.number(), eta: LocalDate, kind: SupplyKind, counterparty: z.string().nullable() })),
  demand: z.array(z.object({ id: z.string(), qty: z.number(), dueDate: LocalDate, customer: z.string(), priority: CustomerPriority })),
  supplierOptions: z.array(
    z.object({ id: z.string(), supplier: z.string(), leadDays: z.number().int(), minQty: z.number(), multiple: z.number(), unitPrice: Cost }),
  ),
});
export type RowDetails = z.infer<typeof RowDetails>;

// ── Replenishment and allocation runs ────────────────────────────────────────

export const PlanTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('baseline') }),
  z.strictObject({ kind: z.literal('scenario'), scenarioId: ScenarioId }),
]);
export type PlanTarget = z.infer<typeof PlanTarget>;

export const TargetView = z.object({ kind: z.enum(['baseline', 'scenario']), scenarioId: ScenarioId.nullable(), name: z.string(), edits: z.number().int().nonnegative() });
export type TargetView = z.infer<typeof TargetView>;

const runCommon = {
  resultId: ResultId,
  target: TargetView,
  snapshot: SnapshotRef,
  computedAt: Instant,
};

export const ReplenishmentRun = z.object({
  ...runCommon,
  totals: z.object({
    needs: z.number().int().nonnegative(),
    proposals: z.number().int().nonnegative(),
    transferUnits: z.number().nonnegative(),
    purchaseUnits: z.number().nonnegative(),
    transferCost: Cost,
    purchaseCost: Cost,
    lateProposals: z.number().int().nonnegative(),
    unmet: z.number().int().nonnegative(),
  }),
});
export type ReplenishmentRun = z.infer<typeof ReplenishmentRun>;

export const ReplenishmentFilter = z.strictObject({
  nodeId: NodeId.optional(),
  skuText: z.string().max(100).optional(),
  kind: z.enum(['transfer', 'purchase']).optional(),
});
export type ReplenishmentFilter = z.infer<typeof ReplenishmentFilter>;

export const ReplenishmentPageRequest = z.strictObject({ resultId: ResultId, filter: ReplenishmentFilter, ...Paging });

/** One node's data past the region's freshness threshold, as a proposal that relies on it must say. */
export const StaleNodeData = z.object({
  nodeId: NodeId,
  nodeCode: z.string(),
  kinds: z.array(DataKind),
  /** Age of the oldest stale kind in minutes; null when it was never taken. */
  ageMinutes: z.number().nullable(),
  thresholdMinutes: z.number(),
});
export type StaleNodeData = z.infer<typeof StaleNodeData>;

/** An earlier line, not yet in the network, that already orders what a proposal orders, and where it stands. */
export const SubmittedOrder = z.object({
  batchId: z.string(),
  /** 1-based, as the inbox numbers a batch's lines. */
  line: z.number().int().positive(),
  state: z.enum(['auto-approved', 'waiting', 'approved']),
});
export type SubmittedOrder = z.infer<typeof SubmittedOrder>;

/**
 * Another open order, not yet in the network, for the same node × SKU as a proposal or a line
 * (another source, quantity or day): beside a Replenishment row, and in a supervisor's line.
 */
export const OpenOrderView = SubmittedOrder.extend({
  kind: z.enum(['transfer', 'purchase']),
  qty: z.number(),
  /** The source node of a transfer, the supplier of a purchase. */
  from: z.string(),
  /** Ship date of a transfer, order date of a purchase. */
  leavesOn: LocalDate,
  arrivalDate: LocalDate,
});
export type OpenOrderView = z.infer<typeof OpenOrderView>;

export const ProposalView = z.object({
  id: z.string(),
  kind: z.enum(['transfer', 'purchase']),
  nodeId: NodeId,
  nodeCode: z.string(),
  skuId: SkuId,
  skuCode: z.string(),
  skuName: z.string(),
  fromNodeId: NodeId.nullable(),
  fromNodeCode: z.string().nullable(),
  supplier: z.string().nullable(),
  supplierOptionId: z.string().nullable(),
  qty: z.number(),
  /** What the node needs, before a supplier's minimum and multiple raised it. */
  requestedQty: z.number().nullable(),
  /** Ship date of a transfer, order date of a purchase. */
  startDate: LocalDate,
  arrivalDate: LocalDate,
  neededBy: LocalDate,
  daysLate: z.number().int().nonnegative(),
  cost: Cost,
  reason: ProposalReason,
  /** The nodes whose stale data this proposal is built on (source and destination). */
  staleData: z.array(StaleNodeData),
  /** Shown beside the proposal whenever staleData is not empty. */
  staleWarning: z.string().nullable(),
  /** Already in a batch (waiting or approved) the network does not show yet: submitting it again leaves it out. */
  submitted: SubmittedOrder.nullable(),
  /**
   * When the proposal is not itself submitted: the other open orders for its node × SKU, the latest
   * submitted first, and how many there are. A planner checks them before ordering again (a line
   * waiting since yesterday is ordered for yesterday, so it is not the same order as today's).
   */
  alsoOrdered: z.object({ count: z.number().int().positive(), latest: OpenOrderView }).nullable(),
});
export type ProposalView = z.infer<typeof ProposalView>;

export const ReplenishmentPage = z.object({
  rows: z.array(ProposalView),
  total: z.number().int().nonnegative(),
  /** Proposals of the whole run (not only this page) that rely on stale data, as of now. */
  staleProposals: z.number().int().nonnegative(),
});
export type ReplenishmentPage = z.infer<typeof ReplenishmentPage>;

export const AddProposalsRequest = z.strictObject({
  resultId: ResultId,
  proposalIds: z.array(z.string().min(1)).min(1).max(500),
  scenarioId: ScenarioId,
  runId: RunId.optional(),
});

export const AllocationRunRequest = z.strictObject({
  target: PlanTarget,
  settings: AllocationSettings.optional(),
  runId: RunId.optional(),
});

export const AllocationRun = z.object({
  ...runCommon,
  settings: AllocationSettings,
  totals: z.object({
    lines: z.number().int().nonnegative(),
    unitsDemanded: z.number().nonnegative(),
    unitsServed: z.number().nonnegative(),
    unitsUnserved: z.number().nonnegative(),
    linesMoved: z.number().int().nonnegative(),
    margin: Cost,
    transportCost: Cost,
    latePenalty: Cost,
    objective: Cost,
    rationedSkus: z.number().int().nonnegative(),
  }),
});
export type AllocationRun = z.infer<typeof AllocationRun>;

export const AllocationFilter = z.strictObject({
  /** Lines on this node's orders or served from it. */
  nodeId: NodeId.optional(),
  skuText: z.string().max(100).optional(),
  onlyMoved: z.boolean().optional(),
  onlyUnserved: z.boolean().optional(),
});
export type AllocationFilter = z.infer<typeof AllocationFilter>;

export const AllocationPageRequest = z.strictObject({ resultId: ResultId, filter: AllocationFilter, ...Paging });

export const AllocationLineView = z.object({
  demandLineId: z.string(),
  skuId: SkuId,
  skuCode: z.string(),
  skuName: z.string(),
  customer: z.string(),
  priority: CustomerPriority,
  dueDate: LocalDate,
  /** The warehouse on the order now. */
  currentNodeId: NodeId,
  currentNodeCode: z.string(),
  /** Where it ships from, largest part first. */
  assigned: z.array(
    z.object({ nodeId: NodeId, nodeCode: z.string(), qty: z.number(), shipDate: LocalDate, arrivalDate: LocalDate, lateDays: z.number().int().nonnegative() }),
  ),
  qty: z.number(),
  servedQty: z.number(),
  unservedQty: z.number(),
  margin: Cost,
  transportCost: Cost,
  latePenalty: Cost,
  value: Cost,
  /** Days late of the latest part; 0 when on time or unserved. */
  lateDays: z.number().int().nonnegative(),
  /** Some of it ships from a node other than the one on the order. */
  moved: z.boolean(),
});
export type AllocationLineView = z.infer<typeof AllocationLineView>;

export const AllocationPage = z.object({ rows: z.array(AllocationLineView), total: z.number().int().nonnegative() });
export type AllocationPage = z.infer<typeof AllocationPage>;
