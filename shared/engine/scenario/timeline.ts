import type { RowTimeline } from '../../domain';
import type { ScenarioPlan } from './scenario-plan';

/** A node × SKU day by day under a plan; null when the node or SKU is not in the snapshot. */
export function rowTimeline(plan: ScenarioPlan, nodeId: string, skuId: string): RowTimeline | null {
  const { model } = plan;
  const node = model.nodeIndex.get(nodeId);
  const sku = model.skuIndex.get(skuId);
  if (node === undefined || sku === undefined) return null;
  const row = node * model.skuCount + sku;
  const H = model.horizonDays;
  const supply = new Array<number>(H).fill(0);
  const demand = new Array<number>(H).fill(0);
  plan.forEachSupply(row, (bucket, qty) => {
    if (bucket < H) supply[bucket] = (supply[bucket] as number) + qty;
  });
  plan.forEachDemand(row, (bucket, qty) => {
    if (bucket < H) demand[bucket] = (demand[bucket] as number) + qty;
  });
  const net = plan.netFlowOf(row);
  let balance = model.onHand[row] as number;
  const balances = Array.from(net, (flow) => (balance += flow));
  const min = model.ruleMin[row] as number;
  const max = model.ruleMax[row] as number;
  return {
    nodeId,
    skuId,
    dates: Array.from({ length: H }, (_, day) => model.calendar.dateOf(day)),
    balance: balances,
    supply,
    demand,
    min: Number.isNaN(min) ? null : min,
    max: Number.isNaN(max) ? null : max,
  };
}
