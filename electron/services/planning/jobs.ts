import { StagedChanges } from '../sync/staged-changes';
import { z } from 'zod';
import {
  AllocationSettings,
  EditNote,
  EditRefusal,
  FreshnessThresholds,
  Instant,
  LocalDate,
  NodeId,
  Proposal,
  RegionProfile,
  ScenarioEdit,
  SkuId,
  SnapshotRef,
  SnapshotSource,
  SyncChangeCounts,
} from '../../../shared/domain';
import {
  AllocationFilter,
  AllocationPage,
  AllocationRun,
  ChangedRowSort,
  NetworkSummary,
  PlanningCatalog,
  ReplenishmentFilter,
  ReplenishmentPage,
  ReplenishmentRun,
  RowDetails,
  ScenarioCompareView,
  SkuChoices,
  SkuSearch,
  StockPage,
  StockQuery,
  StockRow,
  TimelineView,
} from '../../../shared/ipc';

export const DemoNetworkRequest = z.object({
  seed: z.number().int(),
  nodes: z.number().int().min(1).max(60),
  skus: z.number().int().min(1).max(50_000),
  dayZero: LocalDate,
  takenAt: Instant,
  regionCode: z.string(),
  currency: z.string(),
});
export type DemoNetworkRequest = z.infer<typeof DemoNetworkRequest>;

export const LoadedNetwork = z.object({
  empty: z.boolean(),
  source: SnapshotSource.nullable(),
  regionCode: z.string().nullable(),
  takenAt: Instant.nullable(),
  dayZero: LocalDate.nullable(),
  nodes: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), area: z.string() })),
  areas: z.array(z.string()),
  demo: z.object({ seed: z.number(), nodes: z.number(), skus: z.number() }).nullable(),
  rows: z.number().int(),
});
export type LoadedNetwork = z.infer<typeof LoadedNetwork>;

const AsOf = z.object({ thresholds: FreshnessThresholds, now: Instant });

/** A scenario as the services send it: the database is the truth; the worker's plans are a cache of it. */
const ScenarioInput = z.object({ id: z.string().min(1), base: SnapshotRef, edits: z.array(ScenarioEdit) });
const PlanTargetInput = z.discriminatedUnion('kind', [z.object({ kind: z.literal('baseline') }), z.object({ kind: z.literal('scenario'), scenario: ScenarioInput })]);
const Paging = { offset: z.number().int().nonnegative(), limit: z.number().int().min(1).max(2000) };
const ApplyResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), touchedRows: z.number().int().nonnegative(), notes: z.array(EditNote) }),
  z.object({ ok: z.literal(false), refusal: EditRefusal }),
]);

/** Every job the planning worker runs: its input and its result, checked on both sides of the thread. */
export const PLANNING_JOBS = {
  'load-network': { input: z.object({ dbPath: z.string(), demo: DemoNetworkRequest.nullable() }), result: LoadedNetwork },
  /** Rebuilds the network from what the Odoo sync staged, stores it, and plans on it. */
  'assemble-odoo': {
    /** `compareWithPrevious`: record what changed against the network the worker holds (not on a first sync from a server). */
    input: z.object({ dbPath: z.string(), profile: RegionProfile, takenAt: Instant, dayZero: LocalDate, changes: StagedChanges.nullable().default(null), compareWithPrevious: z.boolean().default(false) }),
    /** `patched`: only what the sync changed was rebuilt (false: the whole network was); `changes`: what was recorded, if anything. */
    result: LoadedNetwork.extend({ problems: z.array(z.string()), patched: z.boolean(), steps: z.record(z.string(), z.number()), changes: SyncChangeCounts.nullable() }),
  },
  'network-summary': { input: AsOf, result: NetworkSummary },
  'stock-page': { input: AsOf.extend({ query: StockQuery }), result: StockPage },
  'stock-rows': {
    input: AsOf.extend({ keys: z.array(z.object({ nodeId: z.string(), skuId: z.string() })) }),
    result: z.object({ rows: z.array(StockRow) }),
  },
  /** Applies edits after the ones in effect, recomputing only the rows they touch; all or none. */
  'scenario-apply': { input: z.object({ scenario: ScenarioInput, add: z.array(ScenarioEdit).min(1) }), result: ApplyResult },
  'scenario-compare': {
    input: z.object({ scenario: ScenarioInput, sort: ChangedRowSort, direction: z.enum(['asc', 'desc']), ...Paging }),
    result: ScenarioCompareView,
  },
  'scenario-timeline': { input: z.object({ scenario: ScenarioInput.nullable(), nodeId: NodeId, skuId: SkuId }), result: TimelineView },
  'scenario-forget': { input: z.object({ scenarioId: z.string() }), result: z.object({ forgotten: z.boolean() }) },
  'planning-catalog': { input: z.object({}), result: PlanningCatalog },
  'sku-search': { input: SkuSearch, result: SkuChoices },
  'row-details': { input: z.object({ nodeId: NodeId, skuId: SkuId }), result: RowDetails },
  /** Proposes replenishment for the whole network and holds the result for paging. */
  'replenishment-run': { input: z.object({ resultId: z.string().min(1), target: PlanTargetInput }), result: ReplenishmentRun.pick({ snapshot: true, totals: true }) },
  'replenishment-page': { input: AsOf.extend({ resultId: z.string(), filter: ReplenishmentFilter, ...Paging }), result: ReplenishmentPage },
  /** The scenario edits that make the chosen proposals real. */
  'replenishment-edits': { input: z.object({ resultId: z.string(), proposalIds: z.array(z.string()).min(1) }), result: z.object({ edits: z.array(ScenarioEdit) }) },
  /** The chosen proposals of a held run, whole (costs included), for the approvals services. */
  'replenishment-proposals': { input: z.object({ resultId: z.string(), proposalIds: z.array(z.string()).min(1) }), result: z.object({ proposals: z.array(Proposal) }) },
  /** The transfers and purchases a scenario adds, dated and priced as it plans them. */
  'scenario-proposals': { input: z.object({ scenario: ScenarioInput }), result: z.object({ proposals: z.array(Proposal) }) },
  'allocation-run': {
    input: z.object({ resultId: z.string().min(1), target: PlanTargetInput, settings: AllocationSettings }),
    result: AllocationRun.pick({ snapshot: true, settings: true, totals: true }),
  },
  'allocation-page': { input: z.object({ resultId: z.string(), filter: AllocationFilter, ...Paging }), result: AllocationPage },
} as const;

export type JobKind = keyof typeof PLANNING_JOBS;

/** Jobs that replace the network run one at a time; the others read it and run between their steps. */
export const EXCLUSIVE_JOBS: ReadonlySet<JobKind> = new Set<JobKind>(['load-network', 'assemble-odoo']);
export type JobInput<K extends JobKind> = z.input<(typeof PLANNING_JOBS)[K]['input']>;
export type JobResult<K extends JobKind> = z.output<(typeof PLANNING_JOBS)[K]['result']>;

export const HostMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run'), jobId: z.string(), kind: z.string(), input: z.unknown(), cancelSlot: z.number().int().nonnegative() }),
]);
export type HostMessage = z.infer<typeof HostMessage>;

export const WorkerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), jobId: z.string(), label: z.string(), done: z.number(), total: z.number() }),
  z.object({ type: z.literal('done'), jobId: z.string(), result: z.unknown() }),
  z.object({ type: z.literal('failed'), jobId: z.string(), reason: z.string(), cancelled: z.boolean(), code: z.enum(['not-found', 'conflict']).optional() }),
  z.object({ type: z.literal('notice'), level: z.enum(['warning', 'error']), message: z.string() }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessage>;
