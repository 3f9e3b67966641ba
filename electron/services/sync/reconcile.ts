import { z } from 'zod';
import type { OdooClient, OdooDialect } from '../odoo';

/** One node × SKU where the cache and Odoo disagree, with both figures. */
export const ReconciliationDifference = z.object({
  nodeId: z.string(),
  skuId: z.string(),
  figure: z.enum(['on hand', 'incoming', 'outgoing']),
  cache: z.number(),
  odoo: z.number(),
});
export type ReconciliationDifference = z.infer<typeof ReconciliationDifference>;

export const ReconciliationReport = z.object({
  checkedAt: z.string(),
  nodes: z.number().int(),
  products: z.number().int(),
  differences: z.array(ReconciliationDifference),
});
export type ReconciliationReport = z.infer<typeof ReconciliationReport>;

/** Per SKU of one node: on hand, and open supply and demand whatever their dates (Odoo counts them all). */
export interface NodeTotals {
  onHand: ReadonlyMap<string, number>;
  incoming: ReadonlyMap<string, number>;
  outgoing: ReadonlyMap<string, number>;
}

const Quantities = z.object({ id: z.number().int(), qty_available: z.number(), incoming_qty: z.number(), outgoing_qty: z.number() });
const TOLERANCE = 0.005;

/**
 * Compares, for every node, the cache's on hand, incoming and outgoing per SKU with Odoo's own
 * `qty_available`, `incoming_qty` and `outgoing_qty` read with that warehouse in context.
 */
export async function reconcileWithOdoo(
  client: OdooClient,
  dialect: OdooDialect,
  nodes: { nodeId: string; warehouseId: number }[],
  skuOfProduct: ReadonlyMap<number, string>,
  totalsFor: (nodeId: string) => NodeTotals,
  options: { pageSize?: number; signal?: AbortSignal; now: () => string },
): Promise<ReconciliationReport> {
  const pageSize = options.pageSize ?? 5000;
  const productIds = [...skuOfProduct.keys()].sort((a, b) => a - b);
  const differences: ReconciliationDifference[] = [];
  for (const { nodeId, warehouseId } of nodes) {
    const totals = totalsFor(nodeId);
    for (let start = 0; start < productIds.length; start += pageSize) {
      if (options.signal?.aborted) break;
      const ids = productIds.slice(start, start + pageSize);
      const rows = await client.read('product.product', ids, ['qty_available', 'incoming_qty', 'outgoing_qty'], Quantities, { [dialect.warehouseContextKey]: warehouseId });
      for (const row of rows) {
        const skuId = skuOfProduct.get(row.id);
        if (!skuId) continue;
        const compare = (figure: ReconciliationDifference['figure'], cache: number, odoo: number): void => {
          if (Math.abs(cache - odoo) > TOLERANCE) differences.push({ nodeId, skuId, figure, cache: Math.round(cache * 1000) / 1000, odoo });
        };
        compare('on hand', totals.onHand.get(skuId) ?? 0, row.qty_available);
        compare('incoming', totals.incoming.get(skuId) ?? 0, row.incoming_qty);
        compare('outgoing', totals.outgoing.get(skuId) ?? 0, row.outgoing_qty);
      }
    }
  }
  return { checkedAt: options.now(), nodes: nodes.length, products: productIds.length, differences };
}
