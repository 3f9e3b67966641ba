import { z } from 'zod';
import { FreshnessThresholds, Instant, LocalDate, RegionProfile, SnapshotSource } from '../../../shared/domain';
import { NetworkSummary, StockPage, StockQuery, StockRow } from '../../../shared/ipc';

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
  takenAt: Instant.nullable(),
  dayZero: LocalDate.nullable(),
  nodes: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), area: z.string() })),
  areas: z.array(z.string()),
  demo: z.object({ seed: z.number(), nodes: z.number(), skus: z.number() }).nullable(),
  rows: z.number().int(),
});
export type LoadedNetwork = z.infer<typeof LoadedNetwork>;

const AsOf = z.object({ thresholds: FreshnessThresholds, now: Instant });

/** Every job the planning worker runs: its input and its result, checked on both sides of the thread. */
export const PLANNING_JOBS = {
  'load-network': { input: z.object({ dbPath: z.string(), demo: DemoNetworkRequest.nullable() }), result: LoadedNetwork },
  /** Rebuilds the network from what the Odoo sync staged, stores it, and plans on it. */
  'assemble-odoo': {
    input: z.object({ dbPath: z.string(), profile: RegionProfile, takenAt: Instant, dayZero: LocalDate }),
    result: LoadedNetwork.extend({ problems: z.array(z.string()) }),
  },
  'network-summary': { input: AsOf, result: NetworkSummary },
  'stock-page': { input: AsOf.extend({ query: StockQuery }), result: StockPage },
  'stock-rows': {
    input: AsOf.extend({ keys: z.array(z.object({ nodeId: z.string(), skuId: z.string() })) }),
    result: z.object({ rows: z.array(StockRow) }),
  },
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
  z.object({ type: z.literal('failed'), jobId: z.string(), reason: z.string(), cancelled: z.boolean() }),
  z.object({ type: z.literal('notice'), level: z.enum(['warning', 'error']), message: z.string() }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessage>;
