import { z } from 'zod';
import { AbcClass, DataKind, Instant, LocalDate, NodeKind, SnapshotSource } from '../domain';

/** How fresh one kind of a node's data is, against the region's threshold. */
export const FreshnessView = z.object({
  kind: DataKind,
  asOf: Instant.nullable(),
  ageMinutes: z.number().nullable(),
  thresholdMinutes: z.number(),
  stale: z.boolean(),
});
export type FreshnessView = z.infer<typeof FreshnessView>;

export const NodeSummary = z.object({
  nodeId: z.string(),
  code: z.string(),
  name: z.string(),
  area: z.string(),
  kind: NodeKind,
  skuCount: z.number().int(),
  shortWithin7Days: z.number().int(),
  shortWithin30Days: z.number().int(),
  belowMinWithin30Days: z.number().int(),
  /**
   * Days of cover of the node's SKUs, each weighted by its demand over the horizon, so the fast
   * movers that drive service count most (a SKU that never runs short counts the horizon length).
   */
  daysOfCover: z.number(),
  unitsShort: z.number(),
  /** Null when the user's roles do not see costs (removed by the services, not only hidden). */
  valueAtRisk: z.number().nullable(),
  freshness: z.array(FreshnessView),
  stale: z.boolean(),
});
export type NodeSummary = z.infer<typeof NodeSummary>;

export const NetworkSummary = z.object({
  source: SnapshotSource,
  takenAt: Instant,
  dayZero: LocalDate,
  horizonDays: z.number().int(),
  currency: z.string(),
  nodes: z.array(NodeSummary),
  totals: z.object({
    skuRows: z.number().int(),
    shortWithin7Days: z.number().int(),
    shortWithin30Days: z.number().int(),
    unitsShort: z.number(),
    valueAtRisk: z.number().nullable(),
    staleNodes: z.number().int(),
  }),
});
export type NetworkSummary = z.infer<typeof NetworkSummary>;

export const StockRow = z.object({
  nodeId: z.string(),
  nodeCode: z.string(),
  area: z.string(),
  skuId: z.string(),
  skuCode: z.string(),
  skuName: z.string(),
  abcClass: AbcClass.nullable(),
  onHand: z.number(),
  reserved: z.number(),
  available: z.number(),
  inbound: z.number(),
  demand7: z.number(),
  demand30: z.number(),
  demand90: z.number(),
  lowestBalance: z.number(),
  firstShortageDay: z.number().int().nullable(),
  firstShortageDate: LocalDate.nullable(),
  unitsShort: z.number(),
  daysOfCover: z.number().int(),
  /** Null when the user's roles do not see costs. */
  valueAtRisk: z.number().nullable(),
  min: z.number().nullable(),
  belowMinDay: z.number().int().nullable(),
  stale: z.boolean(),
});
export type StockRow = z.infer<typeof StockRow>;

export const StockSortColumn = z.enum([
  'nodeCode',
  'skuCode',
  'skuName',
  'onHand',
  'reserved',
  'available',
  'inbound',
  'demand7',
  'demand30',
  'demand90',
  'lowestBalance',
  'firstShortageDay',
  'unitsShort',
  'daysOfCover',
  'valueAtRisk',
]);
export type StockSortColumn = z.infer<typeof StockSortColumn>;

export const StockFilter = z.strictObject({
  area: z.string().min(1).optional(),
  nodeId: z.string().min(1).optional(),
  skuText: z.string().max(100).optional(),
  onlyShort: z.boolean().optional(),
});
export type StockFilter = z.infer<typeof StockFilter>;

export const StockQuery = z.strictObject({
  filter: StockFilter,
  sort: z.array(z.strictObject({ column: StockSortColumn, direction: z.enum(['asc', 'desc']) })).max(3),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(2000),
});
export type StockQuery = z.infer<typeof StockQuery>;

export const StockPage = z.object({
  rows: z.array(StockRow),
  total: z.number().int().nonnegative(),
});
export type StockPage = z.infer<typeof StockPage>;
