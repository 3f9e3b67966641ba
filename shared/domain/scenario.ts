import { z } from 'zod';
import { Instant, LocalDate } from './calendar';
import { CustomerPriority } from './flows';
import { NodeId, SkuId } from './network';

/**
 * Planning objects: scenarios and their edits, proposals, KPIs, compare, allocation, and the
 * files the headless planner reads and writes. Every quantity a person types must be a finite
 * number (zod refuses NaN and ±Infinity); dates are calendar days in the region's time zone.
 */

/** Units of stock a person asks to move, buy or add: positive and finite. */
export const PlanQuantity = z.number({ error: 'must be a number of units' }).positive('must be more than zero units');
export const EditId = z.string().min(1).max(64);

const editCommon = {
  id: EditId,
  /** Why the planner made the edit, shown beside it. */
  note: z.string().max(500).optional(),
};

/** Ship q from one node to another: demand at the source on the ship day, supply at the destination transit days later. */
export const AddTransferEdit = z.strictObject({
  ...editCommon,
  kind: z.literal('add-transfer'),
  fromNodeId: NodeId,
  toNodeId: NodeId,
  skuId: SkuId,
  qty: PlanQuantity,
  shipDate: LocalDate,
});

/**
 * Takes out a transfer: one added earlier in this scenario (its edit id), or an open Odoo transfer
 * not yet shipped (its supply line id at the destination; name the source's outgoing demand line too
 * so both sides disappear).
 */
export const RemoveTransferEdit = z.strictObject({
  ...editCommon,
  kind: z.literal('remove-transfer'),
  transferId: z.string().min(1),
  sourceDemandLineId: z.string().min(1).optional(),
});

/** Changes quantity and/or ship date of a transfer added earlier in this scenario. */
export const ChangeTransferEdit = z
  .strictObject({
    ...editCommon,
    kind: z.literal('change-transfer'),
    transferId: z.string().min(1),
    qty: PlanQuantity.optional(),
    shipDate: LocalDate.optional(),
  })
  .refine((edit) => edit.qty !== undefined || edit.shipDate !== undefined, {
    message: 'say what changes: a new qty, a new shipDate, or both',
    path: ['qty'],
  });

/** Orders from a supplier option; arrives after its lead days, quantity raised to its minimum then multiple. */
export const AddPurchaseEdit = z.strictObject({
  ...editCommon,
  kind: z.literal('add-purchase'),
  supplierOptionId: z.string().min(1),
  nodeId: NodeId,
  qty: PlanQuantity,
  orderDate: LocalDate,
});

/** Moves the ETA of a supply line (from the snapshot or a purchase added in this scenario) later. */
export const DelaySupplyEdit = z.strictObject({
  ...editCommon,
  kind: z.literal('delay-supply'),
  supplyLineId: z.string().min(1),
  days: z.number().int('must be whole days').positive('must be at least one day'),
});

export const CancelSupplyEdit = z.strictObject({
  ...editCommon,
  kind: z.literal('cancel-supply'),
  supplyLineId: z.string().min(1),
});

/** Multiplies the demand lines that exist at this point of the scenario, optionally for one node, SKU or date range. */
export const ScaleDemandEdit = z
  .strictObject({
    ...editCommon,
    kind: z.literal('scale-demand'),
    nodeId: NodeId.optional(),
    skuId: SkuId.optional(),
    fromDate: LocalDate.optional(),
    toDate: LocalDate.optional(),
    factor: z.number({ error: 'must be a number' }).nonnegative('must not be negative').max(1000, 'must be at most 1000'),
  })
  .refine((edit) => edit.fromDate === undefined || edit.toDate === undefined || edit.fromDate <= edit.toDate, {
    message: 'fromDate must not be after toDate',
    path: ['toDate'],
  });

export const AddDemandEdit = z.strictObject({
  ...editCommon,
  kind: z.literal('add-demand'),
  nodeId: NodeId,
  skuId: SkuId,
  qty: PlanQuantity,
  dueDate: LocalDate,
  customer: z.string().min(1).default('Scenario demand'),
  priority: CustomerPriority.default(3),
  unitMargin: z.number().default(0),
});

/** The node ships nothing from fromDate to toDate (both included); what was due then leaves the day after. */
export const NodeOutageEdit = z
  .strictObject({
    ...editCommon,
    kind: z.literal('node-outage'),
    nodeId: NodeId,
    fromDate: LocalDate,
    toDate: LocalDate,
  })
  .refine((edit) => edit.fromDate <= edit.toDate, { message: 'fromDate must not be after toDate', path: ['toDate'] });

export const ChangeLaneEdit = z
  .strictObject({
    ...editCommon,
    kind: z.literal('change-lane'),
    fromNodeId: NodeId,
    toNodeId: NodeId,
    transitDays: z.number().int('must be whole days').nonnegative('must not be negative').max(365).optional(),
    costPerUnit: z.number({ error: 'must be a number' }).nonnegative('must not be negative').optional(),
  })
  .refine((edit) => edit.transitDays !== undefined || edit.costPerUnit !== undefined, {
    message: 'say what changes: transitDays, costPerUnit, or both',
    path: ['transitDays'],
  });

export const ScenarioEdit = z.discriminatedUnion('kind', [
  AddTransferEdit,
  RemoveTransferEdit,
  ChangeTransferEdit,
  AddPurchaseEdit,
  DelaySupplyEdit,
  CancelSupplyEdit,
  ScaleDemandEdit,
  AddDemandEdit,
  NodeOutageEdit,
  ChangeLaneEdit,
]);
export type ScenarioEdit = z.infer<typeof ScenarioEdit>;
export type ScenarioEditKind = ScenarioEdit['kind'];
export const SCENARIO_EDIT_KINDS: readonly ScenarioEditKind[] = ScenarioEdit.options.map((option) => option.shape.kind.value);

/** Which snapshot a scenario, proposal or result was computed from, so stale work is visible. */
export const SnapshotRef = z.strictObject({
  regionCode: z.string().min(1),
  takenAt: Instant,
  dayZero: LocalDate,
});
export type SnapshotRef = z.infer<typeof SnapshotRef>;

/** Base snapshot + ordered edits; also the CLI's `--scenario` file format. */
export const Scenario = z
  .strictObject({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(200),
    base: SnapshotRef,
    edits: z.array(ScenarioEdit),
  })
  .superRefine((scenario, ctx) => {
    const seen = new Set<string>();
    scenario.edits.forEach((edit, index) => {
      if (seen.has(edit.id)) ctx.addIssue({ code: 'custom', path: ['edits', index, 'id'], message: `duplicate edit id ${edit.id}` });
      seen.add(edit.id);
    });
  });
export type Scenario = z.infer<typeof Scenario>;

/** An edit the engine refused, saying which edit, which field and why; the scenario is left as it was. */
export const EditRefusal = z.object({
  editIndex: z.number().int().nonnegative().nullable(),
  editId: z.string().nullable(),
  path: z.string(),
  message: z.string(),
});
export type EditRefusal = z.infer<typeof EditRefusal>;

/** Something a planner should know about an accepted edit (e.g. a purchase raised to the supplier minimum). */
export const EditNote = z.object({ editId: z.string(), message: z.string() });
export type EditNote = z.infer<typeof EditNote>;

// ── Proposals ────────────────────────────────────────────────────────────────

/** The reason a proposal exists: a sentence, and the numbers in it so a planner can check the sums. */
export const ProposalReason = z.object({
  text: z.string().min(1),
  figures: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
});
export type ProposalReason = z.infer<typeof ProposalReason>;

const proposalCommon = {
  id: z.string().min(1),
  /** The node being replenished. */
  nodeId: NodeId,
  skuId: SkuId,
  qty: PlanQuantity,
  /** The first day the node is below its minimum: the proposal should arrive by then. */
  neededBy: LocalDate,
  arrivalDate: LocalDate,
  daysLate: z.number().int().nonnegative(),
  cost: z.number().nonnegative(),
  reason: ProposalReason,
};

export const TransferProposal = z.object({
  ...proposalCommon,
  kind: z.literal('transfer'),
  fromNodeId: NodeId,
  shipDate: LocalDate,
});
export type TransferProposal = z.infer<typeof TransferProposal>;

export const PurchaseProposal = z.object({
  ...proposalCommon,
  kind: z.literal('purchase'),
  supplierOptionId: z.string().min(1),
  supplier: z.string().min(1),
  /** What the node needs, before the supplier's minimum and multiple raised it to `qty`. */
  requestedQty: PlanQuantity,
  orderDate: LocalDate,
});
export type PurchaseProposal = z.infer<typeof PurchaseProposal>;

export const Proposal = z.discriminatedUnion('kind', [TransferProposal, PurchaseProposal]);
export type Proposal = z.infer<typeof Proposal>;

/** A need no lane or supplier can meet, reported instead of silently dropped. */
export const UnmetNeed = z.object({
  nodeId: NodeId,
  skuId: SkuId,
  qty: z.number().positive(),
  neededBy: LocalDate,
  reason: z.string(),
});
export type UnmetNeed = z.infer<typeof UnmetNeed>;

export const ReplenishmentTotals = z.object({
  needs: z.number().int().nonnegative(),
  proposals: z.number().int().nonnegative(),
  transferUnits: z.number().nonnegative(),
  purchaseUnits: z.number().nonnegative(),
  transferCost: z.number().nonnegative(),
  purchaseCost: z.number().nonnegative(),
  lateProposals: z.number().int().nonnegative(),
});

export const ReplenishmentPlan = z.object({
  proposals: z.array(Proposal),
  unmet: z.array(UnmetNeed),
  totals: ReplenishmentTotals,
});
export type ReplenishmentPlan = z.infer<typeof ReplenishmentPlan>;

// ── KPIs and compare ─────────────────────────────────────────────────────────

export const PlanKpis = z.object({
  /** Demand units due within the horizon (overdue counts on day 0). */
  demandUnits: z.number(),
  unitsShort: z.number(),
  /** 1 − units short ÷ demand units; 1 when there is no demand. */
  fillRate: z.number(),
  /** Days a node × SKU spends below zero, summed over all node × SKU. */
  stockoutNodeDays: z.number(),
  /** Freight of the transfers the scenario adds (quantity × lane cost per unit). */
  transferCost: z.number(),
  /** Goods value of the purchases the scenario adds (quantity × supplier unit price). */
  purchaseCost: z.number(),
  /** Stock on hand at the end of the horizon (positive balances only) at unit cost. */
  inventoryValue: z.number(),
});
export type PlanKpis = z.infer<typeof PlanKpis>;

export const RowOutlook = z.object({
  lowestBalance: z.number(),
  firstShortageDate: LocalDate.nullable(),
  belowMinDate: LocalDate.nullable(),
  unitsShort: z.number(),
  stockoutDays: z.number().int(),
  endBalance: z.number(),
});
export type RowOutlook = z.infer<typeof RowOutlook>;

export const ChangedRow = z.object({ nodeId: NodeId, skuId: SkuId, base: RowOutlook, scenario: RowOutlook });
export type ChangedRow = z.infer<typeof ChangedRow>;

export const ScenarioComparison = z.object({
  base: PlanKpis,
  scenario: PlanKpis,
  delta: PlanKpis,
  changedRows: z.array(ChangedRow),
});
export type ScenarioComparison = z.infer<typeof ScenarioComparison>;

// ── Projection report ────────────────────────────────────────────────────────

export const ProjectionRow = z.object({
  nodeId: NodeId,
  skuId: SkuId,
  onHand: z.number(),
  reserved: z.number(),
  availableNow: z.number(),
  inbound: z.number(),
  demand7: z.number(),
  demand30: z.number(),
  demand90: z.number(),
  lowestBalance: z.number(),
  firstShortageDate: LocalDate.nullable(),
  belowMinDate: LocalDate.nullable(),
  unitsShort: z.number(),
  daysOfCover: z.number().int(),
  valueAtRisk: z.number(),
  endBalance: z.number(),
});
export type ProjectionRow = z.infer<typeof ProjectionRow>;

export const NodeOutlook = z.object({
  nodeId: NodeId,
  skus: z.number().int().nonnegative(),
  skusShort: z.number().int().nonnegative(),
  skusBelowMin: z.number().int().nonnegative(),
  unitsShort: z.number(),
  valueAtRisk: z.number(),
  stockoutDays: z.number(),
  inventoryValue: z.number(),
});
export type NodeOutlook = z.infer<typeof NodeOutlook>;

export const ProjectionReport = z.object({
  horizonDays: z.number().int().positive(),
  rows: z.array(ProjectionRow),
  nodes: z.array(NodeOutlook),
  network: z.object({ kpis: PlanKpis, skusShort: z.number().int(), skusBelowMin: z.number().int(), valueAtRisk: z.number() }),
});
export type ProjectionReport = z.infer<typeof ProjectionReport>;

// ── Allocation ───────────────────────────────────────────────────────────────

export const AllocationSettings = z.strictObject({
  /** Late-delivery penalty per unit per day late, as a fraction of the SKU's unit price. */
  latePenaltyRate: z.number().nonnegative().max(1).default(0.02),
  /** Stock arriving more than this many days after a line is due is not promised to it. */
  maxLateDays: z.number().int().nonnegative().max(366).default(14),
});
export type AllocationSettings = z.infer<typeof AllocationSettings>;

export const AllocationPart = z.object({
  nodeId: NodeId,
  qty: z.number().positive(),
  shipDate: LocalDate,
  arrivalDate: LocalDate,
  transitDays: z.number().int().nonnegative(),
  lateDays: z.number().int().nonnegative(),
  unitTransportCost: z.number().nonnegative(),
  unitLatePenalty: z.number().nonnegative(),
});
export type AllocationPart = z.infer<typeof AllocationPart>;

export const AllocatedLine = z.object({
  demandLineId: z.string().min(1),
  skuId: SkuId,
  customer: z.string(),
  priority: CustomerPriority,
  dueDate: LocalDate,
  /** The warehouse currently on the order. */
  currentNodeId: NodeId,
  qty: z.number().positive(),
  servedQty: z.number().nonnegative(),
  unservedQty: z.number().nonnegative(),
  parts: z.array(AllocationPart),
  margin: z.number(),
  transportCost: z.number().nonnegative(),
  latePenalty: z.number().nonnegative(),
  /** margin − transport cost − late penalty of what is served. */
  value: z.number(),
  /** Some of it ships from a node other than the one on the order. */
  moved: z.boolean(),
});
export type AllocatedLine = z.infer<typeof AllocatedLine>;

export const AllocationTotals = z.object({
  lines: z.number().int().nonnegative(),
  unitsDemanded: z.number().nonnegative(),
  unitsServed: z.number().nonnegative(),
  unitsUnserved: z.number().nonnegative(),
  linesMoved: z.number().int().nonnegative(),
  margin: z.number(),
  transportCost: z.number().nonnegative(),
  latePenalty: z.number().nonnegative(),
  objective: z.number(),
  /** SKUs where stock could not cover every line and the sharing rule decided. */
  rationedSkus: z.number().int().nonnegative(),
});
export type AllocationTotals = z.infer<typeof AllocationTotals>;

export const AllocationPlan = z.object({
  settings: AllocationSettings,
  lines: z.array(AllocatedLine),
  totals: AllocationTotals,
});
export type AllocationPlan = z.infer<typeof AllocationPlan>;

// ── Headless planner result files ────────────────────────────────────────────

export const ScenarioRef = z.object({ id: z.string(), name: z.string(), edits: z.number().int().nonnegative() });
export type ScenarioRef = z.infer<typeof ScenarioRef>;

const resultCommon = {
  snapshot: SnapshotRef,
  scenario: ScenarioRef.nullable(),
  notes: z.array(EditNote),
};

export const ProjectResultFile = z.object({ ...resultCommon, command: z.literal('project'), projection: ProjectionReport });
export const ReplenishResultFile = z.object({ ...resultCommon, command: z.literal('replenish'), replenishment: ReplenishmentPlan });
export const AllocateResultFile = z.object({ ...resultCommon, command: z.literal('allocate'), allocation: AllocationPlan });
export const CompareResultFile = z.object({ ...resultCommon, command: z.literal('compare'), comparison: ScenarioComparison });

/** What `npm run planner -- <command> … --out <file>` writes. */
export const PlannerResultFile = z.discriminatedUnion('command', [ProjectResultFile, ReplenishResultFile, AllocateResultFile, CompareResultFile]);
export type PlannerResultFile = z.infer<typeof PlannerResultFile>;

// ── Chart data ───────────────────────────────────────────────────────────────

/** One node × SKU day by day: what the Scenarios screen charts (balance, min/max band, flow markers). */
export const RowTimeline = z.object({
  nodeId: NodeId,
  skuId: SkuId,
  dates: z.array(LocalDate),
  /** Projected balance B[d]. */
  balance: z.array(z.number()),
  /** Supply arriving and demand due per day (overdue flows on day 0). */
  supply: z.array(z.number()),
  demand: z.array(z.number()),
  min: z.number().nullable(),
  max: z.number().nullable(),
});
export type RowTimeline = z.infer<typeof RowTimeline>;
