import { z } from 'zod';
import { Instant, LocalDate } from './calendar';
import { DemandLine, StockPosition, SupplyLine } from './flows';
import { Lane, Node, NodeId, Sku, StockRule, SupplierOption } from './network';

export const DataKind = z.enum(['master', 'stock', 'demand', 'supply']);
export type DataKind = z.infer<typeof DataKind>;
export const DATA_KINDS: readonly DataKind[] = DataKind.options;

export const SnapshotSource = z.enum(['demo', 'odoo', 'file']);
export type SnapshotSource = z.infer<typeof SnapshotSource>;

/** When each kind of data was last brought up to date for a node. */
export const Freshness = z.object({
  nodeId: NodeId,
  kind: DataKind,
  asOf: Instant,
});
export type Freshness = z.infer<typeof Freshness>;

export const DEFAULT_HORIZON_DAYS = 90;

export const SnapshotMeta = z.object({
  source: SnapshotSource,
  regionCode: z.string().min(1),
  currency: z.string().length(3),
  takenAt: Instant,
  /** Day 0 of the horizon: the snapshot's date in the region's time zone. */
  dayZero: LocalDate,
  horizonDays: z.number().int().min(1).max(366),
  /** Set for generated demo networks so anyone can regenerate the same one. */
  demo: z.object({ seed: z.number().int(), nodes: z.number().int(), skus: z.number().int() }).nullable(),
});
export type SnapshotMeta = z.infer<typeof SnapshotMeta>;

/** Everything the planner knows about the network at one moment: the engine's only input. */
export const NetworkSnapshot = z.object({
  meta: SnapshotMeta,
  nodes: z.array(Node),
  skus: z.array(Sku),
  lanes: z.array(Lane),
  supplierOptions: z.array(SupplierOption),
  stockRules: z.array(StockRule),
  positions: z.array(StockPosition),
  supply: z.array(SupplyLine),
  demand: z.array(DemandLine),
  freshness: z.array(Freshness),
});
export type NetworkSnapshot = z.infer<typeof NetworkSnapshot>;
