import { z } from 'zod';

const StagedRow = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

const ModelChanges = z.object({
  /** Stored again by this sync. */
  touched: z.array(z.number().int()),
  /** Dropped by this sync. */
  removed: z.array(z.number().int()),
  /** Where the staged rows this sync replaced or dropped were (product, location, warehouse), as they were. */
  before: z.array(StagedRow),
});
export type ModelChanges = z.infer<typeof ModelChanges>;

/**
 * What one incremental sync changed in staging beyond master data (which it left alone), handed to
 * the planning worker so it rebuilds only the rows those changes reach.
 */
export const StagedChanges = z.object({
  /** Start of the last completed sync: the network patched must be the one that sync built. */
  basis: z.string(),
  quants: ModelChanges,
  orderpoints: ModelChanges,
  moves: ModelChanges,
  /** Order details that are new or changed: the moves naming them are counted again. */
  saleLines: z.array(z.number().int()),
  purchaseLines: z.array(z.number().int()),
  partners: z.array(z.number().int()),
});
export type StagedChanges = z.infer<typeof StagedChanges>;
