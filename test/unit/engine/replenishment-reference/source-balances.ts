import type { ScenarioPlan } from '../../../../shared/engine';

/**
 * Projected balances of one SKU at every node, for judging what a node can spare. Computed only for
 * nodes that are asked, and lowered as transfers are granted so a source is never promised twice.
 */
export class SourceBalances {
  private readonly balance: Float64Array;
  /** suffixMin[n * H + d] = lowest balance of node n from day d to the end of the horizon. */
  private readonly suffixMin: Float64Array;
  private readonly ready: Uint8Array;
  private sku = -1;

  constructor(private readonly plan: ScenarioPlan) {
    const { nodeCount, horizonDays } = plan.model;
    this.balance = new Float64Array(nodeCount * horizonDays);
    this.suffixMin = new Float64Array(nodeCount * horizonDays);
    this.ready = new Uint8Array(nodeCount);
  }

  startSku(sku: number): void {
    this.sku = sku;
    this.ready.fill(0);
  }

  /** The node's floor: its rule's minimum, or zero when it has no rule (never below what it promised). */
  floorOf(node: number): number {
    const min = this.plan.model.ruleMin[node * this.plan.model.skuCount + this.sku] as number;
    return Number.isNaN(min) ? 0 : Math.max(0, min);
  }

  /** What the node can ship on `day` and still stay at or above its floor on every later day. */
  spareFrom(node: number, day: number): number {
    const H = this.plan.model.horizonDays;
    if (day >= H) return 0;
    this.prepare(node);
    return (this.suffixMin[node * H + day] as number) - this.floorOf(node);
  }

  take(node: number, day: number, qty: number): void {
    const H = this.plan.model.horizonDays;
    this.prepare(node);
    for (let d = day; d < H; d++) this.balance[node * H + d] = (this.balance[node * H + d] as number) - qty;
    this.refreshSuffix(node);
  }

  private prepare(node: number): void {
    if (this.ready[node]) return;
    const { model } = this.plan;
    const H = model.horizonDays;
    const row = node * model.skuCount + this.sku;
    const net = this.plan.netFlowOf(row);
    let balance = model.onHand[row] as number;
    for (let d = 0; d < H; d++) {
      balance += net[d] as number;
      this.balance[node * H + d] = balance;
    }
    this.refreshSuffix(node);
    this.ready[node] = 1;
  }

  private refreshSuffix(node: number): void {
    const H = this.plan.model.horizonDays;
    let lowest = Number.POSITIVE_INFINITY;
    for (let d = H - 1; d >= 0; d--) {
      const balance = this.balance[node * H + d] as number;
      if (balance < lowest) lowest = balance;
      this.suffixMin[node * H + d] = lowest;
    }
  }
}
